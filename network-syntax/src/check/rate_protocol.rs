//! `set` of rate neurons in a `protocol` block (NEST's `SetStatus` on a rate population
//! between `Simulate` calls): a parameter of the whole population, or the state `rate`
//! of all, a range or a list of its neurons, checked through the model's table and
//! NEST's checks as at creation.

use super::rate::value;
use super::targets::slice_in;
use super::Ctx;
use crate::ast::*;
use crate::description::{ProtocolStep, SelectDesc};

/// The state a `set` may change per neuron; every other name is a parameter the
/// population's neurons share in the engine.
const STATE: &str = "rate";

/// `set r.mu = 0.5;`, `set r[0..2].rate = 0.9;`. Why: a name the model lacks, a value
/// of another unit or one NEST rejects (`tau: -1 ms`) would only fail when the protocol
/// runs; the engine keeps one parameter set per rate population, so only `rate` is set
/// on part of it.
pub(super) fn set(
    cx: &mut Ctx,
    population: usize,
    slice: Option<&Slice>,
    param: &syn::Ident,
    value_expr: &Expr,
) -> Option<ProtocolStep> {
    let pop = cx.rate.populations[population].clone();
    let neuron = cx.rate.neurons[pop.neuron].clone();
    let model = neuron.model;
    let name = param.to_string();
    let Some(info) = model.parameters().iter().find(|p| p.name == name) else {
        let names: Vec<&str> = model.parameters().iter().map(|p| p.name).collect();
        let help = match network_spec::error::closest(&name, &names) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("it has {}", names.join(", ")),
        };
        cx.error(
            param.into(),
            format!(
                "`{} ({})` has no parameter `{name}` to set between runs",
                pop.name,
                model.name()
            ),
            help,
        );
        return None;
    };
    let select = match slice {
        None => SelectDesc::All,
        Some(s) if info.name == STATE => slice_in(cx, s, &pop.name, Some(pop.size))?,
        Some(s) => {
            cx.error(
                s.span(),
                format!(
                    "`{name}` of rate population `{}` is shared by all its neurons: it is set on the whole population",
                    pop.name
                ),
                format!(
                    "write `set {}.{name} = ..;` (only the state `rate` is set on a slice)",
                    pop.name
                ),
            );
            return None;
        }
    };
    let v = value(cx, value_expr, info)?;
    // NEST's checks of the value, on the variant's parameters with it set.
    let mut values = neuron.params.clone();
    values.push((info.name, v));
    if let Err(e) = model.validate(&pop.name, &values) {
        cx.error(
            value_expr.span(),
            e.to_string(),
            format!("NEST rejects this value of `{name}`"),
        );
        return None;
    }
    Some(ProtocolStep::SetRate {
        population,
        select,
        param: info.name,
        value: v,
    })
}
