//! Units: each written unit has a dimension and a factor to NEST's unit of that
//! dimension, so values are converted once, at compile time. A bare number is already in
//! NEST's unit. The table is vocabulary (`network_spec::units`), shared with the models'
//! parameter tables.

/// The dimension of a value in the language: the one enum of the vocabulary crate.
pub use network_spec::units::Dimension as Dim;
pub use network_spec::units::{lookup, UNITS};
