//! Descriptions in the `network!` language read at run time.
//!
//! A file holds what goes inside `network! { .. }` (the `pub struct Name;` header is
//! optional). [`parse`] reads it with the macro's own parser and checks, so a mistake
//! gets the same message as the compile error, located by line and column;
//! [`build`] executes the steps of the description's lowering as the code `network!`
//! generates does, with every population sized at run time (`[dyn n]` sizes are given
//! in [`Inputs`]), so the same description and seed give the same network and spikes as
//! the macro. [`export`] writes the built
//! network as a PyNEST 3 script or a Jupyter notebook, with the positions the engine
//! drew, to run it on NEST (for instance with MPI on a cluster).
//!
//! ```
//! use network_load::{build, parse, Inputs, Source};
//! use network_core::Seed;
//!
//! let source = Source::new("tiny.net", "
//!     neuron Cell = iaf_psc_alpha { I_e: 400 pA };
//!     population cells = Cell[dyn n];
//!     record spikes = spike_recorder <- cells;");
//! let parsed = parse(&source).map_err(|e| e[0].message.clone())?;
//! let inputs = Inputs { sizes: [("n".to_string(), 10)].into(), ..Inputs::default() };
//! let mut loaded = build(&parsed.description, Seed(1), &inputs)?;
//! loaded.network.simulate(100.0)?;
//! assert_eq!(loaded.network.populations()[0].len, 10);
//! assert!(loaded.network.spikes(&loaded.spike_recorders[0].1).len() > 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod build;
mod convert;
mod estimate;
mod inputs;
mod protocol;
pub mod rate;

pub use build::{build, Loaded};
pub use estimate::{memory_estimate, MemoryEstimate};
pub use inputs::{resolve_sizes, Inputs};
/// Export to PyNEST (the crate `network-export`, which the code `network!` generates uses
/// without the loader).
pub use network_export as export;
/// The checked description's types (from `network-syntax`).
pub use network_syntax::description;
pub use network_syntax::source::{
    locate, parse, parse_allowing_expressions, Located, Parsed, Source,
};
pub use network_syntax::Description;
