//! Values of space on a connection: `p` given as an expression (`with p = ..` or the
//! rule's argument) and the layers an expression of positions needs.

use super::connect::spatial_rule;
use super::Ctx;
use crate::ast::*;
use crate::description::{Kernel, PopulationDesc, Rule, Value, ValueDesc};

/// The kernel `p` of distance gives, when `p` is an expression: `Some(None)` when it is
/// not one. Why the checks: NEST takes `p` of distance for the spatial rules only, once,
/// and on the layers' axes.
pub(super) fn p_kernel(
    cx: &mut Ctx,
    c: &ConnectItem,
    rule: Rule,
    src: &PopulationDesc,
    tgt: &PopulationDesc,
) -> Option<Option<Kernel>> {
    let in_rule = bernoulli_p(&c.rule);
    let Some(e) = c.p_expression.as_deref().or(in_rule) else {
        return Some(None);
    };
    if in_rule.is_some() && (c.kernel.is_some() || c.p_expression.is_some()) {
        cx.error(
            e.span(),
            "`p` is given twice: in the rule and after `with p =`",
            "keep one",
        );
        return None;
    }
    spatial_rule(cx, e.span(), "a probability of distance", src, tgt)?;
    if !matches!(
        rule,
        Rule::PairwiseBernoulli(_) | Rule::FixedIndegree(_) | Rule::FixedOutdegree(_)
    ) {
        cx.error(
            e.span(),
            "`p` of distance needs `pairwise_bernoulli`, `fixed_indegree` or `fixed_outdegree`",
            "choose one of these rules",
        );
        return None;
    }
    let k = super::expression::kernel(cx, e)?;
    let dims = src.dims().unwrap_or(3);
    if let Some(axis) = k.expression().and_then(|e| e.max_axis()) {
        if axis >= dims {
            cx.error(
                e.span(),
                format!(
                    "`p` reads the {} coordinate, but `{}` is {dims}D",
                    crate::expression::axis_name(axis),
                    src.name
                ),
                "use the layer's axes",
            );
            return None;
        }
    }
    Some(Some(k))
}

/// Why: an expression of positions needs both populations in space, with the axes it
/// reads (`dz` on a 2D layer is an error in NEST), and NEST computes weights and delays
/// of distance only while connecting layers (`pairwise_bernoulli`, `fixed_indegree`,
/// `fixed_outdegree`; `all_to_all` is `pairwise_bernoulli(1.0)`).
pub(super) fn fits_layers(
    cx: &mut Ctx,
    span: SpanRange,
    values: [(&str, &ValueDesc); 2],
    rule: &Rule,
    src: &PopulationDesc,
    tgt: &PopulationDesc,
) -> Option<()> {
    for (what, v) in values {
        let ValueDesc::Known(Value::Expression(e)) = v else {
            continue;
        };
        if !e.is_spatial() {
            continue;
        }
        for p in [src, tgt] {
            let Some(dims) = p.dims() else {
                cx.error(
                    span,
                    format!("this {what} reads positions, but `{}` has none", p.name),
                    format!(
                        "give `{}` positions: `in box(..)`, `at positions(..)` or `on grid(..)`",
                        p.name
                    ),
                );
                return None;
            };
            if let Some(axis) = e.max_axis().filter(|a| *a >= dims) {
                cx.error(
                    span,
                    format!(
                        "this {what} reads the {} coordinate, but `{}` is {dims}D",
                        network_spec::expression::axis_name(axis),
                        p.name
                    ),
                    "use the layer's axes",
                );
                return None;
            }
        }
        if !matches!(
            rule,
            Rule::PairwiseBernoulli(_) | Rule::FixedIndegree(_) | Rule::FixedOutdegree(_)
        ) {
            cx.error(
                span,
                format!("a {what} of distance needs `pairwise_bernoulli`, `fixed_indegree` or `fixed_outdegree` (NEST computes it while connecting layers)"),
                "for every pair, write `pairwise_bernoulli(1.0)`",
            );
            return None;
        }
    }
    Some(())
}

/// The argument `p` of `pairwise_bernoulli(..)`, when it is an expression.
pub(super) fn bernoulli_p(rule: &Call) -> Option<&Expr> {
    if rule.name != "pairwise_bernoulli" {
        return None;
    }
    rule.args
        .iter()
        .find_map(|a| match a {
            Arg::Positional(e) => Some(e),
            Arg::Named(f) if f.name == "p" => Some(&f.value),
            Arg::Named(_) => None,
        })
        .filter(|e| super::expression::is_expression(e))
}
