//! Ring buffers of a block of neurons: input arriving in future steps, indexed by step.

use super::population::BLOCK_LEN;

/// Channel of current input from current generators (0 and 1 are the excitatory and
/// inhibitory spike channels).
pub const CURRENT: usize = 2;
const CHANNELS: usize = 3;

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
/// and stay in cache.
#[derive(Debug, Clone, Default)]
pub struct Ring {
    slots: usize,
    len: usize,
    rows: Vec<Row>,
}

impl Ring {
    /// Buffers for `len` neurons and `slots` future steps.
    pub fn new(len: usize, slots: usize) -> Self {
        debug_assert!(len <= BLOCK_LEN);
        Self {
            slots,
            len,
            rows: vec![[0.0; BLOCK_LEN]; slots * CHANNELS],
        }
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
        &mut self.rows[slot * CHANNELS + channel]
    }

    /// Adds `value` to neuron `i`'s input on `channel` in slot `slot`.
    #[inline]
    pub fn add(&mut self, slot: usize, channel: usize, i: usize, value: f64) {
        self.row_mut(slot, channel)[in_row(i)] += value;
    }

    /// The three channels of step `step` (excitatory, inhibitory, current), one entry per
    /// neuron of the block.
    pub fn step_mut(&mut self, step: i64) -> (&mut [f64], &mut [f64], &mut [f64]) {
        let at = self.slot(step) * CHANNELS;
        let len = self.len;
        let [ex, inh, current] = &mut self.rows[at..at + CHANNELS] else {
            unreachable!("a slot has three channels")
        };
        (&mut ex[..len], &mut inh[..len], &mut current[..len])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_around() {
        let mut r = Ring::new(3, 4);
        let slot = r.slot_after(r.slot(5), 0);
        r.add(slot, 1, 2, 1.5);
        r.add(r.slot(9), 1, 2, 1.0);
        assert_eq!(r.slot_after(r.slot(3), 2), r.slot(5));
        let (ex, inh, cur) = r.step_mut(1);
        assert_eq!((ex.len(), ex[2], inh[2], cur[2]), (3, 0.0, 2.5, 0.0));
    }
}
