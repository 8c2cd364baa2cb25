//! Building and running networks: the builder collects declarations, the placement step
//! lays them out in blocks, the network runs them and is read through handles.

mod at_arrival;
mod builder;
mod canonical;
mod files;
mod handles;
mod info;
mod model;
mod placement;
mod progress;
mod protocol;
mod queries;
mod ranks;
mod receptors;
mod recording;
mod reporting;
mod resources;
mod runtime;
mod stats;
mod weight_recorders;
mod weight_recording;

pub use builder::NetworkBuilder;
pub use builder::{
    RateConnection, RateConnectionOf, RateMultimeterHandle, RatePopulationHandle, RateRule,
};
pub use handles::{
    GeneratorHandle, MultimeterHandle, PopulationHandle, ProjectionHandle, Selection,
    SpikeRecorderHandle, WeightRecorderHandle,
};
pub use info::{PopulationInfo, ProjectionInfo};
pub use model::Model;
pub use protocol::{
    AnyRecorder, Connection, ConnectionTable, GeneratorMut, NeuronsMut, RateNeuronsMut,
    RecorderMut, Setting, SynapsesMut,
};
/// Values with their unit in the type (`pA(376.0)`, `mV(-70.0)`), for the typed
/// setters `network!` generates.
pub mod units {
    pub use super::protocol::{
        deg, mV, ms, nS, number, pA, pF, Degree, Hertz, Hz, MilliVolt, Ms, NanoSiemens, Number,
        PicoAmpere, PicoFarad, Quantity, Unit,
    };
}
pub use recording::{Samples, SpikeEvents};
pub use resources::{available_memory, check_estimate, declared, human as human_bytes, PerSynapse};
pub use runtime::Network;
pub use weight_recording::WeightEvents;
