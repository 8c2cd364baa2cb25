//! What a network knows of its parts: populations, projections and generators, by name.

use crate::devices::{
    AcGenerator, DcGenerator, InhomogeneousPoissonGenerator, MipGenerator, NoiseGenerator,
    PoissonGenerator, SinusoidalPoissonGenerator, SpikeGenerator, StepCurrentGenerator,
};
use crate::report::FiringRanges;
use crate::spatial::Space;
use crate::spec::{
    GammaSupGenerator, PpdSupGenerator, PulsepacketGenerator, SinusoidalGammaGenerator,
};
use std::sync::Arc;

/// What the network knows of a population.
#[derive(Debug, Clone)]
pub struct PopulationInfo {
    /// Its name.
    pub name: String,
    /// Its model's name (a NEST model or a variant).
    pub model: String,
    /// The NEST model it is based on.
    pub base_model: &'static str,
    /// The number of neurons.
    pub len: usize,
    /// Node id of its first neuron (1-based; ids run on across populations).
    pub first_node_id: u32,
    /// Positions (mm) of a spatial population; `None` for a non-spatial one.
    pub space: Option<Arc<Space>>,
    /// The firing-rate ranges its model declares.
    pub firing: Option<FiringRanges>,
}

/// What the network knows of a projection.
#[derive(Debug, Clone)]
pub struct ProjectionInfo {
    /// Its name.
    pub name: String,
    /// Index of the source population.
    pub source: usize,
    /// Index of the target population.
    pub target: usize,
    /// The synapse model's name.
    pub synapse_model: String,
    /// Number of synapses.
    pub synapses: usize,
    /// Memory held by its synapses (bytes).
    pub bytes: usize,
}

/// A generator's name, NEST model and number of targets.
#[derive(Debug, Clone)]
pub(crate) struct DeviceInfo {
    pub name: String,
    pub model: &'static str,
    pub targets: usize,
    /// Its parameters as declared, for setting them between runs (`None` for a
    /// generator whose parameters cannot change after `build`).
    pub params: Option<GeneratorParams>,
}

/// A generator's parameters as declared, kept by the network so that they can be set
/// between runs (`network::protocol`).
#[derive(Debug, Clone)]
pub(crate) enum GeneratorParams {
    Dc(DcGenerator),
    Poisson(PoissonGenerator),
    Spikes(SpikeGenerator),
    Noise(NoiseGenerator),
    /// The generators declared in the vocabulary's tables.
    Table(TableParams),
}

/// A table-declared generator's parameters as declared (set between runs by
/// `network::protocol`).
#[derive(Debug, Clone)]
pub(crate) enum TableParams {
    StepCurrent(StepCurrentGenerator),
    Ac(AcGenerator),
    Inhomogeneous(InhomogeneousPoissonGenerator),
    SinusoidalPoisson(SinusoidalPoissonGenerator),
    Mip(MipGenerator),
    Pulses(PulsepacketGenerator),
    GammaSup(GammaSupGenerator),
    PpdSup(PpdSupGenerator),
    SinusoidalGamma(SinusoidalGammaGenerator),
}
