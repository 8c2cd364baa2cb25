//! A number of draws split over cells in proportion to their weights (a multinomial),
//! drawn as a chain of binomials: first over chunks of [`CHUNK`] cells from one stream,
//! then within each chunk from that chunk's own stream. The chunks draw in parallel and
//! the counts depend on the streams alone, never on the number of threads.
//!
//! `fixed_total_number` splits its `N` pairs over the targets this way (each target
//! weighted by how many sources it may draw), then each target draws its sources from
//! its own stream: the same distribution as `N` pairs drawn uniformly from all allowed
//! pairs, and no pair list to sort by target.

use rand_distr::{Binomial, Distribution};
use rayon::prelude::*;

use crate::rng::Stream;

/// Cells per chunk (a chunk's counts come from its own stream).
const CHUNK: usize = 1024;

/// Counts of `n` draws over cells of `weights` (cell i drawn with probability
/// `weights[i] / Σ weights`): the chunks' totals from `top`, each chunk's cells from
/// `chunk_stream(chunk)`. The counts sum to `n` where any weight is positive.
pub(crate) fn multinomial<F>(n: u64, weights: &[u64], top: &mut Stream, chunk_stream: F) -> Vec<u64>
where
    F: Fn(usize) -> Stream + Sync,
{
    let chunk_weights: Vec<u64> = weights.chunks(CHUNK).map(|c| c.iter().sum()).collect();
    let mut chunk_totals = vec![0u64; chunk_weights.len()];
    split(n, &chunk_weights, top, &mut chunk_totals);
    let mut counts = vec![0u64; weights.len()];
    counts
        .par_chunks_mut(CHUNK)
        .zip(weights.par_chunks(CHUNK))
        .enumerate()
        .for_each(|(c, (counts, weights))| {
            if chunk_totals[c] > 0 {
                split(chunk_totals[c], weights, &mut chunk_stream(c), counts);
            }
        });
    counts
}

/// `n` split over `weights` into `counts` one cell after another: each cell takes a
/// binomial share of what is left, with its part of the weight left.
fn split(n: u64, weights: &[u64], rng: &mut Stream, counts: &mut [u64]) {
    let mut left = n;
    let mut weight_left: u64 = weights.iter().sum();
    for (&w, out) in weights.iter().zip(counts) {
        let count = if left == 0 || w == 0 {
            0
        } else if w >= weight_left {
            left
        } else {
            // 0 < w < weight_left: a probability strictly inside (0, 1).
            let p = w as f64 / weight_left as f64;
            Binomial::new(left, p)
                .expect("a probability strictly between 0 and 1")
                .sample(rng)
        };
        *out = count;
        left -= count;
        weight_left -= w;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{Purpose, Seed};

    fn counts(seed: u64, n: u64, weights: &[u64]) -> Vec<u64> {
        let seed = Seed(seed);
        let mut top = seed.stream(Purpose::Connect, 0, u64::MAX);
        multinomial(n, weights, &mut top, |c| {
            seed.stream(Purpose::TargetCounts, 0, c as u64)
        })
    }

    #[test]
    fn counts_sum_to_n_and_zero_weights_get_none() {
        // Three chunks and a partial one; zero weights at a chunk's start, end and a
        // whole chunk of them.
        let mut weights: Vec<u64> = (0..3 * CHUNK + 17).map(|i| (i % 7) as u64).collect();
        weights[CHUNK..2 * CHUNK].fill(0);
        *weights.last_mut().unwrap() = 0;
        for seed in 0..20 {
            let c = counts(seed, 123_457, &weights);
            assert_eq!(c.iter().sum::<u64>(), 123_457);
            for (i, (&w, &k)) in weights.iter().zip(&c).enumerate() {
                assert!(w > 0 || k == 0, "cell {i} of weight 0 drew {k}");
            }
        }
        // One cell of weight: it takes everything.
        let mut one = vec![0u64; 2 * CHUNK];
        one[CHUNK + 5] = 3;
        assert_eq!(counts(1, 999, &one)[CHUNK + 5], 999);
        assert_eq!(counts(1, 0, &weights).iter().sum::<u64>(), 0);
    }

    #[test]
    fn each_cell_is_binomial_with_its_share_of_the_weight() {
        // Cell i of a multinomial is Binomial(n, w_i / W): its mean and variance over
        // many seeds against those closed forms (cells of weight 1, 2 and 5 across
        // chunk boundaries).
        let weights: Vec<u64> = (0..CHUNK + 300).map(|i| [1, 2, 5][i % 3]).collect();
        let total: u64 = weights.iter().sum();
        let n = 20_000u64;
        let seeds = 400;
        let cells = [0usize, 1, 2, CHUNK - 1, CHUNK, CHUNK + 299];
        let mut sum = [0.0f64; 6];
        let mut sum_sq = [0.0f64; 6];
        for seed in 0..seeds {
            let c = counts(seed, n, &weights);
            for (j, &i) in cells.iter().enumerate() {
                sum[j] += c[i] as f64;
                sum_sq[j] += (c[i] as f64).powi(2);
            }
        }
        for (j, &i) in cells.iter().enumerate() {
            let p = weights[i] as f64 / total as f64;
            let (mean, var) = (n as f64 * p, n as f64 * p * (1.0 - p));
            let m = sum[j] / seeds as f64;
            let v = sum_sq[j] / seeds as f64 - m * m;
            // The sample mean's sd is sqrt(var / seeds); 5 sd.
            let sd = (var / seeds as f64).sqrt();
            assert!(
                (m - mean).abs() < 5.0 * sd,
                "cell {i}: mean {m}, expected {mean}"
            );
            // The sample variance's relative sd is about sqrt(2 / seeds) (7 %); 5 sd.
            assert!(
                (v / var - 1.0).abs() < 0.36,
                "cell {i}: variance {v}, expected {var}"
            );
        }
    }

    #[test]
    fn counts_do_not_depend_on_the_thread_count() {
        let weights: Vec<u64> = (0..5 * CHUNK + 3).map(|i| 1 + (i % 3) as u64).collect();
        let on = |threads| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| counts(7, 1_000_000, &weights))
        };
        assert_eq!(on(1), on(4));
    }
}
