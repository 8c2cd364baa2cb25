#![doc = include_str!("../README.md")]
#![warn(missing_docs)]
#![forbid(unsafe_code)]
pub use network_core::*;

/// Describes a network in NEST's vocabulary and generates a type that builds it.
///
/// Every mistake in the description is a compile error pointing at the offending
/// tokens; sizes become const generics, so `net.pop.len()` is a constant.
///
/// ```
/// use network::prelude::*;
///
/// network! {
///     pub struct Tiny;
///     neuron Cell = iaf_psc_alpha { I_e: 400 pA };
///     population cells = Cell[10];
///     record spikes = spike_recorder <- cells;
/// }
///
/// let mut net = Tiny::build(Seed(1))?;
/// net.simulate(100.0)?;
/// assert_eq!(net.cells.len(), 10);
/// assert!(net.spikes(&net.spikes).len() > 0);
/// # Ok::<(), network::Error>(())
/// ```
///
/// The rest of this page is the language reference (`docs/language.md`, generated from
/// the tables the checker reads); the models' parameters are in `docs/models.md` and
/// `network models NAME`.
///
#[doc = include_str!("../docs/language.md")]
pub use network_macros::network;

/// A built network as a PyNEST script or a Jupyter notebook (what `export_pynest` and
/// `export_notebook` of a `network!` type return).
#[doc(inline)]
pub use network_export as export;

/// Descriptions in the `network!` language read at run time: parse a file with the
/// macro's checks, build it with run-time sizes, export it to PyNEST (feature `load`).
#[cfg(feature = "load")]
#[doc(inline)]
pub use network_load as load;

/// Raster and trace plots of recorders, saved as SVG or PNG (feature `plot`):
/// `net.raster(&recorder).save("exc.svg")?`.
#[cfg(feature = "plot")]
#[doc(inline)]
pub use network_plot as plot;

/// The names most programs need.
///
/// ```
/// use network::prelude::*;
/// let res = Resolution::default();
/// assert_eq!(res.ms(), 0.1);
/// ```
pub mod prelude {
    pub use network_core::connect::{ConnSpec, Rule};
    pub use network_core::spatial::{Kernel, Layout, Mask, MaskShape};
    pub use network_core::spec::registry::neuron_types::*;
    pub use network_core::spec::registry::synapse_types::*;
    pub use network_core::{
        AcGenerator, Const, DcGenerator, Dyn, Error, FiringRanges, InhomogeneousPoissonGenerator,
        MipGenerator, Model, Multimeter, Network, NetworkBuilder, NoiseGenerator, PoissonGenerator,
        PopulationHandle, RateRange, RecordTo, Recordable, Report, Resolution, Result, Seed,
        Selection, SinusoidalPoissonGenerator, SpikeGenerator, SpikeRecorder, StaticSynapse,
        StdpSynapse, StepCurrentGenerator, Synapse, Tsodyks2Synapse, TsodyksSynapse, Value, Window,
    };
    pub use network_macros::network;
    #[cfg(feature = "plot")]
    pub use network_plot::Plots;
}
