//! Synapse models in a description: which NEST model a `synapse` statement or `via`
//! names, the parameters of plastic and stochastic models with their units, and the
//! checks NEST makes on them, at compile time. The parameters NEST keeps in a `_hom`
//! model (its common properties) are written on the connection like the others: every
//! synapse of that projection shares them.

use super::values::get;
use super::Ctx;
use crate::ast::*;
use crate::description::*;
use crate::units::Dim;

/// The NEST synapse model `base` names. Why: a model network-core lacks cannot be built.
pub(super) fn model(cx: &mut Ctx, base: &syn::Ident) -> Option<SynapseModel> {
    let text = base.to_string();
    if let Some(m) = SynapseModel::from_name(&text) {
        return Some(m);
    }
    if rate_name(cx, base) {
        return None;
    }
    let all: Vec<&str> = SynapseModel::ALL.iter().map(|m| m.name()).collect();
    let help = match network_spec::error::closest(&text, &all) {
        Some(s) => format!(
            "did you mean `{s}`? the synapse models are {}",
            all.join(", ")
        ),
        None => format!("the synapse models are {}", all.join(", ")),
    };
    cx.error(base.into(), format!("unknown synapse model `{text}`"), help);
    None
}

/// Reports a rate neuron or rate connection model (`lin_rate_ipn`,
/// `rate_connection_delayed`) named where a spike synapse belongs (a `synapse`
/// statement, a stimulator's `via`); returns whether `ident` names one. Why: rate
/// connections join rate populations only (`check/rate.rs`), and NEST's devices and
/// spiking neurons take spikes.
pub(super) fn rate_name(cx: &mut Ctx, ident: &syn::Ident) -> bool {
    let text = ident.to_string();
    let what = if network_spec::rate::RateModel::from_name(&text).is_some() {
        "rate neuron model"
    } else if network_spec::rate::RATE_CONNECTIONS
        .iter()
        .any(|(n, _)| *n == text)
    {
        "rate connection model"
    } else {
        return false;
    };
    cx.error(
        ident.into(),
        format!("`{text}` is a {what}, not a spike synapse"),
        "declare rate neurons with `neuron R = tanh_rate_ipn { .. };` and connect rate \
         populations with `connect r -> s: all_to_all via rate_connection_delayed { weight: .., delay: .. };`; \
         spiking neurons and devices take spike synapses (`static_synapse`, ..), as in NEST",
    );
    true
}

/// The names a block of `model` may set: `weight`, `delay` and its parameters.
pub(super) fn allowed(model: SynapseModel) -> Vec<&'static str> {
    let mut names = vec!["weight", "delay"];
    names.extend(model.parameters().iter().map(|p| p.name));
    names
}

/// Reads the parameters of `model` written in `fields` (other than weight and delay)
/// into `desc.params` (numbers) or `desc.varied` (random terms, drawn per synapse, as
/// NEST's `syn_spec={"U": nest.random.uniform(..)}`), replacing earlier values. Why:
/// each has a unit (ms, or a pure number), and `Wmax` is a weight: pA, or mV onto
/// iaf_psc_delta (`weight_dim`); a `_hom` model's common property is one value for all.
pub(super) fn params(
    cx: &mut Ctx,
    model: SynapseModel,
    fields: &[(String, &Field)],
    weight_dim: Dim,
    desc: &mut SynapseDesc,
) -> Option<()> {
    let mut ok = true;
    for info in model.parameters() {
        let Some(f) = get(fields, info.name) else {
            continue;
        };
        let dim = if SynapseModel::weight_like(info.name) {
            weight_dim
        } else {
            info.dimension
        };
        desc.params.retain(|(p, _)| *p != info.name);
        desc.varied.retain(|(p, _)| *p != info.name);
        if let Expr::Call(_) = &f.value {
            match varied(cx, model, &f.value, dim, info.name) {
                Some(v) => desc.varied.push((info.name, v)),
                None => ok = false,
            }
            continue;
        }
        match cx.number(&f.value, dim, info.name) {
            Some(v) => desc.params.push((info.name, v)),
            None => ok = false,
        }
    }
    ok.then_some(())
}

/// A parameter drawn per synapse: a random term of `dim` (`uniform`, `normal`,
/// `lognormal`, ..). Why: NEST draws it for each synapse it makes; a common property of
/// a `_hom` model, an integer parameter or an expression of position cannot be.
fn varied(
    cx: &mut Ctx,
    model: SynapseModel,
    e: &Expr,
    dim: Dim,
    name: &'static str,
) -> Option<Value> {
    if model.common().contains(&name) {
        cx.error(
            e.span(),
            format!("`{name}` of {} is one value for every synapse", model.name()),
            "it is a common property of the model (NEST keeps it in the model, not in each synapse); write a number",
        );
        return None;
    }
    if model
        .parameters()
        .iter()
        .any(|p| p.name == name && p.is_integer())
    {
        cx.error(
            e.span(),
            format!("`{name}` is a whole number and cannot be drawn per synapse"),
            "write a number",
        );
        return None;
    }
    match cx.value(e, dim, name)? {
        ValueDesc::Known(
            v @ (Value::Uniform { .. } | Value::Normal { .. } | Value::Lognormal { .. }),
        ) => {
            drawable(cx, model, e, name, &v)?;
            Some(v)
        }
        ValueDesc::Known(Value::Constant(c)) => {
            cx.error(
                e.span(),
                format!("`{name}` must be a number, not a call giving {c}"),
                "write the number",
            );
            None
        }
        _ => {
            cx.error(
                e.span(),
                format!("`{name}` is drawn per synapse from a random term only"),
                "e.g. `uniform(0.2, 0.6)` or `normal(mean: 0.5, std: 0.1, min: 0, max: 1)`; an expression of distance is not supported for a synapse model's parameters yet",
            );
            None
        }
    }
}

/// NEST's check of the model at the bounds a random term can reach (a uniform's, a
/// normal's `min` and `max`). Why: a value NEST rejects would otherwise stop the build
/// only when a synapse draws it; each drawn value is checked again when drawn.
fn drawable(
    cx: &mut Ctx,
    model: SynapseModel,
    e: &Expr,
    name: &'static str,
    v: &Value,
) -> Option<()> {
    let bounds = match *v {
        Value::Uniform { min, max } => vec![min, max],
        Value::Normal { min, max, .. } => min.into_iter().chain(max).collect(),
        _ => Vec::new(),
    };
    let res = network_spec::Resolution::new(cx.resolution).ok()?;
    for bound in bounds {
        if let Err(err) = model.validate(name, &[(name, bound)], None, None, &res) {
            let why = match err {
                network_spec::Error::InvalidParameter { reason, .. } => reason,
                other => other.to_string(),
            };
            cx.error(
                e.span(),
                format!(
                    "`{name}` can be drawn as {bound}, which NEST's {} rejects: it {why}",
                    model.name()
                ),
                "draw from a range the model accepts",
            );
            return None;
        }
    }
    Some(())
}

/// Runs network-core's own check of the synapse model on `desc`. Why: the values NEST
/// rejects (U outside [0, 1], x + y > 1, a weight whose sign differs from Wmax's, ...)
/// are rejected here with the same rule, pointing at the value.
pub(super) fn engine_check(
    cx: &mut Ctx,
    desc: &SynapseDesc,
    fields: &[(String, &Field)],
    fallback: SpanRange,
    owner: &str,
) -> Option<()> {
    let constant = |v: &ValueDesc| match *v {
        ValueDesc::Known(Value::Constant(c)) => Some(c),
        _ => None,
    };
    let res = network_spec::Resolution::new(cx.resolution).ok()?;
    let Err(e) = desc.base.validate(
        owner,
        &desc.params,
        constant(&desc.weight),
        constant(&desc.delay),
        &res,
    ) else {
        return Some(());
    };
    let span = match &e {
        network_spec::Error::InvalidParameter { param, .. } => {
            let key = if param == "x" && get(fields, "x").is_none() {
                "y"
            } else {
                param.as_str()
            };
            get(fields, key).map_or(fallback, |f| f.value.span())
        }
        _ => fallback,
    };
    cx.error(
        span,
        e.to_string(),
        format!("NEST's {} rejects this value", desc.base.name()),
    );
    None
}

/// A model whose weight is common to the model (`static_synapse_hom_w`). Why: NEST keeps
/// one weight for all its synapses, so a drawn or computed weight cannot be expressed.
pub(super) fn common_weight(cx: &mut Ctx, desc: &SynapseDesc, span: SpanRange) -> Option<()> {
    if !desc.base.common().contains(&"weight")
        || matches!(desc.weight, ValueDesc::Known(Value::Constant(_)))
    {
        return Some(());
    }
    cx.error(
        span,
        format!(
            "{} has one weight common to all its synapses, so it cannot be drawn or computed",
            desc.base.name()
        ),
        "give a constant weight, or use static_synapse for per-synapse weights",
    );
    None
}

/// A stimulator's synapse. Why: generators send through `static_synapse` here; a
/// plastic synapse needs a population as its source (NEST users put parrot_neurons in
/// between).
pub(super) fn static_only(cx: &mut Ctx, desc: &SynapseDesc, span: SpanRange) -> Option<()> {
    if desc.base == SynapseModel::Static {
        return Some(());
    }
    cx.error(
        span,
        format!("a stimulator cannot connect through {}", desc.base.name()),
        "stimulate a population of parrot_neuron through static_synapse and connect it \
         through the plastic synapse",
    );
    None
}

/// The synapse of a connection onto neurons of `target`. Why: STDP decays its
/// postsynaptic trace with the target's `tau_minus`, so the target model must have one;
/// NEST's documentation requires a tsodyks_synapse's `tau_psc` to equal the synaptic
/// time constant of an iaf_psc_exp target (its current is then exactly the synapse's).
pub(super) fn fits_target(
    cx: &mut Ctx,
    desc: &SynapseDesc,
    target: &NeuronDesc,
    span: SpanRange,
) -> Option<()> {
    match desc.base {
        m if m
            .target_parameters()
            .iter()
            .any(|p| target.base.param(p, &[]).is_none()) =>
        {
            let needs = m.target_parameters();
            let missing = needs.iter().find(|p| target.base.param(p, &[]).is_none())?;
            let with: Vec<&str> = BaseModel::ALL
                .iter()
                .filter(|b| needs.iter().all(|p| b.param(p, &[]).is_some()))
                .map(|b| b.name())
                .collect();
            cx.error(
                span,
                format!(
                    "{} needs {missing} on its target, and {} has none",
                    m.name(),
                    target.base.name()
                ),
                format!(
                    "connect it onto a neuron model with {} ({})",
                    needs.join(" and "),
                    with.join(", ")
                ),
            );
            None
        }
        SynapseModel::Tsodyks if target.base == BaseModel::IafPscExp => {
            let tau_psc = desc
                .params
                .iter()
                .find(|(n, _)| *n == "tau_psc")
                .map_or(3.0, |p| p.1);
            let channel = match desc.weight {
                ValueDesc::Known(Value::Constant(w)) if w <= 0.0 => "tau_syn_in",
                ValueDesc::Known(Value::Constant(_)) => "tau_syn_ex",
                _ => return Some(()),
            };
            let tau_syn = target.base.param(channel, &target.params)?;
            if tau_psc == tau_syn {
                return Some(());
            }
            cx.error(
                span,
                format!(
                    "tsodyks_synapse's tau_psc ({tau_psc} ms) differs from {channel} of `{}` ({tau_syn} ms)",
                    target.name
                ),
                format!("NEST requires them equal onto iaf_psc_exp: write `tau_psc: {tau_syn} ms`"),
            );
            None
        }
        _ => Some(()),
    }
}
