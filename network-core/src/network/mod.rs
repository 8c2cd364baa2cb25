//! Building and running networks: the builder collects declarations, the placement step
//! lays them out in blocks, the network runs them and is read through handles.

mod builder;
mod canonical;
mod files;
mod handles;
mod info;
mod model;
mod placement;
mod progress;
mod queries;
mod ranks;
mod receptors;
mod recording;
mod reporting;
mod resources;
mod runtime;
mod stats;

pub use builder::NetworkBuilder;
pub use handles::{
    GeneratorHandle, MultimeterHandle, PopulationHandle, ProjectionHandle, Selection,
    SpikeRecorderHandle,
};
pub use info::{PopulationInfo, ProjectionInfo};
pub use model::Model;
pub use recording::{Samples, SpikeEvents};
pub use resources::available_memory;
pub use runtime::Network;
