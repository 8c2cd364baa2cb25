//! The engine of `network`: NEST-exact point-neuron networks in space, with devices and
//! connection rules, simulated on a fixed time grid in parallel.
//!
//! The crate is usable by hand through [`NetworkBuilder`]; the `network!` macro writes
//! the same builder calls with sizes known at compile time.
#![warn(missing_docs)]
// `unsafe` is allowed only where it stands, each block with its SAFETY argument
// (prefetch hints and vector intrinsics in delivery and the models' wide paths, `set_len`
// after writing spare capacity, huge-page mappings, the crew's shared job pointer, the
// processor queries of `engine::cpus`); nothing else may add one.
#![deny(unsafe_code)]

pub mod connect;
pub mod devices;
pub mod distribution;
pub mod duration;
mod engine;
pub mod error;
pub mod models;
pub mod network;
pub mod numerics;
pub mod provenance;
pub mod report;
pub mod rng;
pub mod spatial;
pub mod storage;
pub mod synapse;
pub mod time;

pub use devices::WeightRecorder;
pub use devices::{
    AcGenerator, DcGenerator, InhomogeneousPoissonGenerator, MipGenerator, Multimeter,
    NoiseGenerator, PoissonGenerator, RecordTo, SinusoidalPoissonGenerator, SpikeGenerator,
    SpikeRecorder, StepCurrentGenerator, Window,
};
pub use devices::{
    GammaSupGenerator, PpdSupGenerator, PulsepacketGenerator, SinusoidalGammaGenerator,
};
pub use error::{Error, Result};
pub use models::{NeuronModel, NeuronParams, Parameters, Recordable};
pub use network::{
    units, AnyRecorder, Connection, ConnectionTable, GeneratorHandle, GeneratorMut, Model,
    MultimeterHandle, Network, NetworkBuilder, NeuronsMut, PopulationHandle, PopulationInfo,
    ProjectionHandle, ProjectionInfo, RecorderMut, Samples, Selection, Setting, SpikeEvents,
    SpikeRecorderHandle, SynapsesMut,
};
pub use network::{
    RateConnection, RateConnectionOf, RateMultimeterHandle, RateNeuronsMut, RatePopulationHandle,
    RateRule,
};
pub use network::{WeightEvents, WeightRecorderHandle};
/// The shared vocabulary (parameter tables, registry, units, values, masks, errors), which
/// the engine re-exports at its own paths.
pub use network_spec as spec;
/// Every neuron model of the registry (`network_spec::registry`), by its Rust type.
pub use network_spec::registry::neuron_types::*;
pub use provenance::Provenance;
pub use report::{FiringRanges, RateRange, Report};
pub use rng::Seed;
pub use storage::{Const, Dyn, Length};
pub use synapse::{
    BernoulliSynapse, QuantalStpSynapse, StaticSynapse, StaticSynapseHomW, StdpPlSynapseHom,
    StdpSynapse, StdpSynapseHom, StdpTripletSynapse, Synapse, SynapseParams, Tsodyks2Synapse,
    TsodyksSynapse, Value, VogelsSprekelerSynapse,
};
pub use time::Resolution;
