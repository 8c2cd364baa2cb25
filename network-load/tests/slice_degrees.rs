//! Degrees drawn between two different, overlapping parts of one population without
//! autapses, against NEST 3.10 run live: `Connect(pop[0:4], pop[2:6], ...)` with
//! `fixed_total_number` (N = 50 over the 14 allowed pairs) and `fixed_indegree` (2
//! sources each, multapses allowed), 300 seeds each side. Targets 2 and 3 are among the
//! sources and lose their own pair, targets 4 and 5 keep all four sources; so a target's
//! `fixed_total_number` indegree is Binomial(50, 3/14) inside the sources and
//! Binomial(50, 4/14) outside, and a source's `fixed_indegree` outdegree has mean
//! 2/3 + 2 · 2/4 when it is one of the targets, 2 · 2/3 + 2 · 2/4 when not. Per class,
//! the engine's degrees against NEST's by two-sample Kolmogorov-Smirnov, and both
//! sides' means against the closed form (|z| < 6): a false alarm about once in 1e5.
//!
//! NEST's python is found as `common/mod.rs` says; `NETWORK_SKIP_NEST=1` opts out.

use network_core::connect::{ConnSpec, Rule};
use network_core::*;

mod common;
use common::{ks_two_sample, last_json, nest_python, run_python};

const SEEDS: u64 = 300;

/// Per seed: the indegree of targets 2..6 (fixed_total_number), then the outdegree of
/// sources 0..4 (fixed_indegree), population indices.
fn engine() -> Vec<[Vec<f64>; 2]> {
    (0..SEEDS)
        .map(|seed| {
            let mut b = NetworkBuilder::new(Resolution::new(0.1).unwrap(), Seed(100 + seed));
            let model = Model::nest(IafPscAlpha::default()).unwrap();
            let g = b.population("g", &model, Dyn(8)).unwrap();
            let syn = || StaticSynapse::new(1.0, 1.0);
            let (s, t) = (g.range(0..4), g.range(2..6));
            let total = ConnSpec::new(Rule::FixedTotalNumber(50)).no_autapses();
            let total = b
                .connect_selections("total", &s, &t, &total, syn())
                .unwrap();
            let indeg = ConnSpec::new(Rule::FixedIndegree(2)).no_autapses();
            let indeg = b
                .connect_selections("indeg", &s, &t, &indeg, syn())
                .unwrap();
            let net = b.build().unwrap();
            let count = |h, of: &dyn Fn(&(u32, u32)) -> u32, range: std::ops::Range<u32>| {
                let pairs: Vec<(u32, u32)> = net
                    .connections(h)
                    .iter()
                    .map(|c| (c.source, c.target))
                    .collect();
                assert!(pairs.iter().all(|(a, b)| a != b), "an autapse");
                range
                    .map(|n| pairs.iter().filter(|p| of(p) == n).count() as f64)
                    .collect()
            };
            [count(&total, &|p| p.1, 2..6), count(&indeg, &|p| p.0, 0..4)]
        })
        .collect()
}

fn nest(python: &std::path::Path) -> Vec<[Vec<f64>; 2]> {
    let script = format!(
        r#"
import json, nest
import numpy as np
nest.set_verbosity("M_ERROR")
runs = []
for seed in range(1, {SEEDS} + 1):
    nest.ResetKernel()
    nest.rng_seed = seed
    g = nest.Create("iaf_psc_alpha", 8)
    nest.Connect(g[0:4], g[2:6], {{"rule": "fixed_total_number", "N": 50, "allow_autapses": False}})
    c = nest.GetConnections()
    t = np.array(c.target) - g[0].global_id
    s = np.array(c.source) - g[0].global_id
    assert (s != t).all()
    total = [int((t == i).sum()) for i in range(2, 6)]
    before = [int((s == i).sum()) for i in range(0, 4)]
    nest.Connect(g[0:4], g[2:6], {{"rule": "fixed_indegree", "indegree": 2, "allow_autapses": False}})
    c = nest.GetConnections()
    s, t = np.array(c.source) - g[0].global_id, np.array(c.target) - g[0].global_id
    assert (s != t).all()
    # The fixed_indegree synapses: all but the first Connect's.
    out = [int((s == i).sum()) - before[i] for i in range(0, 4)]
    runs.append([total, out])
print(json.dumps({{"runs": runs}}))
"#
    );
    let stdout = run_python(python, "slice_degrees", &script);
    last_json("slice_degrees", &stdout)["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let v = |i: usize| -> Vec<f64> {
                r[i].as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_f64().unwrap())
                    .collect()
            };
            [v(0), v(1)]
        })
        .collect()
}

/// The values of class `cols` (positions in the per-seed lists) of list `which`.
fn pooled(runs: &[[Vec<f64>; 2]], which: usize, cols: &[usize]) -> Vec<f64> {
    runs.iter()
        .flat_map(|r| cols.iter().map(move |c| r[which][*c]))
        .collect()
}

#[test]
fn degrees_between_overlapping_parts_are_nests() {
    let Some(python) = nest_python("slice_degrees") else {
        return;
    };
    let (ours, theirs) = (engine(), nest(&python));
    assert_eq!(theirs.len(), SEEDS as usize);
    // (what, list, positions, closed-form mean)
    let classes = [
        ("total indegree, targets 2, 3", 0, [0, 1], 50.0 * 3.0 / 14.0),
        ("total indegree, targets 4, 5", 0, [2, 3], 50.0 * 4.0 / 14.0),
        (
            "indegree's outdegree, sources 0, 1",
            1,
            [0, 1],
            2.0 * 2.0 / 3.0 + 1.0,
        ),
        (
            "indegree's outdegree, sources 2, 3",
            1,
            [2, 3],
            2.0 / 3.0 + 1.0,
        ),
    ];
    for (what, which, cols, mean) in classes {
        let (a, b) = (pooled(&ours, which, &cols), pooled(&theirs, which, &cols));
        let (n, m) = (a.len() as f64, b.len() as f64);
        // c(alpha) for alpha = 1e-5: sqrt(-ln(alpha / 2) / 2).
        let limit = (-(0.5e-5f64).ln() / 2.0).sqrt() * ((n + m) / (n * m)).sqrt();
        let d = ks_two_sample(&a, &b);
        assert!(d < limit, "{what}: KS distance {d:.3} >= {limit:.3}");
        for (who, x) in [("engine", &a), ("NEST", &b)] {
            let avg = x.iter().sum::<f64>() / x.len() as f64;
            let var = x.iter().map(|v| (v - avg).powi(2)).sum::<f64>() / (x.len() as f64 - 1.0);
            let z = (avg - mean) / (var / x.len() as f64).sqrt();
            assert!(
                z.abs() < 6.0,
                "{what} ({who}): mean {avg:.3}, closed form {mean:.3}, z = {z:.1}"
            );
            eprintln!("{what} ({who}): mean {avg:.3}, closed form {mean:.3}, z = {z:.2}");
        }
        eprintln!("{what}: KS distance {d:.3} (limit {limit:.3})");
    }
}
