//! Delivery at arrival set up for a built network (`NETWORK_DELIVERY=arrivals`, an
//! experiment: `engine::projection::arrivals`).

use crate::engine::population::PopulationDyn;
use crate::engine::projection::arrivals::Arrivals;
use crate::engine::projection::Projection;
use rayon::prelude::*;

/// Per target population and incoming projection, the projection's arrival groups where
/// it can be delivered at arrival; each block those synapses reach gets rows of single
/// precision, and each target population lists for the longest delay's steps and a
/// slice's more.
pub(super) fn deliver_at_arrival(
    populations: &mut [Box<dyn PopulationDyn>],
    incoming: &[Vec<Projection>],
    slice_len: i64,
) -> Vec<Vec<Option<Arrivals>>> {
    // The copies, all projections at once (a projection's groups are made in parallel
    // too, but the cortical microcircuit's populations are one group each).
    let sources: Vec<usize> = populations.iter().map(|p| p.len()).collect();
    let all: Vec<Vec<Option<Arrivals>>> = incoming
        .par_iter()
        .map(|projections| {
            projections
                .par_iter()
                .map(|projection| Arrivals::of(projection, sources[projection.source]))
                .collect()
        })
        .collect();
    for (p, (projections, arrivals)) in incoming.iter().zip(&all).enumerate() {
        let mut longest = 0usize;
        for (projection, arrivals) in projections.iter().zip(arrivals) {
            let Some(a) = arrivals else {
                continue;
            };
            longest = longest.max(usize::from(a.base) + usize::from(a.span));
            let blocks = populations[p].blocks();
            for (block, rt) in projection.blocks.iter().zip(blocks.iter_mut()) {
                if !block.targets.is_empty() {
                    rt.ring.keep_single_input();
                }
            }
        }
        if longest > 0 {
            populations[p].keep_arrival_lists(longest + usize::try_from(slice_len).unwrap_or(0));
        }
    }
    all
}
