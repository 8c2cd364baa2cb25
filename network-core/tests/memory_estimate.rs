//! The builder's memory estimate against the memory a built network really takes
//! (issue 17: many small populations were estimated ~40x too high). Each shape is built
//! and simulated for 20 ms in a child process (this test binary, re-run with
//! `MEMORY_SHAPE` set), which reports its resident memory (Linux `VmRSS`) before
//! building and its peak (`VmHWM`) after; the estimate must lie within a factor 2 of
//! the difference. `cargo test -p network-core --test memory_estimate -- --nocapture`
//! prints the table (also kept in the README's reliability section).

use network_core::connect::{ConnSpec, Rule};
use network_core::*;
use std::process::Command;

/// `(name, populations, neurons each, fixed_indegree between consecutive ones)`.
const SHAPES: &[(&str, usize, usize, usize)] = &[
    ("2,000 one-neuron populations", 2000, 1, 0),
    ("10,000 one-neuron populations", 10_000, 1, 0),
    ("1,000 populations of 10", 1000, 10, 0),
    ("200 populations of 100, indegree 10", 200, 100, 10),
    ("one population of 200,000", 1, 200_000, 0),
    ("2 populations of 20,000, indegree 500", 2, 20_000, 500),
];

fn status_kb(field: &str) -> u64 {
    let text = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = text.lines().find(|l| l.starts_with(field)).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// Builds shape `k` and prints `estimate before peak` (bytes).
fn child(k: usize) {
    let (_, pops, len, indegree) = SHAPES[k];
    let before = status_kb("VmRSS:") * 1024;
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1)).threads(1);
    let model = Model::nest(IafPscAlpha {
        I_e: 400.0,
        ..Default::default()
    })
    .unwrap();
    let handles: Vec<_> = (0..pops)
        .map(|p| b.population(&format!("p{p}"), &model, Dyn(len)).unwrap())
        .collect();
    for (p, pair) in handles.windows(2).enumerate() {
        if indegree > 0 {
            let spec = ConnSpec::new(Rule::FixedIndegree(indegree));
            b.connect(
                &format!("c{p}"),
                &pair[0],
                &pair[1],
                &spec,
                StaticSynapse::new(1.0, 1.5),
            )
            .unwrap();
        }
    }
    let builder_estimate = b.memory_estimate();
    let mut net = b.build().unwrap();
    net.set_progress(false);
    net.simulate(20.0).unwrap();
    let peak = status_kb("VmHWM:") * 1024;
    println!(
        "MEMORY {} {} {}",
        builder_estimate,
        net.memory_estimate(),
        peak - before
    );
}

#[test]
fn the_estimate_is_within_a_factor_two_of_the_peak() {
    if let Ok(k) = std::env::var("MEMORY_SHAPE") {
        child(k.parse().unwrap());
        return;
    }
    let mut failures = Vec::new();
    println!("| shape | estimate | measured peak − baseline | ratio |\n|---|---|---|---|");
    for (k, shape) in SHAPES.iter().enumerate() {
        let out = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "the_estimate_is_within_a_factor_two_of_the_peak",
                "--nocapture",
            ])
            .env("MEMORY_SHAPE", k.to_string())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let line = stdout
            .lines()
            .find_map(|l| l.strip_prefix("MEMORY "))
            .unwrap_or_else(|| {
                panic!(
                    "{}: {stdout}{}",
                    shape.0,
                    String::from_utf8_lossy(&out.stderr)
                )
            });
        let v: Vec<f64> = line.split(' ').map(|x| x.parse().unwrap()).collect();
        let (estimate, measured) = (v[1], v[2]);
        let ratio = estimate / measured;
        println!(
            "| {} | {:.2} MB | {:.2} MB | {ratio:.2} |",
            shape.0,
            estimate / 1e6,
            measured / 1e6
        );
        if !(0.5..=2.0).contains(&ratio) {
            failures.push(shape.0);
        }
    }
    assert!(
        failures.is_empty(),
        "estimate off by more than 2x: {failures:?}"
    );
}
