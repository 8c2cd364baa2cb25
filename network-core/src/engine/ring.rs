//! Ring buffers of a block of neurons: input arriving in future steps, indexed by step.

use super::block::BLOCK_LEN;
use crate::models::SpikeInput;

/// One channel of one step for a whole block: always `BLOCK_LEN` wide, so that a target
/// index masked with `BLOCK_LEN − 1` needs no bounds check.
pub type Row = [f64; BLOCK_LEN];

/// Masks a target index into a [`Row`]; a no-op for every valid index.
#[inline(always)]
pub fn in_row(i: usize) -> usize {
    i & (BLOCK_LEN - 1)
}

/// Input of `len` (<= `BLOCK_LEN`) neurons for the next `slots` steps. Layout
/// `[slot][channel][neuron]`, so the inputs of one step for a whole block are contiguous
/// and stay in cache. Channels `0..spike_channels` hold spike input (excitatory and
/// inhibitory, or one per receptor port), the last one current input.
#[derive(Debug, Clone, Default)]
pub struct Ring {
    slots: usize,
    len: usize,
    channels: usize,
    rows: Vec<Row>,
}

impl Ring {
    /// Buffers for `len` neurons, `spike_channels` spike input channels and `slots`
    /// future steps.
    pub fn new(len: usize, slots: usize, spike_channels: usize) -> Self {
        debug_assert!(len <= BLOCK_LEN);
        let channels = spike_channels + 1;
        Self {
            slots,
            len,
            channels,
            rows: vec![[0.0; BLOCK_LEN]; slots * channels],
        }
    }

    /// The channel of current input from current generators (after the spike channels).
    #[inline]
    pub fn current_channel(&self) -> usize {
        self.channels - 1
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

    /// One channel of one slot.
    #[inline]
    pub fn row_mut(&mut self, slot: usize, channel: usize) -> &mut Row {
        &mut self.rows[slot * self.channels + channel]
    }

    /// Adds `value` to neuron `i`'s input on `channel` in slot `slot`.
    #[inline]
    pub fn add(&mut self, slot: usize, channel: usize, i: usize, value: f64) {
        self.row_mut(slot, channel)[in_row(i)] += value;
    }

    /// The channels of step `step`: the spike channels, and the current input with one
    /// entry per neuron of the block.
    pub fn step_mut(&mut self, step: i64) -> (SpikeInput<'_>, &mut [f64]) {
        let at = self.slot(step) * self.channels;
        let len = self.len;
        let (current, spikes) = self.rows[at..at + self.channels]
            .split_last_mut()
            .expect("a slot has a current channel");
        (
            SpikeInput::new(spikes.as_flattened_mut(), BLOCK_LEN, len),
            &mut current[..len],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_around() {
        let mut r = Ring::new(3, 4, 2);
        let slot = r.slot_after(r.slot(5), 0);
        r.add(slot, 1, 2, 1.5);
        r.add(r.slot(9), 1, 2, 1.0);
        r.add(r.slot(9), r.current_channel(), 1, 7.0);
        assert_eq!(r.slot_after(r.slot(3), 2), r.slot(5));
        let (spikes, cur) = r.step_mut(1);
        let [ex, inh] = spikes.pair();
        assert_eq!((ex.len(), ex[2], inh[2], cur[1]), (3, 0.0, 2.5, 7.0));
    }

    #[test]
    fn one_channel_per_receptor_port() {
        let mut r = Ring::new(5, 3, 4);
        assert_eq!(r.current_channel(), 4);
        r.add(r.slot(2), 3, 4, 1.25);
        let (mut spikes, _) = r.step_mut(2);
        assert_eq!(spikes.channels(), 4);
        assert_eq!(spikes.channel(3), &[0.0, 0.0, 0.0, 0.0, 1.25]);
    }
}
