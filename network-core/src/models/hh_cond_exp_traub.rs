//! `hh_cond_exp_traub`: Hodgkin-Huxley neuron with Traub & Miles's channels and
//! exponentially decaying synaptic conductances, integrated as NEST 3.10 does (GSL's
//! RKF45 with `y_new(1e-3, 0)`, the integration step carried from step to step).

use super::rkf45::{evolve_apply, Control, Ode};
use super::soa::soa_state;
use super::{NeuronModel, Recordable, StepInput};
pub use network_spec::models::HhCondExpTraub;

use crate::storage::Length;
use crate::time::Resolution;

/// NEST's control for `hh_cond_exp_traub`: absolute error 1e-3 on every component.
const CONTROL: Control = Control::y(1e-3, 0.0);

/// Indices into the state vector, in NEST's order.
const V_M: usize = 0;
const HH_M: usize = 1;
const HH_H: usize = 2;
const HH_N: usize = 3;
const G_EX: usize = 4;
const G_IN: usize = 5;

soa_state! {
    /// State of a population of `hh_cond_exp_traub` neurons.
    HhCondExpTraubState / HhCondExpTraubBlock {
        /// `V_m` (mV), `m`, `h`, `n`, `g_ex`, `g_in` (nS).
        y: [f64; 6],
        /// The integrator's step (ms), carried from step to step.
        h: f64,
        /// Current input of the previous step (pA).
        i_stim: f64,
        /// Remaining steps in which no spike is detected.
        refractory: u32,
    }
}

/// `hh_cond_exp_traub`'s constants for one resolution.
#[derive(Debug, Clone)]
pub struct HhCondExpTraubConstants {
    params: HhCondExpTraub,
    /// The simulation step (ms).
    step: f64,
    /// `t_ref` in steps.
    refractory_steps: u32,
}

/// Traub & Miles's opening and closing rates (1/ms) at `v` (mV, relative to `V_T` in
/// the dynamics): `(α_n, β_n, α_m, β_m, α_h, β_h)`.
#[inline]
fn rates(v: f64) -> [f64; 6] {
    [
        0.032 * (15.0 - v) / (((15.0 - v) / 5.0).exp() - 1.0),
        0.5 * ((10.0 - v) / 40.0).exp(),
        0.32 * (13.0 - v) / (((13.0 - v) / 4.0).exp() - 1.0),
        0.28 * (v - 40.0) / (((v - 40.0) / 5.0).exp() - 1.0),
        0.128 * ((17.0 - v) / 18.0).exp(),
        4.0 / (1.0 + ((40.0 - v) / 5.0).exp()),
    ]
}

/// The right-hand side of one neuron in one step (NEST's `hh_cond_exp_traub_dynamics`).
struct System<'a> {
    p: &'a HhCondExpTraub,
    i_stim: f64,
}

impl Ode<6> for System<'_> {
    #[inline]
    fn derivatives(&self, y: &[f64; 6]) -> [f64; 6] {
        let p = self.p;
        let (m, h, n) = (y[HH_M], y[HH_H], y[HH_N]);
        let i_na = p.g_Na * m * m * m * h * (y[V_M] - p.E_Na);
        let i_k = p.g_K * n * n * n * n * (y[V_M] - p.E_K);
        let i_l = p.g_L * (y[V_M] - p.E_L);
        let i_syn_ex = y[G_EX] * (y[V_M] - p.E_ex);
        let i_syn_in = y[G_IN] * (y[V_M] - p.E_in);
        let [alpha_n, beta_n, alpha_m, beta_m, alpha_h, beta_h] = rates(y[V_M] - p.V_T);
        [
            (-i_na - i_k - i_l - i_syn_ex - i_syn_in + self.i_stim + p.I_e) / p.C_m,
            alpha_m - (alpha_m + beta_m) * m,
            alpha_h - (alpha_h + beta_h) * h,
            alpha_n - (alpha_n + beta_n) * n,
            -y[G_EX] / p.tau_syn_ex,
            -y[G_IN] / p.tau_syn_in,
        ]
    }
}

impl NeuronModel for HhCondExpTraub {
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = HhCondExpTraubState<L>;
    type Block<'a> = HhCondExpTraubBlock<'a>;
    type Propagators = HhCondExpTraubConstants;

    fn propagators(&self, res: &Resolution) -> HhCondExpTraubConstants {
        HhCondExpTraubConstants {
            params: self.clone(),
            step: res.ms(),
            refractory_steps: res.steps_ceil(self.t_ref) as u32,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> HhCondExpTraubState<L> {
        // NEST's constructor: the gates at their equilibrium at the default E_L,
        // -60 mV, with the rates taken at V itself (not V − V_T).
        let [alpha_n, beta_n, alpha_m, beta_m, alpha_h, beta_h] = rates(-60.0);
        let mut y = [0.0; 6];
        y[V_M] = self.V_m;
        y[HH_H] = alpha_h / (alpha_h + beta_h);
        y[HH_N] = alpha_n / (alpha_n + beta_n);
        y[HH_M] = alpha_m / (alpha_m + beta_m);
        HhCondExpTraubState {
            y: len.filled(y),
            h: len.filled(f64::NAN),
            i_stim: len.filled(0.0),
            refractory: len.filled(0),
        }
    }

    fn blocks<L: Length>(
        state: &mut HhCondExpTraubState<L>,
        block_len: usize,
    ) -> Vec<HhCondExpTraubBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut HhCondExpTraubState<L>, i: usize, v_m: f64) {
        state.y[i][V_M] = v_m;
    }

    fn channel(weight: f64) -> usize {
        super::zero_inhibitory(weight)
    }

    fn update(
        &self,
        c: &HhCondExpTraubConstants,
        b: &mut HhCondExpTraubBlock<'_>,
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
            y[G_EX] += ex[i];
            // NEST's inhibitory buffer holds the negated weights: a positive conductance.
            y[G_IN] += -inh[i];
            ex[i] = 0.0;
            inh[i] = 0.0;
            if b.refractory[i] > 0 {
                b.refractory[i] -= 1;
            } else if y[V_M] >= p.V_T + 30.0 && v_old > y[V_M] {
                // Above V_T + 30 mV and falling: the peak has passed.
                b.refractory[i] = c.refractory_steps;
                spiked(i as u32);
            }
            b.i_stim[i] = current[i];
            current[i] = 0.0;
        }
    }

    fn recordable(&self, b: &HhCondExpTraubBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        Some(match var {
            Recordable::V_m => b.y[i][V_M],
            Recordable::g_ex => b.y[i][G_EX],
            Recordable::g_in => b.y[i][G_IN],
            Recordable::Act_m => b.y[i][HH_M],
            Recordable::Inact_h => b.y[i][HH_H],
            Recordable::Act_n => b.y[i][HH_N],
            _ => return None,
        })
    }
}
