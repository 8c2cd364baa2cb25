//! Errors: every bad parameter, impossible rule or empty selection is a value that names
//! the entity, the parameter and the value, and says what would be valid. Declared in the
//! vocabulary crate (`network_spec::error`), shared by the front end and the engine.

pub use network_spec::error::{closest, Error, Result};
