//! The dynamics of NEST's rate neurons with input noise (`rate_neuron_ipn`): the
//! nonlinearity of each model and one step of NEST's stochastic exponential Euler
//! scheme, in NEST's operation order (bit-identical rates when `sigma` is 0).
//!
//! The parameters are declared in the vocabulary (`network_spec::rate`); the engine's
//! rate populations and their connections are in `engine::rate`.

use crate::numerics::expm1;
pub use network_spec::rate::{
    LinRateIpn, RateModel, RateParams, SigmoidRateIpn, TanhRateIpn, ThresholdLinRateIpn,
};

/// A rate model's nonlinearity `φ` and its multiplicative coupling factors.
pub trait RateNonlinearity: RateParams {
    /// `φ(h)`, applied to the input.
    fn input(&self, h: f64) -> f64;
    /// The factor of excitatory input under `mult_coupling`, given the rate.
    fn mult_coupling_ex(&self, _rate: f64) -> f64 {
        1.0
    }
    /// The factor of inhibitory input under `mult_coupling`, given the rate.
    fn mult_coupling_in(&self, _rate: f64) -> f64 {
        1.0
    }
}

impl RateNonlinearity for LinRateIpn {
    #[inline]
    fn input(&self, h: f64) -> f64 {
        self.g * h
    }
    #[inline]
    fn mult_coupling_ex(&self, rate: f64) -> f64 {
        self.g_ex * (self.theta_ex - rate)
    }
    #[inline]
    fn mult_coupling_in(&self, rate: f64) -> f64 {
        self.g_in * (self.theta_in + rate)
    }
}

impl RateNonlinearity for TanhRateIpn {
    #[inline]
    fn input(&self, h: f64) -> f64 {
        (self.g * (h - self.theta)).tanh()
    }
}

impl RateNonlinearity for ThresholdLinRateIpn {
    #[inline]
    fn input(&self, h: f64) -> f64 {
        // std::min(std::max(g·(h − θ), 0), α), with C++'s choice of operand on ties.
        let a = self.g * (h - self.theta);
        let a = if a < 0.0 { 0.0 } else { a };
        if self.alpha < a {
            self.alpha
        } else {
            a
        }
    }
}

impl RateNonlinearity for SigmoidRateIpn {
    #[inline]
    fn input(&self, h: f64) -> f64 {
        self.g / (1.0 + (-self.beta * (h - self.theta)).exp())
    }
}

/// NEST's propagators of one step `h` (ms): `P1`, `P2` and the noise factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RatePropagators {
    /// Decay of the rate over one step, `exp(−lambda·h/tau)` (1 without decay).
    pub p1: f64,
    /// Weight of the input over one step, `−expm1(−lambda·h/tau)/lambda` (`h/tau`).
    pub p2: f64,
    /// Standard deviation of the noise over one step per unit `sigma`.
    pub input_noise_factor: f64,
}

impl RatePropagators {
    /// The propagators of `p` at resolution `h` (ms), as NEST's `pre_run_hook`.
    pub fn new(p: &impl RateParams, h: f64) -> Self {
        let (lambda, tau) = (p.lambda(), p.tau());
        if lambda > 0.0 {
            Self {
                p1: (-lambda * h / tau).exp(),
                p2: -1.0 / lambda * expm1(-lambda * h / tau),
                input_noise_factor: (-0.5 / lambda * expm1(-2. * lambda * h / tau)).sqrt(),
            }
        } else {
            Self {
                p1: 1.0,
                p2: h / tau,
                input_noise_factor: (h / tau).sqrt(),
            }
        }
    }
}

/// The input of one neuron in one step, summed over its connections: excitatory
/// (weight >= 0) and inhibitory, delayed and instantaneous.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RateInput {
    /// Delayed excitatory input.
    pub delayed_ex: f64,
    /// Delayed inhibitory input.
    pub delayed_in: f64,
    /// Instantaneous excitatory input.
    pub instant_ex: f64,
    /// Instantaneous inhibitory input.
    pub instant_in: f64,
}

/// One step of a rate neuron from `rate` with noise `noise` (`sigma · ξ`): the new rate,
/// in NEST's `rate_neuron_ipn::update_` order.
#[inline]
pub fn rate_step<M: RateNonlinearity>(
    m: &M,
    p: &RatePropagators,
    rate: f64,
    noise: f64,
    input: RateInput,
) -> f64 {
    let mut y = p.p1 * rate + p.p2 * m.mu() + p.input_noise_factor * noise;
    let (h_ex, h_in) = if m.mult_coupling() {
        (m.mult_coupling_ex(rate), m.mult_coupling_in(rate))
    } else {
        (1.0, 1.0)
    };
    let ex = input.delayed_ex + input.instant_ex;
    let inh = input.delayed_in + input.instant_in;
    if m.linear_summation() {
        if m.mult_coupling() {
            y += p.p2 * h_ex * m.input(ex);
            y += p.p2 * h_in * m.input(inh);
        } else {
            y += p.p2
                * m.input(
                    input.delayed_ex + input.instant_ex + input.delayed_in + input.instant_in,
                );
        }
    } else {
        y += p.p2 * h_ex * ex;
        y += p.p2 * h_in * inh;
    }
    if m.rectify_output() && y < m.rectify_rate() {
        y = m.rectify_rate();
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_rate_relaxes_to_mu_over_lambda() {
        // Closed form: without input or noise, X(t) = mu/lambda·(1 − exp(−lambda·t/tau)).
        let m = LinRateIpn {
            mu: 2.0,
            lambda: 0.5,
            sigma: 0.0,
            ..LinRateIpn::default()
        };
        let p = RatePropagators::new(&m, 0.1);
        let mut y = 0.0;
        for _ in 0..1000 {
            y = rate_step(&m, &p, y, 0.0, RateInput::default());
        }
        let exact = 2.0 / 0.5 * (1.0 - (-0.5f64 * 100.0 / 10.0).exp());
        assert!((y - exact).abs() < 1e-12, "{y} vs {exact}");
    }

    #[test]
    fn nonlinearities_are_nest_s() {
        let t = ThresholdLinRateIpn {
            g: 2.0,
            theta: 1.0,
            alpha: 3.0,
            ..Default::default()
        };
        assert_eq!(t.input(0.5), 0.0);
        assert_eq!(t.input(2.0), 2.0);
        assert_eq!(t.input(5.0), 3.0);
        let s = SigmoidRateIpn::default();
        assert_eq!(s.input(0.0), 0.5);
        let th = TanhRateIpn::default();
        assert_eq!(th.input(0.0), 0.0);
    }
}
