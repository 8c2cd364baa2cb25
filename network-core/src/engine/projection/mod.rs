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

pub(crate) mod arrivals;
mod channel;
mod delays;
mod direct;
mod plastic_delivery;
mod storage;
pub(crate) use channel::Channel;
mod prefetch;
mod weights;

use super::block::BLOCK_LEN;
use super::plastic::Plastic;
use super::ring::{in_row, Ring};
use super::weight_events::WeightEvent;
use direct::DirectRing;
#[cfg(test)]
use direct::POSITIONS_AHEAD;
use prefetch::{prefetch_lines, PREFETCH_ROWS_AHEAD};
pub(crate) use storage::Storage;
pub(crate) use weights::Weights;

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
    /// The synapses, per target block or, delivered at arrival, per group of blocks
    /// (read through [`Projection::blocks`] outside delivery).
    pub storage: Storage,
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
        let block = &self.storage.blocks[b];
        if block.targets.is_empty() || spikes.is_empty() {
            return;
        }
        if let Delays::Packed(base) = self.delays {
            if let (Weights::Single(weights), None) = (&block.weights, self.weight) {
                // Single-precision weights into single-precision rows, where the ring
                // keeps them (`engine::ring`).
                if let Some((rows, channels, slots)) = ring.single_rows() {
                    let ring = DirectRing {
                        entries: rows.as_flattened_mut(),
                        channels,
                        slots,
                    };
                    return self.deliver_packed_direct(
                        block, weights, None, spikes, ring, base, channel, fill,
                    );
                }
            }
            if let Some((rows, channels, slots)) = ring.direct_rows() {
                let ring = DirectRing {
                    entries: rows.as_flattened_mut(),
                    channels,
                    slots,
                };
                return match &block.weights {
                    Weights::Single(weights) => self.deliver_packed_direct(
                        block,
                        weights,
                        self.weight,
                        spikes,
                        ring,
                        base,
                        channel,
                        fill,
                    ),
                    Weights::Double(weights) => self.deliver_packed_direct(
                        block,
                        weights,
                        self.weight,
                        spikes,
                        ring,
                        base,
                        channel,
                        fill,
                    ),
                };
            }
        }
        let row = |k: usize| {
            let s = spikes[k].1 as usize;
            block.row_start[s] as usize..block.row_start[s + 1] as usize
        };
        for (k, &(step, _)) in spikes.iter().enumerate() {
            if k + PREFETCH_ROWS_AHEAD < spikes.len() {
                let ahead = row(k + PREFETCH_ROWS_AHEAD);
                prefetch_lines(&block.targets[ahead.clone()]);
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

    /// Whether block `b`'s synapses add into a ring's single-precision rows
    /// ([`Ring::single_rows`]) where it has them: weights kept at single precision, one
    /// per synapse, and delays packed into the synapse words.
    pub(crate) fn adds_single(&self, b: usize) -> bool {
        matches!(self.delays, Delays::Packed(_))
            && self.weight.is_none()
            && self
                .storage
                .blocks
                .get(b)
                .is_some_and(|block| matches!(&block.weights, Weights::Single(w) if !w.is_empty()))
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
        let block = &self.storage.blocks[b];
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
        self.storage
            .blocks
            .iter()
            .map(|b| {
                b.row_start.len() * 4 + b.targets.len() * 2 + b.weights.bytes() + b.delays.len() * 2
            })
            .sum::<usize>()
            + self.arrivals().map_or(0, arrivals::Arrivals::bytes)
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
            storage: vec![block].into(),
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
            // Weights of double precision (or one for all) into a ring that also keeps
            // rows of single precision: added to its double rows, which are then read.
            let mut beside_single = Ring::new(BLOCK_LEN, slots, 2, false);
            beside_single.keep_single_input();
            if !p.adds_single(0) {
                p.deliver(0, &spikes, &mut beside_single, channel, &mut || {});
            }
            let block = &p.storage.blocks[0];
            for &(step, source) in &spikes {
                let s = source as usize;
                for k in block.row_start[s] as usize..block.row_start[s + 1] as usize {
                    let w = weight.unwrap_or_else(|| block.weights.get(k));
                    let slot =
                        expected.slot_after(expected.slot(step), usize::from(p.delay(block, k)));
                    expected.add(slot, channel(w), block.target(k), w);
                }
            }
            let expected = contents(&mut expected, slots as i64);
            assert_eq!(
                contents(&mut ring, slots as i64),
                expected,
                "rows up to {longest}, weight {weight:?}"
            );
            if !p.adds_single(0) {
                assert_eq!(contents(&mut beside_single, slots as i64), expected);
            }
        }
    }

    #[test]
    fn single_weights_are_summed_in_single_precision_rows() {
        let channel = |w: f64| usize::from(w <= 0.0);
        let slots = usize::from(3 + PACKED_DELAY_SPAN) + 2;
        for (longest, seed) in [(40, 5), (3 * POSITIONS_AHEAD, 6)] {
            let p = projection(30, longest, None, true, seed);
            assert!(p.adds_single(0));
            let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed + 100);
            let mut spikes: Vec<(i64, u32)> = (0..60)
                .map(|_| (rng.random_range(0..5_i64), rng.random_range(0..30_u32)))
                .collect();
            spikes.sort_unstable();
            let mut ring = Ring::new(BLOCK_LEN, slots, 2, false);
            ring.keep_single_input();
            // Double-precision input beside it, added to the same entries first.
            ring.add(ring.slot(3), 0, 7, 0.1);
            p.deliver(0, &spikes, &mut ring, channel, &mut || {});
            // By hand: each entry's single-precision weights summed in `f32` in arrival
            // order, then added to its double-precision sum.
            let block = &p.storage.blocks[0];
            let mut sums = std::collections::HashMap::<(usize, usize, usize), f32>::new();
            for &(step, source) in &spikes {
                let s = source as usize;
                for k in block.row_start[s] as usize..block.row_start[s + 1] as usize {
                    let Weights::Single(ws) = &block.weights else {
                        panic!("single weights")
                    };
                    let slot = ring.slot_after(ring.slot(step), usize::from(p.delay(block, k)));
                    let w = ws[k];
                    *sums
                        .entry((slot, channel(f64::from(w)), block.target(k)))
                        .or_insert(0.0) += w;
                }
            }
            let mut expected = Ring::new(BLOCK_LEN, slots, 2, false);
            expected.add(expected.slot(3), 0, 7, 0.1);
            let two_or_more = sums.len();
            for ((slot, c, i), sum) in sums {
                expected.add(slot, c, i, f64::from(sum));
            }
            assert!(two_or_more > 100, "{two_or_more}");
            assert_eq!(
                contents(&mut ring, slots as i64),
                contents(&mut expected, slots as i64),
                "rows up to {longest}"
            );
            // Once read and zeroed (as a model zeroes its input), a step's rows of both
            // kinds are empty for the ring's next turn.
            for s in 0..slots as i64 {
                let (mut spikes, current) = ring.step_mut(s);
                for c in 0..spikes.channels() {
                    spikes.channel(c).fill(0.0);
                }
                current.fill(0.0);
            }
            assert!(contents(&mut ring, slots as i64).iter().all(|&x| x == 0));
        }
        // Constant weights, and weights of double precision, keep to the double rows.
        assert!(!projection(30, 40, Some(-2.5), true, 3).adds_single(0));
        assert!(!projection(30, 40, None, false, 1).adds_single(0));
        assert!(!projection(30, 40, None, true, 1).adds_single(1));
    }
}
