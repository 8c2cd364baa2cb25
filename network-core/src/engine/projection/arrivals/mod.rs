//! Delivery at arrival (the default where a projection allows it; `NETWORK_DELIVERY=sending`
//! keeps the rings; bench/PERF.md, twenty-fourth and twenty-fifth rounds): instead of
//! adding a spike's synapses into future slots of each block's ring when it is sent, a
//! group of [`GROUP_BLOCKS`] blocks keeps the projection's synapses onto it per source,
//! sorted by delay ([`Arrivals`]). When a
//! spike reaches the group, its runs of one delay are noted under the step they arrive
//! at ([`ArrivalLists`]); at that step the group adds the runs noted for it into the
//! step's sums, which stay in the core's caches, and each block reads its sums with the
//! step's input (or, where a slice's sums would not fit the caches, they are added to
//! the step's single-precision rows of the rings: `population::at_arrival`). The
//! synapses are read, not written, each run is contiguous, and the random additions go
//! to one step's sums instead of a ring's 64 slots.
//!
//! For static projections with packed delays and one single-precision weight per
//! synapse (drawn weights), which give up their blocks for the groups
//! (`projection::storage`, which rebuilds the blocks for the queries and the protocol).
//! Each neuron's single-precision sum is taken in a fixed order (spikes in the order
//! they reached the group, then block and row order), the same for any thread count,
//! and added to what the ring's single-precision rows hold for the step; not the
//! ring's order: last bits of the sums may differ from the ring path's.

use super::prefetch::prefetch_lines;
use super::{pack, BlockSynapses, Delays, Projection, Weights, TARGET_BITS, TARGET_MASK};
use crate::engine::block::{Row32, BLOCK_LEN};
use crate::engine::huge_pages::advise;
use rayon::prelude::*;

/// Blocks per arrival group: a group's target indices fit in 16 bits, the blocks it
/// reaches in the bits of a `u64`.
pub(crate) const GROUP_BLOCKS: usize = u64::BITS as usize;

/// Segments asked for ahead of the one being added.
const SEGMENTS_AHEAD: usize = 40;

/// Segments added between two calls of the walk's other work (`draw_ahead`).
const SEGMENTS_PER_DRAW: usize = 16;

/// Whether projections are delivered at arrival where they can be: unless the
/// environment asks for delivery at sending alone (`NETWORK_DELIVERY=sending`, to
/// compare the two).
pub(crate) fn asked_for() -> bool {
    std::env::var("NETWORK_DELIVERY").as_deref() != Ok("sending")
}

/// A projection's synapses onto each group of [`GROUP_BLOCKS`] blocks, by source and
/// delay.
#[derive(Debug, Clone)]
pub(crate) struct Arrivals {
    /// The shortest delay (steps); synapse delays are `base..base + span`.
    pub base: u16,
    pub span: u16,
    /// The number of source neurons.
    sources: usize,
    /// Group `g` covers blocks `g · GROUP_BLOCKS ..`.
    pub groups: Vec<ArrivalGroup>,
}

/// The synapses of one projection onto one group of blocks.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArrivalGroup {
    /// `offsets[s · span + o]..offsets[s · span + o + 1]` are source `s`'s synapses of
    /// delay `base + o`, in block order and, within a block, in row order.
    offsets: Vec<u32>,
    /// The target: its block's place in the group times [`BLOCK_LEN`], plus its index
    /// within the block.
    targets: Vec<u16>,
    weights: Vec<f32>,
    /// Bit `place` is set where the group's block `place` receives synapses.
    reached: u64,
}

impl Arrivals {
    /// The arrival groups of `projection` (from `sources` source neurons), where it is
    /// static, not recorded, feeds the channel its weights' signs pick, and keeps packed
    /// delays and a single-precision weight per synapse; `None` otherwise.
    pub fn of(projection: &Projection, sources: usize) -> Option<Self> {
        let Delays::Packed(base) = projection.delays else {
            return None;
        };
        // Every block's synapses into rows of single precision, as the ring path adds
        // them (which also asks for packed delays and no shared weight).
        let single = projection
            .storage
            .blocks
            .iter()
            .enumerate()
            .all(|(b, block)| block.targets.is_empty() || projection.adds_single(b));
        if projection.plastic.is_some()
            || projection.weights_recorded
            || projection.port_channel().is_some()
            || !single
            || projection
                .storage
                .blocks
                .iter()
                .any(|b| !b.targets.is_empty() && b.row_start.len() != sources + 1)
        {
            return None;
        }
        let span = projection
            .storage
            .blocks
            .iter()
            .flat_map(|b| b.targets.iter())
            .map(|&word| (word >> TARGET_BITS) + 1)
            .max()
            .unwrap_or(1);
        let groups = (0..projection.storage.blocks.len().div_ceil(GROUP_BLOCKS))
            .into_par_iter()
            .map(|g| ArrivalGroup::new(projection, g, sources, usize::from(span)))
            .collect();
        Some(Self {
            base,
            span,
            sources,
            groups,
        })
    }

    /// Asks the processor for the offsets of the spikes `(step, source)` in group `g`:
    /// a first pass over every incoming projection before any is scheduled (one
    /// projection sees too few of a slice's spikes for its own loads to wait less).
    pub fn prefetch_offsets(&self, g: usize, spikes: &[(i64, u32)]) {
        let group = &self.groups[g];
        if group.targets.is_empty() {
            return;
        }
        for &(_, s) in spikes {
            prefetch_lines(group.offsets_of(s, self.span));
        }
    }

    /// The synapses of group `g` of the spikes `(step, source)` sent through this
    /// projection (incoming projection `k` of the target), noted in `lists` under the
    /// steps they arrive at (their offsets asked for first: [`Arrivals::prefetch_offsets`]).
    pub fn schedule(&self, k: usize, g: usize, spikes: &[(i64, u32)], lists: &mut ArrivalLists) {
        let group = &self.groups[g];
        if group.targets.is_empty() {
            return;
        }
        let len = lists.steps.len();
        for &(step, s) in spikes {
            let offsets = group.offsets_of(s, self.span);
            // The list of the step the shortest delay reaches, then one list on per
            // delay (the lists are longer than any delay).
            let mut at = lists.index(step + i64::from(self.base));
            for bounds in offsets.windows(2) {
                if bounds[0] < bounds[1] {
                    lists.steps[at].push(Segment {
                        projection: k as u32,
                        begin: bounds[0],
                        end: bounds[1],
                    });
                }
                at = if at + 1 == len { 0 } else { at + 1 };
            }
        }
    }
}

impl Arrivals {
    /// The synapses per target block (`blocks` of them), each row as it was placed:
    /// sorted by target and, onto one target, by delay ([`Projection::blocks`]).
    pub fn to_blocks(&self, blocks: usize) -> Vec<BlockSynapses> {
        let mut out = vec![BlockSynapses::default(); blocks];
        out.par_chunks_mut(GROUP_BLOCKS)
            .zip(&self.groups)
            .for_each(|(blocks, group)| {
                group.to_blocks(self.sources, usize::from(self.span), blocks)
            });
        out
    }

    /// Memory held by the groups, in bytes.
    pub fn bytes(&self) -> usize {
        self.groups
            .iter()
            .map(|g| g.offsets.len() * 4 + g.targets.len() * 2 + g.weights.len() * 4)
            .sum()
    }
}

impl ArrivalGroup {
    /// Source `s`'s offsets, `span + 1` of them: the bounds of its runs of each delay.
    #[inline(always)]
    fn offsets_of(&self, s: u32, span: u16) -> &[u32] {
        let span = usize::from(span);
        &self.offsets[s as usize * span..][..=span]
    }

    /// The places within the group of the blocks its synapses reach.
    pub fn places(&self) -> impl Iterator<Item = usize> + '_ {
        (0..GROUP_BLOCKS).filter(|&place| self.reached >> place & 1 == 1)
    }

    /// Group `g` of `projection`'s blocks, whose rows have `sources` sources and delays
    /// below `base + span`.
    fn new(projection: &Projection, g: usize, sources: usize, span: usize) -> Self {
        let first = g * GROUP_BLOCKS;
        let blocks = &projection.storage.blocks
            [first..(first + GROUP_BLOCKS).min(projection.storage.blocks.len())];
        let total: usize = blocks.iter().map(|b| b.targets.len()).sum();
        if total == 0 {
            return Self::default();
        }
        // The group's blocks that have synapses: their first target's index in the
        // group, row bounds, words and weights.
        let filled: Vec<_> = blocks
            .iter()
            .enumerate()
            .filter_map(|(place, b)| match &b.weights {
                Weights::Single(w) if !b.targets.is_empty() => Some((
                    (place * BLOCK_LEN) as u16,
                    &b.row_start[..],
                    &b.targets[..],
                    &w[..],
                )),
                _ => None,
            })
            .collect();
        let mut offsets = vec![0u32; sources * span + 1];
        for (s, counts) in offsets[1..].chunks_mut(span).enumerate() {
            for &(_, starts, words, _) in &filled {
                for &word in &words[starts[s] as usize..starts[s + 1] as usize] {
                    counts[usize::from(word >> TARGET_BITS)] += 1;
                }
            }
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut next = offsets.clone();
        // Segments are read at random places: in huge pages, where the kernel gives
        // them, a segment costs no walk of the page tables.
        let mut targets = vec![0u16; total];
        let mut weights = vec![0f32; total];
        advise(&mut targets);
        advise(&mut weights);
        for (s, next) in next[..sources * span].chunks_mut(span).enumerate() {
            for &(first, starts, words, row_weights) in &filled {
                let row = starts[s] as usize..starts[s + 1] as usize;
                for (&word, &w) in words[row.clone()].iter().zip(&row_weights[row]) {
                    let at = &mut next[usize::from(word >> TARGET_BITS)];
                    targets[*at as usize] = first | (word & TARGET_MASK);
                    weights[*at as usize] = w;
                    *at += 1;
                }
            }
        }
        let reached = filled.iter().fold(0, |bits, &(first, ..)| {
            bits | 1 << (usize::from(first) / BLOCK_LEN)
        });
        Self {
            offsets,
            targets,
            weights,
            reached,
        }
    }
}

impl ArrivalGroup {
    /// Writes the group's synapses into `blocks` (the group's, empty), rows of
    /// `sources` sources: each source's synapses of each delay in turn, then each row
    /// sorted (stably) by target, which gives back the placed order.
    fn to_blocks(&self, sources: usize, span: usize, blocks: &mut [BlockSynapses]) {
        if self.targets.is_empty() {
            return;
        }
        let place = |k: usize| usize::from(self.targets[k]) / BLOCK_LEN;
        let mut starts = vec![vec![0u32; sources + 1]; blocks.len()];
        for s in 0..sources {
            for k in self.offsets[s * span] as usize..self.offsets[(s + 1) * span] as usize {
                starts[place(k)][s + 1] += 1;
            }
        }
        let mut weights = vec![Vec::new(); blocks.len()];
        for ((block, mut row_start), weights) in blocks.iter_mut().zip(starts).zip(&mut weights) {
            for s in 0..sources {
                row_start[s + 1] += row_start[s];
            }
            let total = row_start[sources] as usize;
            if total > 0 {
                block.targets = vec![0; total];
                advise(&mut block.targets);
                *weights = vec![0f32; total];
                block.row_start = row_start;
            }
        }
        let mut fill: Vec<Vec<u32>> = blocks.iter().map(|b| b.row_start.clone()).collect();
        // Run `i` holds source `i / span`'s synapses of delay offset `i % span`.
        for (i, run) in self.offsets.windows(2).enumerate() {
            let (s, o) = (i / span, (i % span) as u16);
            for k in run[0] as usize..run[1] as usize {
                let b = place(k);
                let at = fill[b][s] as usize;
                fill[b][s] += 1;
                let index = usize::from(self.targets[k]) % BLOCK_LEN;
                blocks[b].targets[at] = pack(index, o);
                weights[b][at] = self.weights[k];
            }
        }
        let mut row = Vec::new();
        for (block, mut weights) in blocks.iter_mut().zip(weights) {
            if block.targets.is_empty() {
                continue;
            }
            for s in 0..sources {
                let range = block.row_start[s] as usize..block.row_start[s + 1] as usize;
                row.clear();
                row.extend(
                    block.targets[range.clone()]
                        .iter()
                        .zip(&weights[range.clone()])
                        .map(|(&t, &w)| (t, w)),
                );
                row.sort_by_key(|&(word, _)| word & TARGET_MASK);
                for (k, (word, w)) in range.zip(row.iter().copied()) {
                    block.targets[k] = word;
                    weights[k] = w;
                }
            }
            block.weights = Weights::Single(weights);
        }
    }
}

/// A run of synapses of one source and delay onto a group: `begin..end` of incoming
/// projection `projection`'s group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment {
    projection: u32,
    begin: u32,
    end: u32,
}

/// A group's segments by the step they arrive at, noted when their spikes are
/// delivered to the group (each spike's offsets read once, in order) and summed at that
/// step.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArrivalLists {
    /// `steps[step mod len]`: the segments arriving at `step`, in the order noted.
    steps: Vec<Vec<Segment>>,
    /// The sums of a few steps, `[(place · blocks + block) · channels + channel]` for
    /// the step at `place` among them ([`ArrivalLists::sum`]): the additions go here,
    /// where they stay in the core's caches. +0.0 wherever they are not being filled or
    /// read.
    sums: Vec<Row32>,
    /// The blocks and spike channels of the sums' layout.
    blocks: usize,
    channels: usize,
}

impl ArrivalLists {
    /// Lists for `len` steps: more than any delay plus a slice.
    pub fn new(len: usize) -> Self {
        Self {
            steps: vec![Vec::new(); len],
            ..Self::default()
        }
    }

    /// The number of steps the lists cover.
    pub fn steps(&self) -> usize {
        self.steps.len()
    }

    /// The place of `step`'s list in `steps`.
    fn index(&self, step: i64) -> usize {
        step.rem_euclid(self.steps.len() as i64) as usize
    }

    /// The bytes of the sums held for `steps` steps of `blocks` blocks with `channels`
    /// spike channels each ([`ArrivalLists::hold_sums`]).
    pub const fn held_bytes(steps: usize, blocks: usize, channels: usize) -> usize {
        steps * blocks * channels * std::mem::size_of::<Row32>()
    }

    /// Holds sums for `steps` steps of `blocks` blocks with `channels` spike channels
    /// each (the sums already held are +0.0; a new layout starts from +0.0).
    pub fn hold_sums(&mut self, steps: usize, blocks: usize, channels: usize) {
        let len = Self::held_bytes(steps, blocks, channels) / std::mem::size_of::<Row32>();
        if (self.blocks, self.channels) != (blocks, channels) || self.sums.len() != len {
            self.sums = vec![[0.0; BLOCK_LEN]; len];
            (self.blocks, self.channels) = (blocks, channels);
        }
    }

    /// Block `block`'s sums, `[spike channel]`, of the step at `place` of those held
    /// ([`ArrivalLists::hold_sums`]): the reader leaves them +0.0.
    #[inline(always)]
    pub fn sums_of(&mut self, place: usize, block: usize) -> &mut [Row32] {
        let first = (place * self.blocks + block) * self.channels;
        &mut self.sums[first..first + self.channels]
    }

    /// Adds the segments noted for step `t` (of group `g`) into the sums held for the
    /// step at `place`: in the order noted, each weight into the channel `channel`
    /// picks; the step's list is then empty. `incoming` are the target's incoming
    /// projections; `draw_ahead` is the caller's work that needs no memory, called every
    /// [`SEGMENTS_PER_DRAW`] segments while the segments asked for ahead arrive.
    #[inline(always)]
    pub fn sum(
        &mut self,
        g: usize,
        t: i64,
        place: usize,
        incoming: &[Projection],
        channel: impl Fn(f64) -> usize,
        draw_ahead: &mut impl FnMut(),
    ) {
        let i = self.index(t);
        let segments = &mut self.steps[i];
        if segments.is_empty() {
            return;
        }
        let channels = self.channels;
        let held = self.blocks * channels;
        let sums = &mut self.sums[place * held..(place + 1) * held];
        let group = |s: &Segment| match incoming[s.projection as usize].arrivals() {
            Some(a) => &a.groups[g],
            None => unreachable!("segments are noted for projections delivered at arrival"),
        };
        let ask = |s: &Segment| {
            let group = group(s);
            let run = s.begin as usize..s.end as usize;
            prefetch_lines(&group.targets[run.clone()]);
            prefetch_lines(&group.weights[run]);
        };
        segments.iter().take(SEGMENTS_AHEAD).for_each(ask);
        for (k, segment) in segments.iter().enumerate() {
            if let Some(later) = segments.get(k + SEGMENTS_AHEAD) {
                ask(later);
            }
            if k % SEGMENTS_PER_DRAW == 0 {
                draw_ahead();
            }
            let group = group(segment);
            let (begin, end) = (segment.begin as usize, segment.end as usize);
            for (&target, &w) in group.targets[begin..end]
                .iter()
                .zip(&group.weights[begin..end])
            {
                let block = usize::from(target) / BLOCK_LEN;
                let c = channel(f64::from(w));
                sums[block * channels + c][usize::from(target) & (BLOCK_LEN - 1)] += w;
            }
        }
        segments.clear();
    }
}

#[cfg(test)]
mod tests;
