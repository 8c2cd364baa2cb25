//! The builder's synapse estimate of a projection with NEST's `grid` mask: the mask's
//! cells over the cells of the grid layer it is applied to (it counted 0 cells, so a
//! 10 x 10 layer's 900 synapses were reserved as 16). Oracles: the hand count of the
//! built synapses, and the estimate worked out by hand from the rule.

use network_core::connect::{ConnSpec, Rule};
use network_core::spatial::{Layout, Mask};
use network_core::*;

fn grid(periodic: bool) -> Layout {
    Layout::Grid {
        shape: vec![10, 10],
        extent: Some(vec![1.0, 1.0]),
        center: None,
        edge_wrap: periodic,
    }
}

/// Builds `a -> a` with a 3 x 3 grid mask around each node at p = 1, under a memory
/// limit just above the populations' (`limited`); the projection's synapse count, or
/// the builder's error.
fn build(periodic: bool, limited: bool) -> std::result::Result<usize, String> {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(4));
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    let a = b
        .spatial_population("a", &m, Dyn(100), &grid(periodic))
        .unwrap();
    if limited {
        let held = b.memory_estimate();
        b = b.memory_limit(held + 1);
    }
    let mask = Mask::grid([3, 3]).with_anchor([1.0, 1.0, 0.0]);
    let spec = ConnSpec::new(Rule::PairwiseBernoulli(1.0)).with_mask(mask);
    let ab = b
        .connect("a->a", &a, &a, &spec, StaticSynapse::default())
        .map_err(|e| e.to_string())?;
    let net = b.build().map_err(|e| e.to_string())?;
    Ok(net.projection(&ab).synapses)
}

#[test]
fn a_grid_mask_is_estimated_as_its_share_of_the_layer() {
    // Built: every node and its 8 neighbours, 9 x 100 on a periodic layer; without
    // wrapping the edges lose theirs, (3 * 10 - 2)^2 = 784.
    assert_eq!(build(true, false), Ok(900));
    assert_eq!(build(false, false), Ok(784));
    // Estimated: 100 x 100 pairs, 9 of 100 cells: mean 900, plus 6 standard
    // deviations (sqrt(900) = 30) and 16: 1,096, above both counts.
    for periodic in [true, false] {
        let e = build(periodic, true).unwrap_err();
        assert!(e.contains("about 1096 synapses"), "{e}");
    }
}
