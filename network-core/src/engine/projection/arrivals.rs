//! Delivery at arrival, an experiment (`NETWORK_DELIVERY=arrivals`; bench/PERF.md,
//! twenty-fourth round): instead of adding a spike's synapses into future slots of each
//! block's ring when it is sent, a group of [`GROUP_BLOCKS`] blocks keeps a copy of the
//! projection's synapses onto it per source, sorted by delay ([`Arrivals`]). When a
//! spike reaches the group, its runs of one delay are noted under the step they arrive
//! at ([`ArrivalLists`]); at that step the group adds the runs noted for it into one
//! step's sums, which stay in the core's caches, and adds the sums to the step's
//! single-precision rows in order. The synapses are read, not written, each run is
//! contiguous, and the random additions go to one step's sums instead of a ring's 64
//! slots.
//!
//! For static projections with packed delays and one single-precision weight per
//! synapse (drawn weights); the blocks keep their own copy of the synapses for the
//! queries and the protocol, so memory grows by the synapses' size while this is on.
//! Each neuron's single-precision sum is taken in a fixed order (spikes in the order
//! they reached the group, then block and row order), the same for any thread count,
//! but not the ring's order: last bits of the sums may differ from the ring path's.

use super::prefetch::prefetch_line;
use super::{Delays, Projection, Weights, TARGET_BITS, TARGET_MASK};
use crate::engine::block::{Row32, BLOCK_LEN};
use crate::engine::huge_pages::advise;
use rayon::prelude::*;

/// Blocks per arrival group: a group's target indices fit in 16 bits.
pub(crate) const GROUP_BLOCKS: usize = 64;

/// Segments asked for ahead of the one being added.
const SEGMENTS_AHEAD: usize = 40;

/// Whether the environment asks for delivery at arrival (`NETWORK_DELIVERY=arrivals`).
pub(crate) fn asked_for() -> bool {
    std::env::var("NETWORK_DELIVERY").as_deref() == Ok("arrivals")
}

/// A projection's synapses onto each group of [`GROUP_BLOCKS`] blocks, by source and
/// delay.
#[derive(Debug, Clone)]
pub(crate) struct Arrivals {
    /// The shortest delay (steps); synapse delays are `base..base + span`.
    pub base: u16,
    pub span: u16,
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
            .blocks
            .iter()
            .enumerate()
            .all(|(b, block)| block.targets.is_empty() || projection.adds_single(b));
        if projection.plastic.is_some()
            || projection.weights_recorded
            || projection.port_channel().is_some()
            || !single
            || projection
                .blocks
                .iter()
                .any(|b| !b.targets.is_empty() && b.row_start.len() != sources + 1)
        {
            return None;
        }
        let span = projection
            .blocks
            .iter()
            .flat_map(|b| b.targets.iter())
            .map(|&word| (word >> TARGET_BITS) + 1)
            .max()
            .unwrap_or(1);
        let groups = (0..projection.blocks.len().div_ceil(GROUP_BLOCKS))
            .into_par_iter()
            .map(|g| ArrivalGroup::new(projection, g, sources, usize::from(span)))
            .collect();
        Some(Self { base, span, groups })
    }

    /// The synapses of group `g` of the spikes `(step, source)` sent through this
    /// projection (incoming projection `k` of the target), noted in `lists` under the
    /// steps they arrive at.
    pub fn schedule(&self, k: usize, g: usize, spikes: &[(i64, u32)], lists: &mut ArrivalLists) {
        let group = &self.groups[g];
        if group.targets.is_empty() {
            return;
        }
        let span = usize::from(self.span);
        for &(_, s) in spikes {
            prefetch_line(&group.offsets[s as usize * span]);
        }
        for &(step, s) in spikes {
            let offsets = &group.offsets[s as usize * span..][..=span];
            for (o, bounds) in offsets.windows(2).enumerate() {
                if bounds[0] < bounds[1] {
                    let arrival = step + i64::from(self.base) + o as i64;
                    lists.at(arrival).push(Segment {
                        projection: k as u32,
                        begin: bounds[0],
                        end: bounds[1],
                    });
                }
            }
        }
    }
}

impl ArrivalGroup {
    /// Group `g` of `projection`'s blocks, whose rows have `sources` sources and delays
    /// below `base + span`.
    fn new(projection: &Projection, g: usize, sources: usize, span: usize) -> Self {
        let first = g * GROUP_BLOCKS;
        let blocks = &projection.blocks[first..(first + GROUP_BLOCKS).min(projection.blocks.len())];
        let total: usize = blocks.iter().map(|b| b.targets.len()).sum();
        if total == 0 {
            return Self::default();
        }
        let rows = |s: usize| {
            blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| !b.targets.is_empty())
                .flat_map(move |(place, b)| {
                    let row = b.row_start[s] as usize..b.row_start[s + 1] as usize;
                    let Weights::Single(weights) = &b.weights else {
                        unreachable!("Arrivals::of takes single-precision weights only")
                    };
                    b.targets[row.clone()]
                        .iter()
                        .zip(&weights[row])
                        .map(move |(&word, &w)| (place, word, w))
                })
        };
        let mut offsets = vec![0u32; sources * span + 1];
        for s in 0..sources {
            for (_, word, _) in rows(s) {
                offsets[s * span + usize::from(word >> TARGET_BITS) + 1] += 1;
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
        for s in 0..sources {
            for (place, word, w) in rows(s) {
                let at = &mut next[s * span + usize::from(word >> TARGET_BITS)];
                targets[*at as usize] = (place * BLOCK_LEN) as u16 | (word & TARGET_MASK);
                weights[*at as usize] = w;
                *at += 1;
            }
        }
        Self {
            offsets,
            targets,
            weights,
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
/// delivered to the group (each spike's offsets read once, in order) and walked at that
/// step.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArrivalLists {
    /// `steps[step mod len]`: the segments arriving at `step`, in the order noted.
    steps: Vec<Vec<Segment>>,
    /// One step's sums, `[block · spike channels + channel]`: the additions go here,
    /// where they stay in the core's caches, and are then added to the step's rows in
    /// order.
    sums: Vec<Row32>,
}

impl ArrivalLists {
    /// Lists for `len` steps: more than any delay plus a slice.
    pub fn new(len: usize) -> Self {
        Self {
            steps: vec![Vec::new(); len],
            sums: Vec::new(),
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

    fn at(&mut self, step: i64) -> &mut Vec<Segment> {
        let i = self.index(step);
        &mut self.steps[i]
    }

    /// Adds into `rows` (per block of group `g`, its single-precision rows of step `t`,
    /// `[spike channel]`) the segments noted for step `t`: summed in the order noted,
    /// each weight into the channel `channel` picks, and the sums then added to the rows;
    /// the step's list is then empty. `arrivals` are the target's incoming projections'
    /// groups.
    #[inline(always)]
    pub fn deliver(
        &mut self,
        g: usize,
        t: i64,
        arrivals: &[Option<Arrivals>],
        rows: &mut [&mut [Row32]],
        channel: impl Fn(f64) -> usize,
    ) {
        let i = self.index(t);
        let segments = &mut self.steps[i];
        if segments.is_empty() {
            return;
        }
        let channels = rows.iter().map(|r| r.len()).max().unwrap_or(0);
        if self.sums.len() != rows.len() * channels {
            self.sums = vec![[0.0; BLOCK_LEN]; rows.len() * channels];
        }
        let sums = &mut self.sums;
        let group = |s: &Segment| match &arrivals[s.projection as usize] {
            Some(a) => &a.groups[g],
            None => unreachable!("segments are noted for projections delivered at arrival"),
        };
        let ask = |s: &Segment| {
            let group = group(s);
            prefetch_line(&group.targets[s.begin as usize]);
            prefetch_line(&group.weights[s.begin as usize]);
        };
        segments.iter().take(SEGMENTS_AHEAD).for_each(ask);
        for (k, segment) in segments.iter().enumerate() {
            if let Some(later) = segments.get(k + SEGMENTS_AHEAD) {
                ask(later);
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
        for (block, rows) in rows.iter_mut().enumerate() {
            for (c, row) in rows.iter_mut().enumerate() {
                let sum = &mut sums[block * channels + c];
                for (x, s) in row.iter_mut().zip(sum.iter_mut()) {
                    *x += *s;
                    *s = 0.0;
                }
            }
        }
        segments.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::projection::{pack, BlockSynapses};

    /// A projection with packed delays (base 2) of 3 sources onto `blocks` blocks, with
    /// the synapses `(source, block, index, delay offset, weight)` in row order.
    fn projection(blocks: usize, synapses: &[(usize, usize, usize, u16, f32)]) -> Projection {
        let mut per_block = vec![BlockSynapses::default(); blocks];
        for (b, block) in per_block.iter_mut().enumerate() {
            let mut weights = Vec::new();
            block.row_start.push(0);
            for s in 0..3 {
                for &(_, _, i, o, w) in synapses.iter().filter(|x| x.0 == s && x.1 == b) {
                    block.targets.push(pack(i, o));
                    weights.push(w);
                }
                block.row_start.push(block.targets.len() as u32);
            }
            block.weights = Weights::Single(weights);
        }
        Projection {
            name: "p".into(),
            source: 0,
            target: 0,
            synapse_model: "static_synapse".into(),
            weight: None,
            delays: Delays::Packed(2),
            blocks: per_block,
            synapses: synapses.len(),
            min_delay: 2,
            max_delay: 5,
            receptor_type: 0,
            plastic: None,
            weights_recorded: false,
        }
    }

    #[test]
    fn each_delay_of_a_source_is_one_segment_in_block_then_row_order() {
        // Source 1 reaches block 0 (neuron 5, delay +1; neuron 7, +0) and the second
        // group's first two blocks (neuron 2, +1; neuron 3, +1 and +3); source 0 reaches
        // block 1 (neuron 9, +1).
        let (second, third) = (GROUP_BLOCKS, GROUP_BLOCKS + 1);
        let synapses = [
            (1, 0, 5, 1, 0.5),
            (1, 0, 7, 0, -1.0),
            (1, third, 3, 1, 2.0),
            (1, third, 3, 3, 4.0),
            (1, second, 2, 1, 8.0),
            (0, 1, 9, 1, 16.0),
        ];
        let arrivals = Arrivals::of(&projection(third + 1, &synapses), 3).expect("eligible");
        assert_eq!((arrivals.base, arrivals.span), (2, 4));
        let first = &arrivals.groups[0];
        // Offsets per (source, delay offset): source 0 has one synapse at +1, source 1
        // one at +0 and one at +1.
        assert_eq!(first.offsets, [0, 0, 1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 3]);
        assert_eq!(first.targets, [BLOCK_LEN as u16 + 9, 7, 5]);
        assert_eq!(first.weights, [16.0, -1.0, 0.5]);
        let second = &arrivals.groups[1];
        // Source 1, delay +1: the group's first block before its second; then +3.
        assert_eq!(
            second.targets,
            [2, BLOCK_LEN as u16 + 3, BLOCK_LEN as u16 + 3]
        );
        assert_eq!(second.weights, [8.0, 2.0, 4.0]);
    }

    /// Delivers `arrivals` (group 0, the target's only incoming projection) at steps
    /// `steps`, the spikes of each step noted after it as a slice of one step; returns
    /// each step's rows `[block][channel][neuron]` for 2 blocks and 2 channels (negative
    /// weights to channel 1).
    fn run(
        arrivals: Arrivals,
        spikes: &[(i64, u32)],
        steps: std::ops::Range<i64>,
    ) -> Vec<Vec<[Row32; 2]>> {
        let all = [Some(arrivals)];
        let mut lists = ArrivalLists::new(16);
        let by_sign = |w: f64| usize::from(w < 0.0);
        let mut out = Vec::new();
        for t in steps {
            let mut rows = vec![[[0f32; BLOCK_LEN]; 2]; 2];
            let mut views: Vec<&mut [Row32]> = rows.iter_mut().map(|r| &mut r[..]).collect();
            lists.deliver(0, t, &all, &mut views, by_sign);
            out.push(rows);
            let sent: Vec<_> = spikes.iter().copied().filter(|&(s, _)| s == t).collect();
            all[0].as_ref().unwrap().schedule(0, 0, &sent, &mut lists);
        }
        out
    }

    #[test]
    fn a_step_receives_what_was_sent_its_delay_before_oldest_first() {
        // Delays are 2 + the offset. Neuron 9 of block 1 receives source 0's 1 (sent at
        // 10, delay 5), and source 1's and source 2's 2^-24 (sent at 12, delay 3, and at
        // 13, delay 2), all at step 15: summed in the order sent, 1 + 2^-24 rounds to 1
        // twice (newest first, 2^-24 + 2^-24 + 1 would be 1 + 2^-23).
        let tiny = f32::EPSILON / 2.0;
        let synapses = [
            (1, 0, 5, 3, 0.5),
            (1, 1, 9, 1, tiny),
            (0, 1, 9, 3, 1.0),
            (2, 1, 9, 0, tiny),
            (2, 0, 7, 1, -2.0),
        ];
        let arrivals = Arrivals::of(&projection(2, &synapses), 3).expect("eligible");
        let spikes = [(10, 0), (12, 1), (13, 2)];
        let steps = run(arrivals, &spikes, 10..18);
        let at = |t: i64| &steps[(t - 10) as usize];
        assert_eq!(at(15)[1][0][9], 1.0);
        // Source 1's 0.5 onto neuron 5 of block 0 arrives at 12 + 5, source 2's -2.0 onto
        // neuron 7 at 13 + 3 (channel 1).
        assert_eq!(at(17)[0][0][5], 0.5);
        assert_eq!(at(16)[0][1][7], -2.0);
        let total = |t: i64| -> f32 { at(t).iter().flatten().flatten().map(|x| x.abs()).sum() };
        assert_eq!(
            (10..18).map(total).collect::<Vec<_>>(),
            [0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 0.5],
            "nothing else arrives"
        );
    }

    #[test]
    fn every_synapse_arrives_once_its_delay_after_its_spike() {
        // Random rows over 2 blocks; the oracle adds each synapse of each spike into its
        // arrival step by hand, in double precision.
        use rand::{RngExt, SeedableRng};
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let mut synapses = Vec::new();
        for s in 0..3 {
            for _ in 0..rng.random_range(0..40) {
                let w: f32 = rng.random_range(-3.0..3.0);
                synapses.push((
                    s,
                    rng.random_range(0..2),
                    rng.random_range(0..BLOCK_LEN),
                    rng.random_range(0..6),
                    w,
                ));
            }
        }
        let spikes: Vec<(i64, u32)> = (0..40)
            .flat_map(|t| {
                (0..3)
                    .filter(move |s| (t + s) % 3 == 0)
                    .map(move |s| (t as i64, s as u32))
            })
            .collect();
        let arrivals = Arrivals::of(&projection(2, &synapses), 3).expect("eligible");
        let steps = run(arrivals, &spikes, 0..48);
        let mut expected = vec![vec![[[0f64; BLOCK_LEN]; 2]; 2]; 48];
        for &(t, source) in &spikes {
            for &(s, b, i, o, w) in &synapses {
                if s == source as usize {
                    let arrival = t as usize + 2 + usize::from(o);
                    expected[arrival][b][usize::from(w < 0.0)][i] += f64::from(w);
                }
            }
        }
        for (t, (got, want)) in steps.iter().zip(&expected).enumerate() {
            for (g, w) in got
                .iter()
                .flatten()
                .flatten()
                .zip(want.iter().flatten().flatten())
            {
                assert!(
                    (f64::from(*g) - w).abs() <= 1e-5 * (1.0 + w.abs()),
                    "step {t}: {g} against {w}"
                );
                assert_eq!(*g == 0.0, *w == 0.0, "step {t}");
            }
        }
    }

    #[test]
    fn plastic_recorded_or_double_weight_projections_stay_on_the_ring() {
        let synapses = [(1, 0, 5, 1, 0.5)];
        let mut p = projection(1, &synapses);
        p.weights_recorded = true;
        assert!(Arrivals::of(&p, 3).is_none());
        let mut p = projection(1, &synapses);
        p.blocks[0].weights = Weights::Double(vec![0.5]);
        assert!(Arrivals::of(&p, 3).is_none());
        let mut p = projection(1, &synapses);
        p.delays = Delays::Constant(2);
        assert!(Arrivals::of(&p, 3).is_none());
        let mut p = projection(1, &synapses);
        p.receptor_type = 1;
        assert!(Arrivals::of(&p, 3).is_none());
    }
}
