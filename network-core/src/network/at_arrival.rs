//! Delivery at arrival set up for a built network (`engine::projection::arrivals`; the
//! default, `NETWORK_DELIVERY=sending` keeps every projection on the rings).

use crate::engine::heap::give_back_freed_memory;
use crate::engine::population::PopulationDyn;
use crate::engine::projection::arrivals::GROUP_BLOCKS;
use crate::engine::projection::Projection;
use rayon::prelude::*;

/// Moves every projection that can be delivered at arrival into its arrival groups
/// (each gives up its blocks as soon as its groups are made, and the pages they held go
/// back to the kernel, so that memory holds at most a few projections twice); each block those synapses reach gets rows of single
/// precision, and each target population lists for the longest delay's steps and a
/// slice's more.
pub(super) fn deliver_at_arrival(
    populations: &mut [Box<dyn PopulationDyn>],
    incoming: &mut [Vec<Projection>],
    slice_len: i64,
) {
    let sources: Vec<usize> = populations.iter().map(|p| p.len()).collect();
    incoming.par_iter_mut().flatten().for_each(|projection| {
        if projection.deliver_at_arrival(sources[projection.source]) {
            give_back_freed_memory();
        }
    });
    for (p, projections) in incoming.iter().enumerate() {
        let mut longest = 0usize;
        for projection in projections {
            let Some(a) = projection.arrivals() else {
                continue;
            };
            longest = longest.max(usize::from(a.base) + usize::from(a.span));
            let blocks = populations[p].blocks();
            for (g, group) in a.groups.iter().enumerate() {
                for place in group.places() {
                    blocks[g * GROUP_BLOCKS + place].ring.keep_single_input();
                }
            }
        }
        if longest > 0 {
            populations[p].keep_arrival_lists(longest + usize::try_from(slice_len).unwrap_or(0));
        }
    }
}
