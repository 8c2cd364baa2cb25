//! The exact-integration propagators shared by the current-based iaf models, computed as
//! NEST 3.10 computes them (same operations in the same order, for bit-identical results).

use crate::numerics::expm1;

/// Below `h_min_regular` the regular formula of P31 loses precision (NEST's factor).
const NUMERICAL_STABILITY_FACTOR: f64 = 1e-7;

/// Propagators from the synaptic current (and its derivative) to the membrane potential
/// for one synaptic time constant `tau_syn`, membrane time constant `tau_m` (ms) and
/// capacitance `c_m` (pF).
pub(crate) struct SynapticPropagator {
    h_min_regular: f64,
    beta: f64,
    gamma: f64,
    inv_tau_syn: f64,
    inv_tau_m: f64,
    inv_c_m: f64,
    inv_beta: f64,
}

impl SynapticPropagator {
    pub(crate) fn new(tau_syn: f64, tau_m: f64, c_m: f64) -> Self {
        // beta is infinite when tau_m == tau_syn; P32 then takes the singular branch.
        let beta = tau_syn * tau_m / (tau_m - tau_syn);
        Self {
            h_min_regular: NUMERICAL_STABILITY_FACTOR * tau_m * tau_m / (tau_m - tau_syn).abs(),
            beta,
            gamma: beta / c_m,
            inv_tau_syn: 1.0 / tau_syn,
            inv_tau_m: 1.0 / tau_m,
            inv_c_m: 1.0 / c_m,
            inv_beta: (tau_m - tau_syn) / (tau_syn * tau_m),
        }
    }

    /// P32 (current → V) and the intermediate values P31 reuses.
    fn p32_parts(&self, h: f64) -> (f64, f64, f64, Option<f64>) {
        let exp_h_tau_syn = (-h * self.inv_tau_syn).exp();
        let expm1_h_tau = expm1(h * self.inv_beta);
        let p32 = self.gamma * exp_h_tau_syn * expm1_h_tau;
        if p32.is_normal() && p32 > 0.0 {
            (p32, exp_h_tau_syn, expm1_h_tau, None)
        } else {
            let exp_h_tau = (-h * self.inv_tau_m).exp();
            (
                h * self.inv_c_m * exp_h_tau,
                exp_h_tau_syn,
                expm1_h_tau,
                Some(exp_h_tau),
            )
        }
    }

    /// The propagator of an exponential current to V (NEST's `IAFPropagatorExp`).
    pub(crate) fn exp_p21(&self, h: f64) -> f64 {
        self.p32_parts(h).0
    }

    /// `(P31, P32)` of an alpha current (NEST's `IAFPropagatorAlpha`).
    pub(crate) fn alpha_p31_p32(&self, h: f64) -> (f64, f64) {
        let (p32, exp_h_tau_syn, expm1_h_tau, exp_h_tau) = self.p32_parts(h);
        if h > self.h_min_regular {
            let p31 = self.gamma * exp_h_tau_syn * (self.beta * expm1_h_tau - h);
            return (p31, p32);
        }
        let exp_h_tau = exp_h_tau.unwrap_or_else(|| (-h * self.inv_tau_m).exp());
        (0.5 * h * h * self.inv_c_m * exp_h_tau, p32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_case_is_finite() {
        let p = SynapticPropagator::new(10.0, 10.0, 250.0);
        let (p31, p32) = p.alpha_p31_p32(0.1);
        assert!(p31.is_finite() && p32.is_finite() && p32 > 0.0);
        let q = SynapticPropagator::new(10.0 + 1e-12, 10.0, 250.0);
        let (q31, q32) = q.alpha_p31_p32(0.1);
        assert!((q32 - p32).abs() < 1e-9 && (q31 - p31).abs() < 1e-9);
    }
}
