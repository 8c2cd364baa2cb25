//! What `network check` finds before anything is built: a mask wider than a periodic
//! layer (a snapshot of the rendered diagnostic) and a network whose estimated memory
//! is above `--memory-limit`. `BLESS=1 cargo test -p network-cli --test check_time`
//! rewrites the snapshot.

mod common;

use common::{network, seed_net, temp_file, text};
use std::path::Path;

#[test]
fn check_reports_a_mask_wider_than_a_periodic_layer() {
    let out = network(&["check", "tests/check/periodic_mask.net"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check/periodic_mask.stderr");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &stderr).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(stderr, expected, "rerun with BLESS=1 and review the diff");
    assert!(stderr.contains("1.2 mm wide along x, wider than the periodic layer of `sheet` (1 mm)"));
}

#[test]
fn check_estimates_the_memory_of_a_network_whose_sizes_are_known() {
    let out = network(&["check", &seed_net()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(" MB when built)"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn check_says_a_network_would_not_fit_under_the_memory_limit() {
    let out = network(&["check", &seed_net(), "--memory-limit", "100kB"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("error: the network would need about "),
        "{stderr}"
    );
    assert!(
        stderr.contains("but the memory limit is 100.00 kB"),
        "{stderr}"
    );
    let fits = network(&["check", &seed_net(), "--memory-limit", "1GB"]);
    assert!(fits.status.success(), "{}", text(&fits.stderr));
}

#[test]
fn the_memory_limit_needs_every_run_time_size() {
    let brunel = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/brunel.net");
    let brunel = brunel.to_str().unwrap();
    let out = network(&["check", brunel, "--memory-limit", "1GB"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("--size ne=N --size ni=N"),
        "{}",
        text(&out.stderr)
    );
    // With the sizes, 10,000 + 2,500 neurons at indegree 1,250: far above 1 MB.
    let sized = ["check", brunel, "--size", "ne=10000", "--size", "ni=2500"];
    let out = network(&[&sized[..], &["--memory-limit", "1MB"]].concat());
    assert!(
        text(&out.stderr).contains("would need about"),
        "{}",
        text(&out.stderr)
    );
    let out = network(&sized);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn check_refuses_a_network_larger_than_the_machine_by_default() {
    // A million neurons all to all: 10^12 synapses, terabytes, above any machine this
    // runs on; found without building anything (the check takes milliseconds).
    let file = temp_file(
        "huge",
        "neuron Cell = iaf_psc_alpha; population a = Cell[1000000]; connect a -> a: all_to_all;",
    );
    let out = network(&["check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("would need about") && stderr.contains(" TB when built"),
        "{stderr}"
    );
}
