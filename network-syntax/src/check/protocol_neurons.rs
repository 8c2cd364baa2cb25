//! `set` on neurons between runs: `set exc[0..5].V_m = -55 mV;` and
//! `set exc within center { V_m: -70 mV + 5 mV * x / 1 mm, V_th: uniform(..) };`.
//! A value is a number, a random term or an expression of the neuron's position, as in
//! `population .. with { .. }` (NEST's `pop.set(V_m=-70.0 + 5.0 * nest.spatial.pos.x)`).
//! Why the checks: the model's table says which names exist and in which unit; a value
//! of position needs positions on the layer's axes; a flag is 0 or 1.

use super::targets::{slice_of, target};
use super::Ctx;
use crate::ast::*;
use crate::description::*;
use network_spec::expression::Expression;
use std::sync::Arc;

/// `set POP[SLICE].PARAM = VALUE;` on population `population`.
pub(super) fn dotted(
    cx: &mut Ctx,
    population: usize,
    slice: Option<&Slice>,
    param: &syn::Ident,
    value: &Expr,
) -> Option<ProtocolStep> {
    let pop = cx.populations[population].clone();
    let select = match slice {
        Some(s) => slice_of(cx, s, &pop)?,
        None => SelectDesc::All,
    };
    let (param, value) = one(cx, &pop, param, value)?;
    Some(ProtocolStep::SetNeurons {
        target: TargetDesc { population, select },
        param,
        value,
    })
}

/// `set TARGET { PARAM: VALUE, .. };`: one step per parameter, in the order written,
/// on the same neurons.
pub(super) fn block(cx: &mut Ctx, t: &Target, fields: &Fields) -> Vec<ProtocolStep> {
    let Some(target) = target(cx, t, "`set` changes the neurons of a population") else {
        return Vec::new();
    };
    if fields.fields.is_empty() {
        cx.error(
            SpanRange::single(fields.span),
            "`set` with no parameter changes nothing",
            "write `{ PARAM: VALUE, .. }`, e.g. `{ V_m: -70 mV }`",
        );
        return Vec::new();
    }
    let pop = cx.populations[target.population].clone();
    let mut seen: Vec<String> = Vec::new();
    let mut steps = Vec::new();
    for f in &fields.fields {
        let name = f.name.to_string();
        if seen.contains(&name) {
            cx.error(
                (&f.name).into(),
                format!("duplicate parameter `{name}`"),
                "each parameter may be set once per `set`; remove one",
            );
            continue;
        }
        seen.push(name);
        if let Some((param, value)) = one(cx, &pop, &f.name, &f.value) {
            steps.push(ProtocolStep::SetNeurons {
                target: target.clone(),
                param,
                value,
            });
        }
    }
    steps
}

/// A parameter of `pop`'s model and its value.
fn one(
    cx: &mut Ctx,
    pop: &PopulationDesc,
    param: &syn::Ident,
    value: &Expr,
) -> Option<(&'static str, Value)> {
    let base = cx.neurons[pop.model].base;
    let name = param.to_string();
    let Some(info) = base.parameter(&name).filter(|p| !p.is_list()) else {
        let names: Vec<&str> = base
            .parameters()
            .iter()
            .filter(|p| !p.is_list())
            .map(|p| p.name)
            .collect();
        super::protocol::unknown(
            cx,
            param,
            &format!("{} ({})", pop.name, base.name()),
            &names,
        );
        return None;
    };
    // A number keeps its own diagnostics (dimension, flag); anything else is an
    // expression of the neuron's values.
    if info.is_flag() || matches!(value, Expr::Number(_)) {
        let v = cx.number(value, info.dimension, info.name)?;
        if info.is_flag() && v != 0.0 && v != 1.0 {
            cx.error(
                value.span(),
                format!("`{}` is a flag: 0 or 1", info.name),
                "",
            );
            return None;
        }
        return Some((info.name, Value::Constant(v)));
    }
    cx.neuron_scope = true;
    let tree = super::expression::expression(cx, value, info.dimension, info.name);
    cx.neuron_scope = false;
    let tree = tree?;
    let population = super::ident_named(&pop.name, param.span());
    if tree.is_spatial()
        && !super::initial::fits(cx, value, &population, info.name, &tree, pop.dims())
    {
        return None;
    }
    Some((
        info.name,
        match tree {
            Expression::Number(v) => Value::Constant(v),
            tree => Value::Expression(Arc::new(tree)),
        },
    ))
}
