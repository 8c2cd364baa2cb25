//! The adaptive Runge-Kutta-Fehlberg 4(5) integrator NEST 3.10 drives through GSL
//! (`gsl_odeiv_step_rkf45`, `gsl_odeiv_control_standard`, `gsl_odeiv_evolve_apply`),
//! written from the published method: Fehlberg's embedded pair (Hairer, Nørsett &
//! Wanner, *Solving ODEs I*, Table 5.1), the standard error control with safety factor
//! 0.9 and step changes bounded to 0.2×–5×, and the evolve loop that retries a
//! rejected step from the saved state.
//!
//! Every floating-point operation happens in the order GSL performs it (sums left to
//! right, `h` multiplied last, the tableau's fractions rounded once), so a model that
//! calls [`evolve_apply`] in NEST's `while t < h` loop reproduces NEST's numbers bit
//! for bit.

/// A system of `N` autonomous ordinary differential equations `y' = f(y)`.
pub trait Ode<const N: usize> {
    /// The derivatives `f(y)` (units of `y` per ms).
    fn derivatives(&self, y: &[f64; N]) -> [f64; N];
}

/// The order GSL's control uses for the Fehlberg pair (`rkf45_order`).
const ORDER: f64 = 5.0;

/// Nodes of the stages 2..6 (the first is 0); the systems here are autonomous, so only
/// the first enters (as GSL computes the second stage's state).
const A: [f64; 5] = [1.0 / 4.0, 3.0 / 8.0, 12.0 / 13.0, 1.0, 1.0 / 2.0];
/// Coefficients of stages 3..6, one row per stage.
const B3: [f64; 2] = [3.0 / 32.0, 9.0 / 32.0];
const B4: [f64; 3] = [1932.0 / 2197.0, -7200.0 / 2197.0, 7296.0 / 2197.0];
const B5: [f64; 4] = [
    8341.0 / 4104.0,
    -32832.0 / 4104.0,
    29440.0 / 4104.0,
    -845.0 / 4104.0,
];
const B6: [f64; 5] = [
    -6080.0 / 20520.0,
    41040.0 / 20520.0,
    -28352.0 / 20520.0,
    9295.0 / 20520.0,
    -5643.0 / 20520.0,
];
/// Fifth-order weights of stages 1, 3, 4, 5, 6 (stage 2 has weight 0), over a common
/// denominator as GSL writes them.
const C: [f64; 5] = [
    902880.0 / 7618050.0,
    3953664.0 / 7618050.0,
    3855735.0 / 7618050.0,
    -1371249.0 / 7618050.0,
    277020.0 / 7618050.0,
];
/// Differences of the fifth- and fourth-order weights of stages 1, 3, 4, 5, 6: the
/// error estimate.
const E: [f64; 5] = [
    1.0 / 360.0,
    -128.0 / 4275.0,
    -2197.0 / 75240.0,
    1.0 / 50.0,
    2.0 / 55.0,
];

/// GSL's standard step-size control: the error of component `i` is acceptable when
/// `|err_i| <= eps_abs + eps_rel · (a_y·|y_i| + a_dydt·|h·y'_i|)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Control {
    /// Absolute tolerance.
    pub eps_abs: f64,
    /// Relative tolerance.
    pub eps_rel: f64,
    /// Weight of the state in the relative tolerance.
    pub a_y: f64,
    /// Weight of the step's change (`h·y'`) in the relative tolerance.
    pub a_dydt: f64,
}

/// What the control decided about a step.
enum Adjust {
    /// The error was too large: retry with this step (ms).
    Decrease(f64),
    /// The error was small: this step (ms) for the next one.
    Increase(f64),
    /// Keep the step.
    Keep,
}

impl Control {
    /// `gsl_odeiv_control_y_new`: tolerance relative to the state.
    pub const fn y(eps_abs: f64, eps_rel: f64) -> Self {
        Self {
            eps_abs,
            eps_rel,
            a_y: 1.0,
            a_dydt: 0.0,
        }
    }

    /// `gsl_odeiv_control_yp_new`: tolerance relative to the step's change.
    pub const fn yp(eps_abs: f64, eps_rel: f64) -> Self {
        Self {
            eps_abs,
            eps_rel,
            a_y: 0.0,
            a_dydt: 1.0,
        }
    }

    /// Whether the control reads the derivatives at the end of a step. Without them
    /// (`a_dydt == 0`) their term is `0 · |h·y'| = 0` for any finite `y'`, so the extra
    /// evaluation GSL makes is skipped.
    fn reads_derivatives(&self) -> bool {
        self.a_dydt != 0.0
    }

    /// The new step after a step of `h_old` with error `yerr` ending at `y` with
    /// derivatives `dydt`: the largest error ratio `r` decides (above 1.1: shrink by
    /// `0.9 / r^(1/5)`, at most 5×; below 0.5: grow by `0.9 / r^(1/6)`, between 1× and
    /// 5×).
    fn adjust<const N: usize>(
        &self,
        y: &[f64; N],
        yerr: &[f64; N],
        dydt: &[f64; N],
        h_old: f64,
    ) -> Adjust {
        let mut rmax = f64::MIN_POSITIVE;
        for i in 0..N {
            let d0 = self.eps_rel * (self.a_y * y[i].abs() + self.a_dydt * (h_old * dydt[i]).abs())
                + self.eps_abs;
            let r = yerr[i].abs() / d0.abs();
            // A NaN ratio never wins, as in GSL's `GSL_MAX_DBL(r, rmax)`.
            rmax = if r > rmax { r } else { rmax };
        }
        if rmax > 1.1 {
            let mut r = 0.9 / rmax.powf(1.0 / ORDER);
            if r < 0.2 {
                r = 0.2;
            }
            Adjust::Decrease(r * h_old)
        } else if rmax < 0.5 {
            // At most 5×, and never smaller (the safety factor alone would shrink it).
            let r = (0.9 / rmax.powf(1.0 / (ORDER + 1.0))).clamp(1.0, 5.0);
            Adjust::Increase(r * h_old)
        } else {
            Adjust::Keep
        }
    }
}

/// One Fehlberg step of `h` from `y` with derivatives `k1 = f(y)`: the fifth-order
/// solution, its error estimate and (if `want_dydt`) the derivatives at the solution
/// (zeros otherwise).
#[inline]
fn step<const N: usize, S: Ode<N>>(
    sys: &S,
    h: f64,
    y: &[f64; N],
    k1: &[f64; N],
    want_dydt: bool,
) -> ([f64; N], [f64; N], [f64; N]) {
    let mut tmp = [0.0; N];
    for i in 0..N {
        tmp[i] = y[i] + A[0] * h * k1[i];
    }
    let k2 = sys.derivatives(&tmp);
    for i in 0..N {
        tmp[i] = y[i] + h * (B3[0] * k1[i] + B3[1] * k2[i]);
    }
    let k3 = sys.derivatives(&tmp);
    for i in 0..N {
        tmp[i] = y[i] + h * (B4[0] * k1[i] + B4[1] * k2[i] + B4[2] * k3[i]);
    }
    let k4 = sys.derivatives(&tmp);
    for i in 0..N {
        tmp[i] = y[i] + h * (B5[0] * k1[i] + B5[1] * k2[i] + B5[2] * k3[i] + B5[3] * k4[i]);
    }
    let k5 = sys.derivatives(&tmp);
    for i in 0..N {
        tmp[i] = y[i]
            + h * (B6[0] * k1[i] + B6[1] * k2[i] + B6[2] * k3[i] + B6[3] * k4[i] + B6[4] * k5[i]);
    }
    let k6 = sys.derivatives(&tmp);
    let mut out = [0.0; N];
    let mut err = [0.0; N];
    for i in 0..N {
        let d = C[0] * k1[i] + C[1] * k3[i] + C[2] * k4[i] + C[3] * k5[i] + C[4] * k6[i];
        out[i] = y[i] + h * d;
        err[i] = h * (E[0] * k1[i] + E[1] * k3[i] + E[2] * k4[i] + E[3] * k5[i] + E[4] * k6[i]);
    }
    let dydt = if want_dydt {
        sys.derivatives(&out)
    } else {
        [0.0; N]
    };
    (out, err, dydt)
}

/// One accepted integration step from `*t` towards `t1` (ms), as
/// `gsl_odeiv_evolve_apply` takes it: the step `*h` (ms), cut to `t1 − *t` where it
/// would overshoot, is retried from the saved state with the control's smaller step
/// until its error is acceptable (or a smaller step would not advance time by one ulp);
/// then `*t` advances (to exactly `t1` on the final step), `y` holds the solution and
/// `*h` the step the control proposes next.
pub fn evolve_apply<const N: usize, S: Ode<N>>(
    sys: &S,
    control: &Control,
    t: &mut f64,
    t1: f64,
    h: &mut f64,
    y: &mut [f64; N],
) {
    let t0 = *t;
    let dt = t1 - t0;
    let y0 = *y;
    let dydt_in = sys.derivatives(&y0);
    let mut h0 = *h;
    loop {
        let final_step = (dt >= 0.0 && h0 > dt) || (dt < 0.0 && h0 < dt);
        if final_step {
            h0 = dt;
        }
        let (out, err, dydt_out) = step(sys, h0, &y0, &dydt_in, control.reads_derivatives());
        *y = out;
        *t = if final_step { t1 } else { t0 + h0 };
        let h_old = h0;
        match control.adjust(y, &err, &dydt_out, h0) {
            Adjust::Decrease(h_new) => {
                if h_new.abs() < h_old.abs() && *t + h_new != *t {
                    h0 = h_new;
                    continue;
                }
                h0 = h_old;
            }
            Adjust::Increase(h_new) => h0 = h_new,
            Adjust::Keep => {}
        }
        *h = h0;
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Decay(f64);
    impl Ode<1> for Decay {
        fn derivatives(&self, y: &[f64; 1]) -> [f64; 1] {
            [-y[0] / self.0]
        }
    }

    struct Oscillator(f64);
    impl Ode<2> for Oscillator {
        fn derivatives(&self, y: &[f64; 2]) -> [f64; 2] {
            [y[1], -self.0 * self.0 * y[0]]
        }
    }

    /// NEST's loop over one simulation step of `h_sim` ms.
    fn advance<const N: usize, S: Ode<N>>(
        sys: &S,
        c: &Control,
        h_sim: f64,
        h: &mut f64,
        y: &mut [f64; N],
    ) -> usize {
        let mut t = 0.0;
        let mut steps = 0;
        while t < h_sim {
            evolve_apply(sys, c, &mut t, h_sim, h, y);
            steps += 1;
        }
        assert_eq!(t, h_sim);
        steps
    }

    #[test]
    fn tableau_is_consistent() {
        // Each stage's coefficients sum to its node; both weight sets sum to 1 (the
        // error weights to 0).
        let sums = [
            B3.iter().sum::<f64>(),
            B4.iter().sum(),
            B5.iter().sum(),
            B6.iter().sum(),
        ];
        for (s, a) in sums.iter().zip(&A[1..]) {
            assert!((s - a).abs() < 1e-15, "{s} vs {a}");
        }
        assert!((C.iter().sum::<f64>() - 1.0).abs() < 1e-15);
        assert!(E.iter().sum::<f64>().abs() < 1e-15);
    }

    #[test]
    fn exponential_decay_matches_closed_form() {
        let sys = Decay(10.0);
        let c = Control::y(1e-9, 0.0);
        let (mut y, mut h) = ([1.0], 0.1);
        for _ in 0..1000 {
            advance(&sys, &c, 0.1, &mut h, &mut y);
        }
        let exact = (-100.0f64 / 10.0).exp();
        assert!((y[0] - exact).abs() < 1e-9, "{} vs {exact}", y[0]);
    }

    #[test]
    fn harmonic_oscillator_matches_closed_form() {
        // x'' = -ω² x, x(0) = 1, x'(0) = 0: x = cos ωt, x' = -ω sin ωt.
        let omega = 2.0 * std::f64::consts::PI / 5.0;
        let sys = Oscillator(omega);
        let c = Control::yp(1e-8, 1e-8);
        let (mut y, mut h) = ([1.0, 0.0], 0.1);
        for _ in 0..500 {
            advance(&sys, &c, 0.1, &mut h, &mut y);
        }
        let t = 50.0;
        assert!((y[0] - (omega * t).cos()).abs() < 1e-6, "{}", y[0]);
        assert!((y[1] + omega * (omega * t).sin()).abs() < 1e-6, "{}", y[1]);
    }

    #[test]
    fn a_single_step_is_fifth_order() {
        // One step of the fifth-order solution on y' = y: the error of e^h is O(h^6).
        struct Growth;
        impl Ode<1> for Growth {
            fn derivatives(&self, y: &[f64; 1]) -> [f64; 1] {
                [y[0]]
            }
        }
        let err = |h: f64| {
            let (out, est, _) = step(&Growth, h, &[1.0], &[1.0], false);
            ((out[0] - h.exp()).abs(), est[0].abs())
        };
        let (e1, est1) = err(0.1);
        let (e2, est2) = err(0.05);
        assert!(e1 / e2 > 40.0, "{e1} {e2}"); // 2^6 = 64 asymptotically
        assert!(est1 / est2 > 20.0, "{est1} {est2}"); // estimate O(h^5): 32
    }

    #[test]
    fn rejected_steps_shrink_and_accepted_ones_grow() {
        // A fast decay with a loose start: the first step is rejected and retried, the
        // step carried to the next call grows again, never more than 5× per step.
        let sys = Decay(0.01);
        let c = Control::y(1e-3, 0.0);
        let (mut y, mut h) = ([1.0], 0.1);
        let steps = advance(&sys, &c, 0.1, &mut h, &mut y);
        assert!(steps > 1);
        assert!(y[0].abs() < 1e-3);
        let before = h;
        advance(&sys, &c, 0.1, &mut h, &mut y);
        assert!(h >= before && h <= 5.0 * before.max(0.1));
    }
}
