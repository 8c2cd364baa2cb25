//! A `protocol` block lowered: the run sequence after the build, with every entity
//! named as the consumers know it (a population by index, a device or connection by
//! its field).

use super::Target;
use crate::description::{Description, ProtocolStep, SelectDesc, SetValue, Wiring};

/// One operation of a protocol on a built network, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// `Network::simulate` for this many more ms (NEST's `Simulate`).
    Simulate(f64),
    /// `Network::set_neurons`: a parameter of the model's table (NEST's name and units).
    SetNeurons {
        /// The neurons: a population, a range or a list.
        target: Target,
        /// The parameter.
        param: &'static str,
        /// Its value.
        value: f64,
    },
    /// `Network::set_generator`.
    SetGenerator {
        /// The generator's name (its field).
        name: String,
        /// The parameter.
        param: &'static str,
        /// Its value.
        value: SetValue,
    },
    /// `Network::set_spike_recorder` or `set_multimeter`: `start`, `stop`, `origin`.
    SetRecorder {
        /// The recorder's name (its field).
        name: String,
        /// Whether it is a multimeter (else a spike recorder).
        multimeter: bool,
        /// The parameter.
        param: &'static str,
        /// Its value, ms.
        value: f64,
    },
    /// `Network::set_weight`: every synapse of a connection.
    SetWeight {
        /// The connection's field.
        field: String,
        /// The weight.
        value: f64,
    },
    /// `Network::set_rate_neurons`: a parameter of a whole rate population, or the
    /// state `rate` of some of its neurons (NEST's name and unit).
    SetRate {
        /// The rate population's index (its field is its name).
        population: usize,
        /// All its neurons, a range or a list (a range or a list for `rate` only).
        select: SelectDesc,
        /// The parameter.
        param: &'static str,
        /// Its value.
        value: f64,
    },
    /// `Network::set_rate_multimeter`: `start`, `stop` or `origin` of a multimeter on
    /// rate neurons.
    SetRateMultimeter {
        /// The multimeter's name (its field).
        name: String,
        /// The parameter.
        param: &'static str,
        /// Its value, ms.
        value: f64,
    },
}

/// The protocol of `d`, lowered.
pub(super) fn lower(d: &Description) -> Vec<Action> {
    d.protocol
        .iter()
        .map(|s| match s {
            ProtocolStep::Simulate(t) => Action::Simulate(*t),
            ProtocolStep::SetNeurons {
                target,
                param,
                value,
            } => Action::SetNeurons {
                target: match &target.select {
                    SelectDesc::Range(start, end) => Target::Range {
                        population: target.population,
                        start: *start,
                        end: *end,
                    },
                    SelectDesc::List(indices) => Target::List {
                        population: target.population,
                        indices: indices.clone(),
                    },
                    // A protocol slices by index only (the checker allows no mask).
                    SelectDesc::All | SelectDesc::Within(..) => Target::All(target.population),
                },
                param,
                value: *value,
            },
            ProtocolStep::SetGenerator {
                wiring,
                param,
                value,
            } => Action::SetGenerator {
                name: wiring_name(d, *wiring),
                param,
                value: value.clone(),
            },
            ProtocolStep::SetRecorder {
                wiring,
                param,
                value,
            } => Action::SetRecorder {
                name: wiring_name(d, *wiring),
                multimeter: matches!(
                    &d.wiring[*wiring],
                    Wiring::Recorder(r) if !matches!(r.kind, crate::description::RecorderKind::Spikes { .. })
                ),
                param,
                value: *value,
            },
            ProtocolStep::SetWeight { wiring, value } => Action::SetWeight {
                field: wiring_name(d, *wiring),
                value: *value,
            },
            ProtocolStep::SetRate {
                population,
                select,
                param,
                value,
            } => Action::SetRate {
                population: *population,
                select: select.clone(),
                param,
                value: *value,
            },
            ProtocolStep::SetRateMultimeter {
                multimeter,
                param,
                value,
            } => Action::SetRateMultimeter {
                name: d.rate.multimeters[*multimeter].name.clone(),
                param,
                value: *value,
            },
        })
        .collect()
}

/// The neurons of a rate population's `set` as the engine takes them
/// (`Network::set_rate_neurons`): `None` for all, else their indices.
pub fn rate_indices(select: &SelectDesc) -> Option<Vec<u32>> {
    match select {
        SelectDesc::Range(start, end) => Some((*start as u32..*end as u32).collect()),
        SelectDesc::List(indices) => Some(indices.clone()),
        // The checker slices a rate population by index only.
        SelectDesc::All | SelectDesc::Within(..) => None,
    }
}

/// The field of a device or connection.
fn wiring_name(d: &Description, wiring: usize) -> String {
    match &d.wiring[wiring] {
        Wiring::Recorder(r) => r.name.clone(),
        Wiring::Stimulator(s) => s.name.clone(),
        Wiring::Projection(p) => p.field.clone(),
    }
}

/// The simulated time of a protocol, ms.
pub fn total_time(actions: &[Action]) -> f64 {
    actions
        .iter()
        .map(|a| match a {
            Action::Simulate(t) => *t,
            _ => 0.0,
        })
        .sum()
}
