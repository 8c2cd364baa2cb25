//! A run's report: per population its size, spikes, mean rate, CV of inter-spike
//! intervals, silent fraction and the check against declared firing ranges; per
//! projection its synapses and mean indegree; per device its targets and events; build
//! and simulation time; and the provenance. Printed as a table (`Display`) or as JSON
//! for scripts (`to_json`). Built by `Network::report`.

mod display;
mod firing;
mod json;

pub use firing::{FiringCheck, FiringRanges, FiringRegime, RateRange};

use crate::provenance::Provenance;

/// What a simulation did, from the engine's own counts (every spike, recorded or not).
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Where the results came from.
    pub provenance: Provenance,
    /// Simulated (biological) time (ms).
    pub simulated_ms: f64,
    /// Wall-clock time from the builder's creation to the built network (s).
    pub build_s: f64,
    /// Wall-clock time spent in `simulate` (s).
    pub simulation_s: f64,
    /// Simulated time per wall-clock time (above 1: faster than real time); `None`
    /// before anything was simulated.
    pub real_time_factor: Option<f64>,
    /// One entry per population, in creation order.
    pub populations: Vec<PopulationReport>,
    /// One entry per projection, in creation order.
    pub projections: Vec<ProjectionReport>,
    /// Recorders, then generators, each in creation order.
    pub devices: Vec<DeviceReport>,
}

/// The activity of one population.
#[derive(Debug, Clone, PartialEq)]
pub struct PopulationReport {
    /// Its name.
    pub name: String,
    /// Its model (a NEST model or a variant's name).
    pub model: String,
    /// Number of neurons.
    pub size: usize,
    /// Spikes emitted by all its neurons.
    pub spikes: u64,
    /// Mean firing rate over neurons and simulated time (Hz); `None` before anything
    /// was simulated.
    pub rate_hz: Option<f64>,
    /// Mean over neurons of the coefficient of variation (std / mean, population
    /// form) of their inter-spike intervals, over the neurons with at least two
    /// intervals; `None` if none has.
    pub cv_isi: Option<f64>,
    /// Number of neurons the CV is averaged over (those with >= 3 spikes).
    pub cv_neurons: usize,
    /// Fraction of neurons that did not spike.
    pub silent_fraction: f64,
    /// The rate checked against the firing ranges its model declares, if it declares
    /// any.
    pub firing: Option<FiringCheck>,
}

/// One projection's connectivity.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectionReport {
    /// Its name.
    pub name: String,
    /// The source population's name.
    pub source: String,
    /// The target population's name.
    pub target: String,
    /// The synapse model.
    pub synapse_model: String,
    /// Number of synapses.
    pub synapses: usize,
    /// Synapses per target neuron.
    pub mean_indegree: f64,
}

/// One recording or stimulation device.
#[derive(Debug, Clone, PartialEq)]
pub struct DeviceReport {
    /// Its name.
    pub name: String,
    /// NEST's model name (`spike_recorder`, `multimeter`, `poisson_generator`, ..).
    pub model: String,
    /// Number of neurons it records from or stimulates.
    pub targets: usize,
    /// Events recorded so far (spikes or samples); `None` for a generator, which
    /// records nothing.
    pub events: Option<usize>,
}

impl Report {
    /// The report as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serializes")
    }

    /// The populations whose rate lies outside every firing range their model declares.
    pub fn implausible(&self) -> impl Iterator<Item = &PopulationReport> {
        self.populations
            .iter()
            .filter(|p| p.firing.as_ref().is_some_and(|f| f.outside))
    }
}
