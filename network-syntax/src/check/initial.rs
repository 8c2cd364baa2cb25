//! A population's initial state and parameters per neuron (`with { V_m: .., V_th: .. }`),
//! NEST's `nest.Create(model, positions=.., params={..})`: each value is a number, a
//! random term or an expression of the neuron's own position `x`, `y`, `z` (mm).
//! Why the checks: the model's table says which names exist and in which unit; a value
//! of position needs positions, on the layer's axes.

use super::Ctx;
use crate::ast::*;
use crate::description::{BaseModel, Value};
use std::sync::Arc;

/// The values of `with { .. }` for a population of `base` with `dims` spatial
/// dimensions (`None`: not spatial), in NEST units, in the order written.
pub(super) fn initial(
    cx: &mut Ctx,
    population: &syn::Ident,
    fields: &Fields,
    base: BaseModel,
    dims: Option<usize>,
) -> Option<Vec<(&'static str, Value)>> {
    let names: Vec<&str> = base
        .parameters()
        .iter()
        .filter(|p| !p.is_list() && !p.is_flag())
        .map(|p| p.name)
        .collect();
    let owner = format!("population `{population}` ({})", base.name());
    let found = cx.fields(fields, &names, &owner);
    let mut out = Vec::new();
    let mut ok = true;
    for (name, field) in found {
        let Some(info) = base.parameter(&name) else {
            continue;
        };
        cx.neuron_scope = true;
        let tree = super::expression::expression(cx, &field.value, info.dimension, info.name);
        cx.neuron_scope = false;
        let Some(tree) = tree else {
            ok = false;
            continue;
        };
        if tree.is_spatial() && !fits(cx, &field.value, population, info.name, &tree, dims) {
            ok = false;
            continue;
        }
        let value = match tree {
            network_spec::expression::Expression::Number(v) => Value::Constant(v),
            tree => Value::Expression(Arc::new(tree)),
        };
        out.push((info.name, value));
    }
    ok.then_some(out)
}

/// Why: `x` of a population without positions, or `z` on a 2D layer, has no value
/// (NEST's `pos.z` on a 2D layer is an error).
pub(super) fn fits(
    cx: &mut Ctx,
    e: &Expr,
    population: &syn::Ident,
    name: &str,
    tree: &network_spec::expression::Expression,
    dims: Option<usize>,
) -> bool {
    let Some(dims) = dims else {
        cx.error(
            e.span(),
            format!("`{name}` reads positions, but `{population}` has none"),
            format!(
                "give `{population}` positions: `in box(..)`, `at positions(..)` or `on grid(..)`"
            ),
        );
        return false;
    };
    if let Some(axis) = tree.max_axis().filter(|a| *a >= dims) {
        cx.error(
            e.span(),
            format!(
                "`{name}` reads the {} coordinate, but `{population}` is {dims}D",
                network_spec::expression::axis_name(axis)
            ),
            "use the layer's axes",
        );
        return false;
    }
    true
}
