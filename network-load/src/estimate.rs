//! The memory a description's network would take, estimated from its plan alone,
//! before anything is built (`network check --memory-limit`): the byte counts the
//! builder reserves as it goes (`network_core::network::declared`), with each
//! connection rule's upper estimate of its synapse count and a ring-buffer length from
//! the largest delay. Recorded data is not included: it grows while simulating and is
//! estimated before each `simulate` call.

use crate::build::{conn_spec, synapse};
use crate::inputs::{resolve_sizes, Inputs};
use network_core::network::declared;
use network_core::spec::Value;
use network_core::{Resolution, Result};
use network_syntax::description::Description;
use network_syntax::lowering::{self, Step, Target};

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
    let mut parts = Vec::new();
    let mut transient = 0u64;
    let mut delays: Vec<f64> = Vec::new();
    let spatial = |p: usize| d.populations[p].layout.as_ref();
    for step in &plan.steps {
        match step {
            Step::Population(p) => {
                let n = &d.neurons[d.populations[p.index].model];
                let len = sizes[p.index];
                let spatial = p.layout.is_some();
                let bytes = network_core::spec::with_neuron_model!(
                    n.base,
                    M => declared::population::<M>(len, spatial)
                );
                parts.push((format!("population `{}` ({len} neurons)", p.name), bytes));
            }
            Step::Connect(c) => {
                let syn = synapse(inputs, &c.synapse)?;
                delays.push(upper(&syn.base().delay));
                let extent = spatial(c.source).and_then(|l| l.extent());
                let (lasting, drawn) = declared::projection(
                    &conn_spec(c),
                    sizes[c.source],
                    sizes[c.target],
                    extent.as_deref(),
                    &syn,
                );
                transient = transient.max(drawn);
                parts.push((format!("projection `{}`", c.name), lasting));
            }
            Step::Generator(g) => {
                let syn = synapse(inputs, &g.synapse)?;
                delays.push(upper(&syn.base().delay));
                let connections: usize = g.targets.iter().map(|t| reach(t, &plan, &sizes)).sum();
                parts.push((
                    format!("generator `{}`", g.name),
                    declared::generator(connections),
                ));
            }
            _ => {}
        }
    }
    let steps = |ms: f64| (ms / resolution.ms()).ceil().max(1.0) as u64;
    let (min_delay, max_delay) = match plan.delay_extrema {
        Some((min, max)) => (steps(min), steps(max)),
        None => {
            let max = delays.iter().copied().fold(1.0, f64::max);
            // A slice is at most the largest delay long.
            (steps(max), steps(max))
        }
    };
    let rings: u64 = sizes
        .iter()
        .map(|&len| declared::rings(len, max_delay, min_delay))
        .sum();
    parts.push(("ring buffers".to_string(), rings));
    parts.extend(crate::rate::estimate(&plan, &resolution, min_delay));
    let lasting = parts.iter().map(|p| p.1).fold(0u64, u64::saturating_add);
    Ok(MemoryEstimate {
        parts,
        peak: lasting.saturating_add(transient),
    })
}

/// The largest value `v` takes, or an upper estimate (ms for a delay). An expression
/// of distance has no bound before the positions are known: it counts as NaN, which the
/// largest-delay fold skips (the ring estimate then follows the other delays).
fn upper(v: &Value) -> f64 {
    match *v {
        Value::Expression(_) => f64::NAN,
        Value::Constant(c) => c,
        Value::Uniform { max, .. } => max,
        Value::Normal { max: Some(m), .. } => m,
        Value::Normal { mean, std, .. } => mean + 6.0 * std,
        Value::Lognormal { mu, sigma } => (mu + 6.0 * sigma).exp(),
    }
}

/// The most neurons a device target reaches (a mask selection: its population).
fn reach(t: &Target, plan: &lowering::Plan, sizes: &[usize]) -> usize {
    match *t {
        Target::All(p) => sizes[p],
        Target::Range { start, end, .. } => end.saturating_sub(start),
        Target::List { ref indices, .. } => indices.len(),
        Target::Selection(slot) => plan
            .steps
            .iter()
            .find_map(|s| match s {
                Step::Within(w) if w.slot == slot => Some(sizes[w.population]),
                _ => None,
            })
            .unwrap_or(0),
    }
}
