//! Building and running networks.

mod ascii;
mod assemble;
mod builder;
mod connecting;
mod handles;
mod recording;
mod resources;
mod runtime;

pub use builder::{Model, NetworkBuilder, PopulationInfo};
pub use handles::{
    GeneratorHandle, MultimeterHandle, PopulationHandle, ProjectionHandle, Selection,
    SpikeRecorderHandle,
};
pub use recording::{Samples, SpikeEvents};
pub use resources::available_memory;
pub use runtime::{Network, ProjectionInfo};
