//! The check of a measured rate against the firing-rate ranges a neuron model declares
//! (the ranges themselves are vocabulary: `network_spec::firing`).

pub use network_spec::firing::{FiringRanges, FiringRegime, RateRange};
use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

/// A measured rate checked against the declared ranges.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FiringCheck {
    /// The declared ranges.
    #[serde(serialize_with = "ranges_json")]
    pub declared: FiringRanges,
    /// The regimes whose range holds the measured rate.
    #[serde(serialize_with = "regimes_json")]
    pub within: Vec<FiringRegime>,
    /// Whether the rate lies outside every declared range (implausible).
    pub outside: bool,
}

impl FiringCheck {
    /// Checks `rate_hz` against `declared`.
    pub fn new(declared: FiringRanges, rate_hz: f64) -> Self {
        let within = declared.regimes_of(rate_hz);
        Self {
            declared,
            outside: within.is_empty(),
            within,
        }
    }
}

/// The declared ranges as JSON: `{"resting": {"low_hz": 1.0, "high_hz": 5.0}, ..}`, the
/// absent ones left out.
fn ranges_json<S: Serializer>(ranges: &FiringRanges, s: S) -> Result<S::Ok, S::Error> {
    struct Range(RateRange);
    impl Serialize for Range {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut r = s.serialize_struct("RateRange", 2)?;
            r.serialize_field("low_hz", &self.0.low_hz)?;
            r.serialize_field("high_hz", &self.0.high_hz)?;
            r.end()
        }
    }
    let mut map = s.serialize_map(None)?;
    for (regime, range) in ranges.declared() {
        map.serialize_entry(regime.name(), &Range(range))?;
    }
    map.end()
}

/// The regimes as their names: `["resting", "active"]`.
fn regimes_json<S: Serializer>(regimes: &[FiringRegime], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(regimes.len()))?;
    for r in regimes {
        seq.serialize_element(r.name())?;
    }
    seq.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pv() -> FiringRanges {
        FiringRanges {
            resting: Some(RateRange::new(1.0, 5.0)),
            active: Some(RateRange::new(10.0, 30.0)),
            max: Some(RateRange::new(50.0, 100.0)),
        }
    }

    #[test]
    fn classifies_rates_with_bounds_included() {
        assert_eq!(pv().regimes_of(5.0), vec![FiringRegime::Resting]);
        assert_eq!(pv().regimes_of(10.0), vec![FiringRegime::Active]);
        assert!(pv().regimes_of(7.0).is_empty());
        assert!(FiringCheck::new(pv(), 120.0).outside);
        assert!(!FiringCheck::new(pv(), 60.0).outside);
        let overlap = FiringRanges {
            resting: Some(RateRange::new(1.0, 8.0)),
            active: Some(RateRange::new(5.0, 20.0)),
            max: None,
        };
        assert_eq!(
            overlap.regimes_of(6.0),
            vec![FiringRegime::Resting, FiringRegime::Active]
        );
    }

    #[test]
    fn rejects_inverted_or_negative_ranges() {
        let bad = FiringRanges {
            active: Some(RateRange::new(30.0, 10.0)),
            ..Default::default()
        };
        let e = bad.validate("PV").unwrap_err().to_string();
        assert!(e.contains("PV") && e.contains("firing.active"), "{e}");
        let negative = FiringRanges {
            resting: Some(RateRange::new(-1.0, 1.0)),
            ..Default::default()
        };
        assert!(negative.validate("PV").is_err());
        assert!(pv().validate("PV").is_ok());
    }

    #[test]
    fn displays_as_written() {
        assert_eq!(
            pv().to_string(),
            "resting 1..5 Hz, active 10..30 Hz, max 50..100 Hz"
        );
    }
}
