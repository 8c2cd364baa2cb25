//! Exact Poisson sampling for the per-target drive of `poisson_generator`.
//!
//! A generator draws one count per target and step, all with the same mean, so the
//! cumulative distribution is tabulated once and each draw is one uniform number and a
//! short search (inversion). Means above [`TABLE_LIMIT`] use rand_distr's sampler.

use crate::rng::Stream;
use rand::RngExt;
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
    /// `cdf[k] = P(X <= k)` until the tail is below double precision.
    Table {
        /// `cdf[k] = P(X <= k)`.
        cdf: Box<[f64]>,
        /// Entries compared without branches on every draw (a multiple of 4 covering
        /// [`HEAD_MASS`]).
        head: usize,
    },
    /// Large means.
    Large(Poisson<f64>),
}

impl PoissonSampler {
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
        let mut term = (-mean).exp();
        let mut total = term;
        let mut cdf = vec![total];
        let mut k = 0.0;
        // Stop once a further term no longer changes the sum (or the mean is passed and
        // the terms vanish). A uniform draw beyond the last entry, with probability of
        // order 1e-16, returns the table length: a count from the far tail.
        while (term > total * f64::EPSILON / 4.0 || k < mean) && term > 0.0 {
            k += 1.0;
            term *= mean / k;
            total += term;
            cdf.push(total);
        }
        let covered = cdf
            .iter()
            .position(|&c| c >= HEAD_MASS)
            .unwrap_or(cdf.len() - 1)
            + 1;
        let head = covered.div_ceil(4).saturating_mul(4).min(cdf.len());
        PoissonSampler::Table {
            cdf: cdf.into_boxed_slice(),
            head,
        }
    }

    /// One count.
    #[inline]
    pub fn sample(&self, rng: &mut Stream) -> u32 {
        match self {
            PoissonSampler::Zero => 0,
            PoissonSampler::Table { cdf, head } => {
                let u: f64 = rng.random();
                // Count the table entries at or below u: branch-free over the head of the
                // table (where almost all draws end), a plain scan beyond it.
                let head = *head;
                let mut k = cdf[..head].iter().filter(|&&c| u >= c).count();
                if k == head {
                    while k < cdf.len() && u >= cdf[k] {
                        k += 1;
                    }
                }
                k as u32
            }
            PoissonSampler::Large(p) => p.sample(rng) as u32,
        }
    }
}

impl PoissonSampler {
    /// One count per entry of `out`, in order: the same draws as calling
    /// [`PoissonSampler::sample`] for each, computed branch-free across entries.
    pub fn sample_many(&self, rng: &mut Stream, out: &mut [u32]) {
        let PoissonSampler::Table { cdf, head } = self else {
            for n in out.iter_mut() {
                *n = self.sample(rng);
            }
            return;
        };
        let mut uniforms = [0.0f64; 64];
        for chunk in out.chunks_mut(64) {
            let u = &mut uniforms[..chunk.len()];
            for x in u.iter_mut() {
                *x = rng.random();
            }
            chunk.fill(0);
            for &c in &cdf[..*head] {
                for (n, &x) in chunk.iter_mut().zip(u.iter()) {
                    *n += u32::from(x >= c);
                }
            }
            for (n, &x) in chunk.iter_mut().zip(u.iter()) {
                if *n as usize == *head {
                    while (*n as usize) < cdf.len() && x >= cdf[*n as usize] {
                        *n += 1;
                    }
                }
            }
        }
    }
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
    fn many_draws_equal_single_draws() {
        let sampler = PoissonSampler::new(1.7789);
        let mut a = Seed(6).stream(Purpose::Simulation, 0, 0);
        let mut b = a.clone();
        let mut many = vec![0u32; 1000];
        sampler.sample_many(&mut a, &mut many);
        let single: Vec<u32> = (0..1000).map(|_| sampler.sample(&mut b)).collect();
        assert_eq!(many, single);
    }

    #[test]
    fn table_reaches_full_probability() {
        let PoissonSampler::Table { cdf, .. } = PoissonSampler::new(1.7789) else {
            panic!()
        };
        assert!(1.0 - cdf[cdf.len() - 1] <= 4.0 * f64::EPSILON);
        assert!(cdf.len() < 30, "{}", cdf.len());
        assert!(matches!(PoissonSampler::new(0.0), PoissonSampler::Zero));
    }
}
