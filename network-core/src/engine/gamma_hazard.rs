//! NEST's `sinusoidal_gamma_generator` at work: per train, the rate integrated since its
//! last spike (Λ, carried over parameter changes between runs as NEST's `pre_run_hook`
//! carries it), and each step a spike with the gamma process's hazard
//! `h · a · r(t) · Λ^(a−1) · e^(−Λ) / Γ(a, Λ)` (`a` the order, `Γ(a, Λ)` the upper
//! incomplete gamma function).

use crate::rng::Stream;
use rand::RngExt;
use std::f64::consts::PI;

/// The parameters the hazard depends on, in NEST's internal units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct GammaLaw {
    /// Mean rate (1/ms).
    pub rate: f64,
    /// Modulation amplitude (1/ms).
    pub amplitude: f64,
    /// ω (rad/ms).
    pub omega: f64,
    /// φ (rad).
    pub phase: f64,
    /// Order of the gamma process.
    pub order: f64,
}

impl GammaLaw {
    /// NEST's conversions of rate, amplitude (Hz), frequency (Hz), phase (degrees).
    pub fn new(rate: f64, amplitude: f64, frequency: f64, phase: f64, order: f64) -> Self {
        Self {
            rate: 1e-3 * rate,
            amplitude: 1e-3 * amplitude,
            omega: frequency * (2.0 * PI / 1000.0),
            phase: phase * (PI / 180.0),
            order,
        }
    }

    /// NEST's `deltaLambda_`: the integral of `order · r(t)` from `t_a` to `t_b` (ms).
    pub fn delta_lambda(&self, t_a: f64, t_b: f64) -> f64 {
        if t_a == t_b {
            return 0.0;
        }
        let mut d = self.order * self.rate * (t_b - t_a);
        if self.amplitude.abs() > 0.0 && self.omega.abs() > 0.0 {
            d += -self.order * self.amplitude / self.omega
                * ((self.omega * t_b + self.phase).cos() - (self.omega * t_a + self.phase).cos());
        }
        d
    }
}

/// The trains of one generator in one block (one per target, or one shared).
#[derive(Debug, Clone)]
pub(crate) struct SinusoidalGamma {
    /// The law now.
    pub law: GammaLaw,
    /// The law Λ was last integrated with (NEST's `P_prev_`).
    previous: GammaLaw,
    /// One train per target (true) or one for all.
    pub individual: bool,
    /// Per train: the time Λ was last brought up to (ms), and Λ then.
    t0: Vec<f64>,
    lambda0: Vec<f64>,
    /// The resolution (ms).
    h: f64,
}

impl SinusoidalGamma {
    /// Trains following `law` on a grid of `h` ms.
    pub fn new(law: GammaLaw, individual: bool, h: f64) -> Self {
        Self {
            law,
            previous: law,
            individual,
            t0: Vec::new(),
            lambda0: Vec::new(),
            h,
        }
    }

    /// NEST's `pre_run_hook` at `t_ms` for `targets` targets: Λ brought up to now with
    /// the previous law, which the current one then replaces; new trains start now.
    pub fn begin_run(&mut self, t_ms: f64, targets: usize) {
        let trains = if self.individual { targets } else { 1 };
        self.t0.resize(trains, t_ms);
        self.lambda0.resize(trains, 0.0);
        for (t0, lambda0) in self.t0.iter_mut().zip(&mut self.lambda0) {
            *lambda0 += self.previous.delta_lambda(*t0, t_ms);
            *t0 = t_ms;
        }
        self.previous = self.law;
    }

    /// The spike probability of train `k` in the step ending at `t_ms`, at rate `rate`.
    fn hazard(&self, k: usize, t_ms: f64, rate: f64) -> f64 {
        let lambda = self.lambda0[k] + self.law.delta_lambda(self.t0[k], t_ms);
        self.h * self.law.order * rate * hazard_shape(self.law.order, lambda)
    }

    /// Step `s` (ending at `t_ms`): when `active` and the rate is positive, a spike per
    /// train with its hazard, drawn from `rng` (one train per target) or `shared`.
    pub fn step(
        &mut self,
        t_ms: f64,
        active: bool,
        (rng, shared): (&mut Stream, &mut Stream),
        counts: &mut [u32],
    ) -> bool {
        let rate =
            self.law.rate + self.law.amplitude * (self.law.omega * t_ms + self.law.phase).sin();
        if !(active && rate > 0.0 && !counts.is_empty()) {
            return false;
        }
        let mut any = false;
        if self.individual {
            for (k, count) in counts.iter_mut().enumerate() {
                let fire = rng.random::<f64>() < self.hazard(k, t_ms, rate);
                if fire {
                    (self.t0[k], self.lambda0[k]) = (t_ms, 0.0);
                }
                *count = u32::from(fire);
                any |= fire;
            }
        } else {
            let fire = shared.random::<f64>() < self.hazard(0, t_ms, rate);
            if fire {
                (self.t0[0], self.lambda0[0]) = (t_ms, 0.0);
            }
            counts.fill(u32::from(fire));
            any = fire;
        }
        any
    }
}

/// `x^(a−1) · e^(−x) / Γ(a, x)` for `a >= 1`, `x >= 0`: the gamma hazard's shape.
pub(crate) fn hazard_shape(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return if a == 1.0 { 1.0 } else { 0.0 };
    }
    if x < a + 1.0 {
        // Γ(a, x) = Γ(a) − γ(a, x), γ by its series.
        let upper = ln_gamma(a).exp() - lower_gamma_series(a, x);
        x.powf(a - 1.0) * (-x).exp() / upper
    } else {
        // Γ(a, x) = e^(−x) x^a · F, F by the continued fraction: shape = 1 / (x · F).
        1.0 / (x * upper_gamma_fraction(a, x))
    }
}

/// γ(a, x) = e^(−x) x^a Σ x^n / (a (a+1) … (a+n)).
fn lower_gamma_series(a: f64, x: f64) -> f64 {
    let (mut term, mut sum, mut ap) = (1.0 / a, 1.0 / a, a);
    for _ in 0..1000 {
        ap += 1.0;
        term *= x / ap;
        sum += term;
        if term.abs() < sum.abs() * 1e-17 {
            break;
        }
    }
    sum * (-x + a * x.ln()).exp()
}

/// The continued fraction F with Γ(a, x) = e^(−x) x^a F (modified Lentz), for x >= a + 1.
fn upper_gamma_fraction(a: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut b = x + 1.0 - a;
    let mut c = 1.0 / TINY;
    let mut d = 1.0 / b;
    let mut f = d;
    for i in 1..1000 {
        let an = -(i as f64) * (i as f64 - a);
        b += 2.0;
        d = an * d + b;
        if d.abs() < TINY {
            d = TINY;
        }
        c = b + an / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let delta = d * c;
        f *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    f
}

/// ln Γ(a) for a > 0 (Lanczos, g = 7, nine coefficients; relative error about 1e-15).
fn ln_gamma(a: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    let x = a - 1.0;
    let mut sum = C[0];
    for (i, &c) in C.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// For a whole order n, Γ(n, x) = (n − 1)! e^(−x) Σ_{k<n} x^k / k!, so the shape is
    /// x^(n−1) / ((n − 1)! Σ_{k<n} x^k / k!).
    fn closed_form(n: u32, x: f64) -> f64 {
        let (mut term, mut sum, mut fact) = (1.0, 0.0, 1.0);
        for k in 0..n {
            sum += term;
            term *= x / f64::from(k + 1);
            if k > 0 {
                fact *= f64::from(k);
            }
        }
        x.powi(n as i32 - 1) / (fact * sum)
    }

    #[test]
    fn hazard_shape_matches_the_closed_form_of_whole_orders() {
        for n in 1..=6 {
            for &x in &[1e-6, 0.01, 0.3, 1.0, 2.5, 4.0, 7.9, 12.0, 40.0] {
                let (got, want) = (hazard_shape(f64::from(n), x), closed_form(n, x));
                assert!(
                    ((got - want) / want).abs() < 1e-12,
                    "order {n}, x {x}: {got} vs {want}"
                );
            }
        }
        assert_eq!(hazard_shape(1.0, 0.0), 1.0);
        assert_eq!(hazard_shape(2.0, 0.0), 0.0);
    }

    #[test]
    fn integrated_rate_is_the_integral_of_the_rate() {
        // 10 Hz + 5 Hz · sin(2π · 4 Hz · t + 30°), order 2, from 3 to 180 ms, against
        // the midpoint rule on 1e5 intervals.
        let law = GammaLaw::new(10.0, 5.0, 4.0, 30.0, 2.0);
        let (a, b, n) = (3.0, 180.0, 100_000);
        let dt = (b - a) / n as f64;
        let numeric: f64 = (0..n)
            .map(|i| {
                let t = a + (i as f64 + 0.5) * dt;
                2.0 * (law.rate + law.amplitude * (law.omega * t + law.phase).sin()) * dt
            })
            .sum();
        assert!((law.delta_lambda(a, b) - numeric).abs() < 1e-9);
    }
}
