//! Spiking neural networks written inline in Rust, with NEST's models, names and units.
pub use network_core::*;

/// The names most programs need.
pub mod prelude {
    pub use network_core::{Const, Dyn, Error, Resolution, Result, Seed};
}
