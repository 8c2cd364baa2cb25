//! The `network` binary on a rate network (`examples/rate_network.net`): `check` names
//! its rate parts, `run` reports its rate multimeters (a snapshot of the text report's
//! rate section; `BLESS=1 cargo test -p network-cli --test rate` rewrites it), and a
//! rate neuron fed by a spike synapse is an error with the file's position.

#[allow(dead_code)] // the helpers the other CLI tests use
mod common;

use common::{network, temp_file, text};
use std::path::Path;

fn rate_net() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/rate_network.net")
        .display()
        .to_string()
}

#[test]
fn check_names_the_rate_parts() {
    let out = network(&["check", &rate_net()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(
            "3 rate neuron models, 3 rate populations (7 neurons), 5 rate connections, 3 rate multimeters"
        ),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn run_reports_the_rate_multimeters() {
    let dir = std::env::temp_dir().join(format!("network-cli-rate-{}", std::process::id()));
    let out_dir = dir.to_str().unwrap();
    let out = network(&[
        "run",
        &rate_net(),
        "--time",
        "40ms",
        "--json",
        "--out",
        out_dir,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let m = &summary["rate_multimeters"];
    assert_eq!(m["lin_rates"]["samples"], 3 * 400);
    assert_eq!(m["tanh_rates"]["samples"], 2 * 400);
    assert!(m["sigmoid_rates"]["last_mean_rate"]
        .as_f64()
        .unwrap()
        .is_finite());

    let out = network(&["run", &rate_net(), "--time", "40ms", "--out", out_dir]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        dir.join("lin_rates.dat").exists(),
        "the rate file goes into --out"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let stdout = text(&out.stdout);
    let section = &stdout[stdout.find("rate multimeters").expect("a rate section")..];
    let section: String = section.lines().take(4).collect::<Vec<_>>().join("\n") + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check/rate_network.stdout");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &section).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(section, expected, "rerun with BLESS=1 and review the diff");
}

#[test]
fn a_spike_synapse_onto_rate_neurons_is_an_error_at_its_place() {
    let file = temp_file(
        "rate-mixed",
        "neuron R = tanh_rate_ipn;\npopulation r = R[2];\nconnect r -> r: all_to_all via static_synapse { weight: 1 pA, delay: 1 ms };\n",
    );
    let out = network(&["check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("`static_synapse` carries spikes"),
        "{stderr}"
    );
    assert!(stderr.contains(":3:32"), "{stderr}");
    std::fs::remove_file(file).unwrap();
}
