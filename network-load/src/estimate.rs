//! The memory a description's network would take, estimated from its plan alone,
//! before anything is built (`network check --memory-limit`): the plan's counts
//! (`network_syntax::estimate`, the same the `network!` macro prints as its
//! `MEMORY_ESTIMATE`) priced with the byte counts the builder reserves as it goes
//! (`network_core::network::declared`), plus the rate neurons. Recorded data is not
//! included: it grows while simulating and is estimated before each `simulate` call.

use crate::inputs::{resolve_sizes, Inputs};
use network_core::network::{declared, PerSynapse};
use network_core::{Resolution, Result};
use network_syntax::description::Description;
use network_syntax::estimate::{counts, Counts, Part, RINGS_LABEL};
use network_syntax::lowering;

/// A network's estimated memory, by part.
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryEstimate {
    /// Each part (population, projection, generator, ring buffers) and its bytes.
    pub parts: Vec<(String, u64)>,
    /// The most memory held at once while building, bytes: every lasting part, plus
    /// the largest edge list a rule holds while it draws.
    pub peak: u64,
}

/// Estimates the memory of `d` built with `inputs` (its run-time sizes), without
/// building it.
pub fn memory_estimate(d: &Description, inputs: &Inputs) -> Result<MemoryEstimate> {
    let sizes = resolve_sizes(d, &inputs.sizes)?;
    let plan = lowering::lower(d);
    let resolution = Resolution::new(plan.resolution)?;
    let e = &inputs.expressions;
    let counted = counts(d, &plan, &sizes, &|v| Some(crate::convert::value(v, e)));
    let mut parts = Vec::new();
    let mut transient = 0u64;
    for (name, (lasting, drawn)) in priced(&counted) {
        transient = transient.max(drawn);
        parts.push((name, lasting));
    }
    parts.extend(crate::rate::estimate(
        &plan,
        &resolution,
        counted.delay_steps.0,
    ));
    let lasting = parts.iter().map(|p| p.1).fold(0u64, u64::saturating_add);
    Ok(MemoryEstimate {
        parts,
        peak: lasting.saturating_add(transient),
    })
}

/// Each counted part, the ring buffers last, with its `(lasting, transient)` bytes.
pub fn priced(c: &Counts) -> Vec<(String, (u64, u64))> {
    let mut out: Vec<(String, (u64, u64))> = c
        .parts
        .iter()
        .map(|p| match p {
            Part::Population {
                base, len, spatial, ..
            } => (
                p.label(),
                (
                    network_core::spec::with_neuron_model!(
                        *base,
                        M => declared::population::<M>(*len, *spatial)
                    ),
                    0,
                ),
            ),
            Part::Projection {
                synapses,
                n_sources,
                n_targets,
                model,
                weight,
                random_delay,
                drawn_parameters,
                ..
            } => (
                p.label(),
                declared::synapses(
                    *synapses,
                    *n_sources,
                    *n_targets,
                    PerSynapse {
                        model: *model,
                        weight: *weight,
                        random_delay: *random_delay,
                        drawn_parameters: *drawn_parameters,
                    },
                ),
            ),
            Part::Generator { connections, .. } => {
                (p.label(), (declared::generator(*connections), 0))
            }
        })
        .collect();
    let (slice, max_delay) = c.delay_steps;
    let rings: u64 = c
        .sizes
        .iter()
        .map(|&len| declared::rings(len, max_delay, slice))
        .fold(0, u64::saturating_add);
    out.push((RINGS_LABEL.to_string(), (rings, 0)));
    out
}
