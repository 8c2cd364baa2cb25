//! The `protocol` block: what a NEST script does between `Simulate` calls, checked like
//! the rest of the description (names through the model's table, units by dimension).

use super::protocol_flags::Flags;
use super::protocol_generators::Tables;
use super::protocol_windows::Windows;
use super::{Ctx, Kind, POISONED};
use crate::ast::*;
use crate::description::*;
use crate::settable::{self, WINDOW_NAMES as WINDOW};
use crate::units::Dim;

/// The statements of every `protocol` block, in order (one block is allowed).
pub(super) fn protocol(
    cx: &mut Ctx,
    items: &[Item],
    wiring: &mut Vec<Wiring>,
) -> Vec<ProtocolStep> {
    let mut blocks = items.iter().filter_map(|i| match i {
        Item::Protocol(p) => Some(p),
        _ => None,
    });
    let Some(first) = blocks.next() else {
        return Vec::new();
    };
    for extra in blocks {
        cx.error(
            (&extra.keyword).into(),
            "a description has one `protocol` block",
            "write every run and change in the first block, in order",
        );
    }
    let mut steps = Vec::new();
    let mut windows = Windows::default();
    let mut tables = Tables::default();
    let mut flags = Flags::default();
    for s in &first.statements {
        let next = match s {
            ProtocolStatement::Set { entity, param, .. } => {
                Some((entity.to_string(), param.to_string()))
            }
            _ => None,
        };
        let next = next.as_ref().map(|(e, p)| (e.as_str(), p.as_str()));
        tables.next_statement(cx, next);
        flags.next_statement(cx, next.map(|(e, _)| e));
        steps.extend(statement(
            cx,
            s,
            wiring,
            &mut windows,
            (&mut tables, &mut flags),
        ));
    }
    tables.next_statement(cx, None);
    flags.next_statement(cx, None);
    let simulates = first
        .statements
        .iter()
        .any(|s| matches!(s, ProtocolStatement::Simulate { .. }));
    if !simulates {
        cx.error(
            (&first.keyword).into(),
            "a protocol that never simulates does nothing",
            "add `simulate 100 ms;`",
        );
    }
    steps
}

fn statement(
    cx: &mut Ctx,
    s: &ProtocolStatement,
    wiring: &mut Vec<Wiring>,
    windows: &mut Windows,
    (tables, flags): (&mut Tables, &mut Flags),
) -> Vec<ProtocolStep> {
    match s {
        ProtocolStatement::Simulate { time, .. } => simulate(cx, time).into_iter().collect(),
        ProtocolStatement::Record(d) => record(cx, d, wiring).into_iter().collect(),
        ProtocolStatement::Read {
            name,
            connection,
            columns,
            ..
        } => super::protocol_reads::read(cx, name, connection, columns.as_deref(), wiring)
            .into_iter()
            .collect(),
        ProtocolStatement::SetNeurons { target, fields, .. } => {
            super::protocol_neurons::block(cx, target, fields)
        }
        ProtocolStatement::Set {
            entity,
            slice,
            param,
            value,
        } => set(
            cx,
            entity,
            slice.as_ref(),
            param,
            value,
            wiring,
            (windows, tables, flags),
        )
        .into_iter()
        .collect(),
    }
}

/// `record NAME = RECORDER .. <- TARGET;` between runs: checked as one declared before
/// the protocol, and known by its name from here on. Why: a recorder on rate neurons
/// is made with the rate populations, before any run.
fn record(cx: &mut Ctx, d: &DeviceItem, wiring: &mut Vec<Wiring>) -> Option<ProtocolStep> {
    if super::rate_devices::is_rate_record(cx, d) {
        cx.error(
            (&d.name).into(),
            "a multimeter on rate neurons cannot be added between runs yet",
            format!(
                "declare `record {} = ..` before the protocol with `start` at the time it begins",
                d.name
            ),
        );
        return None;
    }
    // A generator's train, shared by its targets or drawn per target, is connected
    // from now on by the engine (`Network::add_record_generator`).
    let desc = super::devices::recorder(cx, d, wiring);
    let index = desc.as_ref().map_or(POISONED, |_| wiring.len());
    if !cx.declare(&d.name, Kind::Recorder, index) {
        return None;
    }
    wiring.push(Wiring::Recorder(desc?));
    Some(ProtocolStep::Record { wiring: index })
}

/// Why: NEST simulates whole steps; a time off the grid or below zero is its error too.
fn simulate(cx: &mut Ctx, time: &Expr) -> Option<ProtocolStep> {
    let t = cx.number(time, Dim::Time, "simulate")?;
    let steps = t / cx.resolution;
    if t.is_nan() || t <= 0.0 || (steps - steps.round()).abs() > 1e-9 * steps.max(1.0) {
        cx.error(
            time.span(),
            format!(
                "cannot simulate {t} ms: the time must be a positive multiple of the resolution ({} ms)",
                cx.resolution
            ),
            "e.g. `simulate 100 ms;`",
        );
        return None;
    }
    Some(ProtocolStep::Simulate(t))
}

/// `set GENERATOR.FLAG = true|false` (`allow_offgrid_times`, a spike generator's
/// `precise_times`): `None` when `param` is not a flag of the generator, else the step
/// (`None` inside after an error). The flag is 1 or 0, as the engine takes it.
fn set_flag(
    cx: &mut Ctx,
    index: usize,
    (name, kind): (&str, &StimulusDesc),
    param: &syn::Ident,
    value: &Expr,
    (tables, flags): (&mut Tables, &mut Flags),
) -> Option<Option<ProtocolStep>> {
    let (model, _) = super::protocol_flags::timed(kind)?;
    let &flag = model.flags().iter().find(|f| param == *f)?;
    let on = match value {
        Expr::Ident(i) if i == "true" => true,
        Expr::Ident(i) if i == "false" => false,
        e => {
            cx.error(
                e.span(),
                format!("`{name}.{flag}` is `true` or `false`"),
                format!("write `set {name}.{flag} = true;`"),
            );
            return Some(None);
        }
    };
    let set = SetValue::Number(if on { 1.0 } else { 0.0 });
    if tables
        .set(cx, index, (name, kind), flag, &set, value)
        .is_none()
    {
        return Some(None);
    }
    flags.set(cx, index, (name, kind), flag, &set, value.span());
    Some(Some(ProtocolStep::SetGenerator {
        wiring: index,
        param: flag,
        value: set,
    }))
}

/// `set NAME[slice].PARAM = VALUE`: the name decides what is set.
fn set(
    cx: &mut Ctx,
    entity: &syn::Ident,
    slice: Option<&Slice>,
    param: &syn::Ident,
    value: &Expr,
    wiring: &[Wiring],
    (windows, tables, flags): (&mut Windows, &mut Tables, &mut Flags),
) -> Option<ProtocolStep> {
    let Some(&(kind, index)) = cx.names.get(&entity.to_string()) else {
        cx.error(
            entity.into(),
            format!("cannot find `{entity}`"),
            "`set` names a population, a stimulator, a recorder or a named connection",
        );
        return None;
    };
    if index == POISONED {
        return None;
    }
    if !matches!(kind, Kind::Population | Kind::RatePopulation) {
        if let Some(slice) = slice {
            cx.error(
                slice.span(),
                format!(
                    "`{entity}` is {}; only a population is sliced",
                    kind.describe()
                ),
                format!("write `set {entity}.{param} = ..`"),
            );
            return None;
        }
    }
    let name = param.to_string();
    match kind {
        Kind::Population => super::protocol_neurons::dotted(cx, index, slice, param, value),
        Kind::Stimulator => {
            let Wiring::Stimulator(g) = &wiring[index] else {
                unreachable!("a stimulator's index is its wiring entry")
            };
            if let Some(step) =
                set_flag(cx, index, (&g.name, &g.kind), param, value, (tables, flags))
            {
                return step;
            }
            let listed = settable::generator(&g.kind);
            let found = settable::WINDOW
                .iter()
                .chain(&listed)
                .find(|p| p.name == name)
                .map(|p| (p.name, p.dimension, p.list));
            let Some((param_name, dim, list)) = found else {
                if name == "individual_spike_trains" {
                    cx.error(
                        param.into(),
                        format!("`{}.individual_spike_trains` cannot be set between runs", g.name),
                        "NEST sets it only on the model (SetDefaults or CopyModel): write it in the declaration",
                    );
                    return None;
                }
                let names: Vec<&str> = listed.iter().map(|p| p.name).chain(WINDOW).collect();
                unknown(cx, param, &g.name, &names);
                return None;
            };
            let at = value;
            let value = if list {
                SetValue::List(cx.numbers(value, dim, param_name)?)
            } else {
                SetValue::Number(cx.number(value, dim, param_name)?)
            };
            if !WINDOW.contains(&param_name) {
                tables.set(cx, index, (&g.name, &g.kind), param_name, &value, at)?;
            }
            flags.set(cx, index, (&g.name, &g.kind), param_name, &value, at.span());
            match (&g.kind, param_name, &value) {
                (StimulusDesc::Noise { .. }, "dt", SetValue::Number(dt)) => {
                    super::devices::noise_dt(cx, at.span(), &g.name, *dt)?
                }
                (StimulusDesc::Spikes { .. }, "spike_multiplicities", SetValue::List(m)) => {
                    super::generators::whole_counts(cx, at, m)?
                }
                _ => {}
            }
            Some(ProtocolStep::SetGenerator {
                wiring: index,
                param: param_name,
                value,
            })
        }
        Kind::Recorder => {
            let Wiring::Recorder(r) = &wiring[index] else {
                unreachable!("a recorder's index is its wiring entry")
            };
            let Some(&param_name) = WINDOW.iter().find(|w| **w == name) else {
                unknown(cx, param, &r.name, &WINDOW);
                return None;
            };
            Some(ProtocolStep::SetRecorder {
                wiring: index,
                param: param_name,
                value: windows.set(cx, index, r, param_name, value)?,
            })
        }
        Kind::Projection => {
            let Wiring::Projection(p) = &wiring[index] else {
                unreachable!("a connection's index is its wiring entry")
            };
            // A weight per synapse is set with the other values of each synapse.
            if name != "weight" || matches!(value, Expr::List { .. }) {
                return super::protocol_synapses::set(cx, index, p, param, value);
            }
            let target = cx.neurons[cx.populations[p.target].model].base;
            Some(ProtocolStep::SetWeight {
                wiring: index,
                value: cx.number(value, target.weight_dimension(), "weight")?,
            })
        }
        Kind::RatePopulation => super::rate_protocol::set(cx, index, slice, param, value),
        Kind::RateMultimeter => {
            let Some(&param_name) = WINDOW.iter().find(|w| **w == name) else {
                unknown(cx, param, &entity.to_string(), &WINDOW);
                return None;
            };
            Some(ProtocolStep::SetRateMultimeter {
                multimeter: index,
                param: param_name,
                value: cx.number(value, Dim::Time, param_name)?,
            })
        }
        Kind::Neuron | Kind::Synapse | Kind::Mask | Kind::RateNeuron | Kind::ConnectionRead => {
            cx.error(
                entity.into(),
                format!(
                    "`{entity}` is {}, which does not change between runs",
                    kind.describe()
                ),
                "`set` names a population, a stimulator, a recorder or a named connection",
            );
            None
        }
    }
}

/// Why: a parameter the entity lacks would only fail when the protocol runs.
pub(super) fn unknown(cx: &mut Ctx, param: &syn::Ident, owner: &str, names: &[&str]) {
    let text = param.to_string();
    let help = match network_spec::error::closest(&text, names) {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("it has {}", names.join(", ")),
    };
    cx.error(
        param.into(),
        format!("`{owner}` has no parameter `{text}` to set between runs"),
        help,
    );
}
