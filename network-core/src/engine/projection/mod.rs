//! Compact synapse storage of one projection, and spike delivery from it.
//!
//! The synapses are split by target block (a fixed number of neurons, independent of
//! the thread count). Within a block they are grouped by source (compressed rows), so
//! that a spike walks one contiguous row of 16-bit words, each a local target index and,
//! in its upper bits, the synapse's delay relative to the projection's shortest (when the
//! delays span at most [`PACKED_DELAY_SPAN`] steps; else delays are stored per synapse).
//! A weight or delay that is the same for every synapse is stored once for the projection.
//! A synapse with a random weight and delay thus takes 6 bytes: the weight (drawn at
//! single precision, [`Weights`]) and the packed word.

mod channel;
mod delays;
mod plastic_delivery;
pub(crate) use channel::Channel;
mod prefetch;
mod weights;

use super::block::BLOCK_LEN;
use super::plastic::Plastic;
use super::ring::{in_row, Ring};
use super::weight_events::WeightEvent;
use prefetch::{
    prefetch_line, prefetch_line_to_l2, prefetch_row, PREFETCH_ROWS_AHEAD, ROW_BOUNDS_AHEAD,
};
pub(crate) use weights::Weights;

/// The most ring positions of a row computed (and their entries prefetched) one row
/// ahead of its additions; a longer row's further synapses compute theirs as they add.
const POSITIONS_AHEAD: usize = 256;

/// A direct ring's rows `[slot · channels + channel]`, with its numbers of channels and
/// slots (`Ring::direct_rows`).
struct DirectRing<'a> {
    rows: &'a mut [super::ring::Row],
    channels: usize,
    slots: usize,
}

/// Bits of a synapse word that hold the target's index within its block.
pub(crate) const TARGET_BITS: u32 = BLOCK_LEN.trailing_zeros();

/// The mask of a synapse word's target bits.
const TARGET_MASK: u16 = (1 << TARGET_BITS) - 1;

/// Delays relative to the projection's shortest below this many steps fit in the upper
/// bits of a synapse word (64 with blocks of 1024: delays spanning 6.4 ms at 0.1 ms).
pub(crate) const PACKED_DELAY_SPAN: u16 = 1 << (16 - TARGET_BITS);

/// The word of a synapse onto block index `target` whose delay is `offset` steps above
/// the projection's shortest (`offset < PACKED_DELAY_SPAN`; 0 when delays are not packed).
#[inline]
pub(crate) fn pack(target: usize, offset: u16) -> u16 {
    debug_assert!(target < BLOCK_LEN && offset < PACKED_DELAY_SPAN);
    (offset << TARGET_BITS) | target as u16
}

/// How a projection stores its synapses' delays (steps).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Delays {
    /// One delay for every synapse.
    Constant(u16),
    /// Per synapse, `delay − base` in the upper bits of its word: no bytes of its own.
    /// The base is the shortest delay where the synapses were placed (on several ranks
    /// it may exceed the projection's `min_delay`, which is the whole network's).
    Packed(u16),
    /// Per synapse in [`BlockSynapses::delays`] (delays spanning more than
    /// [`PACKED_DELAY_SPAN`] steps).
    PerSynapse,
}

/// Synapses of one projection onto one block of target neurons.
#[derive(Debug, Clone, Default)]
pub(crate) struct BlockSynapses {
    /// Row `s` (source neuron `s`) spans `row_start[s]..row_start[s + 1]`.
    pub row_start: Vec<u32>,
    /// Word of each synapse: the target's index within the block in the lower
    /// [`TARGET_BITS`], the packed delay offset (if any) above.
    pub targets: Vec<u16>,
    /// Weight per synapse, unless constant for the projection.
    pub weights: Weights,
    /// Delay in steps per synapse, only for [`Delays::PerSynapse`].
    pub delays: Vec<u16>,
}

impl BlockSynapses {
    /// The target (index within the block) of synapse `k`.
    #[inline]
    pub fn target(&self, k: usize) -> usize {
        usize::from(self.targets[k] & TARGET_MASK)
    }
}

/// A projection's synapses, ready for delivery.
#[derive(Debug, Clone)]
pub(crate) struct Projection {
    pub name: String,
    pub source: usize,
    pub target: usize,
    pub synapse_model: String,
    /// The weight of every synapse, when it is constant.
    pub weight: Option<f64>,
    /// Where the delays (steps) are.
    pub delays: Delays,
    pub blocks: Vec<BlockSynapses>,
    pub synapses: usize,
    pub min_delay: u16,
    pub max_delay: u16,
    /// NEST's `receptor_type`: 0 routes by the weight's sign, `k >= 1` feeds receptor
    /// port `k` of a multisynapse target.
    pub receptor_type: u16,
    /// The rule and initial state of a plastic projection (delivered by
    /// `engine::plastic`); `None` for a static one.
    pub plastic: Option<Box<Plastic>>,
    /// Whether a weight recorder records this projection's transmissions.
    pub weights_recorded: bool,
}

impl Projection {
    /// The delay (steps) of synapse `k` of `block`.
    #[inline]
    pub fn delay(&self, block: &BlockSynapses, k: usize) -> u16 {
        match self.delays {
            Delays::Constant(d) => d,
            Delays::Packed(base) => base + (block.targets[k] >> TARGET_BITS),
            Delays::PerSynapse => block.delays[k],
        }
    }

    /// The spike channel of the receptor port this projection feeds, if it names one.
    pub fn port_channel(&self) -> Option<usize> {
        (self.receptor_type > 0).then(|| usize::from(self.receptor_type) - 1)
    }

    /// Delivers the spikes `(step, source)` into block `b`'s `ring`: each synapse adds its
    /// weight to its target's input at `step + delay`, on the channel `channel(weight)`.
    ///
    /// A row holds only the synapses of one source onto one block (about a hundred in
    /// Brunel's network), a few cache lines at a random place in memory: too short for
    /// the hardware prefetcher. So each row's targets are prefetched a few rows ahead
    /// (without a list of rows: an allocation per call costs more than reading a row's
    /// bounds twice). On a deferred ring (`engine::ring`) each synapse appends to its
    /// slot's log instead of a random add into memory.
    ///
    /// Inlined into the block's task, so that it is compiled for the instruction set the
    /// task dispatches to (`engine::wide`). `fill` is work the caller does a little at a
    /// time while the rows and ring entries asked for ahead arrive (packed delays onto a
    /// direct ring only; it never touches the ring).
    #[inline(always)]
    pub fn deliver(
        &self,
        b: usize,
        spikes: &[(i64, u32)],
        ring: &mut Ring,
        channel: impl Fn(f64) -> usize,
        fill: &mut impl FnMut(),
    ) {
        let block = &self.blocks[b];
        if block.targets.is_empty() || spikes.is_empty() {
            return;
        }
        if let (Delays::Packed(base), Some((rows, channels, slots))) =
            (self.delays, ring.direct_rows())
        {
            let ring = DirectRing {
                rows,
                channels,
                slots,
            };
            return match &block.weights {
                Weights::Single(weights) => {
                    self.deliver_packed_direct(block, weights, spikes, ring, base, channel, fill)
                }
                Weights::Double(weights) => {
                    self.deliver_packed_direct(block, weights, spikes, ring, base, channel, fill)
                }
            };
        }
        let row = |k: usize| {
            let s = spikes[k].1 as usize;
            block.row_start[s] as usize..block.row_start[s + 1] as usize
        };
        for (k, &(step, _)) in spikes.iter().enumerate() {
            if k + PREFETCH_ROWS_AHEAD < spikes.len() {
                let ahead = row(k + PREFETCH_ROWS_AHEAD);
                prefetch_row(&block.targets[ahead.clone()]);
                if self.weight.is_none() {
                    block.weights.prefetch(ahead);
                }
            }
            let (start, end) = (row(k).start, row(k).end);
            if start == end {
                continue;
            }
            let sent = ring.slot(step);
            match (self.weight, self.delays) {
                (Some(w), Delays::Constant(d)) => {
                    ring.add_each(
                        ring.slot_after(sent, usize::from(d)),
                        channel(w),
                        block.targets[start..end]
                            .iter()
                            .map(|&t| (usize::from(t), w)),
                    );
                }
                (w, Delays::Packed(base)) => {
                    // Slots are counted from the base delay's.
                    let first = ring.slot_after(sent, usize::from(base));
                    if let Some((logs, slots)) = ring.deferred_logs() {
                        // `Ring::add`'s appends, the store asked once per row.
                        let words = &block.targets[start..end];
                        for (j, &word) in words.iter().enumerate() {
                            let weight = w.unwrap_or_else(|| block.weights.get(start + j));
                            let mut slot = first + usize::from(word >> TARGET_BITS);
                            if slot >= slots {
                                slot -= slots;
                            }
                            logs[slot].push(
                                channel(weight) * BLOCK_LEN
                                    + in_row(usize::from(word & TARGET_MASK)),
                                weight,
                            );
                        }
                        continue;
                    }
                    for k in start..end {
                        let word = block.targets[k];
                        let weight = w.unwrap_or_else(|| block.weights.get(k));
                        let slot = ring.slot_after(first, usize::from(word >> TARGET_BITS));
                        ring.add(
                            slot,
                            channel(weight),
                            usize::from(word & TARGET_MASK),
                            weight,
                        );
                    }
                }
                (w, _) => {
                    for k in start..end {
                        let weight = w.unwrap_or_else(|| block.weights.get(k));
                        let slot = ring.slot_after(sent, usize::from(self.delay(block, k)));
                        ring.add(slot, channel(weight), block.target(k), weight);
                    }
                }
            }
        }
    }

    /// [`Projection::deliver`] for packed delays onto a direct ring: the same additions in
    /// the same order as `Ring::add`, with two stages of prefetching. A row's targets and
    /// weights are fetched [`PREFETCH_ROWS_AHEAD`] rows ahead; the ring entries of the
    /// next row (about a hundred random places in the block's ring, which at full scale
    /// does not stay in cache between steps) are fetched one row ahead, so that their
    /// misses overlap with this row's additions instead of stalling each one. The
    /// positions computed for that prefetch (up to [`POSITIONS_AHEAD`] per row) are kept
    /// for the additions, which then only load, add and store. `weights` are the block's
    /// (`f32` or `f64`, [`Weights`]), empty when the projection's weight is constant.
    /// `fill` is called once per row, between the next row's prefetches and this row's
    /// additions: work of the caller's that needs no memory, done while the entries
    /// arrive.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn deliver_packed_direct<W: Copy + Into<f64>>(
        &self,
        block: &BlockSynapses,
        weights: &[W],
        spikes: &[(i64, u32)],
        ring: DirectRing<'_>,
        base: u16,
        channel: impl Fn(f64) -> usize,
        fill: &mut impl FnMut(),
    ) {
        let DirectRing {
            rows,
            channels,
            slots,
        } = ring;
        let entries = rows.as_flattened_mut();
        let row = |k: usize| {
            let s = spikes[k].1 as usize;
            block.row_start[s] as usize..block.row_start[s + 1] as usize
        };
        // The slot of a row's synapses at the base delay (slots counted from it).
        let first_slot = |k: usize| {
            let mut first = spikes[k].0.rem_euclid(slots as i64) as usize + usize::from(base);
            if first >= slots {
                first -= slots;
            }
            first
        };
        let all = weights;
        let weights = |r: std::ops::Range<usize>| match self.weight {
            Some(_) => &[][..],
            None => &all[r],
        };
        let weight = |ws: &[W], j: usize| self.weight.unwrap_or_else(|| ws[j].into());
        // The position in `entries` (`[slot][channel][neuron]`) of a synapse's addition.
        let position = |first: usize, word: u16, weight: f64| {
            let mut slot = first + usize::from(word >> TARGET_BITS);
            if slot >= slots {
                slot -= slots;
            }
            (slot * channels + channel(weight)) * BLOCK_LEN
                + in_row(usize::from(word & TARGET_MASK))
        };
        // Positions of the first synapses of row `k` into `out`, each entry prefetched.
        let ahead = |k: usize, out: &mut [usize; POSITIONS_AHEAD], entries: &[f64]| {
            let r = row(k);
            let first = first_slot(k);
            let ws = weights(r.clone());
            for (j, (&word, out)) in block.targets[r].iter().zip(out.iter_mut()).enumerate() {
                *out = position(first, word, weight(ws, j));
                prefetch_line_to_l2(&entries[*out]);
            }
        };
        // Row `k`'s positions are in `positions[k % 2]`.
        let mut positions = [[0usize; POSITIONS_AHEAD]; 2];
        ahead(0, &mut positions[0], entries);
        for k in 0..spikes.len() {
            if let Some(&(_, source)) = spikes.get(k + ROW_BOUNDS_AHEAD) {
                prefetch_line(&block.row_start[source as usize]);
            }
            if k + PREFETCH_ROWS_AHEAD < spikes.len() {
                let later = row(k + PREFETCH_ROWS_AHEAD);
                prefetch_row(&block.targets[later.clone()]);
                prefetch_row(weights(later));
            }
            let [even, odd] = &mut positions;
            let (now, next) = if k & 1 == 0 { (even, odd) } else { (odd, even) };
            if k + 1 < spikes.len() {
                ahead(k + 1, next, entries);
            }
            // While the next row's entries arrive.
            fill();
            let this = row(k);
            let ws = weights(this.clone());
            let words = &block.targets[this];
            let kept = words.len().min(POSITIONS_AHEAD);
            for (j, &at) in now[..kept].iter().enumerate() {
                entries[at] += weight(ws, j);
            }
            if words.len() > kept {
                let first = first_slot(k);
                for (j, &word) in words.iter().enumerate().skip(kept) {
                    let w = weight(ws, j);
                    entries[position(first, word, w)] += w;
                }
            }
        }
    }

    /// The weight recorders' events of the spikes `(step, source)` a static projection
    /// delivers onto block `b` (called beside [`Projection::deliver`], only for a
    /// recorded projection): one per synapse, with its stored weight.
    pub fn record_static(
        &self,
        b: usize,
        spikes: &[(i64, u32)],
        incoming: u32,
        events: &mut Vec<WeightEvent>,
    ) {
        let block = &self.blocks[b];
        if block.targets.is_empty() {
            return;
        }
        for &(step, source) in spikes {
            let s = source as usize;
            for k in block.row_start[s] as usize..block.row_start[s + 1] as usize {
                events.push(WeightEvent {
                    incoming,
                    stamp: step + 1,
                    source,
                    synapse: k as u32,
                    weight: self.weight.unwrap_or_else(|| block.weights.get(k)),
                });
            }
        }
    }

    /// Memory held by the synapses, in bytes.
    pub fn bytes(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| {
                b.row_start.len() * 4 + b.targets.len() * 2 + b.weights.bytes() + b.delays.len() * 2
            })
            .sum::<usize>()
            + self.plastic.as_ref().map_or(0, |p| {
                p.initial.iter().map(|s| s.bytes()).sum::<usize>() + p.varied_bytes()
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};

    /// A projection of packed delays onto one block: `rows` sources, row lengths up to
    /// `longest`, weights of both signs (per synapse unless `weight` is given; `f32`
    /// numbers kept in 4 bytes when `single`).
    pub(super) fn projection(
        rows: usize,
        longest: usize,
        weight: Option<f64>,
        single: bool,
        seed: u64,
    ) -> Projection {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        let mut block = BlockSynapses::default();
        let mut weights = Vec::new();
        block.row_start.push(0);
        for _ in 0..rows {
            for _ in 0..rng.random_range(0..=longest) {
                let offset = rng.random_range(0..PACKED_DELAY_SPAN);
                block
                    .targets
                    .push(pack(rng.random_range(0..BLOCK_LEN), offset));
                if weight.is_none() {
                    let w = (rng.random::<f64>() - 0.4) * 10f64.powi(rng.random_range(-3..4));
                    weights.push(if single { f64::from(w as f32) } else { w });
                }
            }
            block.row_start.push(block.targets.len() as u32);
        }
        block.weights = if single {
            Weights::Single(weights.iter().map(|&w| w as f32).collect())
        } else {
            Weights::Double(weights)
        };
        Projection {
            name: "p".into(),
            source: 0,
            target: 0,
            synapse_model: "static_synapse".into(),
            weight,
            delays: Delays::Packed(3),
            synapses: block.targets.len(),
            blocks: vec![block],
            min_delay: 3,
            max_delay: 3 + PACKED_DELAY_SPAN - 1,
            receptor_type: 0,
            plastic: None,
            weights_recorded: false,
        }
    }

    /// Every entry of every slot of `ring`, as bits.
    fn contents(ring: &mut Ring, slots: i64) -> Vec<u64> {
        let mut bits = Vec::new();
        for s in 0..slots {
            let (mut spikes, current) = ring.step_mut(s);
            for c in 0..spikes.channels() {
                bits.extend(spikes.channel(c).iter().map(|x| x.to_bits()));
            }
            bits.extend(current.iter().map(|x| x.to_bits()));
        }
        bits
    }

    #[test]
    fn packed_direct_delivery_adds_as_ring_add_does() {
        let channel = |w: f64| usize::from(w <= 0.0);
        let slots = usize::from(3 + PACKED_DELAY_SPAN) + 2;
        // Rows shorter and longer than the positions kept ahead; constant and
        // per-synapse weights; spikes in several steps, sources repeated.
        for (longest, weight, single, seed) in [
            (40, None, false, 1),
            (40, None, true, 5),
            (3 * POSITIONS_AHEAD, None, false, 2),
            (3 * POSITIONS_AHEAD, None, true, 6),
            (POSITIONS_AHEAD + 1, Some(-2.5), true, 3),
            (0, None, true, 4),
        ] {
            let p = projection(30, longest, weight, single, seed);
            let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed + 100);
            let mut spikes: Vec<(i64, u32)> = (0..60)
                .map(|_| (rng.random_range(0..5_i64), rng.random_range(0..30_u32)))
                .collect();
            spikes.sort_unstable();
            let mut ring = Ring::new(BLOCK_LEN, slots, 2, false);
            let mut expected = Ring::new(BLOCK_LEN, slots, 2, false);
            p.deliver(0, &spikes, &mut ring, channel, &mut || {});
            let block = &p.blocks[0];
            for &(step, source) in &spikes {
                let s = source as usize;
                for k in block.row_start[s] as usize..block.row_start[s + 1] as usize {
                    let w = weight.unwrap_or_else(|| block.weights.get(k));
                    let slot =
                        expected.slot_after(expected.slot(step), usize::from(p.delay(block, k)));
                    expected.add(slot, channel(w), block.target(k), w);
                }
            }
            assert_eq!(
                contents(&mut ring, slots as i64),
                contents(&mut expected, slots as i64),
                "rows up to {longest}, weight {weight:?}"
            );
        }
    }
}
