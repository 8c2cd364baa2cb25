//! Recorders and stimulators: their parameters, windows and targets.

use super::generator_recorders;
use super::generators;
use super::receptors::{self, ReceptorTarget};
use super::targets::target;
use super::train_generators;
use super::values::get;
use super::{neuron, psp, synapse, Ctx};
use crate::ast::*;
use crate::description::*;
use crate::grammar;
use crate::units::Dim;

/// `start` and `stop` of a device. Why: NEST rejects stop < start and times off the
/// time grid.
pub(super) fn window(
    cx: &mut Ctx,
    fields: &[(String, &Field)],
    name: &str,
) -> Option<(f64, Option<f64>)> {
    let start = match get(fields, "start") {
        Some(f) => cx.number(&f.value, Dim::Time, "start")?,
        None => 0.0,
    };
    let stop = match get(fields, "stop") {
        Some(f) => Some(cx.number(&f.value, Dim::Time, "stop")?),
        None => None,
    };
    let res = network_spec::Resolution::new(cx.resolution).ok()?;
    for (key, v) in [("start", Some(start)), ("stop", stop)] {
        if let (Some(v), Some(f)) = (v, get(fields, key)) {
            if res.grid_steps(name, "t", v).is_err() {
                let (message, help) = if v < 0.0 {
                    (
                        format!("`{key}` = {v} ms is negative"),
                        "NEST rejects negative device times: use a time >= 0 ms".to_string(),
                    )
                } else {
                    (
                        format!("`{key}` = {v} ms is not on the time grid"),
                        format!("use a multiple of the resolution ({} ms)", cx.resolution),
                    )
                };
                cx.error(f.value.span(), message, help);
                return None;
            }
        }
    }
    if let (Some(stop), Some(f)) = (stop, get(fields, "stop")) {
        if stop < start {
            cx.error(
                f.value.span(),
                format!("`stop` ({stop} ms) is before `start` ({start} ms)"),
                "NEST requires start <= stop",
            );
            return None;
        }
    }
    Some((start, stop))
}

/// A `record` statement.
pub(super) fn recorder(cx: &mut Ctx, d: &DeviceItem, wiring: &[Wiring]) -> Option<RecorderDesc> {
    let name = d.name.to_string();
    let kind = d.kind.to_string();
    let Some(device) = grammar::device(grammar::RECORDERS, &kind) else {
        let all: Vec<&str> = grammar::RECORDERS.iter().map(|d| d.name).collect();
        let help = match network_spec::error::closest(&kind, &all) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the recorders are {}", all.join(", ")),
        };
        cx.error((&d.kind).into(), format!("unknown recorder `{kind}`"), help);
        return None;
    };
    let allowed: &[&str] = &device.key_names();
    if d.via.is_some() {
        cx.error(
            (&d.name).into(),
            "a recorder has no synapse",
            "remove `via ..`",
        );
    }
    let fields = cx.fields(&d.params, allowed, &kind);
    let window = window(cx, &fields, &name);
    let time_in_steps = super::generators::flag_or(cx, &fields, "time_in_steps", false);
    if kind == "weight_recorder" {
        let kind = super::weight_recorders::weight_recorder(cx, &fields, d, wiring)?;
        return Some(RecorderDesc {
            name,
            kind,
            window: window?,
            targets: Vec::new(),
            generators: Vec::new(),
            time_in_steps: time_in_steps?,
            docs: d.docs.clone(),
        });
    }
    // A spike recorder may name generators (`<- drive`) besides populations.
    let mut generators = Vec::new();
    let mut sources_ok = true;
    let mut populations = Vec::new();
    for t in &d.targets {
        match generator_recorders::generator_source(cx, t, wiring, &kind) {
            Some(Some(g)) => generators.push(g),
            Some(None) => sources_ok = false,
            None => populations.push(t),
        }
    }
    let targets: Vec<Option<TargetDesc>> = populations
        .into_iter()
        .map(|t| target(cx, t, "a recorder records from a population"))
        .collect();
    let targets: Option<Vec<TargetDesc>> = targets
        .into_iter()
        .collect::<Option<Vec<_>>>()
        .filter(|_| sources_ok);
    let kind = if kind == "spike_recorder" {
        RecorderKind::Spikes {
            ascii: record_to(cx, &fields)?,
        }
    } else {
        let interval = match get(&fields, "interval") {
            Some(f) => cx.number(&f.value, Dim::Time, "interval")?,
            None => 1.0,
        };
        if let Some(f) = get(&fields, "interval") {
            let steps = interval / cx.resolution;
            if interval < cx.resolution || (steps - steps.round()).abs() > 1e-9 {
                cx.error(f.value.span(), format!("interval {interval} ms is not a positive multiple of the resolution ({} ms)", cx.resolution), format!("e.g. `interval: {} ms`", cx.resolution));
                return None;
            }
        }
        let offset = match get(&fields, "offset") {
            Some(f) => cx.number(&f.value, Dim::Time, "offset")?,
            None => 0.0,
        };
        let record_from = if kind == "voltmeter" {
            vec!["V_m".to_string()]
        } else {
            record_from(cx, &fields, d, targets.as_deref())?
        };
        RecorderKind::Multimeter {
            interval,
            offset,
            record_from,
        }
    };
    Some(RecorderDesc {
        name,
        kind,
        window: window?,
        targets: targets?,
        generators,
        time_in_steps: time_in_steps?,
        docs: d.docs.clone(),
    })
}

/// `to: memory | ascii | "dir"`: `None` for memory, `Some("")` for the network's
/// `data_path`.
pub(super) fn record_to(cx: &mut Ctx, fields: &[(String, &Field)]) -> Option<Option<String>> {
    match get(fields, "to").map(|f| &f.value) {
        None => Some(None),
        Some(Expr::Ident(i)) if i == "memory" => Some(None),
        Some(Expr::Ident(i)) if i == "ascii" => Some(Some(String::new())),
        Some(Expr::Str(s)) => Some(Some(s.value())),
        Some(e) => {
            cx.error(
                e.span(),
                "`to` must be `memory`, `ascii` or a directory",
                "e.g. `to: ascii` or `to: \"out\"`",
            );
            None
        }
    }
}

/// Why: a multimeter can only sample what every target's model has.
fn record_from(
    cx: &mut Ctx,
    fields: &[(String, &Field)],
    d: &DeviceItem,
    targets: Option<&[TargetDesc]>,
) -> Option<Vec<String>> {
    match targets {
        Some(targets) => {
            let mut names = None;
            for t in targets {
                names = Some(record_from_one(cx, fields, d, Some(t))?);
            }
            names
        }
        None => record_from_one(cx, fields, d, None),
    }
}

/// `record_from` checked against one target's model.
fn record_from_one(
    cx: &mut Ctx,
    fields: &[(String, &Field)],
    d: &DeviceItem,
    target: Option<&TargetDesc>,
) -> Option<Vec<String>> {
    let Some(f) = get(fields, "record_from") else {
        cx.error(
            (&d.kind).into(),
            "a multimeter needs `record_from`",
            "e.g. `multimeter { record_from: [V_m, I_syn_ex] }`",
        );
        return None;
    };
    let Expr::List { elems, .. } = &f.value else {
        cx.error(
            f.value.span(),
            "`record_from` must be a list",
            "e.g. `[V_m]`",
        );
        return None;
    };
    let neuron = target.map(|t| cx.neurons[cx.populations[t.population].model].clone());
    let model = neuron.as_ref().map(|n| n.base);
    let known = neuron
        .as_ref()
        .map(NeuronDesc::recordables)
        .unwrap_or_default();
    let names: Vec<String> = known.iter().map(|r| r.name().into_owned()).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for e in elems {
        match e {
            Expr::Ident(i) if model.is_none() || names.contains(&i.to_string().as_str()) => {
                out.push(i.to_string())
            }
            _ => {
                cx.error(
                    e.span(),
                    "not a recordable of the target's model",
                    format!(
                        "{} records {}",
                        model.map_or("", |m| m.name()),
                        names.join(", ")
                    ),
                );
                return None;
            }
        }
    }
    Some(out)
}

/// A `stimulate` statement.
pub(super) fn stimulator(cx: &mut Ctx, d: &DeviceItem) -> Option<StimulatorDesc> {
    let name = d.name.to_string();
    let kind = d.kind.to_string();
    let Some(device) = grammar::device(grammar::STIMULATORS, &kind) else {
        let all: Vec<&str> = grammar::STIMULATORS.iter().map(|d| d.name).collect();
        let help = match network_spec::error::closest(&kind, &all) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the stimulators are {}", all.join(", ")),
        };
        cx.error(
            (&d.kind).into(),
            format!("unknown stimulator `{kind}`"),
            help,
        );
        return None;
    };
    let (allowed, weight_dim): (&[&str], Option<Dim>) = (&device.key_names(), device.weight);
    let fields = cx.fields(&d.params, allowed, &kind);
    let window = window(cx, &fields, &name);
    let targets: Vec<Option<TargetDesc>> = d
        .targets
        .iter()
        .map(|t| target(cx, t, "a stimulator drives a population"))
        .collect();
    let targets: Option<Vec<TargetDesc>> = targets.into_iter().collect();
    let synapse = targets
        .as_ref()
        .and_then(|t| stimulator_synapse(cx, d, t, weight_dim, &name))
        .and_then(|(desc, span, _)| {
            let at = d.via.as_ref().map_or(span, |v| (&v.synapse).into());
            synapse::static_only(cx, &desc, at)?;
            Some((desc, span))
        });
    let num = |cx: &mut Ctx, key: &str, dim: Dim, default: f64| match get(&fields, key) {
        Some(f) => cx.number(&f.value, dim, key),
        None => Some(default),
    };
    let stimulus = match kind.as_str() {
        "dc_generator" => StimulusDesc::Dc {
            amplitude: match get(&fields, "amplitude") {
                Some(f) => cx.amount(&f.value, Dim::Current, "amplitude")?,
                None => NumDesc::Const(0.0),
            },
        },
        "poisson_generator" => {
            let rate = match get(&fields, "rate") {
                Some(f) => cx.amount(&f.value, Dim::Rate, "rate")?,
                None => NumDesc::Const(0.0),
            };
            if let NumDesc::Const(r) = rate {
                non_negative(cx, &fields, "rate", r, "a rate")?;
            }
            StimulusDesc::Poisson { rate }
        }
        "spike_generator" => generators::spike_generator(cx, &fields, &name)?,
        "step_current_generator" => generators::step_current(cx, &fields, &name)?,
        "inhomogeneous_poisson_generator" => generators::inhomogeneous(cx, &fields, &name)?,
        "sinusoidal_poisson_generator" => StimulusDesc::SinusoidalPoisson {
            rate: num(cx, "rate", Dim::Rate, 0.0)?,
            amplitude: num(cx, "amplitude", Dim::Rate, 0.0)?,
            frequency: num(cx, "frequency", Dim::Rate, 0.0)?,
            phase: num(cx, "phase", Dim::Angle, 0.0)?,
            individual_spike_trains: generators::flag_or(
                cx,
                &fields,
                "individual_spike_trains",
                true,
            )?,
        },
        "mip_generator" => {
            let rate = num(cx, "rate", Dim::Rate, 0.0)?;
            non_negative(cx, &fields, "rate", rate, "a rate")?;
            let p_copy = num(cx, "p_copy", Dim::Number, 1.0)?;
            if !(0.0..=1.0).contains(&p_copy) {
                let f = get(&fields, "p_copy").expect("only a written value is out of range");
                cx.error(
                    f.value.span(),
                    format!("`p_copy` = {p_copy} is not a probability"),
                    "NEST requires 0 <= p_copy <= 1",
                );
                return None;
            }
            StimulusDesc::Mip { rate, p_copy }
        }
        k if train_generators::handles(k) => train_generators::stimulus(cx, d, &fields, &name)?,
        "ac_generator" => StimulusDesc::Ac {
            amplitude: num(cx, "amplitude", Dim::Current, 0.0)?,
            offset: num(cx, "offset", Dim::Current, 0.0)?,
            frequency: num(cx, "frequency", Dim::Rate, 0.0)?,
            phase: num(cx, "phase", Dim::Angle, 0.0)?,
        },
        _ => {
            let (mean, std) = (
                num(cx, "mean", Dim::Current, 0.0)?,
                num(cx, "std", Dim::Current, 0.0)?,
            );
            non_negative(cx, &fields, "std", std, "a standard deviation")?;
            let std_mod = num(cx, "std_mod", Dim::Current, 0.0)?;
            if std_mod < 0.0 || std_mod > std {
                let span =
                    get(&fields, "std_mod").map_or(SpanRange::from(&d.kind), |f| f.value.span());
                cx.error(
                    span,
                    format!("std_mod = {std_mod} pA is outside 0..=std ({std} pA)"),
                    "NEST requires 0 <= std_mod <= std",
                );
                return None;
            }
            let dt = num(cx, "dt", Dim::Time, 1.0)?;
            if let Some(f) = get(&fields, "dt") {
                noise_dt(cx, f.value.span(), &name, dt)?;
            }
            StimulusDesc::Noise {
                mean,
                std,
                dt,
                std_mod,
                frequency: num(cx, "frequency", Dim::Rate, 0.0)?,
                phase: num(cx, "phase", Dim::Angle, 0.0)?,
            }
        }
    };
    Some(StimulatorDesc {
        name,
        kind: stimulus,
        window: window?,
        targets: targets?,
        synapse: synapse?.0,
        docs: d.docs.clone(),
    })
}

/// The synapse of a stimulator onto each of its targets. Why: one device has one synapse,
/// so every target must accept the same receptor port.
fn stimulator_synapse(
    cx: &mut Ctx,
    d: &DeviceItem,
    targets: &[TargetDesc],
    weight_dim: Option<Dim>,
    name: &str,
) -> Option<(SynapseDesc, SpanRange, Option<psp::Psp>)> {
    let current = weight_dim == Some(Dim::Number);
    let receptor_field = d
        .via
        .as_ref()
        .and_then(|v| v.params.as_ref())
        .and_then(|p| p.fields.iter().find(|f| f.name == "receptor"));
    let missing = SpanRange::from(&d.name);
    let mut first: Option<(SynapseDesc, SpanRange, Option<psp::Psp>)> = None;
    for t in targets {
        let pop = cx.populations[t.population].clone();
        let neuron = cx.neurons[pop.model].clone();
        let target = ReceptorTarget {
            neuron: &neuron,
            population: &pop.name,
            current,
        };
        match &first {
            None => {
                first = Some(neuron::via(
                    cx,
                    d.via.as_ref(),
                    &target,
                    weight_dim,
                    name,
                    missing,
                )?)
            }
            Some((desc, _, written)) => {
                let r = receptors::receptor(cx, receptor_field, &target, missing)?;
                // Why: one device has one weight, and a PSP weight's amplitude depends on
                // the target's time constants and capacitance.
                if let Some(p) = written {
                    let f = psp::factor(cx, p, &neuron, &pop.name, r)?;
                    if psp::scale(p, f) != desc.weight {
                        cx.error(
                            p.span,
                            format!(
                                "`psp(..)` gives `{}` another amplitude than the first target",
                                pop.name
                            ),
                            "one stimulator has one weight: use one stimulator per neuron model",
                        );
                        return None;
                    }
                }
                if r != desc.receptor {
                    cx.error(
                        missing,
                        format!(
                            "`{}` needs receptor port {r}, the first target port {}",
                            pop.name, desc.receptor
                        ),
                        "one stimulator feeds one receptor port: use one stimulator per port",
                    );
                    return None;
                }
            }
        }
    }
    first
}

/// Why: NEST rejects a negative rate or standard deviation.
fn non_negative(
    cx: &mut Ctx,
    fields: &[(String, &Field)],
    key: &str,
    v: f64,
    what: &str,
) -> Option<()> {
    if v < 0.0 {
        let f = get(fields, key).expect("only a written value is negative");
        cx.error(
            f.value.span(),
            format!("`{key}` = {v} is negative"),
            format!("{what} must be >= 0"),
        );
        return None;
    }
    Some(())
}

/// A `noise_generator`'s `dt` (ms): NEST redraws on the time grid, so it takes a whole
/// number of steps, at least one (its `StepMultipleRequired`).
pub(super) fn noise_dt(cx: &mut Ctx, at: crate::SpanRange, entity: &str, dt: f64) -> Option<()> {
    let res = network_spec::Resolution::new(cx.resolution).ok()?;
    let problem = match res.grid_steps(entity, "dt", dt) {
        Ok(steps) if steps >= 1 => return Some(()),
        Ok(_) => format!("`dt` = {dt} ms of `{entity}` is shorter than one step"),
        Err(_) => format!(
            "`dt` = {dt} ms of `{entity}` is not a positive multiple of the resolution ({} ms)",
            cx.resolution
        ),
    };
    cx.error(
        at,
        problem,
        format!(
            "NEST redraws the noise on the time grid: use a positive multiple of the resolution, e.g. `dt: {} ms`",
            cx.resolution
        ),
    );
    None
}
