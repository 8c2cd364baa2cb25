//! The simulation time grid, with NEST's conversions between milliseconds, tics and steps
//! (declared in the vocabulary crate, `network_spec::time`).

pub use network_spec::time::*;
