//! Tests written against the mutants of `connect/` that survived the rest of the suite
//! (issue 17, `scripts/mutants.sh connect`). Each states the contract the mutant broke,
//! with its oracle: the documented error, or a count made by hand.

use network_core::connect::{connect, ConnSpec, Endpoints, Rule};
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
                same_population: false,
                source_space: Some(&layer),
                target_space: Some(&layer),
            };
            let spec = ConnSpec::new(rule.clone()).with_kernel(kernel.clone());
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
