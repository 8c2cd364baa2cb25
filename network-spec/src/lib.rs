//! The shared vocabulary of `network`: what the description language (front end) and the
//! engine both speak, with no engine inside. Parameter tables of every neuron and synapse
//! model (each parameter declared once, in a [`parameters!`] block), the registry of
//! models, units and dimensions, values, masks, kernels, layouts, connection rules, recordables,
//! firing ranges, the time grid and errors.
//!
//! Adding a neuron model takes one parameter block here (`models/`), one dynamics
//! implementation in the engine (`network_core::models`) and one line in the
//! [`registry`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod connect;
mod connect_estimate;
mod declare;
pub mod devices;
pub mod docs;
pub mod error;
pub mod expression;
pub mod firing;
pub mod infinite;
pub mod kernel;
pub mod layout;
pub mod mask;
mod mask_bounds;
mod mask_grid;
pub mod models;
pub mod neuron;
pub mod params;
pub mod psp;
pub mod rate;
pub mod recordable;
pub mod registry;
pub mod spike_train_devices;
pub mod synapse;
pub mod time;
pub mod time_flags;
pub mod units;
pub mod value;
pub mod window;

pub use connect::{ConnSpec, Rule};
pub use devices::{
    AcGenerator, InhomogeneousPoissonGenerator, MipGenerator, SinusoidalPoissonGenerator,
    StepCurrentGenerator,
};
pub use error::{closest, Error, Result};
pub use expression::Expression;
pub use firing::{FiringRanges, FiringRegime, RateRange};
pub use kernel::Kernel;
pub use layout::Layout;
pub use mask::{Mask, MaskShape};
pub use neuron::NeuronParams;
pub use params::{ParamInfo, ParamKind, Parameters};
pub use recordable::Recordable;
pub use registry::neuron_types::*;
pub use registry::{BaseModel, SynapseModel, Transmitter, TRANSMITTERS};
pub use spike_train_devices::{
    GammaSupGenerator, PpdSupGenerator, PulsepacketGenerator, SinusoidalGammaGenerator,
};
pub use synapse::{
    BernoulliSynapse, QuantalStpSynapse, StaticSynapse, StaticSynapseHomW, StdpPlSynapseHom,
    StdpSynapse, StdpSynapseHom, StdpTripletSynapse, SynapseFields, SynapseParams, Tsodyks2Synapse,
    TsodyksSynapse, VogelsSprekelerSynapse,
};
pub use time::Resolution;
pub use units::Dimension;
pub use value::{Draw, Value, WeightStorage};
pub use window::Window;
