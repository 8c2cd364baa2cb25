//! Delivery at arrival for a group of blocks (`engine::projection::arrivals`): before
//! the group's blocks advance over a slice, the previous slice's spikes are noted under
//! the steps their synapses onto the group arrive at, and the synapses arriving in each
//! of the slice's steps are added to that step's single-precision rows of their blocks.
//! While the walk waits for the synapses it asked for, the group's blocks draw their
//! dense Poisson counts of the slice's first step, as a block's delivery through the
//! rings does (`BlockStimulus::draw_ahead`).

use super::{BlockRuntime, SliceInput};
use crate::engine::block::Row32;
use crate::engine::projection::arrivals::ArrivalLists;
use crate::engine::projection::Projection;
use crate::engine::stimulus::BlockStimulus;
use crate::engine::wide;
use crate::models::NeuronModel;

/// Delivers at arrival into `blocks`, group `g` of the population, over the slice, with
/// the widest instructions this processor has (`engine::wide`: the Poisson draws made
/// on the way are vector work).
pub(super) fn deliver<M: NeuronModel>(
    g: usize,
    blocks: &mut [BlockRuntime],
    lists: &mut ArrivalLists,
    input: &SliceInput<'_>,
) {
    #[cfg(target_arch = "x86_64")]
    if wide::has_v3() {
        // SAFETY: the processor has every feature `deliver_v3` enables.
        #[allow(unsafe_code)]
        unsafe {
            deliver_v3::<M>(g, blocks, lists, input)
        };
        return;
    }
    deliver_drawing_ahead::<M>(g, blocks, lists, input);
}

wide::x86_64_v3! {
    /// [`deliver_drawing_ahead`] compiled for x86-64-v3; callable only where the
    /// processor has its features.
    #[cfg(target_arch = "x86_64")]
    #[allow(unsafe_code)]
    unsafe fn deliver_v3<M: NeuronModel>(
        g: usize,
        blocks: &mut [BlockRuntime],
        lists: &mut ArrivalLists,
        input: &SliceInput<'_>,
    ) {
        deliver_drawing_ahead::<M>(g, blocks, lists, input);
    }
}

/// The walk over the slice's steps, the blocks' first-step Poisson counts drawn a chunk
/// at a time on the way (the blocks' own work goes on from where the draws stand).
#[inline(always)]
fn deliver_drawing_ahead<M: NeuronModel>(
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
    let mut stimuli: Vec<Vec<BlockStimulus>> = blocks
        .iter_mut()
        .map(|rt| std::mem::take(&mut rt.stimuli))
        .collect();
    let mut drawing = false;
    if input.start < input.end {
        for stimulus in stimuli.iter_mut().flatten() {
            drawing |= stimulus.begin_drawing_ahead(input.start);
        }
    }
    // The first block whose counts may not all be drawn yet.
    let mut next = 0;
    let mut draw_ahead = || {
        while drawing {
            let Some(block) = stimuli.get_mut(next) else {
                drawing = false;
                return;
            };
            if block.iter_mut().any(BlockStimulus::draw_ahead) {
                return;
            }
            next += 1;
        }
    };
    for t in input.start..input.end {
        let mut rows = step_rows(blocks, t);
        lists.deliver(g, t, input.incoming, &mut rows, M::channel, &mut draw_ahead);
    }
    for (rt, stimuli) in blocks.iter_mut().zip(stimuli) {
        rt.stimuli = stimuli;
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
        lists.deliver(
            g,
            t,
            incoming,
            &mut step_rows(blocks, t),
            M::channel,
            &mut || {},
        );
    }
}

/// Each block's rows of single precision of step `t`; a block without them has no
/// synapse delivered at arrival (the network gave every block with one such rows).
fn step_rows(blocks: &mut [BlockRuntime], t: i64) -> Vec<&mut [Row32]> {
    blocks
        .iter_mut()
        .map(|rt| rt.ring.single_rows_of(t))
        .collect()
}
