//! Rate neurons in a description: `neuron R = tanh_rate_ipn { .. }` with the parameters
//! of network-spec's tables, populations of them, `rate_connection_delayed` and
//! `rate_connection_instantaneous` between them, multimeters recording `rate` and
//! `noise`, and the kernel's waveform-relaxation settings. NEST keeps rates and spikes
//! apart, so a connection that mixes them is an error naming both models.

use super::values::get;
use super::{Ctx, Kind};
use crate::ast::*;
use crate::description::{Rule, Value, ValueDesc};
use crate::rate::*;
use network_spec::rate::{RateConnectionDelayed, RateConnectionInstantaneous};

/// The kernel settings of waveform relaxation, in the order NEST receives them.
pub(crate) const WFR_SETTINGS: [&str; 5] = [
    "use_wfr",
    "wfr_comm_interval",
    "wfr_tol",
    "wfr_max_iterations",
    "wfr_interpolation_order",
];

/// Whether `ident` names one of NEST's rate neuron models.
pub(super) fn is_rate_model(ident: &syn::Ident) -> bool {
    RateModel::from_name(&ident.to_string()).is_some()
}

/// Whether `ident` names a rate connection model.
pub(super) fn is_rate_connection(ident: &syn::Ident) -> bool {
    let text = ident.to_string();
    network_spec::rate::RATE_CONNECTIONS
        .iter()
        .any(|(n, _)| *n == text)
}

/// A flag or number: `true`/`false` are 1/0. Why: NEST's booleans (`linear_summation`,
/// `use_wfr`) read naturally as words, and 0/1 is what NEST prints.
pub(super) fn value(cx: &mut Ctx, e: &Expr, info: &network_spec::ParamInfo) -> Option<f64> {
    if let Expr::Ident(i) = e {
        if info.is_flag() {
            match i.to_string().as_str() {
                "true" => return Some(1.0),
                "false" => return Some(0.0),
                _ => {}
            }
        }
    }
    cx.number(e, info.dimension, info.name)
}

/// Reads `fields` against a parameter table; `None` when one value was wrong.
fn table_values(
    cx: &mut Ctx,
    fields: &[(String, &Field)],
    table: &'static [network_spec::ParamInfo],
) -> Option<Vec<(&'static str, f64)>> {
    let mut out = Vec::new();
    let mut ok = true;
    for (name, field) in fields {
        let info = table.iter().find(|p| p.name == name).expect("checked name");
        match value(cx, &field.value, info) {
            Some(v) => out.push((info.name, v)),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// Reports a vocabulary error at the field it names (or at `fallback`).
fn report(cx: &mut Ctx, e: network_spec::Error, fields: &[(String, &Field)], fallback: SpanRange) {
    let span = match &e {
        network_spec::Error::InvalidParameter { param, .. } => {
            get(fields, param).map_or(fallback, |f| f.value.span())
        }
        _ => fallback,
    };
    let help = match &e {
        network_spec::Error::InvalidParameter { param, .. } => {
            format!("NEST rejects this value of `{param}`")
        }
        _ => String::new(),
    };
    cx.error(span, e.to_string(), help);
}

/// A `neuron` statement of a rate model. Why: NEST's checks (`tau > 0`, `lambda >= 0`,
/// `sigma >= 0`, `rectify_rate >= 0`) and the table's (names, units, flags) run at
/// compile time, pointing at the value.
pub(super) fn neuron(cx: &mut Ctx, n: &NeuronItem) -> Option<RateNeuronDesc> {
    let model = RateModel::from_name(&n.base.to_string())?;
    if let Some(p) = &n.preset {
        cx.error(
            p.into(),
            format!(
                "`{}` is a rate neuron: it has no cell-class preset",
                model.name()
            ),
            "write its parameters instead, e.g. `{ tau: 10 ms, g: 2 }`",
        );
    }
    if let Some(m) = &n.meta {
        cx.error(
            SpanRange::single(m.span),
            format!("`{}` takes no `where` metadata", model.name()),
            "rate neurons have no firing ranges or transmitters; remove `where { .. }`",
        );
    }
    let names: Vec<&str> = model.parameters().iter().map(|p| p.name).collect();
    let fields = cx.fields(&n.params, &names, model.name());
    let params = table_values(cx, &fields, model.parameters())?;
    if let Err(e) = model.validate(&n.name.to_string(), &params) {
        report(cx, e, &fields, (&n.base).into());
        return None;
    }
    (n.preset.is_none() && n.meta.is_none()).then(|| RateNeuronDesc {
        name: n.name.to_string(),
        model,
        params,
        docs: n.docs.clone(),
    })
}

/// A population of rate neurons, with positions when it has a layout (NEST's
/// `nest.Create("tanh_rate_ipn", positions=..)`). Why `[dyn n]` is refused: the engine
/// sizes rate neurons when the network is built, from the description alone.
pub(super) fn population(
    cx: &mut Ctx,
    p: &PopulationItem,
    neuron: usize,
) -> Option<RatePopulationDesc> {
    let model = cx.rate.neurons[neuron].model.name();
    if let Some(span) = p.dynamic {
        cx.error(
            SpanRange::single(span),
            format!(
                "population `{}` of {model} needs a size written as a number",
                p.name
            ),
            "e.g. `[100]`",
        );
        return None;
    }
    let size = cx.integer(&p.size, "size")?;
    if size == 0 {
        cx.error(
            p.size.span(),
            format!("population `{}` has no neuron", p.name),
            "a population needs at least one neuron, e.g. `[100]`",
        );
        return None;
    }
    let layout = match &p.space {
        Some((word, call)) => Some(super::spatial::layout(cx, word, call, Some(size))?),
        None => None,
    };
    Some(RatePopulationDesc {
        name: p.name.to_string(),
        neuron,
        size,
        layout,
        docs: p.docs.clone(),
    })
}

/// What a population name stands for: a rate population (its index), a spiking one
/// (its model's name), or neither.
pub(super) enum End {
    Rate(usize),
    Spiking(&'static str),
    Other,
}

pub(super) fn end(cx: &Ctx, name: &syn::Ident) -> End {
    match cx.names.get(&name.to_string()) {
        Some((Kind::RatePopulation, i)) if *i != super::POISONED => End::Rate(*i),
        Some((Kind::Population, i)) if *i != super::POISONED => {
            End::Spiking(cx.neurons[cx.populations[*i].model].base.name())
        }
        _ => End::Other,
    }
}

/// Whether a population name is declared as a rate population (broken or not).
pub(super) fn names_rate_population(cx: &Ctx, name: &syn::Ident) -> bool {
    matches!(
        cx.names.get(&name.to_string()),
        Some((Kind::RatePopulation, _))
    )
}

/// Whether a `connect` statement is for this module: an end is a rate population, or
/// it is made with a rate connection model.
pub(super) fn is_rate_connect(cx: &Ctx, c: &ConnectItem) -> bool {
    names_rate_population(cx, &c.source.population)
        || names_rate_population(cx, &c.target.population)
        || c.via
            .as_ref()
            .is_some_and(|v| is_rate_connection(&v.synapse))
}

const RATE_CONNECTION_HELP: &str = "connect rate populations with `via rate_connection_delayed { weight: 0.5, delay: 1 ms }` or `via rate_connection_instantaneous { weight: 0.5 }`, spiking populations with spike synapses (`static_synapse`, ..)";

/// A `connect` statement with a rate population or a rate connection model. Why: NEST
/// sends rates only between rate neurons, through `rate_connection_*`, and spikes only
/// through spike synapses; a connection mixing them fails in NEST at `Connect`.
pub(super) fn connection(cx: &mut Ctx, c: &ConnectItem) -> Option<RateConnectionDesc> {
    let (src, tgt) = (&c.source.population, &c.target.population);
    let describe = |cx: &Ctx, name: &syn::Ident| match end(cx, name) {
        End::Rate(i) => format!(
            "`{name}` ({}, a rate neuron)",
            cx.rate.neurons[cx.rate.populations[i].neuron].model.name()
        ),
        End::Spiking(m) => format!("`{name}` ({m}, a spiking neuron)"),
        End::Other => format!("`{name}`"),
    };
    let (s, t) = match (end(cx, src), end(cx, tgt)) {
        (End::Rate(s), End::Rate(t)) => (s, t),
        (End::Other, _) | (_, End::Other) => {
            // A broken or unknown end: reported by its own statement, or here.
            for name in [src, tgt] {
                if !cx.names.contains_key(&name.to_string()) {
                    cx.lookup(name, Kind::Population, "a connection joins populations");
                }
            }
            return None;
        }
        (End::Spiking(_), End::Spiking(_)) => {
            let via = c.via.as_ref().expect("a rate connection model");
            let message = format!(
                "`{}` is a rate connection model: it carries rates, but {} and {} are spiking",
                via.synapse,
                describe(cx, src),
                describe(cx, tgt)
            );
            cx.error((&via.synapse).into(), message, RATE_CONNECTION_HELP);
            return None;
        }
        _ => {
            let message = format!(
                "cannot connect {} to {}: NEST's rate neurons exchange rates, spiking neurons spikes",
                describe(cx, src),
                describe(cx, tgt)
            );
            cx.error(
                SpanRange::from(src).to(SpanRange::from(tgt)),
                message,
                RATE_CONNECTION_HELP,
            );
            return None;
        }
    };
    let mut ok = whole_populations(cx, c);
    let rule = if super::rate_spatial::needs_spec(c) {
        super::rate_spatial::spec(cx, c, s, t)
    } else {
        rule(cx, c)
    };
    let synapse = synapse(cx, c, s, t);
    let (rule, synapse) = match (rule, synapse) {
        (Some(r), Some((syn, span))) => {
            let (w, d) = (syn.weight().clone(), syn.delay().cloned());
            let values = [
                ("weight", &ValueDesc::Known(w)),
                (
                    "delay",
                    &ValueDesc::Known(d.unwrap_or(Value::Constant(1.0))),
                ),
            ];
            super::rate_spatial::values_fit(cx, span, values, &r, (s, t))?;
            (Some(plain_or_spec(r, &syn)), Some(syn))
        }
        (r, syn) => (r, syn.map(|(syn, _)| syn)),
    };
    if let (Some(RateRuleDesc::Pairs(pairs)), true) = (&rule, ok) {
        let (ns, nt) = (cx.rate.populations[s].size, cx.rate.populations[t].size);
        if let Some((a, b)) = pairs
            .iter()
            .find(|(a, b)| *a as usize >= ns || *b as usize >= nt)
        {
            cx.error(
                c.rule.span,
                format!("the pair [{a}, {b}] is not within `{src}` ({ns} neurons) -> `{tgt}` ({nt} neurons)"),
                "indices run from 0 to the size less one",
            );
            ok = false;
        }
    }
    if let (Some(RateRuleDesc::OneToOne), true) = (&rule, ok) {
        let (ns, nt) = (cx.rate.populations[s].size, cx.rate.populations[t].size);
        if ns != nt {
            cx.error(
                c.rule.span,
                format!(
                    "one_to_one needs equal sizes, but `{src}` has {ns} neurons and `{tgt}` {nt}"
                ),
                "use all_to_all, or make the populations the same size",
            );
            ok = false;
        }
    }
    let name = match &c.name {
        Some(n) => n.to_string(),
        None => format!("{src} -> {tgt}"),
    };
    Some(RateConnectionDesc {
        name,
        source: s,
        target: t,
        rule: rule?,
        synapse: synapse?,
    })
    .filter(|_| ok)
}

/// Why: the engine's rate connections join whole populations; slices, mask selections
/// and `where` metadata have no rate counterpart in the engine.
fn whole_populations(cx: &mut Ctx, c: &ConnectItem) -> bool {
    let mut spans: Vec<(SpanRange, &str)> = Vec::new();
    for t in [&c.source, &c.target] {
        if let Some(s) = &t.slice {
            spans.push((s.span(), "a slice"));
        }
        if let Some((m, _)) = &t.within {
            let span = match m {
                MaskRef::Named(i) => i.into(),
                MaskRef::Inline(call) => call.span,
            };
            spans.push((span, "a mask selection"));
        }
    }
    if let Some(m) = &c.meta {
        spans.push((SpanRange::single(m.span), "`where` metadata"));
    }
    for (span, what) in &spans {
        cx.error(
            *span,
            format!("a rate connection cannot have {what}"),
            "rate connections join whole rate populations (by a rule, with a mask or a kernel when they have positions)",
        );
    }
    spans.is_empty()
}

/// A plain rule (`all_to_all`, `one_to_one`) with a random weight or delay made a
/// [`RateRuleDesc::Spec`], which draws values per connection.
fn plain_or_spec(rule: RateRuleDesc, syn: &RateSynapseDesc) -> RateRuleDesc {
    let constant =
        syn.weight().constant().is_some() && syn.delay().is_none_or(|d| d.constant().is_some());
    let as_rule = match &rule {
        RateRuleDesc::AllToAll => Rule::AllToAll,
        RateRuleDesc::OneToOne => Rule::OneToOne,
        _ => return rule,
    };
    if constant {
        return rule;
    }
    RateRuleDesc::Spec(Box::new(RateSpecDesc {
        rule: as_rule,
        mask: None,
        kernel: None,
        autapses: true,
        multapses: true,
        use_on_source: false,
    }))
}

/// `all_to_all` or `one_to_one`, without arguments.
fn rule(cx: &mut Ctx, c: &ConnectItem) -> Option<RateRuleDesc> {
    let rule = match c.rule.name.to_string().as_str() {
        "all_to_all" => RateRuleDesc::AllToAll,
        "one_to_one" => RateRuleDesc::OneToOne,
        "pairs" => return pairs(cx, &c.rule),
        other => {
            cx.error(
                c.rule.span,
                format!("rate connections have no rule `{other}`"),
                "rate connections take `all_to_all`, `one_to_one` or `pairs([[source, target], ..])`",
            );
            return None;
        }
    };
    if !c.rule.args.is_empty() {
        cx.error(
            c.rule.span,
            format!("`{}` takes no arguments", rule.name()),
            format!("write `{}`", rule.name()),
        );
        return None;
    }
    Some(rule)
}

/// `pairs([[s, t], ..])`: explicit index pairs. Why: NEST connects single neurons of
/// rate populations one `Connect` at a time; the pairs keep their order (and repeats).
fn pairs(cx: &mut Ctx, call: &Call) -> Option<RateRuleDesc> {
    let help = "e.g. `pairs([[0, 1], [2, 0]])`: [source index, target index] per connection";
    let [Arg::Positional(Expr::List { elems, .. })] = &call.args[..] else {
        cx.error(
            call.span,
            "`pairs` takes one list of [source, target] index pairs",
            help,
        );
        return None;
    };
    let mut out = Vec::new();
    for e in elems {
        let Expr::List { elems: pair, .. } = e else {
            cx.error(e.span(), "each pair is a list [source, target]", help);
            return None;
        };
        let [a, b] = &pair[..] else {
            cx.error(e.span(), "each pair has two indices [source, target]", help);
            return None;
        };
        let (a, b) = (
            cx.integer(a, "source index")?,
            cx.integer(b, "target index")?,
        );
        match (u32::try_from(a), u32::try_from(b)) {
            (Ok(a), Ok(b)) => out.push((a, b)),
            _ => {
                cx.error(e.span(), "an index must be below 2^32", help);
                return None;
            }
        }
    }
    if out.is_empty() {
        cx.error(call.span, "`pairs` needs at least one pair", help);
        return None;
    }
    Some(RateRuleDesc::Pairs(out))
}

/// `via rate_connection_delayed { weight, delay }` or `via rate_connection_instantaneous
/// { weight }`, with the span of the weight (or of the model) for later errors. Why: a
/// rate population takes rates only; NEST's instantaneous connection has no delay, and
/// a delay is at least one step. A weight or delay may be random or an expression of
/// distance (checked against the rule by `rate_spatial::values_fit`).
fn synapse(
    cx: &mut Ctx,
    c: &ConnectItem,
    s: usize,
    t: usize,
) -> Option<(RateSynapseDesc, SpanRange)> {
    let Some(via) = &c.via else {
        cx.error(
            c.arrow,
            format!(
                "a connection between rate populations needs a rate connection model ({} -> {})",
                c.source.population, c.target.population
            ),
            RATE_CONNECTION_HELP,
        );
        return None;
    };
    let text = via.synapse.to_string();
    let instantaneous = match text.as_str() {
        "rate_connection_delayed" => false,
        "rate_connection_instantaneous" => true,
        _ => {
            let model = |i: usize| cx.rate.neurons[cx.rate.populations[i].neuron].model.name();
            let message = format!(
                "`{text}` carries spikes, but `{}` ({}) -> `{}` ({}) joins rate neurons",
                c.source.population,
                model(s),
                c.target.population,
                model(t)
            );
            cx.error((&via.synapse).into(), message, RATE_CONNECTION_HELP);
            return None;
        }
    };
    let table = if instantaneous {
        RateConnectionInstantaneous::PARAMETERS
    } else {
        RateConnectionDelayed::PARAMETERS
    };
    let delay_field = via
        .params
        .as_ref()
        .and_then(|p| p.fields.iter().find(|f| f.name == "delay"));
    if let (true, Some(f)) = (instantaneous, delay_field) {
        // NEST: "rate_connection_instantaneous has no delay".
        cx.error(
            f.value.span(),
            format!(
                "`rate_connection_instantaneous` has no delay (`{}` -> `{}`)",
                c.source.population, c.target.population
            ),
            "remove `delay`, or use `rate_connection_delayed { weight: .., delay: .. }`",
        );
        return None;
    }
    let names: Vec<&str> = table.iter().map(|p| p.name).collect();
    let fields = match &via.params {
        Some(p) => cx.fields(p, &names, &text),
        None => Vec::new(),
    };
    let mut ok = true;
    let mut read = |cx: &mut Ctx, name: &str| -> Option<Value> {
        let info = table.iter().find(|p| p.name == name).expect("in the table");
        let Some(f) = get(&fields, name) else {
            return Some(Value::Constant(info.default));
        };
        match cx.value(&f.value, info.dimension, info.name) {
            Some(ValueDesc::Known(v)) => Some(v),
            Some(ValueDesc::Runtime(_)) => {
                cx.error(
                    f.value.span(),
                    format!("a rate connection's `{name}` is written in the description"),
                    "write a number, a random value or an expression of distance",
                );
                ok = false;
                None
            }
            None => {
                ok = false;
                None
            }
        }
    };
    let weight = read(cx, "weight");
    let delay = (!instantaneous).then(|| read(cx, "delay"));
    let span = get(&fields, "weight").map_or(SpanRange::from(&via.synapse), |f| f.value.span());
    if !ok {
        return None;
    }
    let weight = weight?;
    let Some(delay) = delay else {
        return Some((RateSynapseDesc::Instantaneous { weight }, span));
    };
    let delay = delay?;
    if let Some(d) = delay.constant() {
        let steps = (d / cx.resolution + 0.5).floor();
        if steps.is_nan() || steps < 1.0 {
            let at =
                get(&fields, "delay").map_or(SpanRange::from(&via.synapse), |f| f.value.span());
            cx.error(
                at,
                format!(
                    "the delay {d} ms is shorter than the resolution {} ms",
                    cx.resolution
                ),
                "NEST requires a delay of at least one step",
            );
            return None;
        }
    }
    Some((RateSynapseDesc::Delayed { weight, delay }, span))
}
