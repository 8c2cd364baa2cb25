//! Delivery of packed synapses onto a direct ring (`Ring::direct_rows`, or the rows of
//! single precision, `Ring::single_rows`), with the rows and the ring entries asked for
//! ahead of their additions.

use super::prefetch::{
    prefetch_line, prefetch_line_to_l2, prefetch_lines, PREFETCH_ROWS_AHEAD, ROW_BOUNDS_AHEAD,
};
use super::{BlockSynapses, Projection, TARGET_BITS, TARGET_MASK};
use crate::engine::block::BLOCK_LEN;
use crate::engine::ring::in_row;

/// The most ring positions of a row computed (and their entries prefetched) one row
/// ahead of its additions; a longer row's further synapses compute theirs as they add.
pub(super) const POSITIONS_AHEAD: usize = 256;

/// A direct ring's rows `[slot · channels + channel]`, with its numbers of channels and
/// slots (`Ring::direct_rows`).
pub(super) struct DirectRing<'a, E> {
    /// The rows `[slot][channel][neuron]`, flattened.
    pub entries: &'a mut [E],
    pub channels: usize,
    pub slots: usize,
}

impl Projection {
    /// [`Projection::deliver`] for packed delays onto a direct ring: the same additions in
    /// the same order as `Ring::add`, with two stages of prefetching. A row's targets and
    /// weights are fetched [`PREFETCH_ROWS_AHEAD`] rows ahead; the ring entries of the
    /// next row (about a hundred random places in the block's ring, which at full scale
    /// does not stay in cache between steps) are fetched one row ahead, so that their
    /// misses overlap with this row's additions instead of stalling each one. The
    /// positions computed for that prefetch (up to [`POSITIONS_AHEAD`] per row) are kept
    /// for the additions, which then only load, add and store. `weights` are the block's
    /// (`f32` or `f64`, [`super::Weights`]), empty when the projection's weight is
    /// `constant`; the entries `E` are `f64`, or `f32` for a ring's rows of single
    /// precision (then the weights are `f32` and never constant). `fill` is called once per row, between the next row's prefetches and this row's
    /// additions: work of the caller's that needs no memory, done while the entries
    /// arrive.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    pub(super) fn deliver_packed_direct<W, E>(
        &self,
        block: &BlockSynapses,
        weights: &[W],
        constant: Option<E>,
        spikes: &[(i64, u32)],
        ring: DirectRing<'_, E>,
        base: u16,
        channel: impl Fn(f64) -> usize,
        fill: &mut impl FnMut(),
    ) where
        W: Copy + Into<E>,
        E: Copy + Into<f64> + std::ops::AddAssign,
    {
        let DirectRing {
            entries,
            channels,
            slots,
        } = ring;
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
        let weights = |r: std::ops::Range<usize>| match constant {
            Some(_) => &[][..],
            None => &all[r],
        };
        let weight = |ws: &[W], j: usize| constant.unwrap_or_else(|| ws[j].into());
        // The position in `entries` (`[slot][channel][neuron]`) of a synapse's addition.
        let position = |first: usize, word: u16, weight: E| {
            let mut slot = first + usize::from(word >> TARGET_BITS);
            if slot >= slots {
                slot -= slots;
            }
            (slot * channels + channel(weight.into())) * BLOCK_LEN
                + in_row(usize::from(word & TARGET_MASK))
        };
        // Positions of the first synapses of row `k` into `out`, each entry prefetched.
        let ahead = |k: usize, out: &mut [usize; POSITIONS_AHEAD], entries: &[E]| {
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
                prefetch_lines(&block.targets[later.clone()]);
                prefetch_lines(weights(later));
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
}
