//! Multimeters at work in one block: sample the state at the end of a step.

use crate::models::Recordable;

/// One multimeter's targets within one block, and the samples taken this slice.
#[derive(Debug, Clone)]
pub(crate) struct BlockSampler {
    /// The multimeter's index in the network.
    pub device: usize,
    pub interval: i64,
    pub offset: i64,
    pub window: (i64, i64),
    /// The first stamp it may sample: NEST's data logger starts after the time the
    /// multimeter was created at (`T`), at `T + 1` step with offset 0, else at `T + 2`
    /// (`UniversalDataLogger::init` moves `offset − 1` past `T`).
    pub first: i64,
    pub record_from: Vec<Recordable>,
    /// Targets, as indices within the block, ascending.
    pub targets: Vec<u32>,
    /// Samples of this slice: `(stamp, index within the block)`.
    pub stamps: Vec<(i64, u32)>,
    /// Values of this slice, `record_from.len()` per sample.
    pub values: Vec<f64>,
}

impl BlockSampler {
    /// Whether a sample is due at time stamp `stamp` (the end of step `stamp − 1`).
    #[inline]
    pub fn due(&self, stamp: i64) -> bool {
        stamp >= self.offset
            && stamp >= self.first
            && (stamp - self.offset) % self.interval == 0
            && self.window.0 < stamp
            && stamp <= self.window.1
    }

    /// Records every target with `read(var, i)`.
    pub fn sample(&mut self, stamp: i64, read: impl Fn(Recordable, usize) -> f64) {
        for &i in &self.targets {
            self.stamps.push((stamp, i));
            for &var in &self.record_from {
                self.values.push(read(var, i as usize));
            }
        }
    }
}
