//! Rate connections by the spiking connections' rules: `fixed_indegree`,
//! `pairwise_bernoulli(p) in MASK`, `p` of distance, `no_autapses`, .. between rate
//! populations, and weights and delays that are random or expressions of distance.
//! NEST takes all of these for `rate_connection_delayed` and
//! `rate_connection_instantaneous` (issue 12), so they are checked by the spiking
//! connections' own checks (`connect.rs`, `space_values.rs`, `grid_mask.rs`), on the
//! rate populations seen as layers.

use super::connect::{connection_kernel, connection_mask, options_fit, rule as spiking_rule};
use super::spatial::mask_ref;
use super::Ctx;
use crate::ast::*;
use crate::description::{PopulationDesc, Rule, Size, ValueDesc};
use crate::rate::{RateRuleDesc, RateSpecDesc};

/// A rate population as the connection checks read a population: its name, size and
/// layout. Why `model` is out of range: the rule, mask, kernel and degree checks never
/// read the neuron model (a rate neuron is not one of `Ctx::neurons`).
pub(super) fn layer(cx: &Ctx, i: usize) -> PopulationDesc {
    let p = &cx.rate.populations[i];
    PopulationDesc {
        name: p.name.clone(),
        model: usize::MAX,
        size: Size::Fixed(p.size),
        layout: p.layout.clone(),
        initial: Vec::new(),
        meta: Vec::new(),
        docs: Vec::new(),
    }
}

/// Whether the statement needs the spiking rules: a rule other than `all_to_all`,
/// `one_to_one` and `pairs`, a mask, a kernel, `p` of distance or a connection option.
pub(super) fn needs_spec(c: &ConnectItem) -> bool {
    !matches!(
        c.rule.name.to_string().as_str(),
        "all_to_all" | "one_to_one" | "pairs"
    ) || c.mask.is_some()
        || c.kernel.is_some()
        || c.p_expression.is_some()
        || c.no_autapses.is_some()
        || c.no_multapses.is_some()
        || c.use_on_source.is_some()
}

/// The rule and spatial options of a rate connection between rate populations `s` and
/// `t`, checked as a spiking connection's are. Why: NEST connects rate neurons by the
/// same `Connect` and `conn_spec`, with the same requirements (masks and kernels on
/// layers of one dimension, a mask that fits a periodic layer, degrees that can be met).
pub(super) fn spec(cx: &mut Ctx, c: &ConnectItem, s: usize, t: usize) -> Option<RateRuleDesc> {
    let (src, tgt) = (layer(cx, s), layer(cx, t));
    if c.rule.name == "from_biology" || c.rule.name == "pairs" {
        cx.error(
            c.rule.span,
            format!(
                "rate connections with a mask, a kernel or options take no `{}`",
                c.rule.name
            ),
            "use `pairwise_bernoulli`, `fixed_indegree`, `fixed_outdegree`, `fixed_total_number`, `all_to_all` or `one_to_one`",
        );
        return None;
    }
    let rule = spiking_rule(cx, &c.rule, &src, &tgt)?;
    let mask = match &c.mask {
        Some(m) => {
            let (desc, span) = mask_ref(cx, m)?;
            let on_source = c.use_on_source.is_some();
            connection_mask(cx, span, &desc, (&src, &tgt), rule, on_source)?;
            super::grid_mask::on_layer(cx, span, &desc.mask, (&src, &tgt), rule, on_source)?;
            Some(desc)
        }
        None => None,
    };
    let kernel = connection_kernel(cx, c, rule, &src, &tgt)?;
    let (autapses, multapses) = options_fit(cx, c, rule, (&src, &tgt), s == t, mask.is_some())?;
    Some(RateRuleDesc::Spec(Box::new(RateSpecDesc {
        rule,
        mask,
        kernel,
        autapses,
        multapses,
        use_on_source: c.use_on_source.is_some(),
    })))
}

/// Checks a rate connection's weight and delay against its rule and layers: an
/// expression of distance or positions needs both populations in space and a rule that
/// connects layers (NEST's own requirement), and a random or spatial value needs a rule
/// of the spiking connections (the plain `all_to_all`/`one_to_one`/`pairs` take
/// numbers; `pairwise_bernoulli(1.0)` connects every pair).
pub(super) fn values_fit(
    cx: &mut Ctx,
    span: SpanRange,
    values: [(&str, &ValueDesc); 2],
    rule: &RateRuleDesc,
    (s, t): (usize, usize),
) -> Option<()> {
    let (src, tgt) = (layer(cx, s), layer(cx, t));
    let as_rule = match rule {
        RateRuleDesc::Spec(spec) => spec.rule,
        RateRuleDesc::OneToOne => Rule::OneToOne,
        RateRuleDesc::AllToAll | RateRuleDesc::Pairs(_) => Rule::AllToAll,
    };
    super::space_values::fits_layers(cx, span, values, &as_rule, &src, &tgt)?;
    if matches!(rule, RateRuleDesc::Pairs(_)) {
        for (what, v) in values {
            if !matches!(v, ValueDesc::Known(crate::description::Value::Constant(_))) {
                cx.error(
                    span,
                    format!("a rate connection by `pairs` takes a number as its {what}"),
                    "write a number, or use a rule (`all_to_all`, `pairwise_bernoulli(p)`, ..) for random values",
                );
                return None;
            }
        }
    }
    Some(())
}
