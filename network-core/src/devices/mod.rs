//! Recording and stimulation devices: their parameters, as NEST names and defaults them,
//! and their activity windows on the time grid.

mod generators;
mod recorders;

pub(crate) use generators::ListedSpike;
pub use generators::{
    DcGenerator, NoiseGenerator, PoissonGenerator, SpikeGenerator, MAX_POISSON_MEAN_PER_STEP,
};
pub use recorders::{Multimeter, RecordTo, SpikeRecorder, WeightRecorder};

/// The devices whose parameters the vocabulary's tables declare (`network-spec`).
pub use crate::spec::devices::{
    AcGenerator, AmplitudeStep, InhomogeneousPoissonGenerator, MipGenerator,
    SinusoidalPoissonGenerator, StepCurrentGenerator,
};

/// The generators whose trains are not Poisson (declared in the vocabulary).
pub use crate::spec::spike_train_devices::{
    GammaSupGenerator, PpdSupGenerator, PulsepacketGenerator, SinusoidalGammaGenerator,
};

/// The activity window every NEST device has (declared in the vocabulary, `network-spec`).
pub use crate::spec::Window;
