//! Exact Poisson sampling for the per-target drive of `poisson_generator`.
//!
//! A generator draws one count per target and step, all with the same mean, so the
//! cumulative distribution is tabulated once and each draw is one uniform number and a
//! short search (inversion). Means above [`TABLE_LIMIT`] use rand_distr's sampler.

use crate::rng::Stream;
use rand::{Rng, RngExt};
use rand_distr::{Distribution, Poisson};

/// Probability mass the branch-free head of the table covers; draws beyond it scan on.
const HEAD_MASS: f64 = 1.0 - 1e-3;

/// Largest mean tabulated; beyond it the table search would be long.
const TABLE_LIMIT: f64 = 30.0;

/// A Poisson distribution with a fixed mean, ready for many draws.
#[derive(Debug, Clone)]
pub(crate) enum PoissonSampler {
    /// Mean zero: always 0.
    Zero,
    /// Inversion of a 64-bit uniform integer `x` against the tabulated distribution:
    /// the count is the number of thresholds `<= x`.
    Table(InversionTable),
    /// Large means: rand_distr's sampler (transformed rejection).
    Large(Poisson<f64>),
}

/// `P(X <= k)` as 64-bit integer thresholds, and their upper halves for the head of the
/// table, where almost all draws end.
///
/// A draw is `x = hi · 2^32 + lo` with `hi`, `lo` uniform 32-bit integers, so
/// `P(x >= t) = 1 − t / 2^64`: with `t_k = ceil(P(X <= k) · 2^64)`, the count of
/// thresholds `<= x` is Poisson distributed to 64-bit resolution. Comparing `hi` alone
/// with the thresholds' upper halves decides the count unless `hi` equals one of them
/// (probability about `head / 2^32`) or passes the whole head (about 1e-3); only then
/// is `lo` drawn and the full thresholds searched. Most draws thus cost 4 random bytes
/// and a few 32-bit comparisons that vectorize across draws.
#[derive(Debug, Clone)]
pub(crate) struct InversionTable {
    /// `t_k` for every `k` with `P(X <= k) < 1`, increasing.
    thresholds: Box<[u64]>,
    /// Upper halves of the first thresholds, covering [`HEAD_MASS`].
    head_hi: Box<[u32]>,
}

impl InversionTable {
    fn new(mean: f64) -> Self {
        let mut term = (-mean).exp();
        let mut total = term;
        let mut cdf = vec![total];
        let mut k = 0.0;
        // Stop once a further term no longer changes the sum (or the mean is passed and
        // the terms vanish). A draw beyond the last threshold, with probability of order
        // 1e-16, returns the table length: a count from the far tail.
        while (term > total * f64::EPSILON / 4.0 || k < mean) && term > 0.0 {
            k += 1.0;
            term *= mean / k;
            total += term;
            cdf.push(total);
        }
        // Entries that rounded to 1 can never be passed by x < 2^64.
        let thresholds: Box<[u64]> = cdf
            .iter()
            .take_while(|&&c| c < 1.0)
            .map(|&c| (c * TWO_POW_64).ceil() as u64)
            .collect();
        let covered = cdf
            .iter()
            .position(|&c| c >= HEAD_MASS)
            .map_or(cdf.len(), |k| k + 1);
        let head_hi = thresholds[..covered.min(thresholds.len())]
            .iter()
            .map(|&t| (t >> 32) as u32)
            .collect();
        Self {
            thresholds,
            head_hi,
        }
    }

    /// The count for the draw whose upper half is `hi`, drawing the lower half from
    /// `rng` only when the upper half does not decide it. `passed` and `reached` are
    /// the numbers of head thresholds whose upper half is `< hi` and `<= hi`.
    #[inline]
    fn resolve(&self, hi: u32, passed: u32, reached: u32, rng: &mut Stream) -> u32 {
        if passed == reached && (passed as usize) < self.head_hi.len() {
            return passed;
        }
        let x = (u64::from(hi) << 32) | u64::from(rng.next_u32());
        self.thresholds.partition_point(|&t| t <= x) as u32
    }

    /// The head thresholds' upper halves `< hi` and `<= hi`.
    #[inline]
    fn head_counts(&self, hi: u32) -> (u32, u32) {
        self.head_hi.iter().fold((0, 0), |(lt, le), &t| {
            (lt + u32::from(t < hi), le + u32::from(t <= hi))
        })
    }
}

/// 2^64 as a float.
const TWO_POW_64: f64 = 18_446_744_073_709_551_616.0;

impl PoissonSampler {
    /// The sampler for `mean` (expected count per draw).
    pub fn new(mean: f64) -> Self {
        if mean <= 0.0 || !mean.is_finite() {
            return PoissonSampler::Zero;
        }
        if mean > TABLE_LIMIT {
            return match Poisson::new(mean) {
                Ok(p) => PoissonSampler::Large(p),
                Err(_) => PoissonSampler::Zero,
            };
        }
        PoissonSampler::Table(InversionTable::new(mean))
    }

    /// One draw.
    #[inline]
    pub fn sample(&self, rng: &mut Stream) -> u32 {
        match self {
            PoissonSampler::Zero => 0,
            PoissonSampler::Table(table) => {
                let hi = rng.next_u32();
                let (passed, reached) = table.head_counts(hi);
                table.resolve(hi, passed, reached, rng)
            }
            PoissonSampler::Large(p) => p.sample(rng) as u32,
        }
    }

    /// Fills `out` with independent draws. Draws are made in chunks of [`DRAW_CHUNK`]
    /// ([`PoissonSampler::sample_chunk`]), so the result is a function of the stream
    /// alone, and the same when a caller draws the chunks one at a time.
    #[inline(always)]
    pub fn sample_many(&self, rng: &mut Stream, out: &mut [u32]) {
        for chunk in out.chunks_mut(DRAW_CHUNK) {
            self.sample_chunk(rng, chunk);
        }
    }

    /// Fills `out` (at most [`DRAW_CHUNK`] draws) with independent draws: the upper
    /// halves of the chunk first, then (rarely) lower halves in order. Inlined so that
    /// the comparisons get the block work's vector width (`engine::wide`).
    #[inline(always)]
    pub fn sample_chunk(&self, rng: &mut Stream, out: &mut [u32]) {
        debug_assert!(out.len() <= DRAW_CHUNK);
        let PoissonSampler::Table(table) = self else {
            for n in out.iter_mut() {
                *n = self.sample(rng);
            }
            return;
        };
        let mut bytes = [0u8; 4 * DRAW_CHUNK];
        let mut hi = [0u32; DRAW_CHUNK];
        let mut reached = [0u32; DRAW_CHUNK];
        let hi = &mut hi[..out.len()];
        let reached = &mut reached[..out.len()];
        let bytes = &mut bytes[..4 * out.len()];
        // One copy out of the generator's buffer instead of a call per number.
        rng.fill_bytes(bytes);
        for (h, b) in hi.iter_mut().zip(bytes.chunks_exact(4)) {
            *h = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        }
        out.fill(0);
        reached.fill(0);
        for &t in table.head_hi.iter() {
            for ((n, r), &h) in out.iter_mut().zip(reached.iter_mut()).zip(hi.iter()) {
                *n += u32::from(t < h);
                *r += u32::from(t <= h);
            }
        }
        for ((n, &r), &h) in out.iter_mut().zip(reached.iter()).zip(hi.iter()) {
            *n = table.resolve(h, *n, r, rng);
        }
    }
}

/// The draws [`PoissonSampler::sample_many`] makes at a time.
pub(crate) const DRAW_CHUNK: usize = 64;

/// Whether a train with window `window` (steps) sends in step `s`: `t_min < s <= t_max`,
/// the rule of `poisson_generator`'s trains, which the rate laws share (`rate_drive`).
#[inline]
pub(crate) fn sends_in(window: (i64, i64), s: i64) -> bool {
    window.0 < s && s <= window.1
}

/// Mean count per target and step below which the superposed drive is cheaper.
const SUPERPOSE_BELOW: f64 = 0.25;

/// Independent Poisson counts for each of `n` targets in every step.
#[derive(Debug, Clone)]
pub(crate) enum PoissonDrive {
    /// One draw per target and step (dense drive).
    PerTarget(PoissonSampler),
    /// The superposition of the `n` trains: a total count ~ Poisson(n·mean), each event
    /// sent to a uniformly chosen target. This is the same joint distribution as `n`
    /// independent draws, with far fewer random numbers when the mean is small.
    Superposed {
        /// Sampler of the total count.
        total: PoissonSampler,
        /// Number of targets.
        n: usize,
    },
}

impl PoissonDrive {
    /// The drive of `n` targets with `mean` events per target and step.
    pub fn new(mean: f64, n: usize) -> Self {
        if mean < SUPERPOSE_BELOW && n > 1 {
            PoissonDrive::Superposed {
                total: PoissonSampler::new(mean * n as f64),
                n,
            }
        } else {
            PoissonDrive::PerTarget(PoissonSampler::new(mean))
        }
    }

    /// Draws one step: calls `event(target, count)` for every target that receives spikes
    /// (a target may be named more than once in the superposed form).
    #[inline]
    pub fn step(&self, n_targets: usize, rng: &mut Stream, mut event: impl FnMut(usize, u32)) {
        match self {
            PoissonDrive::PerTarget(sampler) => {
                for k in 0..n_targets {
                    let count = sampler.sample(rng);
                    if count > 0 {
                        event(k, count);
                    }
                }
            }
            PoissonDrive::Superposed { total, n } => {
                for _ in 0..total.sample(rng) {
                    event(rng.random_range(0..*n), 1);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{Purpose, Seed};

    #[test]
    fn mean_and_variance_match() {
        for &mean in &[0.005, 1.7789, 12.0, 45.0] {
            let sampler = PoissonSampler::new(mean);
            let mut rng = Seed(5).stream(Purpose::Simulation, 0, 0);
            let n = 200_000;
            let draws: Vec<f64> = (0..n)
                .map(|_| f64::from(sampler.sample(&mut rng)))
                .collect();
            let m = draws.iter().sum::<f64>() / n as f64;
            let v = draws.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1) as f64;
            // |z| < 5: false-alarm rate 6e-7 per check.
            assert!(
                (m - mean).abs() < 5.0 * (mean / n as f64).sqrt(),
                "mean {m} for {mean}"
            );
            let var_se = (2.0 * mean * mean / n as f64 + mean / n as f64).sqrt();
            assert!((v - mean).abs() < 5.0 * var_se, "variance {v} for {mean}");
        }
    }

    #[test]
    fn superposed_drive_gives_independent_poisson_counts() {
        let (mean, n, steps) = (0.01, 50, 40_000);
        let drive = PoissonDrive::new(mean, n);
        assert!(matches!(drive, PoissonDrive::Superposed { .. }));
        let mut rng = Seed(9).stream(Purpose::Simulation, 0, 0);
        let mut counts = vec![0u32; n];
        for _ in 0..steps {
            drive.step(n, &mut rng, |k, c| counts[k] += c);
        }
        let expected = mean * steps as f64;
        let m = counts.iter().map(|&c| f64::from(c)).sum::<f64>() / n as f64;
        let chi2: f64 = counts
            .iter()
            .map(|&c| (f64::from(c) - expected).powi(2) / expected)
            .sum();
        // Mean: |z| < 5 (6e-7). Dispersion: chi-square with 49 degrees of freedom below
        // 110 (false-alarm rate about 3e-6): the counts are Poisson, not clumped.
        assert!(
            (m - expected).abs() < 5.0 * (expected / n as f64).sqrt(),
            "{m}"
        );
        assert!(chi2 < 110.0 && chi2 > 15.0, "{chi2}");
    }

    #[test]
    fn many_draws_have_the_distribution_of_single_draws() {
        // Probabilities of 0..=4 and the rest at mean 1.7789; chi-square with 5 degrees
        // of freedom below 30 (false-alarm rate about 1.5e-5) for each way of drawing.
        let mean: f64 = 1.7789;
        let sampler = PoissonSampler::new(mean);
        let n = 200_000;
        let mut many = vec![0u32; n];
        sampler.sample_many(&mut Seed(6).stream(Purpose::Simulation, 0, 0), &mut many);
        let mut rng = Seed(7).stream(Purpose::Simulation, 0, 0);
        let single: Vec<u32> = (0..n).map(|_| sampler.sample(&mut rng)).collect();
        let mut p: Vec<f64> = (0..5u32)
            .map(|k| (-mean).exp() * mean.powi(k as i32) / (1..=k).product::<u32>() as f64)
            .collect();
        p.push(1.0 - p.iter().sum::<f64>());
        for draws in [&many, &single] {
            let mut observed = [0.0f64; 6];
            for &k in draws.iter() {
                observed[(k as usize).min(5)] += 1.0;
            }
            let chi2: f64 = observed
                .iter()
                .zip(&p)
                .map(|(o, p)| (o - p * n as f64).powi(2) / (p * n as f64))
                .sum();
            assert!(chi2 < 30.0, "chi2 {chi2}");
        }
    }

    #[test]
    fn upper_halves_decide_like_the_full_thresholds() {
        // Whichever path decides a draw, its count must be the number of full 64-bit
        // thresholds <= x, where x's lower half is what the stream would give next.
        // Probe upper halves at and around every threshold's, where the paths split.
        for mean in [0.005, 0.6, 1.7789, 12.0] {
            let PoissonSampler::Table(table) = PoissonSampler::new(mean) else {
                panic!()
            };
            let mut rng = Seed(8).stream(Purpose::Simulation, 0, 0);
            for &t in table.thresholds.iter() {
                let upper = (t >> 32) as u32;
                for hi in [upper.saturating_sub(1), upper, upper.saturating_add(1)] {
                    let lo = rng.clone().next_u32();
                    let x = (u64::from(hi) << 32) | u64::from(lo);
                    let (passed, reached) = table.head_counts(hi);
                    let k = table.resolve(hi, passed, reached, &mut rng);
                    assert_eq!(k as usize, table.thresholds.partition_point(|&t| t <= x));
                }
            }
        }
    }

    #[test]
    fn table_reaches_full_probability() {
        let PoissonSampler::Table(table) = PoissonSampler::new(1.7789) else {
            panic!()
        };
        let last = *table.thresholds.last().unwrap() as f64 / TWO_POW_64;
        assert!(1.0 - last <= 4.0 * f64::EPSILON);
        assert!(table.thresholds.len() < 30, "{}", table.thresholds.len());
        assert!(table.head_hi.len() <= 8, "{}", table.head_hi.len());
        assert!(matches!(PoissonSampler::new(0.0), PoissonSampler::Zero));
    }
}
