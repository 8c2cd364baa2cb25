//! Weights, delays and probabilities as expressions of distance, through the loader:
//! the engine's values against the formulas computed here from the positions (an
//! independent oracle), and the PyNEST export run on NEST 3.10, whose `GetConnections`
//! must give the same synapses with the same weights and delays, bit for bit.
//!
//! NEST's python is `$NEST_PYTHON`, else the repository's `.venv`; without one the NEST
//! comparison fails unless `NETWORK_SKIP_NEST=1` opts out explicitly.

use network_core::Seed;
use network_load::export::{self, ExportOptions};
use network_load::{build, parse, Inputs, Loaded, Source};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn load() -> (network_load::Parsed, Loaded) {
    let source =
        Source::read(&repo().join("network-load/tests/data/space_expressions.net")).unwrap();
    let parsed = parse(&source).unwrap_or_else(|e| panic!("{e:?}"));
    let loaded = build(
        &parsed.description,
        Seed(parsed.description.seed),
        &Inputs::default(),
    )
    .unwrap();
    (parsed, loaded)
}

/// The delay (ms) in steps of 0.1 ms, rounded to the nearest as NEST rounds it.
fn steps(d: f64) -> i64 {
    (d * 10.0).round() as i64
}

#[test]
fn weights_and_delays_follow_the_formulas() {
    let (_, loaded) = load();
    let net = &loaded.network;
    let handle = |name: &str| {
        loaded
            .projections
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, h)| *h)
            .unwrap()
    };
    let sheet = net.populations()[0].space.clone().unwrap();
    let cloud = net.populations()[1].space.clone().unwrap();

    // `near`: periodic 5 x 5 grid of 1 mm; the displacement wraps.
    let near = net.connections(&handle("near"));
    assert!(near.len() > 25, "{} synapses", near.len());
    for c in &near {
        let (s, t) = (
            sheet.positions()[c.source as usize],
            sheet.positions()[c.target as usize],
        );
        let mut d = [t.x - s.x, t.y - s.y];
        for x in &mut d {
            // Nearest image on the 1 mm torus.
            if *x > 0.5 {
                *x -= 1.0;
            } else if *x < -0.5 {
                *x += 1.0;
            }
        }
        let r = (d[0] * d[0] + d[1] * d[1]).sqrt();
        let w = 2.0 * (-r / 0.15).exp() + 0.5 * (d[0] / 0.2).cos();
        assert!((c.weight - w).abs() < 1e-12, "{c:?}: {w}");
        assert_eq!(steps(c.delay), steps(0.5 + r / 0.3), "{c:?}");
    }

    // `lifted`: every pair of the 3D box, autapses included.
    let lifted = net.connections(&handle("lifted"));
    assert_eq!(lifted.len(), 30 * 30);
    for c in &lifted {
        let (s, t) = (
            cloud.positions()[c.source as usize],
            cloud.positions()[c.target as usize],
        );
        let d = t - s;
        let w = if d.z > 0.0 {
            10.0 * d.z
        } else {
            (-d.x / 1e-3).max(5.0)
        };
        assert!((c.weight - w).abs() < 1e-9 * w.abs().max(1.0), "{c:?}: {w}");
        assert_eq!(steps(c.delay), steps(1.0 + 2.0 * d.norm_squared()), "{c:?}");
    }

    // `sparse`: the normal weight is clipped into [10, 30] pA.
    let sparse = net.connections(&handle("sparse"));
    assert!(!sparse.is_empty());
    assert!(sparse.iter().all(|c| (10.0..=30.0).contains(&c.weight)));
    assert!(sparse.iter().any(|c| c.weight != sparse[0].weight));
}
