//! Running the `network` binary the way a user does, without colour.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `network ARGS` in the crate's directory.
pub fn network(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_network"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// The path of examples/seed_network.net.
pub fn seed_net() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/seed_network.net")
        .display()
        .to_string()
}

/// Output bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Writes `content` to a fresh file named after `name` in the temporary directory.
pub fn temp_file(name: &str, content: &str) -> std::path::PathBuf {
    let file = std::env::temp_dir().join(format!("network-cli-{name}-{}.net", std::process::id()));
    std::fs::write(&file, content).unwrap();
    file
}
