//! Delivery at arrival for a group of blocks (`engine::projection::arrivals`): before
//! the group's blocks advance over a slice, the previous slice's spikes are noted under
//! the steps their synapses onto the group arrive at, and the synapses arriving in each
//! of the slice's steps are added to that step's single-precision rows of their blocks.

use super::{BlockRuntime, SliceInput};
use crate::engine::block::Row32;
use crate::engine::projection::arrivals::ArrivalLists;
use crate::engine::projection::Projection;
use crate::models::NeuronModel;

/// Delivers at arrival into `blocks`, group `g` of the population, over the slice.
pub(super) fn deliver<M: NeuronModel>(
    g: usize,
    blocks: &mut [BlockRuntime],
    lists: &mut ArrivalLists,
    input: &SliceInput<'_>,
) {
    for (k, projection) in input.incoming.iter().enumerate() {
        if let Some(arrivals) = projection.arrivals() {
            arrivals.schedule(k, g, &input.spikes[projection.source], lists);
        }
    }
    for t in input.start..input.end {
        lists.deliver(g, t, input.incoming, &mut step_rows(blocks, t), M::channel);
    }
}

/// Adds every synapse noted in `lists` (group `g`'s, over `blocks`) for arrival at steps
/// `now..` to its step's rows: the synapses in flight when their projections (among
/// `incoming`) go back to delivery at sending.
pub(super) fn flush<M: NeuronModel>(
    g: usize,
    blocks: &mut [BlockRuntime],
    lists: &mut ArrivalLists,
    now: i64,
    incoming: &[Projection],
) {
    for t in now..now + lists.steps() as i64 {
        lists.deliver(g, t, incoming, &mut step_rows(blocks, t), M::channel);
    }
}

/// Each block's rows of single precision of step `t`; a block without them has no
/// synapse delivered at arrival (the network gave every block with one such rows).
fn step_rows(blocks: &mut [BlockRuntime], t: i64) -> Vec<&mut [Row32]> {
    blocks
        .iter_mut()
        .map(|rt| {
            // (A block another process owns has no rows, and no ring to find a slot in.)
            if rt.ring.single_rows().is_none() {
                return &mut [][..];
            }
            let slot = rt.ring.slot(t);
            match rt.ring.single_rows() {
                Some((rows, channels, _)) => &mut rows[slot * channels..(slot + 1) * channels],
                None => &mut [],
            }
        })
        .collect()
}
