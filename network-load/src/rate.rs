//! Executing the plan's rate steps on the builder, as the code `network!` generates
//! executes them: the kernel's waveform-relaxation settings, rate populations (the
//! model's parameter struct set by NEST name), rate connections and multimeters.

use network_core::spec::rate::{RateModel, WaveformRelaxation};
use network_core::spec::with_rate_model;
use network_core::{
    NetworkBuilder, RateConnection, RateMultimeterHandle, RatePopulationHandle, RateRule, Result,
};
use network_syntax::lowering::RateStep;
use network_syntax::rate::{RateRuleDesc, RateSynapseDesc};

/// The rate handles made so far, by name, in the description's order.
#[derive(Default)]
pub struct RateParts {
    /// The rate populations.
    pub populations: Vec<(String, RatePopulationHandle)>,
    /// The multimeters on rate neurons.
    pub multimeters: Vec<(String, RateMultimeterHandle)>,
}

/// Executes one rate step.
pub(crate) fn step(b: &mut NetworkBuilder, parts: &mut RateParts, step: &RateStep) -> Result<()> {
    match step {
        RateStep::Kernel(settings) => {
            let mut wfr = WaveformRelaxation::default();
            for (name, v) in settings {
                wfr.set("kernel", name, *v)?;
            }
            b.waveform_relaxation(wfr)?;
        }
        RateStep::Population(p) => {
            let handle = population(b, p.model, &p.name, &p.params, p.size)?;
            parts.populations.push((p.name.clone(), handle));
        }
        RateStep::Connect(c) => {
            let rule = match &c.rule {
                RateRuleDesc::AllToAll => RateRule::AllToAll,
                RateRuleDesc::OneToOne => RateRule::OneToOne,
                RateRuleDesc::Pairs(pairs) => RateRule::Pairs(pairs.clone()),
            };
            let connection = match c.synapse {
                RateSynapseDesc::Delayed { weight, delay } => {
                    RateConnection::Delayed { weight, delay }
                }
                RateSynapseDesc::Instantaneous { weight } => {
                    RateConnection::Instantaneous { weight }
                }
            };
            let (src, tgt) = (parts.populations[c.source].1, parts.populations[c.target].1);
            b.rate_connect(&c.name, &src, &tgt, &rule, connection)?;
        }
        RateStep::Multimeter(m) => {
            let pop = parts.populations[m.population].1;
            let handle = b.rate_multimeter(
                &m.name,
                &pop,
                m.indices.as_deref(),
                &m.record_from,
                m.interval,
            )?;
            parts.multimeters.push((m.name.clone(), handle));
        }
    }
    Ok(())
}

fn population(
    b: &mut NetworkBuilder,
    model: RateModel,
    name: &str,
    params: &[(&'static str, f64)],
    size: usize,
) -> Result<RatePopulationHandle> {
    with_rate_model!(model, M => {
        let mut m = M::default();
        for (p, v) in params {
            m.set(name, p, *v)?;
        }
        b.rate_population(name, m, size)
    })
}
