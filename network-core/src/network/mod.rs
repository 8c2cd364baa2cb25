//! Building and running networks.

mod assemble;
mod builder;
mod connecting;
mod files;
mod handles;
mod progress;
mod receptors;
mod recording;
mod reporting;
mod resources;
mod runtime;
mod stats;

pub use builder::{Model, NetworkBuilder, PopulationInfo};
pub use handles::{
    GeneratorHandle, MultimeterHandle, PopulationHandle, ProjectionHandle, Selection,
    SpikeRecorderHandle,
};
pub use recording::{Samples, SpikeEvents};
pub use resources::available_memory;
pub use runtime::{Network, ProjectionInfo};
