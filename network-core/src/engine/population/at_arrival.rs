//! Delivery at arrival for a group of blocks (`engine::projection::arrivals`): before
//! the group's blocks advance over a slice, the previous slice's spikes are noted under
//! the steps their synapses onto the group arrive at, and the synapses arriving in each
//! of the slice's steps are summed per block and step. Where the slice's sums fit
//! [`HELD_SUMS_BYTES`] (a slice of one step, as in every network whose shortest delay is
//! the resolution, up to 64 blocks) they stay in the caches until each block reads its
//! step ([`Arrived`]); else each step's sums are added to the step's single-precision
//! rows of the blocks' rings, which the blocks read later from memory. While the walk
//! waits for the synapses it asked for, the group's blocks draw their dense Poisson
//! counts of the slice's first step, as a block's delivery through the rings does
//! (`BlockStimulus::draw_ahead`).

use super::{BlockRuntime, SliceInput};
use crate::engine::block::Row32;
use crate::engine::projection::arrivals::ArrivalLists;
use crate::engine::projection::Projection;
use crate::engine::stimulus::BlockStimulus;
use crate::engine::wide;
use crate::models::NeuronModel;

/// The most bytes of sums a group holds for its blocks over a slice (within a core's
/// second-level cache, beside the blocks' state): more, and each step's sums go to the
/// rings.
const HELD_SUMS_BYTES: usize = 1 << 20;

/// A block's sums from delivery at arrival over a slice, held by its group's lists
/// until the block reads each step.
pub(super) struct Arrived<'a> {
    lists: &'a mut ArrivalLists,
    /// The block's place in its group.
    place: usize,
    /// The slice's first step.
    start: i64,
}

impl<'a> Arrived<'a> {
    /// The sums of the block at `place` in its group, held in `lists` for a slice
    /// beginning at step `start`.
    pub fn new(lists: &'a mut ArrivalLists, place: usize, start: i64) -> Self {
        Self {
            lists,
            place,
            start,
        }
    }

    /// The block's sums of step `s` of the slice, `[spike channel]`: the reader leaves
    /// them +0.0.
    #[inline(always)]
    pub fn of(&mut self, s: i64) -> &mut [Row32] {
        let step = usize::try_from(s - self.start).expect("a step of the slice");
        self.lists.sums_of(step, self.place)
    }
}

/// Delivers at arrival into `blocks`, group `g` of the population, over the slice, with
/// the widest instructions this processor has (`engine::wide`: the Poisson draws made
/// on the way are vector work). Returns whether the sums are held for the blocks to read
/// ([`Arrived`]) instead of added to their rings.
pub(super) fn deliver<M: NeuronModel>(
    g: usize,
    blocks: &mut [BlockRuntime],
    lists: &mut ArrivalLists,
    input: &SliceInput<'_>,
) -> bool {
    #[cfg(target_arch = "x86_64")]
    if wide::has_v3() {
        // SAFETY: the processor has every feature `deliver_v3` enables.
        #[allow(unsafe_code)]
        return unsafe { deliver_v3::<M>(g, blocks, lists, input) };
    }
    deliver_drawing_ahead::<M>(g, blocks, lists, input)
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
    ) -> bool {
        deliver_drawing_ahead::<M>(g, blocks, lists, input)
    }
}

/// The walk over the slice's steps, the blocks' first-step Poisson counts drawn a chunk
/// at a time on the way (the blocks' own work goes on from where the draws stand);
/// returns whether the sums are held for the blocks.
#[inline(always)]
fn deliver_drawing_ahead<M: NeuronModel>(
    g: usize,
    blocks: &mut [BlockRuntime],
    lists: &mut ArrivalLists,
    input: &SliceInput<'_>,
) -> bool {
    for projection in input.incoming {
        if let Some(arrivals) = projection.arrivals() {
            arrivals.prefetch_offsets(g, &input.spikes[projection.source]);
        }
    }
    for (k, projection) in input.incoming.iter().enumerate() {
        if let Some(arrivals) = projection.arrivals() {
            arrivals.schedule(k, g, &input.spikes[projection.source], lists);
        }
    }
    let steps = usize::try_from(input.end - input.start).unwrap_or(0);
    let channels = spike_channels(blocks);
    let held = ArrivalLists::held_bytes(steps, blocks.len(), channels) <= HELD_SUMS_BYTES;
    let mut stimuli: Vec<Vec<BlockStimulus>> = blocks
        .iter_mut()
        .map(|rt| std::mem::take(&mut rt.stimuli))
        .collect();
    let mut drawing = false;
    if input.start < input.end {
        for (rt, block) in blocks.iter().zip(stimuli.iter_mut()) {
            let at_arrival = draws_at_arrival(rt, held);
            for stimulus in block {
                drawing |= stimulus.begin_drawing_ahead(input.start, at_arrival);
            }
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
    if held {
        lists.hold_sums(steps, blocks.len(), channels);
        for (place, t) in (input.start..input.end).enumerate() {
            lists.sum(g, t, place, input.incoming, M::channel, &mut draw_ahead);
        }
    } else {
        lists.hold_sums(1, blocks.len(), channels);
        for t in input.start..input.end {
            lists.sum(g, t, 0, input.incoming, M::channel, &mut draw_ahead);
            add_to_rings(blocks, lists, t);
        }
    }
    for (rt, stimuli) in blocks.iter_mut().zip(stimuli) {
        rt.stimuli = stimuli;
    }
    held
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
    lists.hold_sums(1, blocks.len(), spike_channels(blocks));
    for t in now..now + lists.steps() as i64 {
        lists.sum(g, t, 0, incoming, M::channel, &mut || {});
        add_to_rings(blocks, lists, t);
    }
}

/// Whether block `rt` draws its dense Poisson drives when their counts arrive
/// (`stimulus::dense`), its group's sums `held` or not: where it reads a step's
/// single-precision sums from the caches, which the counts join.
pub(super) fn draws_at_arrival(rt: &BlockRuntime, held: bool) -> bool {
    held && rt.ring.keeps_single_input()
}

/// The most spike channels of the blocks' rings.
fn spike_channels(blocks: &[BlockRuntime]) -> usize {
    blocks
        .iter()
        .map(|rt| rt.ring.spike_channels())
        .max()
        .unwrap_or(0)
}

/// Adds each block's sums held for one step (the first held) to step `t`'s input in its
/// ring.
fn add_to_rings(blocks: &mut [BlockRuntime], lists: &mut ArrivalLists, t: i64) {
    for (place, rt) in blocks.iter_mut().enumerate() {
        rt.ring.add_arrived(t, lists.sums_of(0, place));
    }
}
