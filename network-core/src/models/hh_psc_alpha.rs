//! `hh_psc_alpha`: Hodgkin-Huxley neuron with alpha-shaped postsynaptic currents,
//! integrated as NEST 3.10 does (GSL's RKF45 with `y_new(1e-3, 0)`, the integration
//! step carried from step to step).

use super::rkf45::{evolve_apply, Control, Ode};
use super::soa::soa_state;
use super::{NeuronModel, Recordable, StepInput};
pub use network_spec::models::HhPscAlpha;

use crate::storage::Length;
use crate::time::Resolution;

/// NEST's control for `hh_psc_alpha`: absolute error 1e-3 on every component.
const CONTROL: Control = Control::y(1e-3, 0.0);

/// Indices into the state vector, in NEST's order.
const V_M: usize = 0;
const HH_M: usize = 1;
const HH_H: usize = 2;
const HH_N: usize = 3;
const DI_EX: usize = 4;
const I_EX: usize = 5;
const DI_IN: usize = 6;
const I_IN: usize = 7;

soa_state! {
    /// State of a population of `hh_psc_alpha` neurons.
    HhPscAlphaState / HhPscAlphaBlock {
        /// `V_m` (mV), `m`, `h`, `n`, `dI_ex` (pA/ms), `I_ex` (pA), `dI_in` (pA/ms),
        /// `I_in` (pA).
        y: [f64; 8],
        /// The integrator's step (ms), carried from step to step.
        h: f64,
        /// Current input of the previous step (pA).
        i_stim: f64,
        /// Remaining steps in which no spike is detected.
        refractory: u32,
    }
}

/// `hh_psc_alpha`'s constants for one resolution.
#[derive(Debug, Clone)]
pub struct HhPscAlphaConstants {
    params: HhPscAlpha,
    /// The simulation step (ms).
    step: f64,
    /// `t_ref` in steps.
    refractory_steps: u32,
    /// `dI` per pA of weight for an alpha current peaking at the weight: `e / tau_syn_ex`.
    i0_ex: f64,
    /// `e / tau_syn_in` (1/ms).
    i0_in: f64,
}

/// The opening and closing rates (1/ms) of the gates at `v` (mV): `(α_n, β_n, α_m, β_m,
/// α_h, β_h)`, Hodgkin & Huxley's, shifted to a resting potential of -65 mV.
#[inline]
fn rates(v: f64) -> [f64; 6] {
    [
        (0.01 * (v + 55.0)) / (1.0 - (-(v + 55.0) / 10.0).exp()),
        0.125 * (-(v + 65.0) / 80.0).exp(),
        (0.1 * (v + 40.0)) / (1.0 - (-(v + 40.0) / 10.0).exp()),
        4.0 * (-(v + 65.0) / 18.0).exp(),
        0.07 * (-(v + 65.0) / 20.0).exp(),
        1.0 / (1.0 + (-(v + 35.0) / 10.0).exp()),
    ]
}

/// The right-hand side of one neuron in one step (NEST's `hh_psc_alpha_dynamics`).
struct System<'a> {
    p: &'a HhPscAlpha,
    i_stim: f64,
}

impl Ode<8> for System<'_> {
    #[inline]
    fn derivatives(&self, y: &[f64; 8]) -> [f64; 8] {
        let p = self.p;
        let (v, m, h, n) = (y[V_M], y[HH_M], y[HH_H], y[HH_N]);
        let [alpha_n, beta_n, alpha_m, beta_m, alpha_h, beta_h] = rates(v);
        let i_na = p.g_Na * m * m * m * h * (v - p.E_Na);
        let i_k = p.g_K * n * n * n * n * (v - p.E_K);
        let i_l = p.g_L * (v - p.E_L);
        [
            (-(i_na + i_k + i_l) + self.i_stim + p.I_e + y[I_EX] + y[I_IN]) / p.C_m,
            alpha_m * (1.0 - m) - beta_m * m,
            alpha_h * (1.0 - h) - beta_h * h,
            alpha_n * (1.0 - n) - beta_n * n,
            -y[DI_EX] / p.tau_syn_ex,
            y[DI_EX] - (y[I_EX] / p.tau_syn_ex),
            -y[DI_IN] / p.tau_syn_in,
            y[DI_IN] - (y[I_IN] / p.tau_syn_in),
        ]
    }
}

impl NeuronModel for HhPscAlpha {
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = HhPscAlphaState<L>;
    type Block<'a> = HhPscAlphaBlock<'a>;
    type Propagators = HhPscAlphaConstants;

    fn propagators(&self, res: &Resolution) -> HhPscAlphaConstants {
        HhPscAlphaConstants {
            params: self.clone(),
            step: res.ms(),
            refractory_steps: res.steps_ceil(self.t_ref) as u32,
            i0_ex: 1.0 * std::f64::consts::E / self.tau_syn_ex,
            i0_in: 1.0 * std::f64::consts::E / self.tau_syn_in,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> HhPscAlphaState<L> {
        // NEST's constructor: the gates at their equilibrium at -65 mV (whatever V_m is
        // set to afterwards).
        let [alpha_n, beta_n, alpha_m, beta_m, alpha_h, beta_h] = rates(-65.0);
        let mut y = [0.0; 8];
        y[V_M] = self.V_m;
        y[HH_H] = alpha_h / (alpha_h + beta_h);
        y[HH_N] = alpha_n / (alpha_n + beta_n);
        y[HH_M] = alpha_m / (alpha_m + beta_m);
        HhPscAlphaState {
            y: len.filled(y),
            h: len.filled(f64::NAN),
            i_stim: len.filled(0.0),
            refractory: len.filled(0),
        }
    }

    fn blocks<L: Length>(
        state: &mut HhPscAlphaState<L>,
        block_len: usize,
    ) -> Vec<HhPscAlphaBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut HhPscAlphaState<L>, i: usize, v_m: f64) {
        state.y[i][V_M] = v_m;
    }

    fn channel(weight: f64) -> usize {
        super::zero_inhibitory(weight)
    }

    fn update(
        &self,
        c: &HhPscAlphaConstants,
        b: &mut HhPscAlphaBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let p = &c.params;
        let [ex, inh] = input.spikes.pair();
        let current = input.current;
        for i in 0..b.len() {
            let y = &mut b.y[i];
            let h = &mut b.h[i];
            if h.is_nan() {
                // NEST starts the integrator with one simulation step.
                *h = c.step;
            }
            let sys = System {
                p,
                i_stim: b.i_stim[i],
            };
            let v_old = y[V_M];
            let mut t = 0.0;
            while t < c.step {
                evolve_apply(&sys, &CONTROL, &mut t, c.step, h, y);
            }
            y[DI_EX] += ex[i] * c.i0_ex;
            y[DI_IN] += inh[i] * c.i0_in;
            ex[i] = 0.0;
            inh[i] = 0.0;
            if b.refractory[i] > 0 {
                b.refractory[i] -= 1;
            } else if y[V_M] >= 0.0 && v_old > y[V_M] {
                // Above 0 mV and falling: the peak has passed.
                b.refractory[i] = c.refractory_steps;
                spiked(i as u32);
            }
            b.i_stim[i] = current[i];
            current[i] = 0.0;
        }
    }

    fn recordable(&self, b: &HhPscAlphaBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        Some(match var {
            Recordable::V_m => b.y[i][V_M],
            Recordable::I_syn_ex => b.y[i][I_EX],
            Recordable::I_syn_in => b.y[i][I_IN],
            Recordable::Act_m => b.y[i][HH_M],
            Recordable::Inact_h => b.y[i][HH_H],
            Recordable::Act_n => b.y[i][HH_N],
            _ => return None,
        })
    }
}
