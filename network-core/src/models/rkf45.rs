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

#[cfg(test)]
use super::lanes::Lanes;
use super::lanes::{Real, Vector};

/// A system of `N` autonomous ordinary differential equations `y' = f(y)`, on numbers
/// `T` (`f64`, or several systems side by side in `Lanes`).
pub trait Ode<const N: usize, T = f64> {
    /// The derivatives `f(y)` (units of `y` per ms).
    fn derivatives(&self, y: &[T; N]) -> [T; N];
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

    /// The largest ratio of a component's error `yerr` to its tolerance, after a step
    /// of `h_old` ending at `y` with derivatives `dydt` (per lane for [`Lanes`](super::lanes::Lanes)).
    #[inline(always)]
    fn largest_ratio<const N: usize, T: Real>(
        &self,
        y: &[T; N],
        yerr: &[T; N],
        dydt: &[T; N],
        h_old: T,
    ) -> T {
        let c = T::splat;
        let mut rmax = c(f64::MIN_POSITIVE);
        for i in 0..N {
            let d0 = c(self.eps_rel)
                * (c(self.a_y) * y[i].abs() + c(self.a_dydt) * (h_old * dydt[i]).abs())
                + c(self.eps_abs);
            let r = yerr[i].abs() / d0.abs();
            // A NaN ratio never wins, as in GSL's `GSL_MAX_DBL(r, rmax)`.
            rmax = r.greater_or(rmax);
        }
        rmax
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
        let rmax = self.largest_ratio(y, yerr, dydt, h_old);
        if rejects(rmax) {
            Adjust::Decrease(shrink_factor(rmax) * h_old)
        } else if rmax < GROW_BELOW {
            Adjust::Increase(grow_factor(rmax) * h_old)
        } else {
            Adjust::Keep
        }
    }
}

/// Below this largest error ratio the step grows by the full 5×: `0.9 / r^(1/6)` is then
/// at least `0.9 / (1e-5)^(1/6) = 6.13`, so far above 5 that no rounding of `powf` can
/// bring it under the bound. A smooth step's error ratio is usually far below it (about
/// 1e-7 for `iaf_cond_exp` at 0.1 ms), so the `powf` GSL evaluates is skipped there with
/// the same result.
const FULL_GROWTH_BELOW: f64 = 1.0e-5;

/// Above this largest error ratio the step shrinks by the full 0.2×: `0.9 / r^(1/5)` is
/// then at most `0.9 / (1e4)^(1/5) = 0.143`, far below 0.2 (also for `r = ∞`).
const FULL_SHRINK_ABOVE: f64 = 1.0e4;

/// GSL's control rejects a step and shrinks it above this largest error ratio
/// (`rejects`), and grows the next step below `GROW_BELOW`.
const SHRINK_ABOVE: f64 = 1.1;
const GROW_BELOW: f64 = 0.5;
#[inline(always)]
fn rejects(rmax: f64) -> bool {
    rmax > SHRINK_ABOVE
}

/// GSL's factor for a step whose largest error ratio `rmax` exceeds 1.1:
/// `0.9 / rmax^(1/5)`, at least 0.2.
#[inline]
fn shrink_factor(rmax: f64) -> f64 {
    if rmax >= FULL_SHRINK_ABOVE {
        return 0.2;
    }
    let r = 0.9 / rmax.powf(1.0 / ORDER);
    if r < 0.2 {
        0.2
    } else {
        r
    }
}

/// GSL's factor for a step whose largest error ratio `rmax` (positive) is below 0.5:
/// `0.9 / rmax^(1/6)`, at most 5×, and never below 1 (the safety factor alone would
/// shrink it).
#[inline]
fn grow_factor(rmax: f64) -> f64 {
    if rmax <= FULL_GROWTH_BELOW {
        return 5.0;
    }
    (0.9 / rmax.powf(1.0 / (ORDER + 1.0))).clamp(1.0, 5.0)
}

/// One Fehlberg step of `h` from `y` with derivatives `k1 = f(y)`: the fifth-order
/// solution, its error estimate and (if `want_dydt`) the derivatives at the solution
/// (zeros otherwise). Written once for one system (`T = f64`) and for several side by
/// side ([`Lanes`](super::lanes::Lanes)): the same operations in the same order either way.
#[inline(always)]
fn step<const N: usize, T: Real, S: Ode<N, T>>(
    sys: &S,
    h: T,
    y: &[T; N],
    k1: &[T; N],
    want_dydt: bool,
) -> ([T; N], [T; N], [T; N]) {
    let c = T::splat;
    let mut tmp = [c(0.0); N];
    for i in 0..N {
        tmp[i] = y[i] + c(A[0]) * h * k1[i];
    }
    let k2 = sys.derivatives(&tmp);
    for i in 0..N {
        tmp[i] = y[i] + h * (c(B3[0]) * k1[i] + c(B3[1]) * k2[i]);
    }
    let k3 = sys.derivatives(&tmp);
    for i in 0..N {
        tmp[i] = y[i] + h * (c(B4[0]) * k1[i] + c(B4[1]) * k2[i] + c(B4[2]) * k3[i]);
    }
    let k4 = sys.derivatives(&tmp);
    for i in 0..N {
        tmp[i] =
            y[i] + h * (c(B5[0]) * k1[i] + c(B5[1]) * k2[i] + c(B5[2]) * k3[i] + c(B5[3]) * k4[i]);
    }
    let k5 = sys.derivatives(&tmp);
    for i in 0..N {
        tmp[i] = y[i]
            + h * (c(B6[0]) * k1[i]
                + c(B6[1]) * k2[i]
                + c(B6[2]) * k3[i]
                + c(B6[3]) * k4[i]
                + c(B6[4]) * k5[i]);
    }
    let k6 = sys.derivatives(&tmp);
    let mut out = [c(0.0); N];
    let mut err = [c(0.0); N];
    for i in 0..N {
        let d =
            c(C[0]) * k1[i] + c(C[1]) * k3[i] + c(C[2]) * k4[i] + c(C[3]) * k5[i] + c(C[4]) * k6[i];
        out[i] = y[i] + h * d;
        err[i] = h
            * (c(E[0]) * k1[i]
                + c(E[1]) * k3[i]
                + c(E[2]) * k4[i]
                + c(E[3]) * k5[i]
                + c(E[4]) * k6[i]);
    }
    let dydt = if want_dydt {
        sys.derivatives(&out)
    } else {
        [c(0.0); N]
    };
    (out, err, dydt)
}

/// The first attempt of [`evolve_apply`] from `t = 0` towards `t1 = dt` for `L` systems
/// at once, where every lane's carried step `h` is at least `dt` (so the attempt is
/// the whole step `dt`). A lane whose error is acceptable ends as `evolve_apply` ends
/// it: `y` the solution, `t` (not returned) `dt`, and `h` the control's proposal as
/// the next step sees it: `dt` (the proposal is at least `dt`, and cut to `dt`).
/// A lane whose error is too large is left unchanged and `false` in the result: it
/// must go through [`evolve_apply`], which retries with smaller steps. The arithmetic
/// is [`step`]'s and [`Control::adjust`]'s per lane, so the numbers are the same.
#[inline(always)]
pub(crate) fn evolve_lanes<const N: usize, const L: usize, V: Vector<L>, S: Ode<N, V>>(
    sys: &S,
    control: &Control,
    dt: f64,
    h: &mut [f64; L],
    yv: &mut [V; N],
) -> [bool; L] {
    debug_assert!(dt > 0.0 && h.iter().all(|&h| h >= dt));
    let h0 = V::splat(dt);
    let dydt_in = sys.derivatives(yv);
    let (out, err, dydt_out) = step(sys, h0, yv, &dydt_in, control.reads_derivatives());
    let rmax = control.largest_ratio(&out, &err, &dydt_out, h0).to_array();
    let out = out.map(V::to_array);
    let mut y = yv.map(V::to_array);
    let mut accepted = [false; L];
    for l in 0..L {
        let rmax = rmax[l];
        if rejects(rmax) {
            continue;
        }
        accepted[l] = true;
        // GSL would carry `grow_factor(rmax) * dt` after a ratio below 0.5, `dt` else:
        // at least `dt` either way, and the next step (from t = 0 towards the same
        // `dt`) cuts any carried step of at least `dt` to `dt`, in `evolve_lanes` and
        // in `evolve_apply` alike. So the factor cannot change any later number, and
        // its `powf` (a fifth of COBA's simulation) is not evaluated.
        h[l] = dt;
        for i in 0..N {
            y[i][l] = out[i][l];
        }
    }
    *yv = y.map(V::from_array);
    accepted
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

    /// Four decays with their own time constants, side by side.
    struct DecayLanes([f64; 4]);
    impl Ode<1, Lanes<4>> for DecayLanes {
        fn derivatives(&self, y: &[Lanes<4>; 1]) -> [Lanes<4>; 1] {
            [Lanes::from_fn(|l| {
                Decay(self.0[l]).derivatives(&[y[0].0[l]])[0]
            })]
        }
    }

    #[test]
    fn lanes_take_the_scalar_steps_to_the_bit() {
        // Time constants from slow (accepted, step grows 5x) through moderate (accepted,
        // kept or grown less) to fast (rejected: left for `evolve_apply`).
        let taus = [
            [10.0, 3.0, 0.5, 0.05],
            [0.2, 0.1, 0.08, 1e4],
            [0.01, 0.3, 0.15, 2.0],
        ];
        let mut seen = [0; 2];
        for (tols, taus) in [1e-3, 1e-6, 1e-9]
            .iter()
            .flat_map(|t| taus.map(|x| (*t, x)))
        {
            let c = Control::y(tols, 0.0);
            let sys = DecayLanes(taus);
            let dt = 0.1;
            let mut h = [0.1, 0.5, 0.1 + 1e-12, 0.3];
            let y0 = [-65.5, 1.0e-3, 12.0, -0.25];
            let mut y = [Lanes(y0)];
            let accepted = evolve_lanes::<1, 4, Lanes<4>, _>(&sys, &c, dt, &mut h, &mut y);
            for l in 0..4 {
                let (mut t, mut hs, mut ys) = (0.0, [0.1, 0.5, 0.1 + 1e-12, 0.3][l], [y0[l]]);
                evolve_apply(&Decay(taus[l]), &c, &mut t, dt, &mut hs, &mut ys);
                seen[usize::from(accepted[l])] += 1;
                if accepted[l] {
                    assert_eq!(t, dt);
                    assert_eq!(y[0].0[l].to_bits(), ys[0].to_bits(), "lane {l} {taus:?}");
                    // GSL carries its proposal (at least dt), the lanes dt: the next
                    // steps, from either, give the same numbers.
                    assert!(hs >= dt && h[l] == dt, "lane {l} {taus:?}: {hs}");
                    let (mut gsl, mut lane) = ((hs, ys), (h[l], [y[0].0[l]]));
                    for _ in 0..3 {
                        for (h, y) in [&mut gsl, &mut lane] {
                            let mut t = 0.0;
                            while t < dt {
                                evolve_apply(&Decay(taus[l]), &c, &mut t, dt, h, y);
                            }
                        }
                        assert_eq!(gsl.1[0].to_bits(), lane.1[0].to_bits(), "lane {l}");
                        assert_eq!(gsl.0.min(dt), lane.0.min(dt), "lane {l}");
                    }
                } else {
                    // Rejected by the control: evolve_apply took a shorter step.
                    assert!(t < dt, "lane {l} {taus:?}");
                    assert_eq!((y[0].0[l], h[l]), (y0[l], [0.1, 0.5, 0.1 + 1e-12, 0.3][l]));
                }
            }
        }
        assert!(seen[0] > 3 && seen[1] > 3, "rejected, accepted: {seen:?}");
    }

    #[test]
    fn step_factors_skip_powf_only_where_the_bound_decides() {
        // GSL's formulas, powf always evaluated, against the shortcuts: equal to the bit
        // over error ratios from the smallest positive number to infinity, densest
        // around the two thresholds.
        let shrink = |rmax: f64| {
            let r = 0.9 / rmax.powf(1.0 / ORDER);
            if r < 0.2 {
                0.2
            } else {
                r
            }
        };
        let grow = |rmax: f64| (0.9 / rmax.powf(1.0 / (ORDER + 1.0))).clamp(1.0, 5.0);
        let mut ratios = vec![f64::MIN_POSITIVE, f64::INFINITY, f64::MAX];
        for k in -3000..=3000 {
            ratios.push(10f64.powf(f64::from(k) / 100.0));
        }
        for edge in [FULL_GROWTH_BELOW, FULL_SHRINK_ABOVE, 3.4e-5, 1845.0] {
            let mut x = edge;
            for _ in 0..64 {
                ratios.extend([x, edge * (1.0 + 1e-3), edge * (1.0 - 1e-3)]);
                x = f64::from_bits(x.to_bits() + 1);
            }
        }
        for r in ratios {
            if r > 1.1 {
                assert_eq!(shrink_factor(r).to_bits(), shrink(r).to_bits(), "{r}");
            }
            if r < 0.5 {
                assert_eq!(grow_factor(r).to_bits(), grow(r).to_bits(), "{r}");
            }
        }
        // The thresholds are inside the saturated ranges, not at their edges.
        assert_eq!(grow(FULL_GROWTH_BELOW * 3.0), 5.0);
        assert_eq!(shrink(FULL_SHRINK_ABOVE / 3.0), 0.2);
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
