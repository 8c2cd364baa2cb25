//! Tests of the connection rules: exact counts, forbidden autapses and multapses, masks,
//! errors, thread-count independence and a statistical check of kernel probabilities.

use crate::spatial::MaskGeometry;
use crate::spatial::Place;
use std::collections::HashSet;

use crate::spatial::Displacement;

use super::*;
use crate::spatial::{Layout, MaskShape};

fn ends(n_sources: usize, n_targets: usize, same: bool) -> Endpoints<'static> {
    Endpoints {
        n_sources,
        n_targets,
        same: SameNeurons::of(same),
        source_space: None,
        target_space: None,
    }
}

fn on(space: &Space) -> Endpoints<'_> {
    Endpoints {
        n_sources: space.len(),
        n_targets: space.len(),
        same: SameNeurons::Identity,
        source_space: Some(space),
        target_space: Some(space),
    }
}

fn grid(nx: usize, ny: usize, edge_wrap: bool) -> Space {
    Layout::Grid {
        shape: vec![nx, ny],
        extent: Some(vec![nx as f64 * 0.1, ny as f64 * 0.1]),
        center: None,
        edge_wrap,
    }
    .place("layer", nx * ny, Seed(1), 0)
    .unwrap()
}

fn run(spec: &ConnSpec, e: &Endpoints) -> Result<ByTarget> {
    connect("proj", spec, e, Seed(12345), 7)
}

fn no_autapses(c: &ByTarget) -> bool {
    c.edges().all(|(s, t)| s != t)
}

fn no_multapses(c: &ByTarget) -> bool {
    let set: HashSet<(u32, u32)> = c.edges().collect();
    set.len() == c.len()
}

#[test]
fn all_to_all_and_one_to_one() {
    let c = run(&ConnSpec::new(Rule::AllToAll), &ends(4, 3, false)).unwrap();
    assert_eq!(c.len(), 12);
    assert_eq!(c.sources_of(2), [0, 1, 2, 3]);
    let c = run(
        &ConnSpec::new(Rule::AllToAll).no_autapses(),
        &ends(4, 4, true),
    )
    .unwrap();
    assert_eq!(c.len(), 12);
    assert!(no_autapses(&c));

    let c = run(&ConnSpec::new(Rule::OneToOne), &ends(5, 5, false)).unwrap();
    assert_eq!(
        c.edges().collect::<Vec<_>>(),
        (0..5).map(|i| (i, i)).collect::<Vec<_>>()
    );
    assert!(run(
        &ConnSpec::new(Rule::OneToOne).no_autapses(),
        &ends(5, 5, true)
    )
    .unwrap()
    .is_empty());
    let e = run(&ConnSpec::new(Rule::OneToOne), &ends(5, 4, false))
        .unwrap_err()
        .to_string();
    assert!(e.contains("proj") && e.contains("equal size"), "{e}");
}

#[test]
fn fixed_indegree_counts_and_flags() {
    let c = run(&ConnSpec::new(Rule::FixedIndegree(30)), &ends(50, 40, true)).unwrap();
    assert_eq!(c.n_targets(), 40);
    assert!((0..40).all(|t| c.sources_of(t).len() == 30));
    assert!(c.sources.iter().all(|s| *s < 50));
    // Multapses are possible by default ...
    assert!(!no_multapses(&c));
    // ... and absent when forbidden, also when k is close to n (shuffle path).
    for k in [5, 30, 49] {
        let spec = ConnSpec::new(Rule::FixedIndegree(k))
            .no_autapses()
            .no_multapses();
        let c = run(&spec, &ends(50, 40, true)).unwrap();
        assert_eq!(c.len(), 40 * k);
        assert!(no_autapses(&c) && no_multapses(&c), "k = {k}");
    }
    let e = run(
        &ConnSpec::new(Rule::FixedIndegree(51)).no_multapses(),
        &ends(50, 4, false),
    )
    .unwrap_err();
    assert!(
        e.to_string().contains("indegree") && e.to_string().contains("50"),
        "{e}"
    );
    // NEST hangs here; we name the first target that cannot be served.
    let spec = ConnSpec::new(Rule::FixedIndegree(50))
        .no_autapses()
        .no_multapses();
    let e = run(&spec, &ends(50, 50, true)).unwrap_err().to_string();
    assert!(
        e.contains("target neuron 0") && e.contains("49 candidate"),
        "{e}"
    );
}

#[test]
fn fixed_outdegree_counts_and_flags() {
    let spec = ConnSpec::new(Rule::FixedOutdegree(7))
        .no_autapses()
        .no_multapses();
    let c = run(&spec, &ends(30, 30, true)).unwrap();
    let mut out = [0usize; 30];
    for (s, _) in c.edges() {
        out[s as usize] += 1;
    }
    assert!(out.iter().all(|n| *n == 7));
    assert!(no_autapses(&c) && no_multapses(&c));
    assert!((0..30).all(|t| c.sources_of(t).windows(2).all(|w| w[0] < w[1])));
}

#[test]
fn fixed_total_number_counts_and_flags() {
    let c = run(
        &ConnSpec::new(Rule::FixedTotalNumber(1000)),
        &ends(20, 10, false),
    )
    .unwrap();
    assert_eq!(c.len(), 1000);
    // Without multapses, every allowed pair at most once, up to all of them.
    let spec = ConnSpec::new(Rule::FixedTotalNumber(90))
        .no_autapses()
        .no_multapses();
    let c = run(&spec, &ends(10, 10, true)).unwrap();
    assert_eq!(c.len(), 90);
    assert!(no_autapses(&c) && no_multapses(&c));
    let spec = ConnSpec::new(Rule::FixedTotalNumber(37))
        .no_autapses()
        .no_multapses();
    let c = run(&spec, &ends(10, 13, true)).unwrap();
    assert!(c.len() == 37 && no_autapses(&c) && no_multapses(&c));
    let spec = ConnSpec::new(Rule::FixedTotalNumber(91))
        .no_autapses()
        .no_multapses();
    assert!(run(&spec, &ends(10, 10, true)).is_err());
}

#[test]
fn fixed_total_number_without_any_allowed_pair() {
    // One neuron onto itself without autapses, or no sources: N > 0 is an error naming
    // N, with or without multapses; N = 0 makes an empty projection.
    for spec in [
        ConnSpec::new(Rule::FixedTotalNumber(3)).no_autapses(),
        ConnSpec::new(Rule::FixedTotalNumber(3))
            .no_autapses()
            .no_multapses(),
    ] {
        for e in [ends(1, 1, true), ends(0, 4, false)] {
            let err = run(&spec, &e).unwrap_err().to_string();
            assert!(
                err.contains("N") && err.contains("no allowed (source, target) pair"),
                "{err}"
            );
        }
    }
    let none = ConnSpec::new(Rule::FixedTotalNumber(0)).no_autapses();
    assert_eq!(run(&none, &ends(1, 1, true)).unwrap().len(), 0);
    assert_eq!(run(&none, &ends(0, 4, false)).unwrap().len(), 0);
}

#[test]
fn pairwise_bernoulli_counts() {
    let e = ends(200, 300, true);
    assert!(run(&ConnSpec::new(Rule::PairwiseBernoulli(0.0)), &e)
        .unwrap()
        .is_empty());
    let all = run(
        &ConnSpec::new(Rule::PairwiseBernoulli(1.0)).no_autapses(),
        &e,
    )
    .unwrap();
    assert_eq!(all.len(), 200 * 300 - 200);
    let c = run(
        &ConnSpec::new(Rule::PairwiseBernoulli(0.1)).no_autapses(),
        &e,
    )
    .unwrap();
    assert!(no_autapses(&c) && no_multapses(&c));
    // Binomial(59800, 0.1): mean 5980, sd 73; 5 sd.
    assert!((c.len() as f64 - 5980.0).abs() < 5.0 * 73.4, "{}", c.len());
    assert!(run(&ConnSpec::new(Rule::PairwiseBernoulli(1.5)), &e).is_err());
}

#[test]
fn masked_fixed_indegree_stays_inside_the_mask() {
    let g = grid(12, 10, true);
    // Asymmetric: tests source − target, centred on the target.
    let mask = Mask::rectangle([0.0, -0.25], [0.35, 0.05]);
    let spec = ConnSpec::new(Rule::FixedIndegree(8))
        .with_mask(mask.clone())
        .no_autapses();
    let c = run(&spec, &on(&g)).unwrap();
    assert!((0..g.len()).all(|t| c.sources_of(t).len() == 8));
    assert!(no_autapses(&c)); // NEST would ignore allow_autapses here.
    for (s, t) in c.edges() {
        let d = g.displacement(&g.positions()[t as usize], &g.positions()[s as usize]);
        assert!(mask.contains(&d), "{s} -> {t}: {d:?}");
    }
    // The rectangle holds 4 columns (x offsets 0 to 0.3) by 3 rows (y −0.2 to 0): 12 nodes.
    let spec = ConnSpec::new(Rule::FixedIndegree(12))
        .with_mask(mask.clone())
        .no_multapses();
    let c = run(&spec, &on(&g)).unwrap();
    assert!(no_multapses(&c));
    let spec = ConnSpec::new(Rule::FixedIndegree(12))
        .with_mask(mask)
        .no_multapses()
        .no_autapses();
    let e = run(&spec, &on(&g)).unwrap_err().to_string();
    assert!(
        e.contains("target neuron 0")
            && e.contains("11 candidate(s)")
            && e.contains("inside the mask"),
        "{e}"
    );
}

#[test]
fn masked_fixed_indegree_without_candidates_names_the_target() {
    let g = grid(5, 5, false);
    let mask = Mask::circle(0.05); // only the neuron itself
    let spec = ConnSpec::new(Rule::FixedIndegree(3))
        .with_mask(mask.clone())
        .no_autapses();
    let e = run(&spec, &on(&g)).unwrap_err().to_string();
    assert_eq!(
        e,
        "projection `proj`: target neuron 0: not enough sources inside the mask: 0 candidate(s) \
         for indegree 3 (allow_autapses = false excludes the neuron itself)"
    );
    // With multapses, one candidate serves the whole indegree.
    let c = run(
        &ConnSpec::new(Rule::FixedIndegree(3)).with_mask(mask),
        &on(&g),
    )
    .unwrap();
    assert!((0..25u32).all(|t| c.sources_of(t as usize) == [t, t, t]));
}

#[test]
fn kernel_weights_fixed_indegree() {
    let g = grid(20, 20, false);
    // Weight 0 beyond 0.15 mm: only the 3x3 neighbourhood (and the ±0.1 cross) can be drawn.
    let kernel = Kernel::Linear {
        p0: 1.0,
        slope: -1.0 / 0.15,
    };
    let spec = ConnSpec::new(Rule::FixedIndegree(20))
        .with_mask(Mask::circle(0.5))
        .with_kernel(kernel);
    let c = run(&spec, &on(&g)).unwrap();
    for (s, t) in c.edges() {
        assert!(g.distance(&g.positions()[t as usize], &g.positions()[s as usize]) < 0.15);
    }
    let spec = spec.no_multapses();
    let e = run(&spec, &on(&g)).unwrap_err().to_string();
    assert!(e.contains("kernel weight > 0"), "{e}");
    // Kernel without mask: all sources are candidates.
    let spec = ConnSpec::new(Rule::FixedIndegree(5))
        .with_kernel(Kernel::Exponential { p0: 1.0, beta: 0.2 })
        .no_multapses();
    assert_eq!(run(&spec, &on(&g)).unwrap().len(), 2000);
}

#[test]
fn masks_are_centred_as_in_nest() {
    let g = grid(9, 7, true);
    let mask = Mask::rectangle([0.05, -0.05], [0.25, 0.15])
        .with_anchor(Displacement::new(0.0, 0.02, 0.0).into());
    let disp = |from: u32, to: u32| {
        g.displacement(&g.positions()[from as usize], &g.positions()[to as usize])
    };
    // pairwise_bernoulli: centred on the source, tests target − source.
    let c = run(
        &ConnSpec::new(Rule::PairwiseBernoulli(1.0)).with_mask(mask.clone()),
        &on(&g),
    )
    .unwrap();
    assert_eq!(c.len(), 63 * 4);
    assert!(c.edges().all(|(s, t)| mask.contains(&disp(s, t))));
    // use_on_source: centred on the target, tests source − target.
    let c = run(
        &ConnSpec::new(Rule::PairwiseBernoulli(1.0))
            .with_mask(mask.clone())
            .on_source(),
        &on(&g),
    )
    .unwrap();
    assert_eq!(c.len(), 63 * 4);
    assert!(c.edges().all(|(s, t)| mask.contains(&disp(t, s))));
    // fixed_outdegree: centred on the source, tests target − source.
    let c = run(
        &ConnSpec::new(Rule::FixedOutdegree(3))
            .with_mask(mask.clone())
            .no_multapses(),
        &on(&g),
    )
    .unwrap();
    assert_eq!(c.len(), 63 * 3);
    assert!(c.edges().all(|(s, t)| mask.contains(&disp(s, t))));
}

#[test]
fn spatial_rules_need_spatial_populations() {
    let g = grid(3, 3, false);
    let mut e = on(&g);
    e.source_space = None;
    let spec = ConnSpec::new(Rule::FixedIndegree(1)).with_mask(Mask::circle(0.2));
    let msg = run(&spec, &e).unwrap_err().to_string();
    assert!(msg.contains("source population is not spatial"), "{msg}");
    let spec = ConnSpec::new(Rule::FixedIndegree(1)).with_mask(Mask::sphere(0.2));
    let msg = run(&spec, &on(&g)).unwrap_err().to_string();
    assert!(msg.contains("mask is incompatible with layer"), "{msg}");
    let spec = ConnSpec::new(Rule::AllToAll).with_mask(Mask::circle(0.2));
    assert!(run(&spec, &on(&g)).is_err());
}

#[test]
fn results_do_not_depend_on_the_thread_count() {
    let g = grid(30, 30, true);
    let circle = Mask::circle(0.3);
    let gauss = Kernel::Gaussian {
        p0: 1.0,
        mean: 0.0,
        std: 0.15,
    };
    let specs = [
        ConnSpec::new(Rule::FixedIndegree(20)),
        ConnSpec::new(Rule::FixedIndegree(20))
            .no_multapses()
            .no_autapses(),
        ConnSpec::new(Rule::FixedIndegree(20)).with_mask(circle.clone()),
        ConnSpec::new(Rule::FixedIndegree(20))
            .with_mask(circle.clone())
            .with_kernel(gauss.clone())
            .no_multapses(),
        ConnSpec::new(Rule::FixedOutdegree(20))
            .with_mask(circle.clone())
            .no_autapses(),
        ConnSpec::new(Rule::PairwiseBernoulli(0.05)),
        ConnSpec::new(Rule::PairwiseBernoulli(0.8))
            .with_mask(circle)
            .with_kernel(gauss),
        ConnSpec::new(Rule::FixedTotalNumber(5000)).no_multapses(),
    ];
    let pool = |n| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap()
    };
    let (one, four) = (pool(1), pool(4));
    for spec in &specs {
        let a = one.install(|| run(spec, &on(&g))).unwrap();
        let b = four.install(|| run(spec, &on(&g))).unwrap();
        assert!(!a.is_empty());
        assert_eq!(a, b, "{spec:?}");
    }
}

/// Pairwise Bernoulli with a Gaussian kernel: the connected pairs per distance bin match
/// the expected `Σ p·kernel(d)`. The statistic Σ (O − E)²/Var over 10 bins is compared
/// with the chi-square(10) quantile for a false-alarm rate of 0.001 (29.59); the seed is
/// fixed, so the test is deterministic.
#[test]
fn gaussian_kernel_connects_with_the_right_probability() {
    let g = grid(40, 40, true);
    let (p, std, r) = (0.9, 0.2, 0.5);
    let kernel = Kernel::Gaussian {
        p0: 1.0,
        mean: 0.0,
        std,
    };
    let spec = ConnSpec::new(Rule::PairwiseBernoulli(p))
        .with_mask(Mask::circle(r))
        .with_kernel(kernel.clone())
        .no_autapses();
    let c = run(&spec, &on(&g)).unwrap();
    let bins = 10;
    let bin = |d: f64| ((d / r * bins as f64) as usize).min(bins - 1);
    let (mut obs, mut exp, mut var) = (vec![0.0; bins], vec![0.0; bins], vec![0.0; bins]);
    for (s, t) in c.edges() {
        obs[bin(g.distance(&g.positions()[s as usize], &g.positions()[t as usize]))] += 1.0;
    }
    let mask = Mask::circle(r);
    for s in g.positions() {
        for t in g.positions() {
            let d = g.displacement(s, t);
            if s == t || !mask.contains(&d) {
                continue;
            }
            let q = p * kernel.value(d.norm());
            exp[bin(d.norm())] += q;
            var[bin(d.norm())] += q * (1.0 - q);
        }
    }
    let chi2: f64 = (0..bins)
        .filter(|b| var[*b] > 0.0)
        .map(|b| (obs[b] - exp[b]).powi(2) / var[b])
        .sum();
    assert!(
        chi2 < 29.59,
        "chi2 = {chi2}, observed {obs:?}, expected {exp:?}"
    );
}

#[test]
fn ellipse_masks_on_3d_layers_are_rejected_early() {
    let g = Layout::Grid {
        shape: vec![3, 3, 3],
        extent: None,
        center: None,
        edge_wrap: false,
    }
    .place("l", 27, Seed(1), 0)
    .unwrap();
    let m = Mask::new(MaskShape::Ellipse {
        major_axis: 0.4,
        minor_axis: 0.2,
        azimuth_angle: 0.0,
    });
    assert!(run(
        &ConnSpec::new(Rule::PairwiseBernoulli(0.5)).with_mask(m),
        &on(&g)
    )
    .is_err());
}

/// Timing of the target workload: 100k neurons in a 1 mm³ box, fixed_indegree 100
/// within a sphere holding ~850 candidates, on 2 threads. Run with
/// `cargo test --release -p network-core -- --ignored --nocapture indegree_timing`.
#[test]
#[ignore]
fn indegree_timing() {
    let layout = Layout::FreeUniform {
        lower_left: vec![0.0, 0.0, 0.0],
        upper_right: vec![1.0, 1.0, 1.0],
        edge_wrap: true,
    };
    let space = layout.place("l23", 100_000, Seed(3), 1).unwrap();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    for (name, spec) in [
        (
            "mask",
            ConnSpec::new(Rule::FixedIndegree(100)).with_mask(Mask::sphere(0.1266)),
        ),
        (
            "mask+kernel, no multapses",
            ConnSpec::new(Rule::FixedIndegree(100))
                .with_mask(Mask::sphere(0.1266))
                .with_kernel(Kernel::Gaussian {
                    p0: 1.0,
                    mean: 0.0,
                    std: 0.05,
                })
                .no_multapses()
                .no_autapses(),
        ),
        (
            "pairwise",
            ConnSpec::new(Rule::PairwiseBernoulli(0.12)).with_mask(Mask::sphere(0.1266)),
        ),
    ] {
        let t0 = std::time::Instant::now();
        let c = pool.install(|| run(&spec, &on(&space))).unwrap();
        println!("{name}: {} edges in {:?}", c.len(), t0.elapsed());
    }
}

#[test]
fn spatial_indegree_in_3d_is_exact_and_thread_independent() {
    // Free 3D layers with and without wrapping: every source lies inside the ball,
    // distinct, never the target itself, and the edges do not depend on the threads.
    for wrap in [false, true] {
        let layout = Layout::FreeUniform {
            lower_left: vec![0.0, 0.0, 0.0],
            upper_right: vec![1.0, 1.0, 1.0],
            edge_wrap: wrap,
        };
        let space = layout.place("l", 4000, Seed(9), 1).unwrap();
        let r = 0.25;
        let spec = ConnSpec::new(Rule::FixedIndegree(10))
            .with_mask(Mask::sphere(r))
            .no_autapses()
            .no_multapses();
        let pool = |n| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .unwrap()
        };
        let a = pool(1).install(|| run(&spec, &on(&space))).unwrap();
        let b = pool(2).install(|| run(&spec, &on(&space))).unwrap();
        let c = pool(4).install(|| run(&spec, &on(&space))).unwrap();
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert!(no_autapses(&a));
        for t in 0..space.len() {
            let src = a.sources_of(t);
            assert_eq!(src.len(), 10);
            assert_eq!(src.iter().collect::<HashSet<_>>().len(), 10);
            let at = &space.positions()[t];
            for s in src {
                let d = space.distance(at, &space.positions()[*s as usize]);
                assert!(d <= r, "wrap {wrap}: target {t} source {s} at {d}");
            }
        }
        // Too few candidates near the corners: the same (lowest) failing target on
        // any thread count.
        if !wrap {
            let many = ConnSpec::new(Rule::FixedIndegree(60))
                .with_mask(Mask::sphere(r))
                .no_multapses();
            let e1 = pool(1).install(|| run(&many, &on(&space))).unwrap_err();
            let e4 = pool(4).install(|| run(&many, &on(&space))).unwrap_err();
            assert_eq!(e1, e4);
        }
    }
}
