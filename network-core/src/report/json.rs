//! The report as JSON: each type serializes as a struct of its fields, in declaration
//! order, as `#[derive(Serialize)]` would, written by one small macro so that a build
//! of the engine does not compile serde's derive and the second syn it needs
//! (serde_derive alone took 21 of the 1,740 unit-seconds of a cold release build of a
//! user's crate, `scripts/compile_time`). The macro destructures the whole struct, so a
//! field added to a type and not to its line here is a compile error.

use super::{DeviceReport, FiringCheck, PopulationReport, ProjectionReport, Report};
use crate::provenance::Provenance;
use network_spec::firing::{FiringRanges, FiringRegime, RateRange};
use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

/// `impl Serialize for $T` as the struct of `$field`s, which must be all its fields.
macro_rules! serialize_fields {
    ($T:ident { $($field:ident),* $(,)? }) => {
        impl Serialize for $T {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let $T { $($field),* } = self;
                let mut st = s.serialize_struct(stringify!($T), [$(stringify!($field)),*].len())?;
                $( st.serialize_field(stringify!($field), $field)?; )*
                st.end()
            }
        }
    };
}

serialize_fields!(Report {
    provenance,
    simulated_ms,
    build_s,
    simulation_s,
    real_time_factor,
    populations,
    projections,
    devices,
});
serialize_fields!(PopulationReport {
    name,
    model,
    size,
    spikes,
    rate_hz,
    cv_isi,
    cv_neurons,
    silent_fraction,
    firing,
});
serialize_fields!(ProjectionReport {
    name,
    source,
    target,
    synapse_model,
    synapses,
    mean_indegree,
});
serialize_fields!(DeviceReport {
    name,
    model,
    targets,
    events,
});
serialize_fields!(Provenance {
    software,
    resolution_ms,
    seed,
    threads,
    description_sha256,
});

/// `declared` as a map of the declared regimes, `within` as their names.
impl Serialize for FiringCheck {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let FiringCheck {
            declared,
            within,
            outside,
        } = self;
        let mut st = s.serialize_struct("FiringCheck", 3)?;
        st.serialize_field("declared", &Ranges(declared))?;
        st.serialize_field("within", &Regimes(within))?;
        st.serialize_field("outside", outside)?;
        st.end()
    }
}

/// The declared ranges as JSON: `{"resting": {"low_hz": 1.0, "high_hz": 5.0}, ..}`, the
/// absent ones left out.
struct Ranges<'a>(&'a FiringRanges);

impl Serialize for Ranges<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (regime, range) in self.0.declared() {
            map.serialize_entry(regime.name(), &Range(range))?;
        }
        map.end()
    }
}

/// One range: `{"low_hz": 1.0, "high_hz": 5.0}`.
struct Range(RateRange);

impl Serialize for Range {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut r = s.serialize_struct("RateRange", 2)?;
        r.serialize_field("low_hz", &self.0.low_hz)?;
        r.serialize_field("high_hz", &self.0.high_hz)?;
        r.end()
    }
}

/// The regimes as their names: `["resting", "active"]`.
struct Regimes<'a>(&'a [FiringRegime]);

impl Serialize for Regimes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for r in self.0 {
            seq.serialize_element(r.name())?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Field names and order as `#[derive(Serialize)]` writes them (written by hand).
    #[test]
    fn fields_in_declaration_order() {
        let device = DeviceReport {
            name: "spikes".into(),
            model: "spike_recorder".into(),
            targets: 2,
            events: None,
        };
        assert_eq!(
            serde_json::to_string(&device).unwrap(),
            r#"{"name":"spikes","model":"spike_recorder","targets":2,"events":null}"#
        );
        let ranges = FiringRanges {
            resting: Some(RateRange::new(1.0, 5.0)),
            active: None,
            max: Some(RateRange::new(50.0, 100.0)),
        };
        assert_eq!(
            serde_json::to_string(&FiringCheck::new(ranges, 3.0)).unwrap(),
            concat!(
                r#"{"declared":{"resting":{"low_hz":1.0,"high_hz":5.0},"#,
                r#""max":{"low_hz":50.0,"high_hz":100.0}},"within":["resting"],"outside":false}"#
            )
        );
    }
}
