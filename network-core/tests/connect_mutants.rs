//! Tests written against the mutants of `connect/` that survived the rest of the suite
//! (issue 17, `scripts/mutants.sh connect`). Each states the contract the mutant broke,
//! with its oracle: the documented error, or a count made by hand.

use network_core::connect::{connect, ConnSpec, Endpoints, Rule, SameNeurons};
use network_core::spatial::{Kernel, Layout, Place, Space};
use network_core::{Error, Seed};

fn grid(nx: usize, ny: usize) -> Space {
    Layout::Grid {
        shape: vec![nx, ny],
        extent: Some(vec![nx as f64 * 0.1, ny as f64 * 0.1]),
        center: None,
        edge_wrap: false,
    }
    .place("layer", nx * ny, Seed(1), 0)
    .unwrap()
}

/// A spatial projection whose layer holds more or fewer positions than its population
/// has neurons is an error naming the side (`connect`'s check in `spatial`), for every
/// spatial rule; a mutant accepting any length indexed past the positions or connected
/// neurons without a position.
#[test]
fn positions_must_match_the_population_size() {
    let layer = grid(4, 4); // 16 positions
    let kernel = Kernel::Exponential { p0: 1.0, beta: 0.2 };
    for rule in [
        Rule::PairwiseBernoulli(0.5),
        Rule::FixedIndegree(2),
        Rule::FixedOutdegree(2),
    ] {
        for (n_sources, n_targets, side) in [
            (15, 16, "source"),
            (17, 16, "source"),
            (16, 15, "target"),
            (16, 17, "target"),
        ] {
            let ends = Endpoints {
                n_sources,
                n_targets,
                same: SameNeurons::None,
                source_space: Some(&layer),
                target_space: Some(&layer),
            };
            let spec = ConnSpec::new(rule).with_kernel(kernel.clone());
            match connect("proj", &spec, &ends, Seed(3), 1) {
                Err(Error::InvalidParameter { .. }) => {}
                other => panic!(
                    "{rule:?} with {n_sources} sources and {n_targets} targets on 16 \
                     positions: expected an error about the {side} positions, got {other:?}"
                ),
            }
            let e = connect("proj", &spec, &ends, Seed(3), 1)
                .unwrap_err()
                .to_string();
            assert!(
                e.contains(&format!("{side} positions")) && e.contains("16"),
                "{rule:?}: {e}"
            );
        }
    }
}

/// With autapses allowed (the default) a degree rule may pick the neuron itself: with
/// `k` equal to the population size and no multapses, each neuron gets every neuron of
/// its own population, itself included, once (counted by hand: the only k-subset of n
/// things with k = n). A mutant excluding the neuron itself whenever it lay in range
/// refused this as "not enough sources".
#[test]
fn degree_rules_include_the_neuron_itself_when_autapses_are_allowed() {
    let n = 12;
    let ends = Endpoints {
        n_sources: n,
        n_targets: n,
        same: SameNeurons::Identity,
        source_space: None,
        target_space: None,
    };
    let all: Vec<u32> = (0..n as u32).collect();
    for rule in [Rule::FixedIndegree(n), Rule::FixedOutdegree(n)] {
        let mut spec = ConnSpec::new(rule);
        spec.allow_multapses = false;
        let c = connect("proj", &spec, &ends, Seed(5), 2)
            .unwrap_or_else(|e| panic!("{rule:?} on {n} neurons with autapses: {e}"));
        for t in 0..n {
            let mut sources = c.sources_of(t).to_vec();
            sources.sort_unstable();
            assert_eq!(sources, all, "{rule:?}: sources of target {t}");
        }
    }
}

/// A 3 x 3 grid layer of 0.1 mm spacing (positions -0.1, 0, 0.1 mm on each axis).
fn small_grid() -> Space {
    Layout::Grid {
        shape: vec![3, 3],
        extent: Some(vec![0.3, 0.3]),
        center: None,
        edge_wrap: false,
    }
    .place("layer", 9, Seed(1), 0)
    .unwrap()
}

/// Runs `f` on its own thread and fails if it takes longer than `limit_s` seconds.
fn within<T: Send + 'static>(
    what: &str,
    limit_s: u64,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(limit_s))
        .unwrap_or_else(|_| panic!("{what}: not done after {limit_s} s"))
}

/// Weighted draws without repeats take bounded time (`connect/sample.rs` promises no
/// unbounded redraw loops): an exponential kernel of 5 µm length on a 0.1 mm grid gives
/// the neuron itself weight 1 and its neighbours e^-20 ≈ 2e-9 down to e^-56.6 ≈ 3e-25,
/// and `fixed_indegree` 9 without multapses must take all 9 (by hand: the only 9-subset
/// of 9). Redrawing from the full table, as a mutant that never dropped the taken mass
/// did, needs about 1e24 draws for the last neighbour.
#[test]
fn weighted_draws_without_repeats_take_bounded_time() {
    let c = within("fixed_indegree 9 of 9 with tiny kernel weights", 20, || {
        let layer = small_grid();
        let ends = Endpoints {
            n_sources: 9,
            n_targets: 9,
            same: SameNeurons::Identity,
            source_space: Some(&layer),
            target_space: Some(&layer),
        };
        let spec = ConnSpec::new(Rule::FixedIndegree(9))
            .with_kernel(Kernel::Exponential {
                p0: 1.0,
                beta: 0.005,
            })
            .no_multapses();
        connect("proj", &spec, &ends, Seed(9), 4).map_err(|e| e.to_string())
    })
    .unwrap();
    let all: Vec<u32> = (0..9).collect();
    for t in 0..9 {
        let mut sources = c.sources_of(t).to_vec();
        sources.sort_unstable();
        assert_eq!(sources, all, "sources of target {t}");
    }
}

/// Only candidates of positive kernel weight count towards a degree: a linear kernel
/// 1 − 6·d (zero from d = 1/6 mm) on the 3 x 3 grid leaves a corner neuron itself, two
/// neighbours at 0.1 mm and one at 0.14 mm (4; the others at 0.2 mm and beyond weigh
/// 0), an edge neuron 6 and the centre 9 (counted by hand). `fixed_indegree` 4 without
/// multapses succeeds with exactly those; 5 is an error naming the first corner,
/// neuron 0, and its 4 candidates.
#[test]
fn only_candidates_of_positive_kernel_weight_count() {
    let layer = small_grid();
    let ends = Endpoints {
        n_sources: 9,
        n_targets: 9,
        same: SameNeurons::Identity,
        source_space: Some(&layer),
        target_space: Some(&layer),
    };
    let kernel = Kernel::Linear {
        p0: 1.0,
        slope: -6.0,
    };
    let spec = move |k| {
        ConnSpec::new(Rule::FixedIndegree(k))
            .with_kernel(kernel.clone())
            .no_multapses()
    };
    let c = connect("proj", &spec(4), &ends, Seed(4), 5).unwrap();
    let p = layer.positions();
    for t in 0..9 {
        assert_eq!(c.sources_of(t).len(), 4);
        for &s in c.sources_of(t) {
            let d = (p[s as usize] - p[t]).norm();
            assert!(d < 1.0 / 6.0, "{s} -> {t} at {d} mm has kernel weight 0");
        }
    }
    let e = within(
        "fixed_indegree 5 with 4 positive candidates",
        20,
        move || {
            let layer = small_grid();
            let ends = Endpoints {
                n_sources: 9,
                n_targets: 9,
                same: SameNeurons::Identity,
                source_space: Some(&layer),
                target_space: Some(&layer),
            };
            connect("proj", &spec(5), &ends, Seed(4), 5)
                .map(|_| ())
                .map_err(|e| e.to_string())
        },
    )
    .unwrap_err();
    assert!(
        e.contains("target neuron 0")
            && e.contains("4 candidate")
            && e.contains("kernel weight > 0"),
        "{e}"
    );
}
