//! What a description leaves to the moment it is built: threads, run-time sizes, the
//! values of Rust expressions, where recorders write.

use network_core::{Error, Result};
use network_syntax::description::{Description, Size};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What a description leaves to the moment it is built.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// Threads (`None`: rayon's default); results do not depend on it.
    pub threads: Option<usize>,
    /// The run-time sizes (`[dyn name]`) by name.
    pub sizes: BTreeMap<String, usize>,
    /// The values of the description's Rust expressions (`{expr} unit`), in NEST units,
    /// in the order of `Description::exprs`; empty for a description read from a file.
    pub expressions: Vec<f64>,
    /// When set, every recorder (spike recorders and multimeters) also writes NEST's
    /// ASCII file `{directory}/{data_prefix}{name}.dat` (replacing an existing one),
    /// whatever the description says.
    pub record_to: Option<PathBuf>,
    /// The most memory (bytes) the network may take (`None`: the machine's available
    /// memory, see `NetworkBuilder::memory_limit`).
    pub memory_limit: Option<u64>,
}

/// Each population's size: the written one, or the run-time size it names. A missing
/// or unused size is an error naming it.
pub fn resolve_sizes(d: &Description, given: &BTreeMap<String, usize>) -> Result<Vec<usize>> {
    let wanted = d.runtime_sizes();
    if let Some(unused) = given.keys().find(|k| !wanted.contains(&k.as_str())) {
        let reason = if wanted.is_empty() {
            "the description has no run-time size (`[dyn name]`)".to_string()
        } else {
            format!("the run-time sizes are: {}", wanted.join(", "))
        };
        return Err(Error::invalid(
            "sizes",
            unused.as_str(),
            given[unused],
            reason,
        ));
    }
    d.populations
        .iter()
        .map(|p| match &p.size {
            Size::Fixed(n) => Ok(*n),
            Size::Runtime(name) => given.get(name).copied().ok_or_else(|| {
                Error::invalid(
                    &p.name,
                    "size",
                    format!("[dyn {name}]"),
                    format!("give the run-time size `{name}` when building (on the command line: `--size {name}=1000`)"),
                )
            }),
        })
        .collect()
}
