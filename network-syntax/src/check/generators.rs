//! The parameters of the generators with listed times (`spike_generator`,
//! `step_current_generator`), checked with NEST's time rules.

use super::values::get;
use super::Ctx;
use crate::ast::*;
use crate::description::*;
use crate::units::Dim;

/// A flag `true`/`false`; `false` when absent.
fn flag(cx: &mut Ctx, fields: &[(String, &Field)], key: &str) -> Option<bool> {
    flag_or(cx, fields, key, false)
}

/// A flag `true`/`false`; `default` when absent.
pub(super) fn flag_or(
    cx: &mut Ctx,
    fields: &[(String, &Field)],
    key: &str,
    default: bool,
) -> Option<bool> {
    match get(fields, key).map(|f| &f.value) {
        Some(Expr::Ident(i)) if i == "true" => Some(true),
        Some(Expr::Ident(i)) if i == "false" => Some(false),
        Some(e) => {
            cx.error(e.span(), format!("`{key}` is `true` or `false`"), "");
            None
        }
        None => Some(default),
    }
}

/// A `spike_generator`. Why: NEST rejects unsorted times, a time of 0 ms (unless
/// `shift_now_spikes`), negative times, times more than half a tic off the grid
/// unless `allow_offgrid_times` or `precise_times` rounds them up, and `precise_times`
/// beside either of the other flags.
pub(super) fn spike_generator(
    cx: &mut Ctx,
    fields: &[(String, &Field)],
    name: &str,
) -> Option<StimulusDesc> {
    let allow_offgrid_times = flag(cx, fields, "allow_offgrid_times")?;
    let precise_times = flag(cx, fields, "precise_times")?;
    let shift_now_spikes = flag(cx, fields, "shift_now_spikes")?;
    if let Err(e) = network_spec::time_flags::check_precise_alone(
        name,
        precise_times,
        allow_offgrid_times,
        shift_now_spikes,
    ) {
        let at = get(fields, "precise_times").map(|f| f.value.span());
        cx.error(at?, e.to_string(), "");
        return None;
    }
    let spike_times = match get(fields, "spike_times") {
        Some(f) => {
            let t = cx.numbers(&f.value, Dim::Time, "spike_times")?;
            let lowest_ok = |x: f64| x > 0.0 || (shift_now_spikes && x == 0.0);
            if t.windows(2).any(|w| w[1] < w[0]) || t.first().is_some_and(|x| !lowest_ok(*x)) {
                cx.error(
                    f.value.span(),
                    "spike times must be > 0 ms and sorted",
                    "e.g. `spike_times: [1, 2.5, 10] ms` (0 ms needs `shift_now_spikes: true`)",
                );
                return None;
            }
            let res = network_spec::Resolution::new(cx.resolution).ok()?;
            if !(allow_offgrid_times || precise_times) {
                if let Some(off) = t.iter().find(|x| res.tic_grid_steps(**x).is_none()) {
                    cx.error(
                        f.value.span(),
                        format!(
                            "`{name}`: spike time {off} ms is not on the grid of {} ms",
                            cx.resolution
                        ),
                        "use multiples of the resolution, or `allow_offgrid_times: true` to round up to the grid",
                    );
                    return None;
                }
            }
            t
        }
        None => Vec::new(),
    };
    let spike_weights = match get(fields, "spike_weights") {
        Some(f) => {
            let w = cx.numbers(&f.value, Dim::Number, "spike_weights")?;
            if w.len() != spike_times.len() {
                cx.error(
                    f.value.span(),
                    format!("{} weights for {} spike times", w.len(), spike_times.len()),
                    "give one weight per spike time, or none",
                );
                return None;
            }
            w
        }
        None => Vec::new(),
    };
    let spike_multiplicities = match get(fields, "spike_multiplicities") {
        Some(f) => multiplicities(cx, &f.value, spike_times.len())?,
        None => Vec::new(),
    };
    Some(StimulusDesc::Spikes {
        spike_times,
        spike_weights,
        spike_multiplicities,
        allow_offgrid_times,
        precise_times,
        shift_now_spikes,
    })
}

/// A spike generator's `spike_multiplicities`: whole numbers >= 0, one per spike time
/// (`times` of them). Why: NEST refuses a list of another length ("the same number of
/// elements as spike_times"), reads the values as integers, and sends each spike that
/// many times; a negative count has no meaning (NEST would send it as a huge unsigned
/// count), so it is refused here.
fn multiplicities(cx: &mut Ctx, e: &Expr, times: usize) -> Option<Vec<u32>> {
    let m = cx.numbers(e, Dim::Number, "spike_multiplicities")?;
    whole_counts(cx, e, &m)?;
    if m.len() != times {
        cx.error(
            e.span(),
            format!("{} multiplicities for {times} spike times", m.len()),
            "give one multiplicity per spike time, or none",
        );
        return None;
    }
    Some(m.into_iter().map(|v| v as u32).collect())
}

/// Multiplicities `m` (written at `e`) are whole numbers >= 0.
pub(super) fn whole_counts(cx: &mut Ctx, e: &Expr, m: &[f64]) -> Option<()> {
    if let Some(bad) = m
        .iter()
        .find(|&&v| !(v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX)))
    {
        cx.error(
            e.span(),
            format!("spike multiplicity {bad} is not a whole number >= 0"),
            "give each spike's number of copies, e.g. `spike_multiplicities: [1, 2, 1]`",
        );
        return None;
    }
    Some(())
}

/// A `step_current_generator`. Why: NEST wants one value per time, times > 0 ms on the
/// grid (or `allow_offgrid_times`) in strictly increasing steps; the vocabulary's check
/// says which, reported at the times.
pub(super) fn step_current(
    cx: &mut Ctx,
    fields: &[(String, &Field)],
    name: &str,
) -> Option<StimulusDesc> {
    let allow_offgrid_times = flag(cx, fields, "allow_offgrid_times")?;
    let list = |cx: &mut Ctx, key: &str, dim: Dim| match get(fields, key) {
        Some(f) => cx.numbers(&f.value, dim, key),
        None => Some(Vec::new()),
    };
    let amplitude_times = list(cx, "amplitude_times", Dim::Time)?;
    let amplitude_values = list(cx, "amplitude_values", Dim::Current)?;
    let generator = network_spec::StepCurrentGenerator {
        amplitude_times: amplitude_times.clone(),
        amplitude_values: amplitude_values.clone(),
        allow_offgrid_times,
        ..Default::default()
    };
    let res = network_spec::Resolution::new(cx.resolution).ok()?;
    if let Err(e) = generator.amplitude_steps(name, &res) {
        let at = get(fields, "amplitude_times")
            .or_else(|| get(fields, "amplitude_values"))
            .map(|f| f.value.span());
        if let Some(span) = at {
            cx.error(
                span,
                e.to_string(),
                "e.g. `amplitude_times: [10, 20] ms, amplitude_values: [300, 0] pA`",
            );
        }
        return None;
    }
    Some(StimulusDesc::StepCurrent {
        amplitude_times,
        amplitude_values,
        allow_offgrid_times,
    })
}

/// An `inhomogeneous_poisson_generator`. Why: NEST wants one rate per time, rates
/// >= 0 Hz and times as a step current's; the vocabulary's check says which.
pub(super) fn inhomogeneous(
    cx: &mut Ctx,
    fields: &[(String, &Field)],
    name: &str,
) -> Option<StimulusDesc> {
    let allow_offgrid_times = flag(cx, fields, "allow_offgrid_times")?;
    let list = |cx: &mut Ctx, key: &str, dim: Dim| match get(fields, key) {
        Some(f) => cx.numbers(&f.value, dim, key),
        None => Some(Vec::new()),
    };
    let rate_times = list(cx, "rate_times", Dim::Time)?;
    let rate_values = list(cx, "rate_values", Dim::Rate)?;
    let generator = network_spec::InhomogeneousPoissonGenerator {
        rate_times: rate_times.clone(),
        rate_values: rate_values.clone(),
        allow_offgrid_times,
        ..Default::default()
    };
    let res = network_spec::Resolution::new(cx.resolution).ok()?;
    if let Err(e) = generator.rate_steps(name, &res) {
        let at = get(fields, "rate_times")
            .or_else(|| get(fields, "rate_values"))
            .map(|f| f.value.span());
        if let Some(span) = at {
            cx.error(
                span,
                e.to_string(),
                "e.g. `rate_times: [100, 200] ms, rate_values: [20, 0] Hz`",
            );
        }
        return None;
    }
    Some(StimulusDesc::InhomogeneousPoisson {
        rate_times,
        rate_values,
        allow_offgrid_times,
    })
}
