//! Ring buffers of a block of neurons: input arriving in future steps, indexed by step.

/// Channel of current input from current generators (0 and 1 are the excitatory and
/// inhibitory spike channels).
pub const CURRENT: usize = 2;
const CHANNELS: usize = 3;

/// Input of `len` neurons for the next `slots` steps. Layout `[slot][channel][neuron]`, so
/// the inputs of one step for a whole block are contiguous and stay in cache.
#[derive(Debug, Clone, Default)]
pub struct Ring {
    slots: usize,
    len: usize,
    data: Vec<f64>,
}

impl Ring {
    /// Buffers for `len` neurons and `slots` future steps.
    pub fn new(len: usize, slots: usize) -> Self {
        Self {
            slots,
            len,
            data: vec![0.0; len * slots * CHANNELS],
        }
    }

    #[inline]
    fn base(&self, step: i64, channel: usize) -> usize {
        ((step.rem_euclid(self.slots as i64) as usize) * CHANNELS + channel) * self.len
    }

    /// Adds `value` to neuron `i`'s input on `channel` for step `step`.
    #[inline]
    pub fn add(&mut self, step: i64, channel: usize, i: usize, value: f64) {
        let at = self.base(step, channel) + i;
        self.data[at] += value;
    }

    /// The slice of one channel for step `step`, one entry per neuron.
    #[inline]
    pub fn channel_mut(&mut self, step: i64, channel: usize) -> &mut [f64] {
        let at = self.base(step, channel);
        &mut self.data[at..at + self.len]
    }

    /// The three channels of step `step`: excitatory, inhibitory, current.
    pub fn step_mut(&mut self, step: i64) -> (&mut [f64], &mut [f64], &mut [f64]) {
        let at = self.base(step, 0);
        let slot = &mut self.data[at..at + CHANNELS * self.len];
        let (ex, rest) = slot.split_at_mut(self.len);
        let (inh, current) = rest.split_at_mut(self.len);
        (ex, inh, current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_around() {
        let mut r = Ring::new(3, 4);
        r.add(5, 1, 2, 1.5);
        r.add(9, 1, 2, 1.0);
        assert_eq!(r.channel_mut(1, 1)[2], 2.5);
        let (ex, inh, cur) = r.step_mut(1);
        assert_eq!((ex[2], inh[2], cur[2]), (0.0, 2.5, 0.0));
    }
}
