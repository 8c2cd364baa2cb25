//! Executing the plan's rate steps on the builder, as the code `network!` generates
//! executes them: the kernel's waveform-relaxation settings, rate populations (the
//! model's parameter struct set by NEST name), rate connections and multimeters.

use network_core::network::declared;
use network_core::spatial::Layout;
use network_core::spec::rate::{RateModel, WaveformRelaxation};
use network_core::spec::with_rate_model;
use network_core::RateConnectionOf;
use network_core::Resolution;
use network_core::{
    Multimeter, NetworkBuilder, RateConnection, RateMultimeterHandle, RatePopulationHandle,
    RateRule, RecordTo, Result,
};
use network_syntax::estimate::rate_conn_spec;
use network_syntax::lowering::{Plan, RatePopulation, RateStep, Step};
use network_syntax::rate::{RateRuleDesc, RateSynapseDesc};

/// The rate handles made so far, by name, in the description's order.
#[derive(Default)]
pub struct RateParts {
    /// The rate populations.
    pub populations: Vec<(String, RatePopulationHandle)>,
    /// The multimeters on rate neurons.
    pub multimeters: Vec<(String, RateMultimeterHandle)>,
}

/// Executes one rate step; multimeters write NEST's ASCII files when `files` (a run
/// recording to files, as the spiking multimeters do).
pub(crate) fn step(
    b: &mut NetworkBuilder,
    parts: &mut RateParts,
    step: &RateStep,
    files: bool,
) -> Result<()> {
    match step {
        RateStep::Kernel(settings) => {
            let mut wfr = WaveformRelaxation::default();
            for (name, v) in settings {
                wfr.set("kernel", name, *v)?;
            }
            b.waveform_relaxation(wfr)?;
        }
        RateStep::Population(p) => {
            let handle = population(b, p, &p.params)?;
            parts.populations.push((p.name.clone(), handle));
        }
        RateStep::Connect(c) => {
            let (src, tgt) = (parts.populations[c.source].1, parts.populations[c.target].1);
            let rule = match &c.rule {
                RateRuleDesc::AllToAll => RateRule::AllToAll,
                RateRuleDesc::OneToOne => RateRule::OneToOne,
                RateRuleDesc::Pairs(pairs) => RateRule::Pairs(pairs.clone()),
                RateRuleDesc::Spec(spec) => {
                    let connection = match &c.synapse {
                        RateSynapseDesc::Delayed { weight, delay } => RateConnectionOf::Delayed {
                            weight: weight.clone(),
                            delay: delay.clone(),
                        },
                        RateSynapseDesc::Instantaneous { weight } => {
                            RateConnectionOf::Instantaneous {
                                weight: weight.clone(),
                            }
                        }
                    };
                    let spec = rate_conn_spec(spec);
                    return b.rate_connect_spatial(&c.name, &src, &tgt, &spec, &connection);
                }
            };
            // A plain rule takes numbers (the checker makes a rule with random or
            // spatial values a `Spec`).
            let number = |what: &str, v: &network_core::Value| {
                v.constant().ok_or_else(|| {
                    network_core::Error::invalid(
                        &c.name,
                        what,
                        format!("{v:?}"),
                        "a plain rate rule takes a number; use a rule such as pairwise_bernoulli",
                    )
                })
            };
            let connection = match &c.synapse {
                RateSynapseDesc::Delayed { weight, delay } => RateConnection::Delayed {
                    weight: number("weight", weight)?,
                    delay: number("delay", delay)?,
                },
                RateSynapseDesc::Instantaneous { weight } => RateConnection::Instantaneous {
                    weight: number("weight", weight)?,
                },
            };
            b.rate_connect(&c.name, &src, &tgt, &rule, connection)?;
        }
        RateStep::Multimeter(m) => {
            let pop = parts.populations[m.population].1;
            let params = Multimeter {
                interval: m.interval,
                offset: m.offset,
                record_from: m.record_from.clone(),
                window: m.window,
                record_to: match files {
                    true => RecordTo::ascii(),
                    false => RecordTo::Memory,
                },
                time_in_steps: m.time_in_steps,
            };
            let handle = b.rate_multimeter(&m.name, &pop, m.indices.as_deref(), params)?;
            parts.multimeters.push((m.name.clone(), handle));
        }
    }
    Ok(())
}

/// The memory of the plan's rate neurons (`network_core::network::declared::rate`): per
/// rate population its buffers, with NEST's `min_delay` as the interval (the least of
/// the rate connections' delays, `wfr_comm_interval` for instantaneous ones, and the
/// spiking network's `spiking_min_delay` steps) and the largest delay as the ring; and
/// the rate connections.
pub(crate) fn estimate(
    plan: &Plan,
    resolution: &Resolution,
    spiking_min_delay: u64,
) -> Vec<(String, u64)> {
    let mut wfr = WaveformRelaxation::default();
    let (mut pops, mut edges, mut min_delay, mut max_delay) = (Vec::new(), 0usize, None, 0i64);
    let mut layouts: Vec<Option<&Layout>> = Vec::new();
    for s in &plan.steps {
        match s {
            Step::Rate(RateStep::Kernel(settings)) => {
                for (n, v) in settings {
                    // Checked by the checker.
                    let _ = wfr.set("kernel", n, *v);
                }
            }
            Step::Rate(RateStep::Population(p)) => {
                pops.push((p.name.as_str(), p.size));
                layouts.push(p.layout.as_ref());
            }
            Step::Rate(RateStep::Connect(c)) => {
                let (ns, nt) = (pops[c.source].1, pops[c.target].1);
                edges += match &c.rule {
                    RateRuleDesc::AllToAll => ns * nt,
                    RateRuleDesc::OneToOne => ns,
                    RateRuleDesc::Pairs(p) => p.len(),
                    RateRuleDesc::Spec(spec) => {
                        let extent = layouts[c.source].and_then(|l| l.extent());
                        let spec = rate_conn_spec(spec);
                        let pool = if spec.mask_on_target() {
                            c.target
                        } else {
                            c.source
                        };
                        let grid = match layouts[pool] {
                            Some(Layout::Grid { shape, .. }) => Some(shape.as_slice()),
                            _ => None,
                        };
                        spec.expected_synapses_between(ns, nt, extent.as_deref(), grid) as usize
                    }
                };
                let steps = match &c.synapse {
                    RateSynapseDesc::Delayed { delay, .. } => {
                        // A drawn delay counts by its largest value; one of distance,
                        // unknown before the positions, by one step (the least it can be).
                        let d = delay_upper(delay).map_or(1, |d| resolution.delay_steps(d));
                        max_delay = max_delay.max(d);
                        d
                    }
                    RateSynapseDesc::Instantaneous { .. } if wfr.use_wfr => {
                        resolution.delay_steps(wfr.wfr_comm_interval)
                    }
                    RateSynapseDesc::Instantaneous { .. } => 1,
                };
                min_delay = Some(min_delay.map_or(steps, |m: i64| m.min(steps)));
            }
            _ => {}
        }
    }
    if pops.is_empty() {
        return Vec::new();
    }
    let len = min_delay
        .unwrap_or(spiking_min_delay as i64)
        .min(spiking_min_delay as i64)
        .max(1) as usize;
    let ring = max_delay as usize + len + 1;
    let mut parts: Vec<(String, u64)> = pops
        .iter()
        .map(|(name, n)| {
            (
                format!("rate population `{name}` ({n} neurons)"),
                declared::rate(*n, len, ring, 0),
            )
        })
        .collect();
    parts.push((
        "rate connections".to_string(),
        declared::rate(0, 0, 0, edges),
    ));
    parts
}

/// A rate population, placed by its layout when it has one.
fn population(
    b: &mut NetworkBuilder,
    p: &RatePopulation,
    params: &[(&'static str, f64)],
) -> Result<RatePopulationHandle> {
    let model: RateModel = p.model;
    with_rate_model!(model, M => {
        let mut m = M::default();
        for (name, v) in params {
            m.set(&p.name, name, *v)?;
        }
        match &p.layout {
            Some(l) => b.spatial_rate_population(&p.name, m, p.size, l),
            None => b.rate_population(&p.name, m, p.size),
        }
    })
}

/// The largest value a delay takes, ms: a constant, a uniform's or bounded normal's
/// upper end, a normal's mean plus six deviations; `None` for an expression of distance,
/// which has no bound before the positions are known.
fn delay_upper(v: &network_core::Value) -> Option<f64> {
    use network_core::Value;
    Some(match *v {
        Value::Constant(c) => c,
        Value::Uniform { max, .. } | Value::Normal { max: Some(max), .. } => max,
        Value::Normal { mean, std, .. } => mean + 6.0 * std,
        Value::Lognormal { mu, sigma } => (mu + 6.0 * sigma).exp(),
        Value::Expression(_) => return None,
    })
}
