//! The per-synapse weights of one block, in 4 bytes each when that loses nothing.
//!
//! A weight drawn from a distribution is kept at single precision
//! (`network_spec::Value::drawn_weight`), so a projection with random
//! weights (the cortical microcircuit's three hundred million) keeps each in an `f32`:
//! 6 bytes per synapse with its packed word instead of 10, and 40 % fewer bytes read per
//! delivered spike. Weights that are not all exactly single-precision numbers (given
//! one by one, or set between runs) stay `f64`, as NEST keeps them. Either way a weight
//! reads back as the `f64` it was set to: the storage is exact.

use super::prefetch::prefetch_lines;
use crate::engine::huge_pages::advise;
use network_spec::WeightStorage;
use std::ops::Range;

/// Per-synapse weights of one block (empty when the projection's weight is constant, or
/// a plastic rule keeps the weights in its state).
#[derive(Debug, Clone)]
pub(crate) enum Weights {
    /// Every weight is exactly this `f32`.
    Single(Vec<f32>),
    /// Weights as given.
    Double(Vec<f64>),
}

impl Default for Weights {
    fn default() -> Self {
        Weights::Single(Vec::new())
    }
}

/// Whether `w` is exactly a single-precision number.
#[inline]
pub(crate) fn is_single(w: f64) -> bool {
    f64::from(w as f32).to_bits() == w.to_bits()
}

impl Weights {
    /// Swaps the weights of synapses `i` and `j` (nothing where the weights are not per
    /// synapse).
    pub fn swap(&mut self, i: usize, j: usize) {
        match self {
            Weights::Single(w) if !w.is_empty() => w.swap(i, j),
            Weights::Double(w) if !w.is_empty() => w.swap(i, j),
            _ => {}
        }
    }

    /// `n` copies of `w`.
    pub fn repeat(w: f64, n: usize) -> Self {
        if is_single(w) {
            Weights::Single(vec![w as f32; n])
        } else {
            Weights::Double(vec![w; n])
        }
    }

    /// The number of weights.
    #[inline]
    pub fn len(&self) -> usize {
        match self {
            Weights::Single(w) => w.len(),
            Weights::Double(w) => w.len(),
        }
    }

    /// Weight `k`.
    #[inline]
    pub fn get(&self, k: usize) -> f64 {
        match self {
            Weights::Single(w) => f64::from(w[k]),
            Weights::Double(w) => w[k],
        }
    }

    /// Sets weight `k` to `w`, keeping every weight in 8 bytes from then on if `w` is
    /// not exactly an `f32`. Inlined: the builder sets each synapse's drawn weight.
    #[inline]
    pub fn set(&mut self, k: usize, w: f64) {
        match self {
            Weights::Single(ws) if is_single(w) => ws[k] = w as f32,
            Weights::Single(_) => self.set_double(k, w),
            Weights::Double(ws) => ws[k] = w,
        }
    }

    /// [`Weights::set`] of a weight that is not an `f32` into single-precision storage:
    /// every weight moves to 8 bytes.
    #[cold]
    #[inline(never)]
    fn set_double(&mut self, k: usize, w: f64) {
        let mut double: Vec<f64> = self.iter().collect();
        double[k] = w;
        *self = Weights::Double(double);
    }

    /// Every weight, in order.
    pub fn iter(&self) -> impl Iterator<Item = f64> + '_ {
        (0..self.len()).map(|k| self.get(k))
    }

    /// Zeroed storage for `n` weights kept as `storage` says (none when shared); its
    /// whole 2 MiB pages advised to be huge pages.
    pub fn zeroed(n: usize, storage: WeightStorage) -> Self {
        let mut weights = match storage {
            WeightStorage::Shared => return Weights::default(),
            WeightStorage::Single => Weights::Single(vec![0.0; n]),
            WeightStorage::Double => Weights::Double(vec![0.0; n]),
        };
        match &mut weights {
            Weights::Single(w) => advise(w),
            Weights::Double(w) => advise(w),
        }
        weights
    }

    /// Asks the processor for the first lines of the weights of synapses `row`, where
    /// the block keeps them (a hint: no effect on results).
    #[inline(always)]
    pub fn prefetch(&self, row: Range<usize>) {
        match self {
            Weights::Single(w) => w.get(row).map(prefetch_lines),
            Weights::Double(w) => w.get(row).map(prefetch_lines),
        };
    }

    /// Bytes held (the weights alone).
    pub fn bytes(&self) -> usize {
        match self {
            Weights::Single(w) => w.len() * 4,
            Weights::Double(w) => w.len() * 8,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_that_lose_nothing_in_f32_take_four_bytes() {
        // 0.5, -87.75 and 2^-20 are sums of few powers of two; 0.1 and 87.8 are not.
        let mut drawn = Weights::zeroed(3, WeightStorage::Single);
        for (k, w) in [0.5, -87.75, 1.0 / 1_048_576.0].into_iter().enumerate() {
            drawn.set(k, w);
        }
        assert!(matches!(drawn, Weights::Single(_)));
        assert_eq!(drawn.bytes(), 12);
        assert_eq!(
            drawn.iter().collect::<Vec<_>>(),
            [0.5, -87.75, 1.0 / 1_048_576.0]
        );
        assert!(matches!(Weights::repeat(0.1, 3), Weights::Double(_)));
        assert_eq!(
            Weights::repeat(87.8, 2).iter().collect::<Vec<_>>(),
            [87.8, 87.8]
        );
        assert_eq!(Weights::zeroed(3, WeightStorage::Double).bytes(), 24);
    }

    #[test]
    fn setting_an_inexact_weight_keeps_every_weight_exact() {
        let mut w = Weights::repeat(2.0, 3);
        w.set(0, -4.0);
        assert!(matches!(w, Weights::Single(_)));
        w.set(2, 87.8);
        assert!(matches!(w, Weights::Double(_)));
        assert_eq!(w.iter().collect::<Vec<_>>(), [-4.0, 2.0, 87.8]);
    }
}
