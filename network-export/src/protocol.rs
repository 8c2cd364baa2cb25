//! The description's `protocol` block as PyNEST: `pop.set(..)` (values per neuron as
//! `nest.spatial.pos.x`, `nest.random.*`; mask selections as `SelectNodesByMask`),
//! `gen.set(..)`, `GetConnections(..).set(weight=..)` and `.get([..])`, recorders created
//! and connected between runs, and `nest.Simulate(..)`, in order.

use super::devices::target;
use super::python::{float, floats, ident, parameter};
use super::recorders;
use super::statements::Input;
use network_core::Result;
use network_syntax::description::{SetValue, Value, ValueDesc};
use network_syntax::lowering::{Action, Recorder, Step, Target};

/// The protocol's statements as Python lines; `nest.Simulate(T_SIM)` without one.
pub(super) fn run(input: &Input) -> Result<String> {
    if input.plan.protocol.is_empty() {
        return Ok("nest.Simulate(T_SIM)".into());
    }
    let mut lines = Vec::new();
    for a in &input.plan.protocol {
        lines.push(match a {
            Action::Simulate(t) => format!("nest.Simulate({})", float(*t)),
            // A mask selection is written where it is used (`SelectNodesByMask`).
            Action::Within(_) => continue,
            Action::Record(r) => {
                let cell = match r {
                    Recorder::Spikes(r) => recorders::spike_recorder(input, r),
                    Recorder::Multimeter(m) => recorders::multimeter(input, m),
                    Recorder::Weights(w) => recorders::weight_recorder(input, w)?,
                };
                cell.code
            }
            Action::SetNeurons {
                target: t,
                param,
                value,
            } => {
                let population = match t {
                    Target::All(p) => *p,
                    Target::Range { population, .. } | Target::List { population, .. } => {
                        *population
                    }
                    Target::Selection(_) => population_of(input, t),
                };
                let d = input.description;
                let base = d.neurons[d.populations[population].model].base;
                let v = match value {
                    Value::Constant(v) => parameter(base.parameters(), param, *v),
                    // NEST evaluates a parameter for each node it sets.
                    Value::Expression(e) => super::expression::neuron_python(e),
                    v => input.value(&ValueDesc::Known(v.clone()))?,
                };
                format!("{}.set({param}={v})", target(input, t).0)
            }
            Action::SetGenerator { name, values } => {
                let values: Vec<String> = values
                    .iter()
                    .map(|(param, value)| {
                        let v = match value {
                            // NEST takes a flag as a `bool` only.
                            SetValue::Number(v)
                                if network_core::spec::time_flags::is_time_flag(param) =>
                            {
                                (if *v == 1.0 { "True" } else { "False" }).to_string()
                            }
                            // NEST takes a whole number as an `int` (`activity`, `n_proc`).
                            SetValue::Number(v) if integer(param) => format!("{}", *v as i64),
                            SetValue::Number(v) => float(*v),
                            // NEST reads an empty Python list as a list of no type,
                            // which it refuses for a list of integers; numpy's typed
                            // empty array passes.
                            SetValue::List(l) if integer(param) && l.is_empty() => {
                                "__import__(\"numpy\").array([], dtype=int)".to_string()
                            }
                            SetValue::List(l) if integer(param) => format!(
                                "[{}]",
                                l.iter()
                                    .map(|v| (*v as i64).to_string())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                            SetValue::List(l) => floats(l),
                        };
                        format!("{param}={v}")
                    })
                    .collect();
                format!("{}.set({})", ident(name), values.join(", "))
            }
            Action::SetRecorder {
                name, param, value, ..
            }
            | Action::SetRateMultimeter { name, param, value } => {
                format!("{}.set({param}={})", ident(name), float(*value))
            }
            Action::SetRate {
                population,
                select,
                param,
                value,
            } => super::rate::set(input.plan, *population, select, param, *value),
            Action::SetWeight { field, value } => set_weight(input, field, *value),
            Action::SetSynapses { field, values } => set_synapses(input, field, values),
            Action::ReadConnections {
                name,
                field,
                columns,
            } => read_connections(input, name, field, columns),
        });
    }
    Ok(lines.join("\n"))
}

/// The population of a protocol's mask selection.
fn population_of(input: &Input, t: &Target) -> usize {
    input
        .plan
        .protocol
        .iter()
        .find_map(|a| match (a, t) {
            (Action::Within(w), Target::Selection(slot)) if w.slot == *slot => Some(w.population),
            _ => None,
        })
        .expect("the lowering binds a protocol's selection before its use")
}

/// The connection whose field is `field`.
fn connection<'a>(input: &'a Input, field: &str) -> &'a network_syntax::lowering::Connect {
    input
        .plan
        .steps
        .iter()
        .find_map(|s| match s {
            Step::Connect(c) if c.field == field => Some(c),
            _ => None,
        })
        .expect("the checker resolved the connection")
}

/// Every synapse of a connection with `values` set (one `SetStatus` with a
/// dictionary): the same selection as a weight's set; a whole-number parameter as an
/// `int`, which NEST requires. A list holds one value per synapse sorted by source and
/// target (the engine's order); NEST's `GetConnections` lists them in its own order, so
/// the script puts each value at its synapse's place there (a stable sort keeps
/// synapses of one pair in creation order).
fn set_synapses(input: &Input, field: &str, values: &[(&'static str, SetValue)]) -> String {
    let c = connection(input, field);
    let table = c.synapse.base.parameters();
    let conns = format!(
        "nest.GetConnections({}, {}, synapse_model={:?})",
        target(input, &c.sources).0,
        target(input, &c.targets).0,
        c.synapse.model_name(),
    );
    let listed = values.iter().any(|(_, v)| matches!(v, SetValue::List(_)));
    // `lambda` is a word of Python: then a dictionary.
    let dict = listed || values.iter().any(|(p, _)| *p == "lambda");
    let values: Vec<String> = values
        .iter()
        .map(|(param, v)| {
            let integer = table.iter().any(|p| p.name == *param && p.is_integer());
            let one = |v: f64| match integer {
                true => format!("{}", v as i64),
                false => float(v),
            };
            let v = match v {
                SetValue::Number(v) => one(*v),
                SetValue::List(l) => format!(
                    "__in_nest_order([{}])",
                    l.iter().map(|&v| one(v)).collect::<Vec<_>>().join(", ")
                ),
            };
            match dict {
                true => format!("{param:?}: {v}"),
                false => format!("{param}={v}"),
            }
        })
        .collect();
    if !listed {
        let values = match dict {
            true => format!("{{{}}}", values.join(", ")),
            false => values.join(", "),
        };
        return format!("{conns}.set({values})");
    }
    format!(
        "__conns = {conns}\n\
         __pairs = list(zip(__conns.sources(), __conns.targets()))\n\
         __order = sorted(range(len(__pairs)), key=lambda i: __pairs[i])\n\
         __in_nest_order = lambda ours: [v for _, v in sorted(zip(__order, ours))]\n\
         __conns.set({{{}}})",
        values.join(", ")
    )
}

/// A connection's synapses read into a Python dictionary of lists named `name`
/// (NEST's `GetConnections(..).get([..])`): `source`, `target` and `columns`.
fn read_connections(input: &Input, name: &str, field: &str, columns: &[&'static str]) -> String {
    let c = connection(input, field);
    let keys: Vec<String> = ["source", "target"]
        .iter()
        .chain(columns)
        .map(|k| format!("{k:?}"))
        .collect();
    format!(
        "{} = nest.GetConnections({}, {}, synapse_model={:?}).get([{}])",
        ident(name),
        target(input, &c.sources).0,
        target(input, &c.targets).0,
        c.synapse.model_name(),
        keys.join(", ")
    )
}

/// Every synapse of a connection set to `value`.
fn set_weight(input: &Input, field: &str, value: f64) -> String {
    let c = connection(input, field);
    // A `_hom` model keeps the weight in its copy of its own for this connection; the
    // others per synapse: the connection's sources, targets and synapse model.
    let hom = !c.synapse.base.common().is_empty();
    if let (true, Ok(Some((copy, _)))) = (hom, input.common_model(&c.synapse, &c.field)) {
        return format!(
            "nest.SetDefaults({copy:?}, {{\"weight\": {}}})",
            float(value)
        );
    }
    let model = c.synapse.model_name();
    format!(
        "nest.GetConnections({}, {}, synapse_model={:?}).set(weight={})",
        target(input, &c.sources).0,
        target(input, &c.targets).0,
        model,
        float(value)
    )
}

/// Whether a generator's parameter `param` is a whole number (or a list of them) in
/// NEST: the tables' integers (`activity`, `gamma_shape`, `n_proc`) and a spike
/// generator's `spike_multiplicities` (NEST reads them as integers and refuses floats).
fn integer(param: &str) -> bool {
    use network_core::spec::ParamKind;
    param == "spike_multiplicities"
        || network_core::spec::devices::DEVICES.iter().any(|d| {
            d.parameters
                .iter()
                .any(|p| p.name == param && p.kind == ParamKind::Integer)
        })
}
