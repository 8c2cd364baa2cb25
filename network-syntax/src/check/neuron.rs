//! Neuron model variants (parameters, cell-class presets, biological metadata) and
//! synapse variants.

use super::receptors::{self, Declared, ReceptorTarget};
use super::values::get;
use super::{psp, synapse, Ctx, Kind};
use crate::ast::*;
use crate::description::*;
use crate::units::Dim;
use network_spec::{FiringRanges, RateRange};

/// A `neuron` statement.
pub(super) fn neuron(cx: &mut Ctx, n: &NeuronItem) -> Option<NeuronDesc> {
    let base = base_model(cx, &n.base)?;
    let preset = n.preset.as_ref().and_then(|p| cell_class(cx, p));
    let names: Vec<&str> = base.parameters().iter().map(|p| p.name).collect();
    let fields = cx.fields(&n.params, &names, base.name());
    // A preset sets only the parameters the model has (conductance-based models have
    // no tau_m).
    let mut params: Vec<(&'static str, f64)> = preset
        .map(|c| {
            c.preset()
                .into_iter()
                .filter(|(p, _)| names.contains(p))
                .collect()
        })
        .unwrap_or_default();
    let mut lists = Vec::new();
    let mut ok = true;
    for (name, field) in &fields {
        let info = base
            .parameters()
            .iter()
            .find(|p| p.name == name)
            .expect("checked name");
        if info.is_list() {
            // `tau_syn` names receptor ports; other lists (gif's `tau_sfa`, `q_sfa`,
            // ...) are checked by the model with the rest of its parameters.
            let values = if info.name == "tau_syn" {
                receptors::tau_syn(cx, &field.value)
            } else {
                cx.numbers(&field.value, info.dimension, info.name)
            };
            match values {
                Some(v) => lists.push((info.name, v)),
                None => ok = false,
            }
            continue;
        }
        match cx.number(&field.value, info.dimension, info.name) {
            Some(v) => {
                params.retain(|(p, _)| *p != info.name);
                params.push((info.name, v));
            }
            None => ok = false,
        }
    }
    let mut firing = None;
    let (meta, declared) = n
        .meta
        .as_ref()
        .map(|m| neuron_meta(cx, m, &mut firing))
        .unwrap_or_default();
    let class = class_of(cx, preset, n, &meta);
    let transmitters_span = n
        .meta
        .as_ref()
        .and_then(|m| m.fields.iter().find(|f| f.name == "transmitters"))
        .map(|f| f.value.span());
    let tau_syn_span = get(&fields, "tau_syn").map(|f| f.value.span());
    let ports = match (&declared, transmitters_span) {
        (Some(d), Some(span)) => {
            receptors::ports(cx, base, &mut lists, tau_syn_span, Some((d, span)))
        }
        (None, Some(_)) => None,
        _ => Some(Vec::new()),
    };
    if !ok {
        return None;
    }
    let ports = ports?;
    engine_check(cx, n, base, &params, &lists, &fields)?;
    Some(NeuronDesc {
        name: n.name.to_string(),
        base,
        params,
        lists,
        ports,
        class,
        firing,
        meta: meta.into_iter().map(|(k, v, _)| (k, v)).collect(),
        docs: n.docs.clone(),
    })
}

/// The base model. Why: a NEST model name that network-core lacks cannot be built.
fn base_model(cx: &mut Ctx, base: &syn::Ident) -> Option<BaseModel> {
    let text = base.to_string();
    if let Some(m) = BaseModel::from_name(&text) {
        return Some(m);
    }
    if synapse::rate_name(cx, base) {
        return None;
    }
    let all: Vec<&str> = BaseModel::ALL.iter().map(|m| m.name()).collect();
    let help = match network_spec::error::closest(&text, &all) {
        Some(s) => format!(
            "did you mean `{s}`? the neuron models are {}",
            all.join(", ")
        ),
        None => format!("the neuron models are {}", all.join(", ")),
    };
    cx.error(base.into(), format!("unknown neuron model `{text}`"), help);
    None
}

fn cell_class(cx: &mut Ctx, ident: &syn::Ident) -> Option<CellClass> {
    let c = CellClass::from_name(&ident.to_string());
    if c.is_none() {
        cx.error(
            ident.into(),
            format!("unknown cell class `{ident}`"),
            "the cell classes are `excitatory` and `inhibitory`",
        );
    }
    c
}

/// The declared class: from `where { class: .. }` or the preset. Why: the two must
/// agree, since the class decides the sign every outgoing weight must have.
fn class_of(
    cx: &mut Ctx,
    preset: Option<CellClass>,
    n: &NeuronItem,
    meta: &[(String, String, Option<CellClass>)],
) -> Option<CellClass> {
    let declared = meta.iter().find_map(|m| m.2);
    if let (Some(p), Some(d)) = (preset, declared) {
        if p != d {
            let span = n
                .meta
                .as_ref()
                .and_then(|m| m.fields.iter().find(|f| f.name == "class"))
                .map_or(SpanRange::from(&n.name), |f| f.value.span());
            cx.error(
                span,
                format!("class `{}` contradicts the preset `{}`", d.name(), p.name()),
                "write the same class in both places, or drop one",
            );
        }
    }
    declared.or(preset)
}

/// Runs network-core's own parameter check on the variant. Why: the values NEST rejects
/// (C_m <= 0, tau <= 0, t_ref < 0, V_reset >= V_th) are rejected here with the same
/// rule, at compile time, pointing at the value.
fn engine_check(
    cx: &mut Ctx,
    n: &NeuronItem,
    base: BaseModel,
    params: &[(&'static str, f64)],
    lists: &[(&'static str, Vec<f64>)],
    fields: &[(String, &Field)],
) -> Option<()> {
    let name = n.name.to_string();
    let Err(e) = base.validate_with_lists(&name, params, lists) else {
        return Some(());
    };
    let (span, help) = match &e {
        network_spec::Error::InvalidParameter { param, .. } => {
            let transmitters = || {
                let meta = n.meta.as_ref()?;
                let f = meta.fields.iter().find(|f| f.name == "transmitters")?;
                Some(f.value.span())
            };
            let span = get(fields, param)
                .map(|f| f.value.span())
                .or_else(|| (param == "tau_syn").then(transmitters).flatten())
                .or_else(|| n.preset.as_ref().map(SpanRange::from))
                .unwrap_or(SpanRange::from(&n.base));
            let help = match param.as_str() {
                "V_reset" => {
                    "NEST requires V_reset < V_th: lower V_reset or raise V_th".to_string()
                }
                "t_ref" => "the refractory period must be >= 0 ms".to_string(),
                "tau_syn" => "NEST rejects these synaptic time constants".to_string(),
                _ => format!("NEST rejects this value of `{param}`"),
            };
            (span, help)
        }
        _ => (SpanRange::from(&n.name), String::new()),
    };
    cx.error(span, e.to_string(), help);
    None
}

/// Metadata as text, and the declared transmitters (if any, and valid).
type Meta = (
    Vec<(String, String, Option<CellClass>)>,
    Option<Vec<Declared>>,
);

fn neuron_meta(cx: &mut Ctx, m: &Fields, firing_ranges: &mut Option<FiringRanges>) -> Meta {
    let fields = cx.fields(
        m,
        &crate::grammar::key_names(crate::grammar::NEURON_WHERE),
        "a neuron's metadata",
    );
    let mut out = Vec::new();
    let mut declared = None;
    for (key, f) in fields {
        let text = match key.as_str() {
            "class" => {
                let class = match &f.value {
                    Expr::Ident(i) => cell_class(cx, i),
                    e => {
                        cx.error(e.span(), "`class` must be `excitatory` or `inhibitory`", "");
                        None
                    }
                };
                if let Some(c) = class {
                    out.push((key, c.name().to_string(), Some(c)));
                }
                continue;
            }
            "dendrite_extent" | "dendrite_diameter" => cx
                .number(&f.value, Dim::Length, &key)
                .map(|v| format!("{v} mm")),
            "psp_amplitude" => cx
                .number(&f.value, Dim::Voltage, &key)
                .map(|v| format!("{v} mV")),
            "rise_time" => cx
                .number(&f.value, Dim::Time, &key)
                .map(|v| format!("{v} ms")),
            "transmitters" => {
                declared = receptors::transmitters(cx, &f.value);
                declared.as_ref().map(|d| {
                    let names: Vec<String> = d
                        .iter()
                        .map(|t| match t.tau {
                            Some(tau) => format!("{} {tau} ms", t.name),
                            None => t.name.clone(),
                        })
                        .collect();
                    format!("[{}]", names.join(", "))
                })
            }
            "firing" => firing(cx, &f.value, firing_ranges),
            _ => None,
        };
        if let Some(text) = text {
            out.push((key, text, None));
        }
    }
    (out, declared)
}

/// The `firing` block, as text and as the ranges the engine's report checks rates
/// against. Why: a rate range must be a non-negative rate range to be checkable.
fn firing(cx: &mut Ctx, e: &Expr, ranges: &mut Option<FiringRanges>) -> Option<String> {
    let Expr::Fields(f) = e else {
        cx.error(
            e.span(),
            "`firing` must be a block",
            "e.g. `firing: { resting: 1..5 Hz, active: 10..30 Hz, max: 50..100 Hz }`",
        );
        return None;
    };
    let fields = cx.fields(f, &["resting", "active", "max"], "firing");
    let mut parts = Vec::new();
    let mut declared = FiringRanges::default();
    for (key, f) in fields {
        let (lo, hi) = cx.range(&f.value, Dim::Rate, &key)?;
        if lo < 0.0 {
            cx.error(
                f.value.span(),
                format!("firing rate `{key}` is negative"),
                "rates are >= 0 Hz",
            );
        }
        let range = Some(RateRange::new(lo, hi));
        match key.as_str() {
            "resting" => declared.resting = range,
            "active" => declared.active = range,
            _ => declared.max = range,
        }
        parts.push(format!("{key} {lo}..{hi} Hz"));
    }
    if declared.validate("firing").is_ok() && !declared.is_empty() {
        *ranges = Some(declared);
    }
    Some(parts.join(", "))
}

/// A `synapse` statement: a named variant of a NEST synapse model with its defaults.
pub(super) fn synapse(
    cx: &mut Ctx,
    name: &syn::Ident,
    base: &syn::Ident,
    params: &Fields,
) -> Option<SynapseDesc> {
    let model = synapse::model(cx, base)?;
    let owner = name.to_string();
    let mut fields = cx.fields(params, &synapse::allowed(model), model.name());
    // A `psp(..)` weight is converted onto each target; the heights stand in until then.
    let psp = match get(&fields, "weight").filter(|f| psp::is_psp(&f.value)) {
        Some(f) => {
            let read = psp::read(cx, &f.value)?;
            fields.retain(|(n, _)| n != "weight");
            Some(read)
        }
        None => None,
    };
    let (mut weight, delay, dim) = weight_delay(cx, &fields, Dim::Current, &owner)?;
    if let Some(p) = &psp {
        weight = ValueDesc::Known(p.height.clone());
    }
    let mut desc = SynapseDesc {
        model: owner.clone(),
        base: model,
        params: Vec::new(),
        varied: Vec::new(),
        weight,
        delay,
        receptor: 0,
    };
    let wmax_dim = get(&fields, "Wmax")
        .and_then(|f| written_dim(&f.value))
        .filter(|d| d.is_weight())
        .or(dim)
        .unwrap_or(Dim::Current);
    synapse::params(cx, model, &fields, wmax_dim, &mut desc)?;
    synapse::engine_check(cx, &desc, &fields, name.into(), &owner)?;
    cx.synapse_dims
        .push(dim.or(get(&fields, "Wmax").map(|_| wmax_dim)));
    cx.synapse_psp.push(psp);
    Some(desc)
}

/// Weight and delay of a synapse block; the weight's dimension is `weight_dim` unless
/// its unit says voltage, current or conductance (checked against the target later).
fn weight_delay(
    cx: &mut Ctx,
    fields: &[(String, &Field)],
    weight_dim: Dim,
    owner: &str,
) -> Option<(ValueDesc, ValueDesc, Option<Dim>)> {
    let (mut weight, mut delay, mut dim) =
        (ValueDesc::constant(1.0), ValueDesc::constant(1.0), None);
    if let Some(f) = get(fields, "weight") {
        let d = written_dim(&f.value)
            .filter(|d| d.is_weight())
            .unwrap_or(weight_dim);
        weight = cx.value(&f.value, d, "weight")?;
        dim = written_dim(&f.value).map(|_| d);
    }
    if let Some(f) = get(fields, "delay") {
        delay = cx.value(&f.value, Dim::Time, "delay")?;
        delay_check(cx, &delay, f.value.span(), owner)?;
    }
    Some((weight, delay, dim))
}

/// Why: NEST rejects a delay below the resolution (it would round to zero steps).
pub(super) fn delay_check(
    cx: &mut Ctx,
    delay: &ValueDesc,
    span: SpanRange,
    owner: &str,
) -> Option<()> {
    let min = match *delay {
        ValueDesc::Known(Value::Constant(d)) => d,
        ValueDesc::Known(Value::Uniform { min, .. }) => min,
        ValueDesc::Known(Value::Normal { min: Some(m), .. }) => m,
        // A Rust expression is checked by the engine when the network is built.
        _ => return Some(()),
    };
    let h = cx.resolution;
    if network_spec::Resolution::new(h).is_ok_and(|r| r.delay_steps(min) < 1) {
        cx.error(
            span,
            format!("{owner}: delay {min} ms is below the resolution ({h} ms)"),
            format!("the smallest delay is one step: `delay: {h} ms`"),
        );
        return None;
    }
    Some(())
}

/// The dimension of the first unit written in a value.
fn written_dim(e: &Expr) -> Option<Dim> {
    match e {
        Expr::Rust { unit, .. } => unit
            .as_ref()
            .and_then(|u| crate::units::lookup(&u.name).ok())
            .map(|u| u.0),
        Expr::Number(q) => q
            .unit
            .as_ref()
            .and_then(|u| crate::units::lookup(&u.name).ok())
            .map(|u| u.0),
        Expr::Call(c) => c.args.iter().find_map(|a| match a {
            Arg::Positional(e) => written_dim(e),
            Arg::Named(f) => written_dim(&f.value),
        }),
        _ => None,
    }
}

/// `via ...` of a stimulator or connection onto `target`. Why: the weight is a current
/// (pA) for current-based models, a voltage jump (mV) for iaf_psc_delta and a
/// conductance (nS) for conductance-based models, so the unit
/// written must match the target; `weight_dim` is `Number` for current generators whose
/// weight scales the current. A multisynapse target needs the `receptor` port each
/// connection feeds; `missing` is where to report its absence. A `psp(..)` weight is
/// converted onto `target` and returned beside the synapse.
pub(super) fn via(
    cx: &mut Ctx,
    via: Option<&Via>,
    target: &ReceptorTarget<'_>,
    weight_dim: Option<Dim>,
    owner: &str,
    missing: SpanRange,
) -> Option<(SynapseDesc, SpanRange, Option<psp::Psp>)> {
    let model = target.neuron.base;
    let expected = weight_dim.unwrap_or(model.weight_dimension());
    let nest_model = |base: SynapseModel| SynapseDesc {
        model: base.name().into(),
        base,
        params: Vec::new(),
        varied: Vec::new(),
        weight: ValueDesc::constant(1.0),
        delay: ValueDesc::constant(1.0),
        receptor: 0,
    };
    let Some(via) = via else {
        let receptor = receptors::receptor(cx, None, target, missing)?;
        return Some((
            SynapseDesc {
                receptor,
                ..nest_model(SynapseModel::Static)
            },
            SpanRange::single(proc_macro2::Span::call_site()),
            None,
        ));
    };
    let mut pending = None;
    let mut desc = if let Some(base) = SynapseModel::from_name(&via.synapse.to_string()) {
        nest_model(base)
    } else {
        if synapse::rate_name(cx, &via.synapse) {
            return None;
        }
        let i = cx.lookup(&via.synapse, Kind::Synapse, "`via` names a synapse")?;
        if let Some(d) = cx.synapse_dims[i] {
            if d != expected
                && via
                    .params
                    .as_ref()
                    .is_none_or(|p| !p.fields.iter().any(|f| f.name == "weight"))
            {
                wrong_weight_dim(cx, (&via.synapse).into(), d, expected, model);
                return None;
            }
        }
        pending = cx.synapse_psp[i].clone();
        cx.synapses[i].clone()
    };
    let mut span = SpanRange::from(&via.synapse);
    let mut receptor_field = None;
    if let Some(params) = &via.params {
        let mut allowed = synapse::allowed(desc.base);
        allowed.push("receptor");
        let fields = cx.fields(params, &allowed, desc.base.name());
        if let Some(f) = get(&fields, "Wmax") {
            if let Some(d) = written_dim(&f.value) {
                if d != expected && d.is_weight() {
                    cx.error(
                        f.value.span(),
                        format!("`Wmax` is {}, but it must be {}", d.name(), expected.name()),
                        format!(
                            "Wmax is a weight: {} neurons take weights as {} ({})",
                            model.name(),
                            expected.name(),
                            expected.unit()
                        ),
                    );
                    return None;
                }
            }
        }
        synapse::params(cx, desc.base, &fields, expected, &mut desc)?;
        if let Some(f) = get(&fields, "weight").filter(|f| psp::is_psp(&f.value)) {
            let read = psp::read(cx, &f.value)?;
            desc.weight = ValueDesc::Known(read.height.clone());
            pending = Some(read);
            span = f.value.span();
        } else if let Some(f) = get(&fields, "weight") {
            pending = None;
            if let Some(d) = written_dim(&f.value) {
                if d != expected && (d.is_weight() || d == Dim::Number) {
                    wrong_weight_dim(cx, f.value.span(), d, expected, model);
                    return None;
                }
            }
            desc.weight = cx.value(&f.value, expected, "weight")?;
            span = f.value.span();
        }
        if let Some(f) = get(&fields, "delay") {
            desc.delay = cx.value(&f.value, Dim::Time, "delay")?;
            delay_check(cx, &desc.delay, f.value.span(), owner)?;
        }
        receptor_field = get(&fields, "receptor");
        synapse::engine_check(cx, &desc, &fields, span, owner)?;
    }
    let missing = SpanRange::from(&via.synapse);
    desc.receptor = receptors::receptor(cx, receptor_field, target, missing)?;
    if let Some(p) = &pending {
        if target.current {
            cx.error(
                p.span,
                "a current generator's weight scales its current: it has no PSP",
                "write a pure number",
            );
            return None;
        }
        let f = psp::factor(cx, p, target.neuron, target.population, desc.receptor)?;
        desc.weight = psp::scale(p, f);
    }
    synapse::common_weight(cx, &desc, span)?;
    if let ValueDesc::Known(Value::Constant(w)) = desc.weight {
        if w < 0.0 && model.nonnegative_weights() {
            cx.error(
                span,
                format!(
                    "the weight is {w} nS, but {} takes no negative weight",
                    model.name()
                ),
                "its ports are conductances, each with its reversal potential E_rev: make \
                 the weight positive and feed an inhibitory port (E_rev below rest)",
            );
            return None;
        }
    }
    Some((desc, span, pending))
}

fn wrong_weight_dim(cx: &mut Ctx, span: SpanRange, written: Dim, expected: Dim, target: BaseModel) {
    let why = match expected {
        Dim::Number => {
            "this generator's weight scales its current: write a pure number".to_string()
        }
        _ => format!(
            "{} neurons take weights as {} ({})",
            target.name(),
            expected.name(),
            expected.unit()
        ),
    };
    cx.error(
        span,
        format!(
            "the weight is {}, but it must be {}",
            written.name(),
            expected.name()
        ),
        why,
    );
}
