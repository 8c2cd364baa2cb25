//! The rate neurons' part of the lowering: the kernel's waveform-relaxation settings,
//! rate populations, rate connections and multimeters on rate neurons, as engine
//! operations (`NetworkBuilder::waveform_relaxation`, `rate_population` or
//! `spatial_rate_population`, `rate_connect` or `rate_connect_spatial`, `rate_multimeter`). The settings come first of all steps, the populations after
//! the spiking ones (node ids in creation order, as NEST numbers them), connections and
//! multimeters after the spiking wiring.

use crate::rate::*;
use network_spec::Recordable;

/// One engine operation on rate neurons.
#[derive(Debug, Clone, PartialEq)]
pub enum RateStep {
    /// The kernel's waveform-relaxation settings written, NEST names and units, over
    /// NEST's defaults.
    Kernel(Vec<(&'static str, f64)>),
    /// A population of rate neurons.
    Population(RatePopulation),
    /// A rate connection.
    Connect(RateConnect),
    /// A multimeter on rate neurons.
    Multimeter(RateMultimeter),
}

/// A population of rate neurons.
#[derive(Debug, Clone, PartialEq)]
pub struct RatePopulation {
    /// Index among the rate populations, by which later steps name it.
    pub index: usize,
    /// Its name (the engine's and the generated field).
    pub name: String,
    /// The model.
    pub model: RateModel,
    /// The neuron variant's name (NEST's `CopyModel` name).
    pub variant: String,
    /// The parameters written, NEST names and units, over the model's defaults.
    pub params: Vec<(&'static str, f64)>,
    /// Number of neurons.
    pub size: usize,
    /// Positions, mm (`spatial_rate_population`); `None` when not spatial.
    pub layout: Option<network_spec::Layout>,
}

/// A rate connection.
#[derive(Debug, Clone, PartialEq)]
pub struct RateConnect {
    /// The engine's name.
    pub name: String,
    /// Source rate population.
    pub source: usize,
    /// Target rate population.
    pub target: usize,
    /// The rule.
    pub rule: RateRuleDesc,
    /// The connection model and its parameters.
    pub synapse: RateSynapseDesc,
}

/// A multimeter on rate neurons.
#[derive(Debug, Clone, PartialEq)]
pub struct RateMultimeter {
    /// Its name (the engine's and the generated field).
    pub name: String,
    /// The rate population.
    pub population: usize,
    /// The recorded neurons, `None` for all.
    pub indices: Option<Vec<u32>>,
    /// What it records.
    pub record_from: Vec<Recordable>,
    /// Sampling interval, ms.
    pub interval: f64,
    /// Offset of the sampling grid, ms.
    pub offset: f64,
    /// Its window.
    pub window: super::Window,
    /// NEST's `time_in_steps`.
    pub time_in_steps: bool,
}

/// The kernel's settings, first of all steps (NEST takes `use_wfr` only before any
/// node exists).
pub(super) fn kernel(r: &RateDesc) -> Option<RateStep> {
    (!r.kernel.is_empty()).then(|| RateStep::Kernel(r.kernel.clone()))
}

/// The populations (after the spiking ones, before the wiring).
pub(super) fn head(r: &RateDesc) -> Vec<RateStep> {
    let mut out = Vec::new();
    out.extend(r.populations.iter().enumerate().map(|(index, p)| {
        let n = &r.neurons[p.neuron];
        RateStep::Population(RatePopulation {
            index,
            name: p.name.clone(),
            model: n.model,
            variant: n.name.clone(),
            params: n.params.clone(),
            size: p.size,
            layout: p.layout.clone(),
        })
    }));
    out
}

/// The connections and multimeters (after the spiking wiring).
pub(super) fn tail(r: &RateDesc) -> Vec<RateStep> {
    let connections = r.connections.iter().map(|c| {
        RateStep::Connect(RateConnect {
            name: c.name.clone(),
            source: c.source,
            target: c.target,
            rule: c.rule.clone(),
            synapse: c.synapse.clone(),
        })
    });
    let meters = r.multimeters.iter().map(|m| {
        RateStep::Multimeter(RateMultimeter {
            name: m.name.clone(),
            population: m.population,
            indices: m.indices.clone(),
            record_from: m.record_from.clone(),
            interval: m.interval,
            offset: m.offset,
            window: super::Window::new(m.window.0, m.window.1.unwrap_or(f64::INFINITY)),
            time_in_steps: m.time_in_steps,
        })
    });
    connections.chain(meters).collect()
}
