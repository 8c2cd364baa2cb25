//! Scaffolding shared by the tests that run exported scripts on NEST 3.10
//! (`nest_export.rs`, `rate_export.rs`, the protocol and space tests): exporting a
//! loaded network, finding NEST's python, running a script, reading its JSON answer.
//! Each test keeps its own assertions.
//!
//! NEST's python is `$NEST_PYTHON` (which must import `nest` when set; CI sets it to
//! `.venv/bin/python`), else the repository's `.venv`. Without one the tests fail,
//! naming what to install, unless `NETWORK_SKIP_NEST=1` opts out explicitly (they then
//! print that they were skipped): a missing NEST never passes silently.
//!
//! Used as `mod common;` by each test target; a target need not use every function.
#![allow(dead_code)]

use network_core::Seed;
use network_load::export::{self, ExportOptions};
use network_load::{build, parse, Inputs, Loaded, Parsed, Source};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's root directory.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `network-load/tests/data/NAME` read, checked and built with its own seed.
pub fn load_data(name: &str) -> (Parsed, Loaded) {
    let source = Source::read(&repo().join("network-load/tests/data").join(name)).unwrap();
    let parsed = parse(&source).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let loaded = build(
        &parsed.description,
        Seed(parsed.description.seed),
        &Inputs::default(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"));
    (parsed, loaded)
}

/// The PyNEST script the export writes for `loaded` (built from `parsed`), named
/// `name`, with the export's default options: the whole protocol, as `network export`.
pub fn pynest_script(parsed: &Parsed, loaded: &Loaded, name: &str) -> String {
    let cells = export::cells(
        &parsed.description,
        &loaded.network,
        &[],
        name,
        &parsed.docs,
        &ExportOptions::default(),
    )
    .unwrap();
    export::pynest(&cells)
}

/// A python that imports NEST, or `None` when there is none and `NETWORK_SKIP_NEST=1`
/// opts out (printing `SKIPPED (what)`); panics when there is none otherwise, and when
/// `$NEST_PYTHON` is set but cannot import `nest`.
pub fn nest_python(what: &str) -> Option<PathBuf> {
    let works = |p: &Path| {
        Command::new(p)
            .args(["-c", "import nest"])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if let Some(p) = std::env::var_os("NEST_PYTHON") {
        let p = PathBuf::from(p);
        assert!(works(&p), "NEST_PYTHON={} cannot import nest", p.display());
        return Some(p);
    }
    let venv = repo().join(".venv/bin/python");
    if venv.exists() && works(&venv) {
        return Some(venv);
    }
    let skip = std::env::var("NETWORK_SKIP_NEST").is_ok_and(|v| v == "1");
    assert!(
        skip,
        "no python with NEST 3.10 ({what}): set NEST_PYTHON, or create .venv as .ci/run does \
         (`python3 -m venv .venv && .venv/bin/pip install nest-simulator 'numpy<2.4'`); \
         NETWORK_SKIP_NEST=1 skips these tests explicitly"
    );
    eprintln!("SKIPPED ({what}): NETWORK_SKIP_NEST=1 and no python with NEST 3.10");
    None
}

/// Runs `script` with `python` from a temporary file named after `name`; returns its
/// standard output. Panics with the script's path, output and errors when it fails.
pub fn run_python(python: &Path, name: &str, script: &str) -> String {
    let path = std::env::temp_dir().join(format!("{name}-{}.py", std::process::id()));
    std::fs::write(&path, script).unwrap();
    let out = Command::new(python).arg(&path).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "NEST failed on {}:\n{stdout}\n{}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_file(&path).unwrap();
    stdout
}

/// The last line of `stdout` that is a JSON object (a script's summary; lines printed
/// after it are skipped). Panics naming `name` when there is none.
pub fn last_json(name: &str, stdout: &str) -> Value {
    stdout
        .lines()
        .rev()
        .find_map(|line| {
            serde_json::from_str::<Value>(line)
                .ok()
                .filter(Value::is_object)
        })
        .unwrap_or_else(|| panic!("no JSON summary from {name}:\n{stdout}"))
}

/// The two-sample Kolmogorov-Smirnov statistic: the largest distance between the
/// empirical distribution functions of `a` and `b`.
pub fn ks_two_sample(a: &[f64], b: &[f64]) -> f64 {
    let (mut a, mut b) = (a.to_vec(), b.to_vec());
    a.sort_by(f64::total_cmp);
    b.sort_by(f64::total_cmp);
    let (mut i, mut j, mut d) = (0, 0, 0.0f64);
    while i < a.len() && j < b.len() {
        let x = a[i].min(b[j]);
        while i < a.len() && a[i] <= x {
            i += 1;
        }
        while j < b.len() && b[j] <= x {
            j += 1;
        }
        d = d.max((i as f64 / a.len() as f64 - j as f64 / b.len() as f64).abs());
    }
    d
}
