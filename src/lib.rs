//! Spiking neural networks written inline in Rust, with NEST's models, names and units.
//!
//! The engine ([`network_core`]) reproduces NEST 3.10's semantics: the same models,
//! parameter names, units and, on deterministic cases, the same spike times.
pub use network_core::*;

/// The names most programs need.
pub mod prelude {
    pub use network_core::connect::{ConnSpec, Rule};
    pub use network_core::spatial::{Kernel, Layout, Mask, MaskShape};
    pub use network_core::{
        Const, DcGenerator, Dyn, Error, IafPscAlpha, IafPscDelta, IafPscExp, Model, Multimeter,
        Network, NetworkBuilder, NoiseGenerator, PoissonGenerator, PopulationHandle, Recordable,
        Resolution, Result, Seed, Selection, SpikeGenerator, SpikeRecorder, StaticSynapse, Value,
        Window,
    };
}
