//! A direct ring's rows of single precision (`engine::ring`): the spike input through
//! synapses whose weights are kept at single precision (drawn weights), and the dense
//! Poisson drive into the same block, summed in `f32` and joined to the step's
//! double-precision input when the step is read.
//!
//! The random additions of a large network then move half the bytes. A step whose
//! double-precision rows nothing wrote (the cortical microcircuit's with Poisson
//! background, where every input is a drawn weight or the Poisson drive) is not read
//! from them at all: its single-precision sums are handed out in rows of their own,
//! which stay in cache, instead of being added to rows of zeros that would come from
//! memory.

use super::block::{in_row, Row, Row32, BLOCK_LEN};
use super::huge_pages::Rows;

/// Single-precision spike input of a ring, `[slot][spike channel]`, with what reading a
/// step needs.
#[derive(Debug, Clone)]
pub(crate) struct SingleRows {
    rows: Rows<Row32>,
    spike_channels: usize,
    /// Per slot: whether the ring's double-precision rows of that slot may hold input
    /// (anything added since the slot was last read); else they hold +0.0.
    written: Vec<bool>,
    /// The rows `[channel]` handed out for a step whose double-precision rows were not
    /// written: the step's single-precision sums, and +0.0 on the current channel.
    now: Vec<Row>,
}

impl SingleRows {
    /// Rows for `slots` slots of `spike_channels` spike channels (and a current channel
    /// after them in the ring's double-precision rows).
    pub fn new(slots: usize, spike_channels: usize) -> Self {
        Self {
            rows: Rows::zeroed(slots * spike_channels),
            spike_channels,
            written: vec![false; slots],
            now: vec![[0.0; BLOCK_LEN]; spike_channels + 1],
        }
    }

    /// The bytes of the rows of `slots` slots and `spike_channels` spike channels (the
    /// memory estimate's count).
    pub const fn bytes(slots: u64, spike_channels: u64) -> u64 {
        super::huge_pages::footprint(
            slots
                .saturating_mul(spike_channels)
                .saturating_mul(std::mem::size_of::<Row32>() as u64),
        )
        .saturating_add((spike_channels + 1).saturating_mul(std::mem::size_of::<Row>() as u64))
        .saturating_add(slots)
    }

    /// The rows `[slot · spike channels + channel]`, with the number of spike channels.
    #[inline(always)]
    pub fn rows(&mut self) -> (&mut [Row32], usize) {
        (&mut self.rows[..], self.spike_channels)
    }

    /// Notes that slot `slot`'s double-precision rows were added to.
    #[inline(always)]
    pub fn mark(&mut self, slot: usize) {
        self.written[slot] = true;
    }

    /// Notes that any slot's double-precision rows may have been added to.
    pub fn mark_all(&mut self) {
        self.written.fill(true);
    }

    /// Adds the `k`-th of `values` to neuron `first + k`'s input on spike channel
    /// `channel` in slot `slot`, rounded to single precision and summed there.
    #[inline(always)]
    pub fn add_run(
        &mut self,
        slot: usize,
        channel: usize,
        first: usize,
        values: impl Iterator<Item = f64>,
    ) {
        let row = &mut self.rows[slot * self.spike_channels + channel][first..];
        for (input, value) in row.iter_mut().zip(values) {
            *input += value as f32;
        }
    }

    /// Adds each `(i, value)` of `inputs` to neuron `i`'s input on spike channel
    /// `channel` in slot `slot`, as [`SingleRows::add_run`] does.
    #[inline(always)]
    pub fn add_each(
        &mut self,
        slot: usize,
        channel: usize,
        inputs: impl Iterator<Item = (usize, f64)>,
    ) {
        let row = &mut self.rows[slot * self.spike_channels + channel];
        for (i, value) in inputs {
            row[in_row(i)] += value as f32;
        }
    }

    /// The rows `[channel]` of slot `slot` for its first `len` neurons: `double` (the
    /// ring's rows of the slot) with the single-precision sums added where they were
    /// written, else rows of the single-precision sums alone. The single-precision rows
    /// are left +0.0, and the slot counts as unwritten: the caller zeroes what it reads.
    #[inline(always)]
    pub fn read<'a>(&'a mut self, slot: usize, double: &'a mut [Row], len: usize) -> &'a mut [Row] {
        let c = self.spike_channels;
        let single = &mut self.rows[slot * c..(slot + 1) * c];
        if std::mem::take(&mut self.written[slot]) {
            for (row, from) in double.iter_mut().zip(single.iter_mut()) {
                for (x, y) in row[..len].iter_mut().zip(from[..len].iter_mut()) {
                    *x += f64::from(*y);
                    *y = 0.0;
                }
            }
            double
        } else {
            // What the addition to +0.0 would give: a sum begun at +0.0 is never −0.0.
            for (row, from) in self.now.iter_mut().zip(single.iter_mut()) {
                for (x, y) in row[..len].iter_mut().zip(from[..len].iter_mut()) {
                    *x = f64::from(*y);
                    *y = 0.0;
                }
            }
            &mut self.now[..]
        }
    }
}
