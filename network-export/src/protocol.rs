//! The description's `protocol` block as PyNEST: `pop.set(..)`, `gen.set(..)`,
//! `GetConnections(..).set(weight=..)` and `nest.Simulate(..)`, in order.

use super::devices::target;
use super::python::{float, floats, ident};
use super::statements::{python_bool, Input};
use network_syntax::description::SetValue;
use network_syntax::lowering::{Action, Step};

/// The protocol's statements as Python lines; `nest.Simulate(T_SIM)` without one.
pub(super) fn run(input: &Input) -> String {
    if input.plan.protocol.is_empty() {
        return "nest.Simulate(T_SIM)".into();
    }
    let lines: Vec<String> = input
        .plan
        .protocol
        .iter()
        .map(|a| match a {
            Action::Simulate(t) => format!("nest.Simulate({})", float(*t)),
            Action::SetNeurons {
                target: t,
                param,
                value,
            } => {
                let population = match t {
                    network_syntax::lowering::Target::All(p) => *p,
                    network_syntax::lowering::Target::Range { population, .. }
                    | network_syntax::lowering::Target::List { population, .. } => *population,
                    network_syntax::lowering::Target::Selection(_) => 0,
                };
                let d = input.description;
                let base = d.neurons[d.populations[population].model].base;
                let v = if base.is_flag(param) {
                    python_bool(*value != 0.0).to_string()
                } else {
                    float(*value)
                };
                format!("{}.set({param}={v})", target(input, t).0)
            }
            Action::SetGenerator { name, param, value } => {
                let v = match value {
                    SetValue::Number(v) => float(*v),
                    SetValue::List(l) => floats(l),
                };
                format!("{}.set({param}={v})", ident(name))
            }
            Action::SetRecorder {
                name, param, value, ..
            } => format!("{}.set({param}={})", ident(name), float(*value)),
            Action::SetWeight { field, value } => {
                let c = input
                    .plan
                    .steps
                    .iter()
                    .find_map(|s| match s {
                        Step::Connect(c) if &c.field == field => Some(c),
                        _ => None,
                    })
                    .expect("the checker resolved the connection");
                // A `_hom` model keeps the weight in its copy of its own for this
                // connection; the others per synapse: the connection's sources, targets
                // and synapse model.
                let hom = !c.synapse.base.common().is_empty();
                if let (true, Ok(Some((copy, _)))) = (hom, input.common_model(&c.synapse, &c.field))
                {
                    return format!(
                        "nest.SetDefaults({copy:?}, {{\"weight\": {}}})",
                        float(*value)
                    );
                }
                let model = c.synapse.model_name();
                format!(
                    "nest.GetConnections({}, {}, synapse_model={:?}).set(weight={})",
                    target(input, &c.sources).0,
                    target(input, &c.targets).0,
                    model,
                    float(*value)
                )
            }
        })
        .collect();
    lines.join("\n")
}
