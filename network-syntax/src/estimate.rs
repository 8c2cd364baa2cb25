//! What a plan builds, counted before anything is built: the neurons of each
//! population, each projection's synapses at its rule's upper estimate
//! ([`ConnSpec::expected_synapses_between`]), each generator's connections, and the
//! delays that size the ring buffers. Every front end turns these counts into bytes
//! with the engine's own byte counts (`network_core::network::declared`): the loader
//! when `network check`/`network run` estimate memory (`network_load::memory_estimate`),
//! and the `network!` macro, which prints them as a constant the compiler evaluates
//! (`MEMORY_ESTIMATE`). Recorded data and rate neurons are not counted here.

use crate::description::{Description, Layout, SynapseModel, Value, ValueDesc};
use crate::lowering::{self, Plan, Step, Target};
use network_spec::{BaseModel, ConnSpec, WeightStorage};

/// One counted part of a network.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// A population: `len` neurons of `base`, with positions when `spatial`.
    Population {
        /// The population's name.
        name: String,
        /// Its neuron model.
        base: BaseModel,
        /// Number of neurons.
        len: usize,
        /// Whether its neurons have positions.
        spatial: bool,
    },
    /// A projection of `synapses` synapses (an upper estimate).
    Projection {
        /// The projection's name (`source -> target`).
        name: String,
        /// The rule's upper estimate of its synapse count.
        synapses: u64,
        /// Size of the source population.
        n_sources: usize,
        /// Size of the target population.
        n_targets: usize,
        /// The synapse model.
        model: SynapseModel,
        /// How the weights are kept (none per synapse for a constant).
        weight: WeightStorage,
        /// Whether each synapse stores a delay of its own (a drawn delay).
        random_delay: bool,
        /// Whether each synapse keeps a rule of its own (a model parameter drawn per
        /// synapse).
        drawn_parameters: bool,
    },
    /// A generator with `connections` connections (the most neurons it reaches).
    Generator {
        /// The generator's name.
        name: String,
        /// Its connections.
        connections: usize,
    },
}

impl Part {
    /// How the memory estimate names the part: ``population `E` (800 neurons)``,
    /// ``projection `E -> I` ``, ``generator `noise` ``.
    pub fn label(&self) -> String {
        match self {
            Part::Population { name, len, .. } => format!("population `{name}` ({len} neurons)"),
            Part::Projection { name, .. } => format!("projection `{name}`"),
            Part::Generator { name, .. } => format!("generator `{name}`"),
        }
    }
}

/// What the ring buffers are called in a memory estimate.
pub const RINGS_LABEL: &str = "ring buffers";

/// A plan's counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Counts {
    /// The parts, in plan order.
    pub parts: Vec<Part>,
    /// The population sizes, by population index.
    pub sizes: Vec<usize>,
    /// The ring buffers' `(slice, largest delay)` in steps: NEST's `min_delay` and
    /// `max_delay` where the description sets them, else the largest delay for both.
    pub delay_steps: (u64, u64),
}

impl Counts {
    /// All neurons.
    pub fn neurons(&self) -> u64 {
        self.sizes
            .iter()
            .map(|&n| n as u64)
            .fold(0, u64::saturating_add)
    }

    /// All synapses (upper estimate; `None` past `u64`).
    pub fn synapses(&self) -> Option<u64> {
        self.parts.iter().try_fold(0u64, |sum, p| match p {
            Part::Projection { synapses, .. } => sum.checked_add(*synapses),
            _ => Some(sum),
        })
    }
}

/// Counts what `plan` (lowered from `d`) builds with the population sizes `sizes`.
/// `value` gives the value of a weight or delay where it is known (`None` for a Rust
/// expression the macro cannot evaluate: a constant, whose delay then does not size
/// the ring buffers).
pub fn counts(
    d: &Description,
    plan: &Plan,
    sizes: &[usize],
    value: &dyn Fn(&ValueDesc) -> Option<Value>,
) -> Counts {
    let mut parts = Vec::new();
    let mut delays: Vec<f64> = Vec::new();
    let mut delay = |v: Option<Value>| delays.push(v.as_ref().map_or(f64::NAN, upper));
    for step in &plan.steps {
        match step {
            Step::Population(p) => parts.push(Part::Population {
                name: p.name.clone(),
                base: d.neurons[d.populations[p.index].model].base,
                len: sizes[p.index],
                spatial: p.layout.is_some(),
            }),
            Step::Connect(c) => {
                let (weight, delay_value) = (value(&c.synapse.weight), value(&c.synapse.delay));
                let drawn = |v: &Option<Value>| v.as_ref().is_some_and(|v| v.constant().is_none());
                let extent = d.populations[c.source]
                    .layout
                    .as_ref()
                    .and_then(|l| l.extent());
                let spec = conn_spec(c);
                let pool = if spec.mask_on_target() {
                    c.target
                } else {
                    c.source
                };
                let grid = match &d.populations[pool].layout {
                    Some(Layout::Grid { shape, .. }) => Some(shape.as_slice()),
                    _ => None,
                };
                let synapses = spec.expected_synapses_between(
                    sizes[c.source],
                    sizes[c.target],
                    extent.as_deref(),
                    grid,
                );
                parts.push(Part::Projection {
                    name: c.name.clone(),
                    synapses,
                    n_sources: sizes[c.source],
                    n_targets: sizes[c.target],
                    model: c.synapse.base,
                    weight: weight
                        .as_ref()
                        .map_or(WeightStorage::Shared, Value::weight_storage),
                    random_delay: drawn(&delay_value),
                    drawn_parameters: !c.synapse.varied.is_empty(),
                });
                delay(delay_value);
            }
            Step::Generator(g) => {
                delay(value(&g.synapse.delay));
                let connections = g.targets.iter().map(|t| reach(t, plan, sizes)).sum();
                parts.push(Part::Generator {
                    name: g.name.clone(),
                    connections,
                });
            }
            _ => {}
        }
    }
    let steps = |ms: f64| (ms / plan.resolution).ceil().max(1.0) as u64;
    let delay_steps = match plan.delay_extrema {
        Some((min, max)) => (steps(min), steps(max)),
        None => {
            // A slice is at most the largest delay long.
            let max = steps(delays.iter().copied().fold(1.0, f64::max));
            (max, max)
        }
    };
    Counts {
        parts,
        sizes: sizes.to_vec(),
        delay_steps,
    }
}

/// The connection specification of `c`, as the engine receives it.
pub fn conn_spec(c: &lowering::Connect) -> ConnSpec {
    spec_of(
        c.rule,
        c.mask.as_ref().map(|m| &m.mask),
        c.kernel.as_ref(),
        [c.autapses, c.multapses, c.use_on_source],
    )
}

/// The connection specification of a rate connection by a spiking rule, as the engine
/// receives it.
pub fn rate_conn_spec(r: &crate::rate::RateSpecDesc) -> ConnSpec {
    spec_of(
        r.rule,
        r.mask.as_ref().map(|m| &m.mask),
        r.kernel.as_ref(),
        [r.autapses, r.multapses, r.use_on_source],
    )
}

/// `rule` with a mask, a kernel and the flags `[autapses, multapses, use_on_source]`.
fn spec_of(
    rule: crate::description::Rule,
    mask: Option<&crate::description::Mask>,
    kernel: Option<&crate::description::Kernel>,
    [autapses, multapses, use_on_source]: [bool; 3],
) -> ConnSpec {
    let mut spec = ConnSpec::new(rule);
    if let Some(m) = mask {
        spec = spec.with_mask(m.clone());
    }
    if let Some(k) = kernel {
        spec = spec.with_kernel(k.clone());
    }
    if !autapses {
        spec = spec.no_autapses();
    }
    if !multapses {
        spec = spec.no_multapses();
    }
    if use_on_source {
        spec = spec.on_source();
    }
    spec
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
fn reach(t: &Target, plan: &Plan, sizes: &[usize]) -> usize {
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
