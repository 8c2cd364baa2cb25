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
//! memory. Nor are a slot's single-precision rows read where nothing wrote them: a
//! block whose input all comes through delivery at arrival (the microcircuit with DC
//! background) reads only the step's sums from arrival, which the caches hold.

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
    /// Per slot: whether its single-precision rows may hold input; else they hold +0.0
    /// and reading the step leaves them alone.
    single_written: Vec<bool>,
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
            single_written: vec![false; slots],
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
        .saturating_add(slots.saturating_mul(2))
    }

    /// The rows `[slot · spike channels + channel]`, with the number of spike channels,
    /// for adding to any slot.
    #[inline(always)]
    pub fn rows(&mut self) -> (&mut [Row32], usize) {
        self.single_written.fill(true);
        (&mut self.rows[..], self.spike_channels)
    }

    /// Adds `sums` (`[spike channel]`) to slot `slot`'s rows for the first `len`
    /// neurons and leaves them +0.0.
    pub fn add_rows(&mut self, slot: usize, sums: &mut [Row32], len: usize) {
        self.single_written[slot] = true;
        let c = self.spike_channels;
        for (row, sum) in self.rows[slot * c..(slot + 1) * c].iter_mut().zip(sums) {
            for (x, s) in row[..len].iter_mut().zip(sum[..len].iter_mut()) {
                *x += *s;
                *s = 0.0;
            }
        }
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
        self.single_written[slot] = true;
        add_run(
            &mut self.rows[slot * self.spike_channels + channel],
            first,
            values,
        );
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
        self.single_written[slot] = true;
        add_each(&mut self.rows[slot * self.spike_channels + channel], inputs);
    }

    /// The rows `[channel]` of slot `slot` for its first `len` neurons: `double` (the
    /// ring's rows of the slot) with the single-precision sums added where they were
    /// written, else rows of the single-precision sums alone. A neuron's single-precision
    /// sum is its slot's sum plus its sum in `arrived` (a step's sums from delivery at
    /// arrival, `[spike channel]`; empty for none). What is read is left +0.0, and the
    /// slot counts as unwritten: the caller zeroes what it reads of the rows returned.
    #[inline(always)]
    pub fn read<'a>(
        &'a mut self,
        slot: usize,
        double: &'a mut [Row],
        arrived: &mut [Row32],
        len: usize,
    ) -> &'a mut [Row] {
        let c = self.spike_channels;
        let single = std::mem::take(&mut self.single_written[slot])
            .then(|| &mut self.rows[slot * c..(slot + 1) * c]);
        if std::mem::take(&mut self.written[slot]) {
            join(&mut double[..c], single, arrived, len, Put::Add);
            double
        } else {
            // Rows nothing wrote are set to the sums, not added to (they are not read:
            // what the addition to +0.0 would give, as a sum begun at +0.0 is never
            // −0.0), and to +0.0 where there are none.
            join(&mut self.now[..c], single, arrived, len, Put::Set);
            &mut self.now[..]
        }
    }
}

/// Adds the `k`-th of `values` to entry `first + k` of `row`, each rounded to single
/// precision and summed there: how input enters a row of single precision.
#[inline(always)]
pub(crate) fn add_run(row: &mut Row32, first: usize, values: impl Iterator<Item = f64>) {
    for (input, value) in row[first..].iter_mut().zip(values) {
        *input += value as f32;
    }
}

/// Adds each `(i, value)` of `inputs` to neuron `i`'s entry of `row`, as [`add_run`]
/// does.
#[inline(always)]
pub(crate) fn add_each(row: &mut Row32, inputs: impl Iterator<Item = (usize, f64)>) {
    for (i, value) in inputs {
        row[in_row(i)] += value as f32;
    }
}

/// How [`join`] gives a row its sums.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Put {
    /// Added to the row's values.
    Add,
    /// In place of the row's values (+0.0 where there are no sums).
    Set,
}

/// Gives each of `out`'s rows (`[spike channel]`, the first `len` neurons), as `put`
/// says, the single-precision sum of `single`'s row (where given) and `arrived`'s (where
/// given: it may be empty or shorter), added in single precision in that order; what
/// is read is left +0.0.
#[inline(always)]
fn join(
    out: &mut [Row],
    single: Option<&mut [Row32]>,
    arrived: &mut [Row32],
    len: usize,
    how: Put,
) {
    let put = |x: &mut f64, y: f64| match how {
        Put::Add => *x += y,
        Put::Set => *x = y,
    };
    let mut single = single.map(|rows| rows.iter_mut());
    let mut arrived = arrived.iter_mut();
    for row in out {
        let out = &mut row[..len];
        match (single.as_mut().and_then(Iterator::next), arrived.next()) {
            (Some(s), Some(a)) => {
                for ((x, s), a) in out.iter_mut().zip(&mut s[..len]).zip(&mut a[..len]) {
                    put(x, f64::from(*s + *a));
                    *s = 0.0;
                    *a = 0.0;
                }
            }
            (Some(y), None) | (None, Some(y)) => {
                for (x, y) in out.iter_mut().zip(&mut y[..len]) {
                    put(x, f64::from(*y));
                    *y = 0.0;
                }
            }
            (None, None) if how == Put::Set => out.fill(0.0),
            (None, None) => {}
        }
    }
}

/// Adds `arrived` (a step's sums from delivery at arrival, `[spike channel]`, single
/// precision; empty for none) to the double-precision rows `rows` of a ring that keeps
/// no single-precision rows, for the first `len` neurons, and leaves it +0.0.
#[inline(always)]
pub(crate) fn add_single(rows: &mut [Row], arrived: &mut [Row32], len: usize) {
    let channels = arrived.len().min(rows.len());
    join(&mut rows[..channels], None, arrived, len, Put::Add);
}
