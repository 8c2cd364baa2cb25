//! Tests written against the mutants of `spatial/` that survived the rest of the suite
//! (issue 17, `scripts/mutants.sh spatial`). Each states the contract the mutant broke,
//! with its oracle worked out by hand.

use network_core::spatial::{Layout, Place};
use network_core::Seed;

/// Listed positions with an extent: the layer spans `center ± extent / 2` around the
/// midpoint of the positions' bounding box (NEST's `spatial.free(pos, extent)`), and
/// the first point outside it is named. Points at x = 1.0 and 0.0 under an extent of
/// 0.5 mm: the center is x = 0.5, the layer [0.25, 0.75], so positions[0] (x = 1.0) lies
/// beyond the upper edge. A mutant widening the upper edge to `center + 2·extent`
/// named positions[1] instead.
#[test]
fn a_listed_position_beyond_the_upper_edge_is_named() {
    for dims in [2, 3] {
        let (a, b) = (vec![1.0; dims], vec![0.0; dims]);
        let layout = Layout::FreeList {
            positions: vec![a, b],
            extent: Some(vec![0.5; dims]),
            edge_wrap: false,
        };
        let e = layout
            .place("layer", 2, Seed(1), 0)
            .expect_err("points 1 mm apart in a 0.5 mm layer")
            .to_string();
        assert!(
            e.contains("positions[0]") && e.contains("outside"),
            "{dims}D: {e}"
        );
    }
    // Inside both edges exactly (extent = bounding box): accepted.
    let layout = Layout::FreeList {
        positions: vec![vec![1.0, 0.0], vec![0.0, 1.0]],
        extent: Some(vec![1.0, 1.0]),
        edge_wrap: false,
    };
    assert!(layout.place("layer", 2, Seed(1), 0).is_ok());
}

/// A periodic layer is periodic in its own dimensions only: a 2D torus wraps x and y,
/// not z (by definition; a mutant made dimension 2 of a 2D layer periodic).
#[test]
fn a_periodic_layer_wraps_only_its_own_dimensions() {
    let layer = Layout::Grid {
        shape: vec![4, 4],
        extent: Some(vec![1.0, 1.0]),
        center: None,
        edge_wrap: true,
    }
    .place("layer", 16, Seed(1), 0)
    .unwrap();
    assert!(layer.periodic(0) && layer.periodic(1));
    assert!(!layer.periodic(2), "a 2D layer has no periodic z");
}

/// Round masks select exactly the pairs within their radii, on free layers whose
/// neurons lie anywhere in their index cells (2D and 3D, circles and spheres, doughnuts,
/// an anchor off the centre): `pairwise_bernoulli` with p = 1 connects each pair whose
/// displacement from source to target, measured directly here, lies in the mask. Written
/// against a survivor in the cell pruning of `Stencil::query_round`.
#[test]
fn round_masks_select_exactly_the_pairs_within_their_radii() {
    use network_core::connect::{connect, ConnSpec, Endpoints, Rule, SameNeurons};
    use network_core::spatial::Mask;
    for dims in [2usize, 3] {
        let n = if dims == 2 { 600 } else { 900 };
        let layer = Layout::FreeUniform {
            lower_left: vec![0.0; dims],
            upper_right: vec![1.0; dims],
            edge_wrap: false,
        }
        .place("layer", n, Seed(11), 3)
        .unwrap();
        let p = layer.positions();
        let anchor = [0.03, -0.02, 0.01];
        for (radius, inner) in [(0.08, None), (0.17, None), (0.31, None), (0.2, Some(0.07))] {
            for anchored in [false, true] {
                let (mut mask, shape) = match (inner, dims) {
                    (Some(i), _) => (Mask::doughnut(i, radius), "doughnut"),
                    (None, 2) => (Mask::circle(radius), "circle"),
                    _ => (Mask::sphere(radius), "sphere"),
                };
                if dims == 3 && inner.is_some() {
                    continue; // doughnuts are 2D
                }
                let a = match (anchored, dims) {
                    (false, _) => [0.0; 3],
                    (true, 2) => [anchor[0], anchor[1], 0.0],
                    (true, _) => anchor,
                };
                if anchored {
                    mask = mask.with_anchor(a);
                }
                let ends = Endpoints {
                    n_sources: n,
                    n_targets: n,
                    same: SameNeurons::Identity,
                    source_space: Some(&layer),
                    target_space: Some(&layer),
                };
                let spec = ConnSpec::new(Rule::PairwiseBernoulli(1.0)).with_mask(mask);
                let c = connect("proj", &spec, &ends, Seed(2), 1).unwrap();
                let mut got: Vec<(u32, u32)> = c.edges().collect();
                got.sort_unstable();
                let mut want = Vec::new();
                for t in 0..n {
                    for s in 0..n {
                        // The mask is centred on the source (plus its anchor) and tests
                        // the target's position.
                        let d2: f64 = (0..dims).map(|i| (p[t][i] - p[s][i] - a[i]).powi(2)).sum();
                        let outside_inner = inner.is_none_or(|i: f64| d2 >= i * i);
                        if d2 <= radius * radius && outside_inner {
                            want.push((s as u32, t as u32));
                        }
                    }
                }
                want.sort_unstable();
                assert_eq!(
                    got.len(),
                    want.len(),
                    "{dims}D {shape} of radius {radius} mm, anchor {a:?}: pair count"
                );
                assert!(
                    got == want,
                    "{dims}D {shape} of radius {radius} mm, anchor {a:?}: pairs differ"
                );
            }
        }
    }
}

/// A circle takes the points exactly on its edge (NEST's `|d| <= radius`), at every
/// radius: on a periodic grid of 1 mm spacing every displacement is a whole number of
/// millimetres, so each source connects (pairwise_bernoulli, p = 1) to the lattice points
/// `dx² + dy² <= r²`, counted here by hand (29 within 3 mm, 4 of them on the edge).
/// Written against a survivor in the stencil's squared-radius bounds
/// (`r·r·(1 + 1e-10)` to `r + r·(1 + 1e-10)`), which dropped the edge's points for
/// radii above 2 mm, where `2r < r²`.
#[test]
fn circles_take_the_points_on_their_edge_at_every_radius() {
    use network_core::connect::{connect, ConnSpec, Endpoints, Rule, SameNeurons};
    use network_core::spatial::Mask;
    let side = 21;
    let n = side * side;
    let layer = Layout::Grid {
        shape: vec![side, side],
        extent: Some(vec![side as f64, side as f64]),
        center: None,
        edge_wrap: true,
    }
    .place("layer", n, Seed(1), 0)
    .unwrap();
    for radius in [1.5f64, 3.0, 5.0] {
        let reach = radius as i64;
        let per_source = (-reach..=reach)
            .flat_map(|dx| (-reach..=reach).map(move |dy| dx * dx + dy * dy))
            .filter(|&d2| d2 as f64 <= radius * radius)
            .count();
        let ends = Endpoints {
            n_sources: n,
            n_targets: n,
            same: SameNeurons::Identity,
            source_space: Some(&layer),
            target_space: Some(&layer),
        };
        let spec = ConnSpec::new(Rule::PairwiseBernoulli(1.0)).with_mask(Mask::circle(radius));
        let c = connect("proj", &spec, &ends, Seed(2), 1).unwrap();
        assert_eq!(
            c.edges().count(),
            n * per_source,
            "circle of radius {radius} mm on a 1 mm grid: {per_source} targets per source"
        );
    }
}
