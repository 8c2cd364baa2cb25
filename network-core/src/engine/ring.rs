//! Ring buffers of a block of neurons: input arriving in future steps, indexed by step.
//!
//! Two stores, with bit-identical results. `Direct` (the default) keeps one row per
//! channel and slot and adds each input where it belongs. `Deferred` (meant for networks
//! whose rings do not stay in cache; chosen by [`deferred`]) logs each input as
//! `(index, value)` in its slot's log, in arrival order, and applies the log when the step
//! is read: appending is a sequential write and the one row set it is applied to is hot,
//! where a direct add would be a random read-modify-write to memory. Each entry receives
//! the same additions in the same order either way, so the sums are the same to the bit.
//!
//! A direct ring may also keep rows of single precision (`engine::single_rows`) for the
//! spike input through synapses whose weights are kept at single precision (drawn
//! weights) and for a dense Poisson drive into the same block: summed in single
//! precision, joined to the step's double-precision input when the step is read. The
//! sums differ from NEST's by the rounding of single-precision sums (relative 6·10⁻⁸
//! per addition), far inside the spread of the weights' distribution and of the
//! drive's counts (docs/fidelity.md).

use super::block::BLOCK_LEN;
pub use super::block::{in_row, Row, Row32};
use super::huge_pages::Rows;
use super::single_rows::{add_single, SingleRows};
use crate::models::SpikeInput;

/// The most channels a deferred ring has: a log entry's index (`channel · BLOCK_LEN +
/// neuron`) is 16 bits.
const DEFERRED_MAX_CHANNELS: usize = (u16::MAX as usize + 1) / BLOCK_LEN;

/// Rings (all blocks, stored directly) larger than this are deferred. None for now:
/// measured on the microcircuit at scale 0.5 and 1 (rings of 43 and 85 MB, on a shared
/// 2-core machine under heavy load), deferred rings were no faster (simulation CPU time
/// 7.45 s against 6.82 s at scale 0.5) and held 20-180 MB more; bench/PERF.md.
const DEFER_ABOVE_BYTES: Option<u64> = None;

/// Whether the rings of a network whose direct rings take `total_bytes` are deferred.
/// The environment variable `NETWORK_RINGS=direct|deferred` overrides the choice (for
/// tests and measurements: results are the same either way).
pub(crate) fn deferred(total_bytes: u64) -> bool {
    match std::env::var("NETWORK_RINGS").as_deref() {
        Ok("direct") => false,
        Ok("deferred") => true,
        _ => DEFER_ABOVE_BYTES.is_some_and(|limit| total_bytes > limit),
    }
}

/// The inputs of one slot not yet applied, in arrival order: index into the slot's rows
/// (`channel · BLOCK_LEN + neuron`) and value.
#[derive(Debug, Clone, Default)]
pub struct Log {
    at: Vec<u16>,
    value: Vec<f64>,
}

impl Log {
    /// Appends `value` for entry `at` (`channel · BLOCK_LEN + neuron`) of its slot.
    #[inline(always)]
    pub fn push(&mut self, at: usize, value: f64) {
        self.at.push(at as u16);
        self.value.push(value);
    }
}

/// Where a ring keeps its inputs.
#[derive(Debug, Clone)]
enum Store {
    /// Rows `[slot][channel]`, each input added on arrival (in huge pages where the
    /// kernel gives them: `engine::huge_pages`).
    Direct(Rows),
    /// A log per slot, applied to `now` (the rows `[channel]` of the step being read)
    /// when that step is read. Between steps `now` holds +0.0 everywhere: the models
    /// zero what they read, as they do for a direct ring's slot.
    Deferred { logs: Vec<Log>, now: Vec<Row> },
}

impl Default for Store {
    fn default() -> Self {
        Store::Direct(Rows::Plain(Vec::new()))
    }
}

/// Input of `len` (<= `BLOCK_LEN`) neurons for the next `slots` steps. Layout
/// `[slot][channel][neuron]` (direct), so the inputs of one step for a whole block are
/// contiguous and stay in cache. Channels `0..spike_channels` hold spike input
/// (excitatory and inhibitory, or one per receptor port), the last one current input.
#[derive(Debug, Clone, Default)]
pub struct Ring {
    slots: usize,
    len: usize,
    channels: usize,
    store: Store,
    /// Spike input of single precision (`engine::single_rows`), only where
    /// [`Ring::keep_single_input`] asked for it.
    single: Option<SingleRows>,
}

impl Ring {
    /// Buffers for `len` neurons, `spike_channels` spike input channels and `slots`
    /// future steps; `deferred` asks for logs applied when a step is read (taken where
    /// the channels fit a log entry's index).
    pub fn new(len: usize, slots: usize, spike_channels: usize, deferred: bool) -> Self {
        debug_assert!(len <= BLOCK_LEN);
        let channels = spike_channels + 1;
        let store = if deferred && channels <= DEFERRED_MAX_CHANNELS {
            Store::Deferred {
                logs: vec![Log::default(); slots],
                now: vec![[0.0; BLOCK_LEN]; channels],
            }
        } else {
            Store::Direct(Rows::zeroed(slots * channels))
        };
        Self {
            slots,
            len,
            channels,
            store,
            single: None,
        }
    }

    /// An empty ring like this one (its neurons, channels and store) holding `slots`
    /// future steps: for delay extrema widened before the first run, when every ring is
    /// still empty.
    pub fn with_slots(&self, slots: usize) -> Self {
        let deferred = matches!(self.store, Store::Deferred { .. });
        let mut ring = Self::new(self.len, slots, self.channels - 1, deferred);
        if self.single.is_some() {
            ring.keep_single_input();
        }
        ring
    }

    /// Gives a direct ring rows for spike input of single precision
    /// ([`Ring::single_rows`]); a deferred ring logs every input as it is.
    pub fn keep_single_input(&mut self) {
        if matches!(self.store, Store::Direct(_)) && self.single.is_none() {
            self.single = Some(SingleRows::new(self.slots, self.channels - 1));
        }
    }

    /// Whether the ring keeps rows of single precision ([`Ring::keep_single_input`]).
    #[inline]
    pub fn keeps_single_input(&self) -> bool {
        self.single.is_some()
    }

    /// The single-precision rows, where the ring keeps them: for a dense Poisson drive.
    #[inline(always)]
    pub(crate) fn single_input(&mut self) -> Option<&mut SingleRows> {
        self.single.as_mut()
    }

    /// Notes that slot `slot`'s double-precision rows were added to.
    #[inline(always)]
    fn mark(&mut self, slot: usize) {
        if let Some(single) = &mut self.single {
            single.mark(slot);
        }
    }

    /// Whether inputs are logged and applied when their step is read.
    #[cfg(test)]
    pub fn is_deferred(&self) -> bool {
        matches!(self.store, Store::Deferred { .. })
    }

    /// The channel of current input from current generators (after the spike channels).
    #[inline]
    pub fn current_channel(&self) -> usize {
        self.spike_channels()
    }

    /// The number of spike channels (none for a block another process owns, which has no
    /// ring).
    #[inline]
    pub fn spike_channels(&self) -> usize {
        self.channels.saturating_sub(1)
    }

    /// The slot holding step `step`.
    #[inline]
    pub fn slot(&self, step: i64) -> usize {
        step.rem_euclid(self.slots as i64) as usize
    }

    /// The slot `delay` steps after `slot`; `delay` is below the ring's length.
    #[inline]
    pub fn slot_after(&self, slot: usize, delay: usize) -> usize {
        let later = slot + delay;
        if later >= self.slots {
            later - self.slots
        } else {
            later
        }
    }

    /// The rows of a direct ring, `[slot · channels + channel]`, with the number of
    /// channels and slots: for adding many inputs without asking for the store each time.
    /// `None` for a deferred ring.
    #[inline(always)]
    pub fn direct_rows(&mut self) -> Option<(&mut [Row], usize, usize)> {
        if let Some(single) = &mut self.single {
            single.mark_all();
        }
        match &mut self.store {
            Store::Direct(rows) => Some((&mut rows[..], self.channels, self.slots)),
            Store::Deferred { .. } => None,
        }
    }

    /// The single-precision rows of a direct ring, `[slot · spike channels + channel]`,
    /// with the number of spike channels and slots; `None` where the ring has none
    /// ([`Ring::keep_single_input`]).
    #[inline(always)]
    pub fn single_rows(&mut self) -> Option<(&mut [Row32], usize, usize)> {
        let slots = self.slots;
        self.single.as_mut().map(|single| {
            let (rows, spike_channels) = single.rows();
            (rows, spike_channels, slots)
        })
    }

    /// Adds a step's sums from delivery at arrival (`[spike channel]`, single
    /// precision) to step `step`'s input and leaves them +0.0: into the step's
    /// single-precision rows where the ring keeps them, else each sum as it is into the
    /// double-precision input.
    pub fn add_arrived(&mut self, step: i64, sums: &mut [Row32]) {
        // No synapse reaches a block another process owns: its ring has no slots (and
        // no slot to divide by).
        if self.slots == 0 {
            return;
        }
        let slot = self.slot(step);
        let len = self.len;
        match self.single.as_mut() {
            Some(single) => single.add_rows(slot, sums, len),
            None => {
                for (channel, row) in sums.iter_mut().enumerate() {
                    self.add_run(slot, channel, 0, row[..len].iter().map(|&x| f64::from(x)));
                    row.fill(0.0);
                }
            }
        }
    }

    /// The slots' logs of a deferred ring, with the number of slots: for appending many
    /// inputs without asking for the store each time. `None` for a direct ring.
    #[inline(always)]
    pub fn deferred_logs(&mut self) -> Option<(&mut [Log], usize)> {
        match &mut self.store {
            Store::Deferred { logs, .. } => Some((logs, self.slots)),
            Store::Direct(_) => None,
        }
    }

    /// Adds `value` to neuron `i`'s input on `channel` in slot `slot`.
    #[inline(always)]
    pub fn add(&mut self, slot: usize, channel: usize, i: usize, value: f64) {
        self.mark(slot);
        match &mut self.store {
            Store::Direct(rows) => rows[slot * self.channels + channel][in_row(i)] += value,
            Store::Deferred { logs, .. } => {
                logs[slot].push(channel * BLOCK_LEN + in_row(i), value);
            }
        }
    }

    /// Adds each `(i, value)` of `inputs` to neuron `i`'s input on `channel` in slot
    /// `slot`, in order. A deferred ring leaves out values ±0.0: an entry starts at +0.0
    /// and a sum that starts at +0.0 never becomes −0.0, and adding ±0.0 to any other
    /// value leaves it unchanged, so the sums are the same.
    #[inline(always)]
    pub fn add_each(
        &mut self,
        slot: usize,
        channel: usize,
        inputs: impl Iterator<Item = (usize, f64)>,
    ) {
        self.mark(slot);
        match &mut self.store {
            Store::Direct(rows) => {
                let row = &mut rows[slot * self.channels + channel];
                for (i, value) in inputs {
                    row[in_row(i)] += value;
                }
            }
            Store::Deferred { logs, .. } => {
                let log = &mut logs[slot];
                let base = channel * BLOCK_LEN;
                for (i, value) in inputs {
                    if value != 0.0 {
                        log.at.push((base + in_row(i)) as u16);
                        log.value.push(value);
                    }
                }
            }
        }
    }

    /// Adds the `k`-th of `values` to neuron `first + k`'s input on `channel` in slot
    /// `slot`, in order (a run of consecutive neurons; zeros left out as in
    /// [`Ring::add_each`]).
    #[inline(always)]
    pub fn add_run(
        &mut self,
        slot: usize,
        channel: usize,
        first: usize,
        values: impl Iterator<Item = f64>,
    ) {
        self.mark(slot);
        match &mut self.store {
            Store::Direct(rows) => {
                let row = &mut rows[slot * self.channels + channel][first..];
                for (input, value) in row.iter_mut().zip(values) {
                    *input += value;
                }
            }
            Store::Deferred { .. } => {
                self.add_each(slot, channel, (first..).zip(values));
            }
        }
    }

    /// The channels of step `step`: the spike channels, and the current input with one
    /// entry per neuron of the block. The caller zeroes what it reads.
    pub fn step_mut(&mut self, step: i64) -> (SpikeInput<'_>, &mut [f64]) {
        self.step_mut_with(step, &mut [])
    }

    /// [`Ring::step_mut`], with `arrived` (the step's sums from delivery at arrival,
    /// `[spike channel]`, single precision; empty for none) added to the spike channels
    /// and left +0.0.
    pub fn step_mut_with(
        &mut self,
        step: i64,
        arrived: &mut [Row32],
    ) -> (SpikeInput<'_>, &mut [f64]) {
        let slot = self.slot(step);
        let len = self.len;
        let rows = match &mut self.store {
            Store::Direct(rows) => {
                let rows = &mut rows[slot * self.channels..(slot + 1) * self.channels];
                match &mut self.single {
                    Some(single) => single.read(slot, rows, arrived, len),
                    None => {
                        add_single(rows, arrived, len);
                        rows
                    }
                }
            }
            Store::Deferred { logs, now } => {
                let log = &mut logs[slot];
                let flat = now.as_flattened_mut();
                for (&at, &value) in log.at.iter().zip(&log.value) {
                    flat[usize::from(at)] += value;
                }
                log.at.clear();
                log.value.clear();
                add_single(now, arrived, len);
                &mut now[..]
            }
        };
        let (current, spikes) = rows.split_last_mut().expect("a slot has a current channel");
        (
            SpikeInput::new(spikes.as_flattened_mut(), BLOCK_LEN, len),
            &mut current[..len],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};

    #[test]
    fn wraps_around() {
        for deferred in [false, true] {
            let mut r = Ring::new(3, 4, 2, deferred);
            let slot = r.slot_after(r.slot(5), 0);
            r.add(slot, 1, 2, 1.5);
            r.add(r.slot(9), 1, 2, 1.0);
            r.add(r.slot(9), r.current_channel(), 1, 7.0);
            assert_eq!(r.slot_after(r.slot(3), 2), r.slot(5));
            let (spikes, cur) = r.step_mut(1);
            let [ex, inh] = spikes.pair();
            assert_eq!((ex.len(), ex[2], inh[2], cur[1]), (3, 0.0, 2.5, 7.0));
        }
    }

    #[test]
    fn single_rows_are_kept_where_asked_and_add_when_read() {
        let mut r = Ring::new(4, 5, 2, false);
        assert!(r.single_rows().is_none());
        r.keep_single_input();
        {
            let (rows, channels, slots) = r.single_rows().expect("kept");
            assert_eq!((rows.len(), channels, slots), (10, 2, 5));
            // Slot 3, inhibitory channel, neuron 1: 0.1 + 0.2 in single precision.
            rows[3 * 2 + 1][1] += 0.1f32;
            rows[3 * 2 + 1][1] += 0.2f32;
        }
        r.add(r.slot(8), 1, 1, 1.0);
        let (spikes, _) = r.step_mut(8);
        let [_, inh] = spikes.pair();
        // By hand: 0.1f32 + 0.2f32 is 0.300000011920929 (f32), added to 1.0 in f64.
        assert_eq!(inh[1], 1.0 + 0.300_000_011_920_928_96);
        inh.fill(0.0);
        // A slot whose double rows nothing wrote reads the single sums alone; a later
        // turn of a slot read once reads what was added since, not what was read.
        r.single_input()
            .expect("kept")
            .add_run(4, 0, 2, [0.25, 0.5].into_iter());
        let (spikes, current) = r.step_mut(9);
        let [ex, inh] = spikes.pair();
        assert_eq!(
            (&ex[..], &inh[..], &current[..]),
            (&[0.0, 0.0, 0.25, 0.5][..], &[0.0; 4][..], &[0.0; 4][..])
        );
        ex.fill(0.0);
        r.add(r.slot(13), 2, 0, 3.0);
        let (spikes, current) = r.step_mut(13);
        assert!(spikes.pair()[1].iter().all(|&x| x == 0.0));
        assert_eq!(current[0], 3.0);
        // Runs and lists of double-precision input count as written too.
        r.add_run(r.slot(14), 0, 1, [1.5].into_iter());
        r.add_each(r.slot(15), 1, [(3, -2.0)].into_iter());
        let (spikes, _) = r.step_mut(14);
        assert_eq!(spikes.pair()[0][1], 1.5);
        let (spikes, _) = r.step_mut(15);
        assert_eq!(spikes.pair()[1][3], -2.0);
        // A widened ring keeps them; a deferred ring logs everything and keeps none.
        assert!(r
            .with_slots(9)
            .single_rows()
            .is_some_and(|(rows, ..)| rows.len() == 18));
        let mut deferred = Ring::new(4, 5, 2, true);
        deferred.keep_single_input();
        assert!(deferred.single_rows().is_none());
        // 62 slots of two channels: 62 · 2 · 4096 bytes, the rows of a step read alone
        // (3 · 8192) and two flags per slot; 300 slots: the rows in whole huge pages.
        assert_eq!(SingleRows::bytes(62, 2), 507_904 + 24_576 + 124);
        if cfg!(target_os = "linux") {
            assert_eq!(SingleRows::bytes(300, 2), (4 << 20) + 24_576 + 600);
        }
    }

    /// A step's sums from delivery at arrival, `[spike channel]`, with `value` for
    /// neuron `i` on `channel`.
    fn arrived(channel: usize, i: usize, value: f32) -> Vec<Row32> {
        let mut rows = vec![[0.0; BLOCK_LEN]; 2];
        rows[channel][i] = value;
        rows
    }

    #[test]
    fn sums_from_arrival_join_a_step_in_single_precision_and_are_left_zero() {
        let mut r = Ring::new(4, 5, 2, false);
        r.keep_single_input();
        // Slot 3 (step 8): 0.1f32 through the single rows, 0.2f32 from arrival and 1.0
        // in double precision onto inhibitory neuron 1: by hand, 0.1f32 + 0.2f32 is
        // 0.300000011920929 (f32), added to 1.0 in f64.
        r.single_input()
            .expect("kept")
            .add_each(3, 1, [(1, 0.1)].into_iter());
        r.add(r.slot(8), 1, 1, 1.0);
        let mut sums = arrived(1, 1, 0.2);
        let (spikes, _) = r.step_mut_with(8, &mut sums);
        let [_, inh] = spikes.pair();
        assert_eq!(inh[1], 1.0 + 0.300_000_011_920_928_96);
        inh.fill(0.0);
        assert!(sums.iter().flatten().all(|&x| x == 0.0), "left zero");
        // Arrival alone, the slot's rows written by nothing: 0.1f32 widened.
        let mut sums = arrived(0, 2, 0.1);
        let (spikes, current) = r.step_mut_with(9, &mut sums);
        let [ex, inh] = spikes.pair();
        assert_eq!(ex[2], 0.100_000_001_490_116_12);
        assert_eq!(ex.iter().filter(|&&x| x != 0.0).count(), 1);
        assert!(inh.iter().chain(current.iter()).all(|&x| x == 0.0));
        // A step nothing wrote reads +0.0, whatever the rows handed out last held.
        let (spikes, _) = r.step_mut_with(10, &mut []);
        assert!(spikes
            .pair()
            .iter()
            .all(|row| row.iter().all(|&x| x == 0.0)));
        // Single rows of an earlier turn of the slot, read then, are not read again.
        let mut sums = arrived(1, 0, -0.5);
        let (spikes, _) = r.step_mut_with(13, &mut sums);
        assert_eq!(spikes.pair()[1][..], [-0.5, 0.0, 0.0, 0.0]);
    }

    #[test]
    fn sums_from_arrival_reach_a_ring_with_no_single_rows() {
        for deferred in [false, true] {
            let mut r = Ring::new(4, 5, 2, deferred);
            let mut sums = arrived(0, 3, 0.25);
            let (spikes, _) = r.step_mut_with(2, &mut sums);
            assert_eq!(spikes.pair()[0][3], 0.25, "deferred: {deferred}");
            assert_eq!(sums[0][3], 0.0);
            // Added to a later step's input, in double precision.
            let mut sums = arrived(1, 0, -1.5);
            r.add_arrived(4, &mut sums);
            assert_eq!(sums[1][0], 0.0);
            let (spikes, _) = r.step_mut(4);
            assert_eq!(spikes.pair()[1][0], -1.5, "deferred: {deferred}");
        }
        // Into the single rows where the ring keeps them.
        let mut r = Ring::new(4, 5, 2, false);
        r.keep_single_input();
        r.add_arrived(6, &mut arrived(0, 1, 0.1));
        r.add_arrived(6, &mut arrived(0, 1, 0.2));
        let (spikes, _) = r.step_mut(6);
        assert_eq!(spikes.pair()[0][1], 0.300_000_011_920_928_96);
        // A block another process owns has no ring: nothing to add to.
        Ring::default().add_arrived(6, &mut arrived(0, 1, 1.0));
    }

    #[test]
    fn one_channel_per_receptor_port() {
        for deferred in [false, true] {
            let mut r = Ring::new(5, 3, 4, deferred);
            assert_eq!(r.current_channel(), 4);
            r.add(r.slot(2), 3, 4, 1.25);
            let (mut spikes, _) = r.step_mut(2);
            assert_eq!(spikes.channels(), 4);
            assert_eq!(spikes.channel(3), &[0.0, 0.0, 0.0, 0.0, 1.25]);
        }
    }

    /// Reads step `s` of `ring` as its bits, zeroing what was read (as a model does).
    fn read(ring: &mut Ring, s: i64) -> Vec<u64> {
        let (mut spikes, current) = ring.step_mut(s);
        let mut bits = Vec::new();
        for c in 0..spikes.channels() {
            for x in spikes.channel(c) {
                bits.push(x.to_bits());
                *x = 0.0;
            }
        }
        for x in current {
            bits.push(x.to_bits());
            *x = 0.0;
        }
        bits
    }

    #[test]
    fn deferred_sums_are_the_direct_sums_to_the_bit() {
        // Values of many magnitudes and both signs, zeros of both signs, so that the
        // order of additions shows in the rounding.
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let (len, slots) = (50, 9);
        let mut direct = Ring::new(len, slots, 2, false);
        let mut deferred = Ring::new(len, slots, 2, true);
        assert!(deferred.is_deferred() && !direct.is_deferred());
        for s in 0..400_i64 {
            let now = direct.slot(s);
            for _ in 0..rng.random_range(0..60) {
                let slot = direct.slot_after(now, rng.random_range(1..slots));
                let channel = rng.random_range(0..3);
                let i = rng.random_range(0..len);
                let value = match rng.random_range(0..6) {
                    0 => 0.0,
                    1 => -0.0,
                    _ => (rng.random::<f64>() - 0.5) * 10f64.powi(rng.random_range(-8..9)),
                };
                direct.add(slot, channel, i, value);
                deferred.add(slot, channel, i, value);
            }
            if rng.random_range(0..3) == 0 {
                let slot = direct.slot_after(now, rng.random_range(1..slots));
                let values: Vec<(usize, f64)> = (0..len)
                    .map(|i| (i, f64::from(rng.random_range(0..3_u8)) * -1.7))
                    .collect();
                direct.add_each(slot, 0, values.iter().copied());
                deferred.add_each(slot, 0, values.iter().copied());
            }
            assert_eq!(
                read(&mut direct, s + 1),
                read(&mut deferred, s + 1),
                "step {s}"
            );
        }
    }
}
