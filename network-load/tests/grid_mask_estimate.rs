//! The memory estimate of a `.net` network (`network check --memory-limit`, the
//! `network!` macro's `MEMORY_ESTIMATE`) counts a projection with NEST's `grid` mask as
//! the mask's cells over the cells of the grid layer it is applied to (it counted 0).
//! Oracles: a hand computation, and the built network's synapse count.

use network_core::Seed;
use network_load::{build, parse, resolve_sizes, Inputs, Source};
use network_syntax::estimate::{counts, Part};
use network_syntax::lowering;

/// `(estimated, built)` synapses of each projection of `text`.
fn estimated_and_built(text: &str) -> Vec<(u64, usize)> {
    let parsed = parse(&Source::new("grid.net", text)).unwrap_or_else(|e| panic!("{e:?}"));
    let d = &parsed.description;
    let sizes = resolve_sizes(d, &Inputs::default().sizes).unwrap();
    let plan = lowering::lower(d);
    let estimated: Vec<u64> = counts(d, &plan, &sizes, &|_| None)
        .parts
        .iter()
        .filter_map(|p| match p {
            Part::Projection { synapses, .. } => Some(*synapses),
            _ => None,
        })
        .collect();
    let loaded = build(d, Seed(5), &Inputs::default()).unwrap();
    let built = loaded.network.projections().iter().map(|p| p.synapses);
    estimated.into_iter().zip(built).collect()
}

#[test]
fn a_grid_mask_counts_its_cells_of_the_layer() {
    let text = "
        neuron Cell = iaf_psc_alpha;
        population ring = Cell[100] on grid([10, 10], extent: [1, 1] mm, periodic);
        population sheet = Cell[100] on grid([10, 10], extent: [1, 1] mm);
        population wide = Cell[200] on grid([20, 10], extent: [2, 1] mm);
        connect ring -> ring: pairwise_bernoulli(1) in grid(shape: [3, 3], anchor: [1, 1]);
        connect sheet -> sheet: pairwise_bernoulli(1) in grid(shape: [3, 3], anchor: [1, 1]);
        connect sheet -> wide: pairwise_bernoulli(0.5) in grid(shape: [4, 2]);
        connect wide -> sheet: pairwise_bernoulli(1) in grid(shape: [2, 2]), use_on_source;
    ";
    let found = estimated_and_built(text);
    // 100 x 100 pairs, 9 of 100 cells: mean 900, + 6 * 30 + 16. Built: 9 per node,
    // and (3 * 10 - 2)^2 = 784 without wrapping.
    assert_eq!(found[0], (1096, 900));
    assert_eq!(found[1], (1096, 784));
    // Onto the 20 x 10 target layer (the mask is applied there): 8 of 200 cells of
    // 100 x 200 pairs at p = 0.5: mean 400, + 6 * 20 + 16 = 536.
    assert_eq!(found[2].0, 536);
    assert!(found[2].1 <= 536, "{:?}", found[2]);
    // use_on_source: applied to the 20 x 10 source layer, 4 of 200 cells of 200 x 100
    // pairs: mean 400, 536 again.
    assert_eq!(found[3].0, 536);
    assert!(found[3].1 <= 536, "{:?}", found[3]);
}
