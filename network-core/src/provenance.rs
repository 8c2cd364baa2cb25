//! Where a result came from: the project version, resolution, seed, thread count and a
//! hash of the network description, carried by every output (recorder files, the
//! report, plots) in comment lines that readers of NEST's files skip.

use sha2::{Digest, Sha256};

/// The project's name and version, e.g. `network 0.1.0`.
pub const PROJECT: &str = concat!("network ", env!("CARGO_PKG_VERSION"));

/// The provenance of a simulation's outputs (as JSON: `report/json.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    /// The software and its version, e.g. `network 0.1.0`.
    pub software: String,
    /// Resolution (ms).
    pub resolution_ms: f64,
    /// The seed every random draw came from.
    pub seed: u64,
    /// Threads the simulation ran on (results do not depend on it).
    pub threads: usize,
    /// SHA-256 (hex) of the network description: the text of a `network!` description,
    /// if built from one, and every builder call with its values, in order.
    pub description_sha256: String,
}

impl Provenance {
    /// `key: value` pairs, in a fixed order.
    pub fn fields(&self) -> [(&'static str, String); 5] {
        [
            ("software", self.software.clone()),
            ("resolution_ms", self.resolution_ms.to_string()),
            ("seed", self.seed.to_string()),
            ("threads", self.threads.to_string()),
            ("description_sha256", self.description_sha256.clone()),
        ]
    }

    /// All fields on one line: `software: network 0.1.0; resolution_ms: 0.1; ..`.
    pub fn one_line(&self) -> String {
        self.fields()
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// One `# key: value` comment line per field, each ending in a newline.
    pub fn comment_lines(&self) -> String {
        self.fields()
            .iter()
            .map(|(k, v)| format!("# {k}: {v}\n"))
            .collect()
    }
}

/// The running hash of a network's description, fed by the builder.
#[derive(Debug, Clone, Default)]
pub(crate) struct DescriptionHash(Sha256);

impl DescriptionHash {
    /// Adds one part (a builder call with its values, or a description's text); parts
    /// are length-prefixed so that their boundaries count.
    pub fn add(&mut self, part: &[u8]) {
        self.0.update((part.len() as u64).to_le_bytes());
        self.0.update(part);
    }

    /// The hash so far, as lowercase hex.
    pub fn hex(&self) -> String {
        hex(&self.0.clone().finalize())
    }
}

/// SHA-256 of `bytes`, as lowercase hex (what the `network!` macro passes for the
/// text of a description).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_text() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn parts_are_delimited() {
        let (mut a, mut b) = (DescriptionHash::default(), DescriptionHash::default());
        a.add(b"ab");
        a.add(b"c");
        b.add(b"a");
        b.add(b"bc");
        assert_ne!(a.hex(), b.hex());
    }

    #[test]
    fn comment_lines_name_every_field() {
        let p = Provenance {
            software: PROJECT.into(),
            resolution_ms: 0.1,
            seed: 7,
            threads: 2,
            description_sha256: "00ff".into(),
        };
        assert_eq!(
            p.comment_lines(),
            format!("# software: {PROJECT}\n# resolution_ms: 0.1\n# seed: 7\n# threads: 2\n# description_sha256: 00ff\n")
        );
        assert!(p.one_line().starts_with("software: network "));
    }
}
