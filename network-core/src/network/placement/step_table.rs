//! Drawn delays as whole steps. A delay drawn from a distribution is kept only as the
//! number of steps it rounds to (NEST's `floor(d/h + 0.5)`), so its distribution over
//! steps is computed once per projection from the value's distribution function, and
//! each synapse draws its steps from that table with one 64-bit number (Walker's alias
//! method, built as Vose builds it) instead of a normal draw, a rounding and its checks:
//! in the microcircuit's build, where every synapse draws a normal delay, that draw was
//! a third of the per-synapse work.
//!
//! The steps have the distribution the per-draw path gives them, to the resolution of a
//! 64-bit draw (tails whose whole mass is below 2⁻⁶⁴ of the total are left out); the
//! numbers drawn for a seed differ from that path's. A table is made only where every step
//! it can give is a valid delay and, for a bounded normal, where the bounds are met often
//! enough that the per-draw path's redraws could not run out; any other delay is drawn
//! per synapse ([`super::draws::PerSynapse`]), which reports an impossible one.
//!
//! `rand_distr`'s `WeightedAliasIndex` draws twice per sample (a cell, then a uniform to
//! compare) and branches on the comparison: two normal draws cost less than it did here.

use crate::rng::Stream;
use crate::synapse::{Value, MAX_DELAY_STEPS};
use crate::time::Resolution;
use rand::Rng;
use std::f64::consts::SQRT_2;

/// The most steps a table spans (a wider distribution is drawn per synapse).
const MAX_CELLS: usize = 1 << 16;

/// The resolution of one 64-bit draw, 2⁻⁶⁴: what a table cannot tell apart from 0.
const DRAW_RESOLUTION: f64 = 1.0 / 18_446_744_073_709_551_616.0;

/// How far a normal's tails (in standard deviations) are searched for mass a 64-bit
/// draw can resolve: beyond 12 σ each tail holds less than 2⁻¹⁰⁶.
const TAIL_SIGMAS: f64 = 12.0;

/// The distribution of a drawn delay's steps, ready to draw from.
#[derive(Debug, Clone)]
pub(super) struct StepTable {
    cells: Vec<Cell>,
}

/// One of the table's equally likely cells: its own steps with probability
/// `keep_below / 2⁶⁴`, else the alias's.
#[derive(Debug, Clone, Copy)]
struct Cell {
    keep_below: u64,
    own: u16,
    alias: u16,
}

impl StepTable {
    /// The table for delays drawn from `value` at resolution `res`, or `None` where the
    /// delay is better drawn per synapse: a constant or an expression, parameters a
    /// draw would reject, steps outside `1..=MAX_DELAY_STEPS` with any mass, more than
    /// `MAX_CELLS` steps, or bounds so unlikely that redraws could run out after
    /// `redraws` tries.
    pub(super) fn new(value: &Value, res: &Resolution, redraws: usize) -> Option<Self> {
        let law = Law::of(value)?;
        let (lo, hi) = law.bounds;
        let accepted = law.mass(lo, hi);
        // The per-draw path fails after `redraws` misses in a row: where that can happen
        // with a chance a 64-bit draw resolves, the delay is left to that path.
        let runs_out = redraws > 0 && redraws as f64 * (-accepted).ln_1p() > DRAW_RESOLUTION.ln();
        if accepted.is_nan() || accepted <= 0.0 || runs_out {
            return None;
        }
        let (first, last) = law.support();
        let first = res.delay_steps(first.max(lo));
        let last = res.delay_steps(last.min(hi));
        let valid = 1..=MAX_DELAY_STEPS;
        let apart = last.saturating_sub(first);
        if last < *valid.start() || first > *valid.end() || !(0..MAX_CELLS as i64).contains(&apart)
        {
            return None;
        }
        let mut masses: Vec<f64> = (first..=last)
            .map(|k| {
                let (a, b) = res.delay_interval(k);
                let (a, b) = (a.max(lo), b.min(hi));
                if a < b {
                    law.mass(a, b)
                } else {
                    0.0
                }
            })
            .collect();
        let total: f64 = masses.iter().sum();
        // Leave out each tail whose whole mass a 64-bit draw cannot resolve.
        let negligible = total * DRAW_RESOLUTION;
        let keep_from = tail_len(masses.iter(), negligible);
        let keep_to = masses.len() - tail_len(masses.iter().rev(), negligible);
        if keep_from >= keep_to {
            return None;
        }
        let first = first + keep_from as i64;
        let last = first + (keep_to - keep_from) as i64 - 1;
        if !valid.contains(&first) || !valid.contains(&last) {
            return None;
        }
        masses.truncate(keep_to);
        masses.drain(..keep_from);
        Some(Self::from_masses(first as u16, &masses))
    }

    /// Vose's construction: each cell takes one step's share below the average and the
    /// rest from a step above it.
    fn from_masses(first: u16, masses: &[f64]) -> Self {
        let n = masses.len();
        let total: f64 = masses.iter().sum();
        let mut scaled: Vec<f64> = masses.iter().map(|m| m * n as f64 / total).collect();
        let mut cells: Vec<Cell> = (0..n)
            .map(|i| {
                let own = first + i as u16;
                Cell {
                    keep_below: u64::MAX,
                    own,
                    alias: own,
                }
            })
            .collect();
        let (mut small, mut large): (Vec<usize>, Vec<usize>) =
            (0..n).partition(|&i| scaled[i] < 1.0);
        while let (Some(&s), Some(&l)) = (small.last(), large.last()) {
            small.pop();
            cells[s].keep_below = (scaled[s] / DRAW_RESOLUTION) as u64;
            cells[s].alias = first + l as u16;
            scaled[l] -= 1.0 - scaled[s];
            if scaled[l] < 1.0 {
                large.pop();
                small.push(l);
            }
        }
        // What is left holds (to rounding) a whole cell's share: its own steps always.
        Self { cells }
    }

    /// One delay in steps.
    #[inline]
    pub(super) fn draw(&self, rng: &mut Stream) -> u16 {
        let wide = u128::from(rng.next_u64()) * self.cells.len() as u128;
        let cell = self.cells[(wide >> 64) as usize];
        std::hint::select_unpredictable((wide as u64) < cell.keep_below, cell.own, cell.alias)
    }

    /// The probability of each step, from the cells (for the tests).
    #[cfg(test)]
    fn probabilities(&self) -> std::collections::BTreeMap<u16, f64> {
        let mut p = std::collections::BTreeMap::new();
        let share = 1.0 / self.cells.len() as f64;
        for cell in &self.cells {
            let keep = cell.keep_below as f64 * DRAW_RESOLUTION;
            *p.entry(cell.own).or_insert(0.0) += share * keep;
            *p.entry(cell.alias).or_insert(0.0) += share * (1.0 - keep);
        }
        p
    }
}

/// How many of `masses`, from the first, together weigh less than `negligible`.
fn tail_len<'a>(masses: impl Iterator<Item = &'a f64>, negligible: f64) -> usize {
    let mut sum = 0.0;
    masses
        .take_while(|&&m| {
            sum += m;
            sum < negligible
        })
        .count()
}

/// A delay's distribution, with the bounds it is redrawn within.
struct Law {
    kind: Kind,
    /// Inclusive bounds; infinite where there are none.
    bounds: (f64, f64),
}

enum Kind {
    Normal { mean: f64, std: f64 },
    Uniform { min: f64, max: f64 },
    Lognormal { mu: f64, sigma: f64 },
}

impl Law {
    /// The law of `value`, if it is a distribution with parameters a draw accepts.
    fn of(value: &Value) -> Option<Self> {
        let unbounded = (f64::NEG_INFINITY, f64::INFINITY);
        let law = match *value {
            Value::Normal {
                mean,
                std,
                min,
                max,
            } if mean.is_finite() && std.is_finite() && std > 0.0 => Law {
                kind: Kind::Normal { mean, std },
                bounds: (
                    min.unwrap_or(f64::NEG_INFINITY),
                    max.unwrap_or(f64::INFINITY),
                ),
            },
            Value::Uniform { min, max } if min.is_finite() && max.is_finite() && min < max => Law {
                kind: Kind::Uniform { min, max },
                bounds: unbounded,
            },
            Value::Lognormal { mu, sigma }
                if mu.is_finite() && sigma.is_finite() && sigma > 0.0 =>
            {
                Law {
                    kind: Kind::Lognormal { mu, sigma },
                    bounds: unbounded,
                }
            }
            _ => return None,
        };
        let (lo, hi) = law.bounds;
        (!lo.is_nan() && !hi.is_nan()).then_some(law)
    }

    /// An interval outside which the distribution has no mass a 64-bit draw resolves.
    fn support(&self) -> (f64, f64) {
        match self.kind {
            Kind::Normal { mean, std } => (mean - TAIL_SIGMAS * std, mean + TAIL_SIGMAS * std),
            Kind::Uniform { min, max } => (min, max),
            Kind::Lognormal { mu, sigma } => (
                (mu - TAIL_SIGMAS * sigma).exp(),
                (mu + TAIL_SIGMAS * sigma).exp(),
            ),
        }
    }

    /// The probability of a draw (before any bounds) in `[a, b]`, without the
    /// cancellation of a difference of two distribution values near 1.
    fn mass(&self, a: f64, b: f64) -> f64 {
        if b <= a {
            return 0.0;
        }
        let (below_a, above_a) = self.split(a);
        let (below_b, above_b) = self.split(b);
        if above_a <= 0.5 {
            above_a - above_b
        } else {
            below_b - below_a
        }
    }

    /// The probabilities below and above `x`, each computed directly.
    fn split(&self, x: f64) -> (f64, f64) {
        let standard = |z: f64| (0.5 * libm::erfc(-z / SQRT_2), 0.5 * libm::erfc(z / SQRT_2));
        match self.kind {
            Kind::Normal { mean, std } => standard((x - mean) / std),
            Kind::Uniform { min, max } => {
                let below = ((x - min) / (max - min)).clamp(0.0, 1.0);
                (below, 1.0 - below)
            }
            Kind::Lognormal { mu, sigma } => {
                if x <= 0.0 {
                    (0.0, 1.0)
                } else {
                    standard((x.ln() - mu) / sigma)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{Purpose, Seed};

    fn table(value: Value) -> Option<StepTable> {
        StepTable::new(&value, &Resolution::default(), 10_000)
    }

    fn normal(mean: f64, std: f64, min: Option<f64>) -> Value {
        Value::Normal {
            mean,
            std,
            min,
            max: None,
        }
    }

    /// Each step's probability against SciPy's (`scipy.stats.norm`/`lognorm`, the
    /// difference of the distribution function at the step's edges, divided by the mass
    /// within the bounds), to 1e-13.
    #[test]
    fn steps_have_the_distributions_probabilities() {
        let cases: [(Value, &[(u16, f64)]); 5] = [
            (
                normal(1.0, 0.1, None),
                &[
                    (7, 0.005977036246740607),
                    (8, 0.06059753594308194),
                    (9, 0.24173033745712863),
                    (10, 0.3829249225480265),
                    (11, 0.24173033745712857),
                    (13, 0.005977036246740619),
                ],
            ),
            // The microcircuit's excitatory delay, redrawn below the resolution.
            (
                normal(1.5, 0.75, Some(0.1)),
                &[
                    (1, 0.005114665440762001),
                    (2, 0.012239128863904032),
                    (15, 0.054851915999560394),
                    (16, 0.05436721951186334),
                    (40, 0.00021380169673104526),
                ],
            ),
            (
                Value::Lognormal {
                    mu: 2f64.ln(),
                    sigma: 0.1,
                },
                &[(20, 0.1974519993566079), (25, 0.013647723652240762)],
            ),
            // Spreads of many steps: the tails searched must scale with them.
            (
                normal(100.0, 10.0, None),
                &[(1000, 0.003989406181481414), (1300, 4.4319961409078346e-05)],
            ),
            (
                Value::Lognormal {
                    mu: 100f64.ln(),
                    sigma: 0.25,
                },
                &[(1000, 0.0015957681907404764), (2000, 1.708739909667134e-05)],
            ),
        ];
        for (value, expected) in cases {
            let p = table(value.clone()).expect("a table").probabilities();
            for &(step, want) in expected {
                let got = p[&step];
                assert!(
                    (got - want).abs() < 1e-13,
                    "{value:?} step {step}: {got} against {want}"
                );
            }
            let total: f64 = p.values().sum();
            assert!((total - 1.0).abs() < 1e-12, "{value:?}: {total}");
        }
        // Uniform on [0.1, 0.3) ms: a quarter rounds to 1 step, half to 2, a quarter to 3.
        let p = table(Value::Uniform { min: 0.1, max: 0.3 })
            .unwrap()
            .probabilities();
        let p: Vec<(u16, f64)> = p.into_iter().filter(|&(_, q)| q > 0.0).collect();
        assert_eq!(p.len(), 3);
        for ((step, got), (want_step, want)) in p.into_iter().zip([(1, 0.25), (2, 0.5), (3, 0.25)])
        {
            assert_eq!(step, want_step);
            assert!((got - want).abs() < 1e-15, "step {step}: {got}");
        }
    }

    /// A far tail's mass keeps its digits (SciPy's `norm.sf(8) - norm.sf(9)`, to 1e-12
    /// relative): as a difference of two distribution values near 1 it would keep about
    /// one (6.66e-16 for 6.22e-16).
    #[test]
    fn far_tails_keep_their_digits() {
        let law = Law::of(&normal(0.0, 1.0, None)).unwrap();
        let want = 6.219831985865787e-16;
        for (a, b) in [(8.0, 9.0), (-9.0, -8.0)] {
            let got = law.mass(a, b);
            assert!(((got - want) / want).abs() < 1e-12, "[{a}, {b}]: {got}");
        }
    }

    /// The draws follow the table: frequencies of 10⁶ draws within 5 standard errors of
    /// the hand-computed probabilities, for a table with cells shared by two steps.
    #[test]
    fn draws_follow_the_probabilities() {
        let t = table(Value::Uniform { min: 0.1, max: 0.3 }).unwrap();
        let mut rng = Seed(3).stream(Purpose::SynapseDraws, 1, 0);
        let n = 1_000_000;
        let mut counts = [0u32; 4];
        for _ in 0..n {
            counts[usize::from(t.draw(&mut rng))] += 1;
        }
        assert_eq!(counts[0], 0);
        for (step, p) in [(1, 0.25), (2, 0.5), (3, 0.25)] {
            let f = f64::from(counts[step]) / n as f64;
            let se = (p * (1.0 - p) / n as f64).sqrt();
            assert!((f - p).abs() < 5.0 * se, "step {step}: {f} against {p}");
        }
    }

    /// Delays that could be impossible, or too wide, or redrawn too often, stay with the
    /// per-draw path (which reports the impossible ones).
    #[test]
    fn doubtful_delays_are_drawn_per_synapse() {
        // Mass below half a step (0 steps): unbounded normal, uniform from 0.
        assert!(table(normal(1.5, 0.75, None)).is_none());
        assert!(table(Value::Uniform { min: 0.0, max: 1.0 }).is_none());
        // Lognormal with mass near 0 ms a 64-bit draw resolves.
        assert!(table(Value::Lognormal {
            mu: 0.0,
            sigma: 1.0
        })
        .is_none());
        // More than 2^16 steps, or beyond the longest delay.
        assert!(table(Value::Uniform {
            min: 0.1,
            max: 7000.0
        })
        .is_none());
        assert!(table(normal(6600.0, 1.0, None)).is_none());
        // Bounds met once in 10^5 draws: redraws could run out.
        assert!(table(normal(1.0, 0.1, Some(1.426))).is_none());
        // Constants and invalid parameters.
        assert!(table(Value::Constant(1.0)).is_none());
        assert!(table(normal(1.0, -0.1, None)).is_none());
        // Supports that reach past every step count (found by the fuzzer).
        assert!(table(normal(0.0, 1e300, Some(0.1))).is_none());
        assert!(table(Value::Uniform {
            min: -1e300,
            max: 1e300
        })
        .is_none());
        assert!(table(normal(1e300, 1e283, None)).is_none());
        // Far tails below 2^-64 are left out: N(5, 0.5) keeps no step below 5 - 10 σ.
        let p = table(normal(5.0, 0.5, None)).unwrap().probabilities();
        assert!(p.keys().all(|&k| (1..=100).contains(&k)), "{p:?}");
    }
}
