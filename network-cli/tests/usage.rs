//! The command line's answers to the mistakes of a first hour: a negative or absurd
//! `--time`, `--threads 0`, an empty file, a memory limit, errors under `--json`.

mod common;

use common::{network, seed_net, temp_file, text};

#[test]
fn a_negative_time_says_it_is_negative() {
    let out = network(&["run", &seed_net(), "--time", "-100ms"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("`-100ms` is negative"), "{stderr}");
}

#[test]
fn zero_threads_is_an_error_that_says_what_to_do() {
    let out = network(&["run", &seed_net(), "--threads", "0"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("at least one thread"), "{stderr}");
    let help = text(&network(&["run", "--help"]).stdout);
    assert!(help.contains("default: every core"), "{help}");
}

#[test]
fn an_empty_file_is_a_warning() {
    let file = temp_file("empty", "// nothing yet\n");
    let out = network(&["check", file.to_str().unwrap()]);
    assert!(out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("declares no population: there is nothing to simulate"),
        "{stderr}"
    );
    std::fs::remove_file(&file).unwrap();
}

#[test]
fn json_runs_report_errors_as_json() {
    let file = temp_file(
        "json-error",
        "neuron Cell = iaf_psc_alpha { C_m: -1 pF };\n",
    );
    let out = network(&["run", file.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", text(&out.stdout)));
    assert!(report["error"].as_str().unwrap().ends_with("has 1 error"));
    let d = &report["diagnostics"][0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(36))
    );
    assert!(d["message"].as_str().unwrap().contains("C_m"), "{d}");
    std::fs::remove_file(&file).unwrap();

    let out = network(&["run", "/nonexistent/x.net", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["error"].as_str().unwrap().starts_with("cannot read"));
}

#[test]
fn a_memory_limit_below_the_estimate_fails_before_running() {
    let out = network(&[
        "run",
        &seed_net(),
        "--memory-limit",
        "10kB",
        "--out",
        "/tmp",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("but the memory limit is 10.00 kB") && stderr.contains("--memory-limit"),
        "{stderr}"
    );
    assert!(
        network(&["run", &seed_net(), "--memory-limit", "4 GW"])
            .status
            .code()
            == Some(2)
    );
}
