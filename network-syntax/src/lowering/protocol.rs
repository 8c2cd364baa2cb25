//! A `protocol` block lowered: the run sequence after the build, with every entity
//! named as the consumers know it (a population by index, a device or connection by
//! its field).

use super::{recorder, Recorder, Target, Within};
use crate::description::{
    Description, ProtocolStep, RecorderKind, SelectDesc, SetValue, TargetDesc, Value, Wiring,
};
use network_spec::time_flags::is_time_flag;

/// One operation of a protocol on a built network, in order.
// A plan is made once per build, so the size of the variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// `Network::simulate` for this many more ms (NEST's `Simulate`).
    Simulate(f64),
    /// `Network::set_neurons`: a parameter of the model's table (NEST's name and units).
    SetNeurons {
        /// The neurons: a population, a range, a list, or the mask selection bound by
        /// an earlier [`Action::Within`].
        target: Target,
        /// The parameter.
        param: &'static str,
        /// Its value: a constant, or per neuron a random term or an expression of its
        /// position (`Network::set_neurons_to`).
        value: Value,
    },
    /// `Network::within` on the built network (NEST's `SelectNodesByMask`): the
    /// neurons inside a mask, bound to a slot that later actions name.
    Within(Within),
    /// A recorder added between runs (`Network::add_spike_recorder`, `add_multimeter`,
    /// `add_weight_recorder`; NEST's `Create` and `Connect` after a `Simulate`).
    Record(Recorder),
    /// `Network::set_generator_params` (NEST's `gen.set(..)`): one parameter, or the
    /// two lists NEST takes only together (a step current's `amplitude_times` and
    /// `amplitude_values`, an inhomogeneous Poisson generator's `rate_times` and
    /// `rate_values`), from two consecutive `set` statements.
    SetGenerator {
        /// The generator's name (its field).
        name: String,
        /// The parameters and their values, in the protocol's order.
        values: Vec<(&'static str, SetValue)>,
    },
    /// `Network::set_spike_recorder`, `set_multimeter` or `set_weight_recorder`:
    /// `start`, `stop`, `origin`.
    SetRecorder {
        /// The recorder's name (its field).
        name: String,
        /// Which kind of recorder it is (which setter takes it).
        kind: RecorderType,
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
    /// `Network::set_synapse_states` (NEST's `conns.set(..)` with a dictionary): plastic
    /// states, rule parameters and `delay` of every synapse of a connection, from
    /// consecutive `set` statements on it, set together.
    SetSynapses {
        /// The connection's field.
        field: String,
        /// The parameters and their values (NEST's names and units; a list has one per
        /// synapse, sorted by source and target), in the protocol's order.
        values: Vec<(&'static str, SetValue)>,
    },
    /// `Network::read_connections` (NEST's `GetConnections(..).get([..])`): a
    /// connection's synapses read now, kept under a name.
    ReadConnections {
        /// The name the table is known by (a field of `network!`'s type, a file of
        /// `network run --out`).
        name: String,
        /// The connection's field.
        field: String,
        /// The columns after `source` and `target` (NEST's names).
        columns: Vec<&'static str>,
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

/// The kind of a recorder whose window a protocol sets: the engine has one setter
/// per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecorderType {
    /// A spike recorder (`Network::set_spike_recorder`).
    Spikes,
    /// A multimeter (`Network::set_multimeter`).
    Multimeter,
    /// A weight recorder (`Network::set_weight_recorder`).
    Weights,
}

/// The protocol of `d`, lowered; its mask selections take the slots from `slots` on
/// (the build's are numbered before).
pub(super) fn lower(d: &Description, mut slots: usize) -> Vec<Action> {
    let mut actions = Vec::new();
    // The block form sets several parameters on one selection: one `Within` serves them.
    let mut last: Option<(TargetDesc, Target)> = None;
    for s in &d.protocol {
        let action = match s {
            ProtocolStep::Simulate(t) => Action::Simulate(*t),
            ProtocolStep::SetNeurons {
                target,
                param,
                value,
            } => {
                let lowered = match &last {
                    Some((desc, lowered)) if desc == target => lowered.clone(),
                    _ => {
                        let lowered =
                            super::target(target, &mut slots, |w| actions.push(Action::Within(w)));
                        last = Some((target.clone(), lowered.clone()));
                        lowered
                    }
                };
                Action::SetNeurons {
                    target: lowered,
                    param,
                    value: value.clone(),
                }
            }
            ProtocolStep::Record { wiring } => {
                let Wiring::Recorder(r) = &d.wiring[*wiring] else {
                    unreachable!("the checker records a recorder")
                };
                let targets = r
                    .targets
                    .iter()
                    .map(|t| super::target(t, &mut slots, |w| actions.push(Action::Within(w))))
                    .collect();
                Action::Record(recorder(d, *wiring, r, targets))
            }
            ProtocolStep::SetGenerator {
                wiring,
                param,
                value,
            } => {
                let name = wiring_name(d, *wiring);
                // The checker puts a list NEST takes with another right after it.
                if let Some(Action::SetGenerator { name: n, values }) = actions.last_mut() {
                    let open: Vec<&str> = values.iter().map(|(p, _)| *p).collect();
                    if *n == name && joins(&open, param) {
                        values.push((*param, value.clone()));
                        continue;
                    }
                }
                Action::SetGenerator {
                    name,
                    values: vec![(*param, value.clone())],
                }
            }
            ProtocolStep::SetRecorder {
                wiring,
                param,
                value,
            } => Action::SetRecorder {
                name: wiring_name(d, *wiring),
                kind: match &d.wiring[*wiring] {
                    Wiring::Recorder(r) => match r.kind {
                        RecorderKind::Spikes { .. } => RecorderType::Spikes,
                        RecorderKind::Multimeter { .. } => RecorderType::Multimeter,
                        RecorderKind::Weights { .. } => RecorderType::Weights,
                    },
                    _ => unreachable!("the checker sets the window of a recorder"),
                },
                param,
                value: *value,
            },
            ProtocolStep::SetWeight { wiring, value } => Action::SetWeight {
                field: wiring_name(d, *wiring),
                value: *value,
            },
            ProtocolStep::SetSynapse {
                wiring,
                param,
                value,
            } => {
                let field = wiring_name(d, *wiring);
                // Consecutive sets on one connection are one `SetStatus` in NEST.
                if let Some(Action::SetSynapses { field: f, values }) = actions.last_mut() {
                    if *f == field {
                        values.retain(|(p, _)| p != param);
                        values.push((*param, value.clone()));
                        continue;
                    }
                }
                Action::SetSynapses {
                    field,
                    values: vec![(*param, value.clone())],
                }
            }
            ProtocolStep::ReadConnections {
                wiring,
                name,
                columns,
            } => Action::ReadConnections {
                name: name.clone(),
                field: wiring_name(d, *wiring),
                columns: columns.clone(),
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
        };
        if !matches!(action, Action::SetNeurons { .. }) {
            last = None;
        }
        actions.push(action);
    }
    actions
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

/// Whether a `set` of generator parameter `param` joins `open` (the parameters of the
/// same generator's change just before it) into one change (one NEST `SetStatus`):
/// anything after flags alone (NEST takes `allow_offgrid_times` and `precise_times`
/// only with the times they govern), and a list after its partner.
pub fn joins(open: &[&str], param: &str) -> bool {
    let mut lists = open.iter().filter(|p| !is_time_flag(p));
    match (lists.next(), lists.next()) {
        (None, _) => true,
        (Some(one), None) => paired(one) == Some(param),
        _ => false,
    }
}

/// The list a generator's parameter `param` is set together with in NEST (its
/// `SetStatus` refuses one without the other), if any.
pub fn paired(param: &str) -> Option<&'static str> {
    Some(match param {
        "amplitude_times" => "amplitude_values",
        "amplitude_values" => "amplitude_times",
        "rate_times" => "rate_values",
        "rate_values" => "rate_times",
        _ => return None,
    })
}
