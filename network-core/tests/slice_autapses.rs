//! `allow_autapses = false` between two different, overlapping parts of one population
//! (NEST's `Connect(pop[0:60], pop[40:100], {..., "allow_autapses": False})`): NEST
//! leaves out a pair when its source and target are one node, whatever their places in
//! the two parts. The oracles are sets and counts written from the index lists here:
//! over many seeds, no rule ever makes a neuron's pair with itself and every other pair
//! of the parts appears; the fixed degrees are exact; `fixed_total_number` and
//! `fixed_indegree` draw each allowed pair (each candidate) equally often, within a
//! chi-square bound (NEST 3.10 draws them so: the degree of a target inside the source
//! part has the closed form's mean there, `network-load/tests/space_selections.rs`
//! compares the sets and degrees with NEST's own).

use std::collections::BTreeSet;

use network_core::connect::{ConnSpec, Rule};
use network_core::spatial::{Kernel, Layout, Mask};
use network_core::*;

/// A 4 x 4 grid, not periodic, 1 mm wide: a 2 mm circle holds every pair.
const N: usize = 16;

fn layout() -> Layout {
    Layout::Grid {
        shape: vec![4, 4],
        extent: Some(vec![1.0, 1.0]),
        center: None,
        edge_wrap: false,
    }
}

/// Pairs of selections of the one population: ranges, lists, all and part.
fn parts() -> Vec<(&'static str, Vec<u32>, Vec<u32>)> {
    vec![
        ("ranges", (0..10).collect(), (6..16).collect()),
        (
            "lists",
            vec![0, 2, 3, 5, 8, 11, 13],
            vec![1, 2, 5, 6, 11, 14, 15],
        ),
        ("all to part", (0..N as u32).collect(), (4..9).collect()),
        ("part to all", vec![3, 7, 9, 12], (0..N as u32).collect()),
    ]
}

/// Every rule that honours `allow_autapses`, autapses off.
fn rules() -> Vec<(&'static str, ConnSpec)> {
    let wide = || Mask::circle(2.0);
    let kernel = || Kernel::Gaussian {
        p0: 1.0,
        mean: 0.0,
        std: 1.0,
    };
    vec![
        ("all_to_all", ConnSpec::new(Rule::AllToAll)),
        ("bernoulli", ConnSpec::new(Rule::PairwiseBernoulli(0.3))),
        (
            "bernoulli mask",
            ConnSpec::new(Rule::PairwiseBernoulli(0.5)).with_mask(wide()),
        ),
        (
            "bernoulli mask on source",
            ConnSpec::new(Rule::PairwiseBernoulli(0.5))
                .with_mask(wide())
                .on_source(),
        ),
        (
            "bernoulli kernel",
            ConnSpec::new(Rule::PairwiseBernoulli(0.6)).with_kernel(kernel()),
        ),
        ("indegree", ConnSpec::new(Rule::FixedIndegree(3))),
        (
            "indegree distinct",
            ConnSpec::new(Rule::FixedIndegree(3)).no_multapses(),
        ),
        (
            "indegree mask",
            ConnSpec::new(Rule::FixedIndegree(2)).with_mask(wide()),
        ),
        (
            "indegree kernel",
            ConnSpec::new(Rule::FixedIndegree(2)).with_kernel(kernel()),
        ),
        (
            "indegree mask kernel",
            ConnSpec::new(Rule::FixedIndegree(2))
                .with_mask(wide())
                .with_kernel(kernel())
                .no_multapses(),
        ),
        ("outdegree", ConnSpec::new(Rule::FixedOutdegree(2))),
        (
            "outdegree distinct",
            ConnSpec::new(Rule::FixedOutdegree(2)).no_multapses(),
        ),
        (
            "outdegree mask",
            ConnSpec::new(Rule::FixedOutdegree(2)).with_mask(wide()),
        ),
        ("total", ConnSpec::new(Rule::FixedTotalNumber(12))),
        (
            "total distinct",
            ConnSpec::new(Rule::FixedTotalNumber(12)).no_multapses(),
        ),
    ]
    .into_iter()
    .map(|(n, s)| (n, s.no_autapses()))
    .collect()
}

/// (parts, rule) and the pairs made.
type Made = ((usize, usize), Vec<(u32, u32)>);

/// Builds every rule on every pair of parts with `seed`; the connections (source,
/// target as population indices) by (parts, rule).
fn build(seed: u64) -> Vec<Made> {
    let mut b = NetworkBuilder::new(Resolution::new(0.1).unwrap(), Seed(seed));
    let model = Model::nest(IafPscAlpha::default()).unwrap();
    let g = b
        .spatial_population("g", &model, Dyn(N), &layout())
        .unwrap();
    let mut made = Vec::new();
    for (i, (_, s, t)) in parts().iter().enumerate() {
        for (j, (name, spec)) in rules().iter().enumerate() {
            let h = b
                .connect_selections(
                    &format!("{name} {i}"),
                    &g.indices(s),
                    &g.indices(t),
                    spec,
                    StaticSynapse::new(1.0, 1.0),
                )
                .unwrap();
            made.push(((i, j), h));
        }
    }
    let net = b.build().unwrap();
    made.into_iter()
        .map(|(k, h)| {
            let p = net
                .connections(&h)
                .iter()
                .map(|c| (c.source, c.target))
                .collect();
            (k, p)
        })
        .collect()
}

/// The pairs NEST allows: every source with every target but itself.
fn allowed(s: &[u32], t: &[u32]) -> BTreeSet<(u32, u32)> {
    s.iter()
        .flat_map(|&a| t.iter().map(move |&b| (a, b)))
        .filter(|(a, b)| a != b)
        .collect()
}

#[test]
fn no_rule_connects_a_neuron_to_itself_and_every_other_pair_occurs() {
    let (parts, rules) = (parts(), rules());
    let mut seen = vec![vec![BTreeSet::new(); rules.len()]; parts.len()];
    for seed in 1..=150 {
        for ((i, j), pairs) in build(seed) {
            let (pname, s, t) = &parts[i];
            let (rname, spec) = &rules[j];
            let what = format!("{rname} on {pname}, seed {seed}");
            for &(a, b) in &pairs {
                assert_ne!(a, b, "{what}: autapse on {a}");
                assert!(
                    s.contains(&a) && t.contains(&b),
                    "{what}: {a} -> {b} outside"
                );
            }
            let count = |x: &[u32], by_target: bool| {
                x.iter()
                    .map(|n| {
                        pairs
                            .iter()
                            .filter(|p| if by_target { p.1 == *n } else { p.0 == *n })
                            .count()
                    })
                    .collect::<Vec<_>>()
            };
            match spec.rule {
                Rule::FixedIndegree(k) => {
                    assert!(count(t, true).iter().all(|d| *d == k), "{what}")
                }
                Rule::FixedOutdegree(k) => {
                    assert!(count(s, false).iter().all(|d| *d == k), "{what}")
                }
                Rule::FixedTotalNumber(n) => assert_eq!(pairs.len(), n, "{what}"),
                Rule::AllToAll => assert_eq!(pairs.len(), allowed(s, t).len(), "{what}"),
                _ => {}
            }
            if !spec.allow_multapses {
                let distinct: BTreeSet<_> = pairs.iter().collect();
                assert_eq!(distinct.len(), pairs.len(), "{what}: a repeated pair");
            }
            seen[i][j].extend(pairs);
        }
    }
    for (i, (pname, s, t)) in parts.iter().enumerate() {
        let all = allowed(s, t);
        for (j, (rname, _)) in rules.iter().enumerate() {
            let missing: Vec<_> = all.difference(&seen[i][j]).collect();
            assert!(
                missing.is_empty(),
                "{rname} on {pname}: never made {} of {} allowed pairs: {missing:?}",
                missing.len(),
                all.len()
            );
        }
    }
}

#[test]
fn one_to_one_leaves_out_the_places_where_a_neuron_meets_itself() {
    let mut b = NetworkBuilder::new(Resolution::new(0.1).unwrap(), Seed(1));
    let model = Model::nest(IafPscAlpha::default()).unwrap();
    let g = b.population("g", &model, Dyn(N)).unwrap();
    let spec = ConnSpec::new(Rule::OneToOne).no_autapses();
    let h = b
        .connect_selections(
            "o",
            &g.indices(&[0, 3, 5, 8, 12]),
            &g.indices(&[1, 3, 6, 8, 14]),
            &spec,
            StaticSynapse::new(1.0, 1.0),
        )
        .unwrap();
    let shifted = b
        .connect_selections(
            "s",
            &g.range(0..10),
            &g.range(6..16),
            &spec,
            StaticSynapse::new(1.0, 1.0),
        )
        .unwrap();
    let net = b.build().unwrap();
    let pairs = |h| -> Vec<(u32, u32)> {
        net.connections(h)
            .iter()
            .map(|c| (c.source, c.target))
            .collect()
    };
    // NEST 3.10 makes (0, 1), (5, 6), (12, 14) here.
    assert_eq!(pairs(&h), vec![(0, 1), (5, 6), (12, 14)]);
    assert_eq!(
        pairs(&shifted),
        (0..10).map(|i| (i, i + 6)).collect::<Vec<_>>()
    );
}

/// A chi-square of `counts` against `expected` (one cell each) below its Wilson–Hilferty
/// quantile at z = 6 (a false alarm about once in 1e9), each cell within 6 standard
/// deviations (Poisson approximation to the multinomial cell).
fn chi_square(what: &str, counts: &[f64], expected: &[f64]) {
    let mut chi2 = 0.0;
    for (c, e) in counts.iter().zip(expected) {
        assert!(*e >= 20.0, "{what}: too few draws");
        let z = (c - e) / e.sqrt();
        assert!(z.abs() < 6.0, "{what}: {c} against {e:.1} (z = {z:.1})");
        chi2 += (c - e).powi(2) / e;
    }
    let df = (counts.len() - 1) as f64;
    let a = 2.0 / (9.0 * df);
    let limit = df * (1.0 - a + 6.0 * a.sqrt()).powi(3);
    assert!(
        chi2 < limit,
        "{what}: chi-square {chi2:.1} over {df} (limit {limit:.1})"
    );
    eprintln!("{what}: chi-square {chi2:.1} over {df} degrees of freedom (limit {limit:.1})");
}

/// Counts each allowed pair over `seeds` builds of `spec` on `s -> t`.
fn pair_counts(spec: &ConnSpec, s: &[u32], t: &[u32], seeds: u64) -> Vec<((u32, u32), f64)> {
    let all: Vec<(u32, u32)> = allowed(s, t).into_iter().collect();
    let mut counts = vec![0.0; all.len()];
    for seed in 0..seeds {
        let mut b = NetworkBuilder::new(Resolution::new(0.1).unwrap(), Seed(500 + seed));
        let model = Model::nest(IafPscAlpha::default()).unwrap();
        let g = b.population("g", &model, Dyn(N)).unwrap();
        let h = b
            .connect_selections(
                "c",
                &g.indices(s),
                &g.indices(t),
                spec,
                StaticSynapse::new(1.0, 1.0),
            )
            .unwrap();
        let net = b.build().unwrap();
        for c in net.connections(&h) {
            let i = all.binary_search(&(c.source, c.target)).unwrap();
            counts[i] += 1.0;
        }
    }
    all.into_iter().zip(counts).collect()
}

#[test]
fn fixed_total_number_draws_every_allowed_pair_equally_often() {
    // 10 sources 0..10, 10 targets 6..16: 100 pairs less 4 autapses.
    let (s, t): (Vec<u32>, Vec<u32>) = ((0..10).collect(), (6..16).collect());
    let (n, seeds) = (40, 300);
    let spec = ConnSpec::new(Rule::FixedTotalNumber(n)).no_autapses();
    let counts = pair_counts(&spec, &s, &t, seeds);
    assert_eq!(counts.len(), 96);
    let e = (n as u64 * seeds) as f64 / 96.0;
    let (c, e): (Vec<f64>, Vec<f64>) = counts.iter().map(|(_, c)| (*c, e)).unzip();
    chi_square("fixed_total_number", &c, &e);
}

#[test]
fn fixed_indegree_draws_among_all_sources_but_the_target_itself() {
    // Targets 6..10 are among the sources (9 candidates); targets 10..16 are not (10).
    let (s, t): (Vec<u32>, Vec<u32>) = ((0..10).collect(), (6..16).collect());
    let (k, seeds) = (3, 300);
    for spec in [
        ConnSpec::new(Rule::FixedIndegree(k)),
        ConnSpec::new(Rule::FixedIndegree(k)).no_multapses(),
    ] {
        let spec = spec.no_autapses();
        let counts = pair_counts(&spec, &s, &t, seeds);
        let (c, e): (Vec<f64>, Vec<f64>) = counts
            .iter()
            .map(|((_, tgt), c)| {
                let candidates = if s.contains(tgt) { 9.0 } else { 10.0 };
                (*c, (k as u64 * seeds) as f64 / candidates)
            })
            .unzip();
        chi_square(
            &format!("fixed_indegree, multapses {}", spec.allow_multapses),
            &c,
            &e,
        );
    }
}

#[test]
fn a_degree_the_candidates_cannot_supply_is_an_error_naming_autapses() {
    let mut b = NetworkBuilder::new(Resolution::new(0.1).unwrap(), Seed(1));
    let model = Model::nest(IafPscAlpha::default()).unwrap();
    let g = b.population("g", &model, Dyn(N)).unwrap();
    let syn = || StaticSynapse::new(1.0, 1.0);
    // 10 distinct sources for the targets outside them; 9 for those inside (NEST 3.10
    // never returns there).
    let spec = ConnSpec::new(Rule::FixedIndegree(10))
        .no_autapses()
        .no_multapses();
    let e = b
        .connect_selections("in", &g.range(0..10), &g.range(6..16), &spec, syn())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("`in`: target neuron 0")
            && e.contains("not enough sources")
            && e.contains("allow_autapses")
            && e.contains("within the source and target slices"),
        "{e}"
    );
    b.connect_selections("apart", &g.range(0..10), &g.range(10..16), &spec, syn())
        .unwrap();
    // More than the sources: NEST's "Indegree cannot be larger than population size".
    let spec = ConnSpec::new(Rule::FixedIndegree(11))
        .no_autapses()
        .no_multapses();
    let e = b
        .connect_selections("over", &g.range(0..10), &g.range(6..16), &spec, syn())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("indegree") && e.contains("cannot be larger"),
        "{e}"
    );
    // One source that is the only target: nothing to draw from, with multapses too.
    let spec = ConnSpec::new(Rule::FixedOutdegree(3)).no_autapses();
    let e = b
        .connect_selections("one", &g.indices(&[5, 6]), &g.indices(&[5]), &spec, syn())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("not enough targets") && e.contains("allow_autapses"),
        "{e}"
    );
    let spec = ConnSpec::new(Rule::FixedTotalNumber(3)).no_autapses();
    let e = b
        .connect_selections("none", &g.indices(&[5]), &g.indices(&[5]), &spec, syn())
        .unwrap_err()
        .to_string();
    assert!(e.contains("no allowed"), "{e}");
}
