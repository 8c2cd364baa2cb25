//! Rate neurons on several ranks: which neurons of a rate population each rank owns,
//! and the exchange of their rates, as NEST's secondary events go to every rank.
//!
//! Each rank owns a contiguous range of every rate population (rank `q` of `R` the
//! neurons `n·q/R .. n·(q+1)/R`), so the ranks' values concatenated in rank order are
//! the population's values in index order, the order one process holds them in.

use super::Communicator;
use crate::engine::rate::RateExchange;
use std::ops::Range;
use std::sync::Arc;

/// The neurons of a population of `n` that rank `rank` of `size` owns.
pub(crate) fn owned(rank: usize, size: usize, n: usize) -> Range<usize> {
    let size = size.max(1);
    n * rank / size..n * (rank + 1) / size
}

/// The ranks and the ranges they own, per population.
#[derive(Debug, Clone)]
pub(crate) struct Share {
    comm: Arc<dyn Communicator>,
    /// Per population, its size.
    sizes: Vec<usize>,
}

impl Share {
    /// The share of populations of `sizes` neurons over the ranks of `comm`.
    pub fn new(comm: Arc<dyn Communicator>, sizes: Vec<usize>) -> Self {
        Self { comm, sizes }
    }
}

impl RateExchange for Share {
    fn distributed(&self) -> bool {
        self.comm.size() > 1
    }

    /// Values travel as their bits, so they arrive unchanged.
    fn gather(&self, local: &[Vec<f64>], per: usize, flag: bool) -> (Vec<Vec<f64>>, bool) {
        let mut words: Vec<u64> = local.iter().flatten().map(|v| v.to_bits()).collect();
        words.push(u64::from(flag));
        let all = self.comm.all_gather(&words);
        let mut global: Vec<Vec<f64>> = self
            .sizes
            .iter()
            .map(|&n| Vec::with_capacity(n * per))
            .collect();
        let mut any = false;
        let mut at = 0;
        let size = self.comm.size();
        for q in 0..size {
            for (p, &n) in self.sizes.iter().enumerate() {
                let count = owned(q, size, n).len() * per;
                global[p].extend(all[at..at + count].iter().map(|&w| f64::from_bits(w)));
                at += count;
            }
            any |= all[at] != 0;
            at += 1;
        }
        (global, any)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ranges_cover_a_population_once_in_rank_order() {
        for n in [1, 2, 7, 1100] {
            for size in 1..5 {
                let ranges: Vec<_> = (0..size).map(|r| owned(r, size, n)).collect();
                assert_eq!(ranges[0].start, 0);
                assert_eq!(ranges[size - 1].end, n);
                for w in ranges.windows(2) {
                    assert_eq!(w[0].end, w[1].start);
                }
            }
        }
        // 7 neurons on 3 ranks: 0..2, 2..4, 4..7.
        assert_eq!(owned(0, 3, 7), 0..2);
        assert_eq!(owned(1, 3, 7), 2..4);
        assert_eq!(owned(2, 3, 7), 4..7);
    }

    #[test]
    fn one_rank_gets_its_values_back() {
        let share = Share::new(Arc::new(crate::distribution::Local), vec![2, 1]);
        let (global, any) =
            share.gather(&[vec![1.0, -0.0, 2.5, 3.0], vec![f64::MIN, 4.0]], 2, true);
        assert_eq!(global, vec![vec![1.0, -0.0, 2.5, 3.0], vec![f64::MIN, 4.0]]);
        assert!(any);
        assert_eq!(global[0][1].to_bits(), (-0.0f64).to_bits());
    }
}
