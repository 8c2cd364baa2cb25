//! Multimeters on rate neurons, generators aimed at them (refused) and the kernel's
//! waveform-relaxation settings: the devices and settings of `rate.rs`'s rate neurons.

use super::rate::{end, names_rate_population, value, End, WFR_SETTINGS};
use super::values::get;
use super::Ctx;
use crate::ast::*;
use crate::rate::*;
use crate::units::Dim;
use network_spec::rate::WaveformRelaxation;
use network_spec::Recordable;

/// Whether a `record` statement records a rate population.
pub(super) fn is_rate_record(cx: &Ctx, d: &DeviceItem) -> bool {
    d.targets
        .iter()
        .any(|t| names_rate_population(cx, &t.population))
}

/// A multimeter on one rate population, with a spiking multimeter's `interval`,
/// `offset`, window (`start`, `stop`) and `time_in_steps`. Why: rate neurons record
/// `rate` and `noise` only, and spike recorders and generators have nothing to do with
/// them; NEST samples on the time grid.
pub(super) fn multimeter(cx: &mut Ctx, d: &DeviceItem) -> Option<RateMultimeterDesc> {
    let kind = d.kind.to_string();
    let target = d
        .targets
        .iter()
        .find(|t| names_rate_population(cx, &t.population))
        .expect("a rate target");
    if kind != "multimeter" {
        cx.error(
            (&d.kind).into(),
            format!(
                "a {kind} cannot record rate population `{}`: rate neurons do not spike",
                target.population
            ),
            "record rate neurons with `multimeter { record_from: [rate, noise], interval: 1 ms }`",
        );
        return None;
    }
    let mut ok = true;
    let population = match end(cx, &target.population) {
        End::Rate(i) => i,
        _ => return None,
    };
    if let Some(other) = d.targets.iter().find(|t| t.population != target.population) {
        let extra = &other.population;
        cx.error(
            extra.into(),
            "a multimeter on rate neurons records one population",
            "declare one multimeter per population",
        );
        ok = false;
    }
    if let Some((m, _)) = &target.within {
        let span = match m {
            MaskRef::Named(i) => i.into(),
            MaskRef::Inline(call) => call.span,
        };
        cx.error(
            span,
            "rate populations have no positions to select",
            "record a slice, e.g. `<- r[0..10]`",
        );
        ok = false;
    }
    if let Some(via) = &d.via {
        cx.error(
            (&via.synapse).into(),
            "a recorder takes no synapse",
            "remove `via ..`",
        );
        ok = false;
    }
    let size = cx.rate.populations[population].size;
    let indices = match &target.slice {
        None => None,
        Some(Slice::Range { start, end, span }) => {
            let (a, z) = (start.unwrap_or(0), end.unwrap_or(size));
            if a >= z || z > size {
                cx.error(
                    *span,
                    format!(
                        "the slice {a}..{z} is not within the {size} neurons of `{}`",
                        target.population
                    ),
                    format!("indices run from 0 to {}", size - 1),
                );
                return None;
            }
            Some((a as u32..z as u32).collect())
        }
        Some(Slice::List { indices, span }) => {
            if let Some(bad) = indices.iter().find(|&&i| i >= size) {
                cx.error(
                    *span,
                    format!(
                        "index {bad} is not below the size {size} of `{}`",
                        target.population
                    ),
                    format!("indices run from 0 to {}", size - 1),
                );
                return None;
            }
            Some(indices.iter().map(|&i| i as u32).collect())
        }
    };
    let fields = cx.fields(
        &d.params,
        &[
            "record_from",
            "interval",
            "offset",
            "start",
            "stop",
            "time_in_steps",
        ],
        "a multimeter on rate neurons",
    );
    let interval = match get(&fields, "interval") {
        Some(f) => cx.number(&f.value, Dim::Time, "interval")?,
        None => 1.0,
    };
    let steps = interval / cx.resolution;
    if steps.is_nan() || steps < 1.0 || (steps - steps.round()).abs() >= 1e-9 {
        let span = get(&fields, "interval").map_or(SpanRange::from(&d.kind), |f| f.value.span());
        cx.error(
            span,
            format!(
                "the interval {interval} ms is not a multiple of the resolution {} ms",
                cx.resolution
            ),
            "NEST samples on the grid: write a multiple of the resolution",
        );
        ok = false;
    }
    let offset = match get(&fields, "offset") {
        Some(f) => cx.number(&f.value, Dim::Time, "offset")?,
        None => 0.0,
    };
    let steps = offset / cx.resolution;
    if steps.is_nan() || steps < 0.0 || (steps - steps.round()).abs() >= 1e-9 {
        let span = get(&fields, "offset").map_or(SpanRange::from(&d.kind), |f| f.value.span());
        cx.error(
            span,
            format!(
                "the offset {offset} ms is not a multiple (>= 0) of the resolution {} ms",
                cx.resolution
            ),
            "NEST samples on the grid: write 0 ms or a multiple of the resolution",
        );
        ok = false;
    }
    let window = super::devices::window(cx, &fields, &d.name.to_string());
    let time_in_steps = super::generators::flag_or(cx, &fields, "time_in_steps", false);
    let record_from = record_from(cx, d, &fields);
    let (window, time_in_steps, record_from) = (window?, time_in_steps?, record_from?);
    ok.then(|| RateMultimeterDesc {
        name: d.name.to_string(),
        population,
        indices,
        record_from,
        interval,
        offset,
        window,
        time_in_steps,
        docs: d.docs.clone(),
    })
}

fn record_from(
    cx: &mut Ctx,
    d: &DeviceItem,
    fields: &[(String, &Field)],
) -> Option<Vec<Recordable>> {
    let Some(f) = get(fields, "record_from") else {
        cx.error(
            (&d.kind).into(),
            "a multimeter needs `record_from`",
            "e.g. `multimeter { record_from: [rate, noise] }`",
        );
        return None;
    };
    let Expr::List { elems, .. } = &f.value else {
        cx.error(
            f.value.span(),
            "`record_from` must be a list",
            "e.g. `[rate, noise]`",
        );
        return None;
    };
    let mut out = Vec::new();
    for e in elems {
        let r = match e {
            Expr::Ident(i) => Recordable::from_name(&i.to_string())
                .filter(|r| network_spec::rate::RATE_RECORDABLES.contains(r)),
            _ => None,
        };
        match r {
            Some(r) => out.push(r),
            None => {
                cx.error(
                    e.span(),
                    "rate neurons record `rate` and `noise` only",
                    "e.g. `record_from: [rate, noise]`",
                );
                return None;
            }
        }
    }
    Some(out)
}

/// A `stimulate` statement onto a rate population. Why: NEST's generators send spikes
/// or currents, which a rate neuron does not take; its drive is `mu` and the noise.
pub(super) fn stimulator_onto_rate(cx: &mut Ctx, d: &DeviceItem) -> bool {
    let Some(t) = d
        .targets
        .iter()
        .find(|t| names_rate_population(cx, &t.population))
    else {
        return false;
    };
    cx.error(
        (&t.population).into(),
        format!("`{}` cannot drive rate population `{}`: rate neurons take no spikes or currents", d.kind, t.population),
        "drive rate neurons by their mean input `mu` (and `sigma`), or by rate connections from another rate population",
    );
    true
}

/// The kernel's waveform-relaxation settings (`use_wfr = false; wfr_tol = 1e-6;`), NEST
/// names and units, `use_wfr` first. Why: NEST checks them when they are set.
pub(super) fn kernel(cx: &mut Ctx, ast: &NetworkAst) -> Vec<(&'static str, f64)> {
    let mut written: Vec<(&'static str, f64, SpanRange)> = Vec::new();
    for item in &ast.items {
        let Item::Setting { key, value: e } = item else {
            continue;
        };
        let Some(name) = WFR_SETTINGS.iter().find(|n| key == *n) else {
            continue;
        };
        let info = WaveformRelaxation::PARAMETERS
            .iter()
            .find(|p| p.name == *name)
            .expect("a table parameter");
        if let Some(v) = value(cx, e, info) {
            written.push((info.name, v, e.span()));
        }
    }
    written.sort_by_key(|(n, _, _)| WFR_SETTINGS.iter().position(|w| w == n));
    let mut wfr = WaveformRelaxation::default();
    for (name, v, span) in &written {
        if let Err(e) = wfr.set("kernel", name, *v) {
            cx.error(*span, e.to_string(), "");
            return Vec::new();
        }
    }
    if let Err(e) = wfr.validate(cx.resolution) {
        let span = match &e {
            network_spec::Error::InvalidParameter { param, .. } => {
                written.iter().find(|(n, _, _)| n == param).map(|w| w.2)
            }
            _ => None,
        };
        if let Some(span) = span.or(written.first().map(|w| w.2)) {
            cx.error(span, e.to_string(), "NEST rejects this kernel setting");
        }
        return Vec::new();
    }
    written.into_iter().map(|(n, v, _)| (n, v)).collect()
}
