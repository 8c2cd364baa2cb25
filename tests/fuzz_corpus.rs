//! Replays the committed fuzz corpus (`fuzz/corpus/<target>/`) through the code the
//! cargo-fuzz targets run (`fuzz/src/lib.rs`), as an ordinary test: every input that
//! once found new code paths, or once crashed the engine and was fixed, must return
//! normally. Runs on stable without cargo-fuzz; fuzzing itself is described in
//! `fuzz/README.md`.

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod harness;

use arbitrary::{Arbitrary, Unstructured};
use std::path::PathBuf;

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

#[test]
fn parse_description_corpus_replays() {
    let inputs = corpus("parse_description");
    assert!(
        inputs.len() >= 50,
        "the corpus holds {} inputs",
        inputs.len()
    );
    for (_, bytes) in &inputs {
        // As libfuzzer-sys does for a `&str` target: text that is not UTF-8 is skipped.
        if let Ok(text) = std::str::from_utf8(bytes) {
            harness::check_description(text);
        }
    }
}

#[test]
fn build_network_corpus_replays() {
    let inputs = corpus("build_network");
    assert!(
        inputs.len() >= 50,
        "the corpus holds {} inputs",
        inputs.len()
    );
    for (_, bytes) in &inputs {
        // As libfuzzer-sys decodes a typed target's input.
        if let Ok(input) = harness::NetworkInput::arbitrary_take_rest(Unstructured::new(bytes)) {
            harness::build_and_run(&input);
        }
    }
}
