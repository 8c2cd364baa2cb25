//! The engine of `network`: NEST-exact point-neuron networks in space, with devices and
//! connection rules, simulated on a fixed time grid in parallel.
//!
//! The crate is usable by hand through [`NetworkBuilder`]; the `network!` macro writes
//! the same builder calls with sizes known at compile time.
#![warn(missing_docs)]

pub mod connect;
pub mod error;
pub mod numerics;
pub mod rng;
pub mod spatial;
pub mod storage;
pub mod time;

pub use error::{Error, Result};
pub use rng::Seed;
pub use storage::{Const, Dyn, Length};
pub use time::Resolution;
