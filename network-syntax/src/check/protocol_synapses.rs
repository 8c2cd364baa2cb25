//! `set CONN.PARAM = VALUE;` in a protocol for a parameter of a connection's synapses
//! other than its weight: a plastic state (`Kplus`, `u`, `x`, ...), a rule parameter
//! (`U`, `tau_rec`, `Wmax`, ...) or `delay`, checked against the synapse model's table
//! (network-spec) as NEST's `conns.set(..)` checks it (the engine's
//! `Network::set_synapse_states`): one number for every synapse, or a list with one per
//! synapse.

use super::Ctx;
use crate::ast::*;
use crate::description::*;
use crate::units::Dim;

/// Checks `set CONN.PARAM = VALUE` for a parameter besides the weight of the connection
/// at `index` in `wiring`; `None` after reporting why not.
pub(super) fn set(
    cx: &mut Ctx,
    index: usize,
    p: &ProjectionDesc,
    param: &syn::Ident,
    value: &Expr,
) -> Option<ProtocolStep> {
    let name = param.to_string();
    let model = p.synapse.base;
    let target = cx.neurons[cx.populations[p.target].model].base;
    if name == "delay" {
        let (set, values) = numbers(cx, value, Dim::Time, "delay")?;
        for d in values {
            let steps = d / cx.resolution;
            if d.is_nan() || d <= 0.0 || (steps - steps.round()).abs() > 1e-9 * steps.max(1.0) {
                cx.error(
                    value.span(),
                    format!(
                        "`{}.delay` cannot be {d} ms: a delay is a positive multiple of the resolution ({} ms)",
                        p.field, cx.resolution
                    ),
                    format!("e.g. `set {}.delay = {} ms;`", p.field, cx.resolution),
                );
                return None;
            }
        }
        return Some(ProtocolStep::SetSynapse {
            wiring: index,
            param: "delay",
            value: set,
        });
    }
    if crate::settable::FIXED.contains(&name.as_str()) {
        cx.error(
            param.into(),
            format!(
                "`{}.{name}` cannot be set between runs: it is fixed once the synapses are made",
                p.field
            ),
            "NEST refuses it in `conns.set` (\"Unaccessed elements in params\"); give it in the `connect` statement",
        );
        return None;
    }
    let settable = crate::settable::connection(model, target.weight_dimension());
    let Some(info) = settable.iter().find(|i| i.name == name) else {
        let Some(&common) = model.common().iter().find(|c| **c == name) else {
            let names: Vec<&str> = settable.iter().map(|s| s.name).collect();
            super::protocol::unknown(cx, param, &p.field, &names);
            return None;
        };
        cx.error(
            param.into(),
            format!(
                "`{}.{common}` cannot be set between runs: it is a common property of {}",
                p.field,
                model.name()
            ),
            "NEST keeps it in the synapse model, not in each connection, and refuses it in \
             `conns.set` (\"Unaccessed elements in params\"); give it in the `connect` statement \
             (NEST: CopyModel or SetDefaults before Connect)",
        );
        return None;
    };
    let (set, values) = numbers(cx, value, info.dimension, info.name)?;
    for v in values {
        if info.integer && v.fract() != 0.0 {
            cx.error(
                value.span(),
                format!("`{}.{name}` must be a whole number, not {v}", p.field),
                format!("e.g. `set {}.{name} = {};`", p.field, v.round()),
            );
            return None;
        }
        // NEST's checks of the value, with the connection's other values as declared.
        let mut params = p.synapse.params.clone();
        let weight = match p.synapse.weight {
            _ if info.name == "weight" => Some(v),
            ValueDesc::Known(Value::Constant(w)) => Some(w),
            _ => None,
        };
        if info.name != "weight" {
            params.retain(|(n, _)| *n != info.name);
            params.push((info.name, v));
        }
        let res = network_spec::Resolution::new(cx.resolution).ok()?;
        if let Err(e) = model.validate(&p.field, &params, weight, None, &res) {
            cx.error(
                value.span(),
                e.to_string(),
                format!("NEST's {} rejects this value", model.name()),
            );
            return None;
        }
    }
    Some(ProtocolStep::SetSynapse {
        wiring: index,
        param: info.name,
        value: set,
    })
}

/// One number for every synapse, or a list `[a, b, ..] UNIT` with one per synapse (in
/// the order of `Network::connections`: sorted by source and target), in `dim`; with
/// the values to check.
fn numbers(cx: &mut Ctx, value: &Expr, dim: Dim, what: &str) -> Option<(SetValue, Vec<f64>)> {
    if let Expr::List { .. } = value {
        let list = cx.numbers(value, dim, what)?;
        return Some((SetValue::List(list.clone()), list));
    }
    let v = cx.number(value, dim, what)?;
    Some((SetValue::Number(v), vec![v]))
}
