//! `iaf_cond_beta`: leaky integrate-and-fire neuron with beta-shaped (difference of
//! exponentials) synaptic conductances, integrated as NEST 3.10 does (GSL's RKF45 with `y_new(1e-3, 0)`, the
//! integration step carried from step to step).

use super::rkf45::{evolve_apply, Control, Ode};
use super::soa::soa_state;
use super::{NeuronModel, Recordable, StepInput};
pub use network_spec::models::IafCondBeta;

use crate::storage::Length;
use crate::time::Resolution;

/// NEST's control for the `iaf_cond_*` models: absolute error 1e-3 on every component.
const CONTROL: Control = Control::y(1e-3, 0.0);

/// Indices into the state vector, in NEST's order.
const V_M: usize = 0;
const DG_EX: usize = 1;
const G_EX: usize = 2;
const DG_IN: usize = 3;
const G_IN: usize = 4;

soa_state! {
    /// State of a population of `iaf_cond_beta` neurons.
    IafCondBetaState / IafCondBetaBlock {
        /// `V_m` (mV, absolute), `dg_ex` (nS/ms), `g_ex` (nS), `dg_in` (nS/ms), `g_in` (nS).
        y: [f64; 5],
        /// The integrator's step (ms), carried from step to step.
        h: f64,
        /// Current input of the previous step (pA).
        i_stim: f64,
        /// Remaining refractory steps.
        refractory: u32,
    }
}

/// `iaf_cond_beta`'s constants for one resolution.
#[derive(Debug, Clone)]
pub struct CondBetaConstants {
    params: IafCondBeta,
    /// The simulation step (ms).
    step: f64,
    /// Refractory period in steps.
    refractory_steps: u32,
    /// `dg` per nS of weight that gives a beta conductance peaking at the weight (1/ms).
    g0_ex: f64,
    /// The same for inhibitory weights (1/ms).
    g0_in: f64,
}

/// The initial slope (1/ms) of a conductance `g' = dg − g/τ_rise`, `dg' = −dg/τ_decay`
/// whose peak is 1: `(1/τ_rise − 1/τ_decay) / (e^(−t_p/τ_decay) − e^(−t_p/τ_rise))` at
/// the peak time `t_p = τ_decay·τ_rise·ln(τ_decay/τ_rise)/(τ_decay − τ_rise)`, or the
/// alpha function's `e/τ_decay` when the two times (or the peak) are within machine
/// epsilon (NEST's `beta_normalization_factor`).
pub(super) fn beta_normalization(tau_rise: f64, tau_decay: f64) -> f64 {
    let difference = tau_decay - tau_rise;
    let mut peak = 0.0;
    if difference.abs() > f64::EPSILON {
        let t_peak = tau_decay * tau_rise * (tau_decay / tau_rise).ln() / difference;
        peak = (-t_peak / tau_decay).exp() - (-t_peak / tau_rise).exp();
    }
    if peak.abs() < f64::EPSILON {
        std::f64::consts::E / tau_decay
    } else {
        (1.0 / tau_rise - 1.0 / tau_decay) / peak
    }
}

/// The right-hand side of one neuron in one step (NEST's `iaf_cond_beta_dynamics`).
struct System<'a> {
    p: &'a IafCondBeta,
    refractory: bool,
    i_stim: f64,
}

impl Ode<5> for System<'_> {
    #[inline]
    fn derivatives(&self, y: &[f64; 5]) -> [f64; 5] {
        let p = self.p;
        // V is clamped to V_reset while refractory and bounded by V_th otherwise.
        let v = if self.refractory {
            p.V_reset
        } else {
            y[V_M].min(p.V_th)
        };
        let i_syn_ex = y[G_EX] * (v - p.E_ex);
        let i_syn_in = y[G_IN] * (v - p.E_in);
        let i_leak = p.g_L * (v - p.E_L);
        [
            if self.refractory {
                0.0
            } else {
                (-i_leak - i_syn_ex - i_syn_in + self.i_stim + p.I_e) / p.C_m
            },
            -y[DG_EX] / p.tau_decay_ex,
            y[DG_EX] - (y[G_EX] / p.tau_rise_ex),
            -y[DG_IN] / p.tau_decay_in,
            y[DG_IN] - (y[G_IN] / p.tau_rise_in),
        ]
    }
}

impl NeuronModel for IafCondBeta {
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = IafCondBetaState<L>;
    type Block<'a> = IafCondBetaBlock<'a>;
    type Propagators = CondBetaConstants;

    fn propagators(&self, res: &Resolution) -> CondBetaConstants {
        CondBetaConstants {
            params: self.clone(),
            step: res.ms(),
            refractory_steps: res.steps_ceil(self.t_ref) as u32,
            g0_ex: beta_normalization(self.tau_rise_ex, self.tau_decay_ex),
            g0_in: beta_normalization(self.tau_rise_in, self.tau_decay_in),
        }
    }

    fn init_state<L: Length>(&self, len: L) -> IafCondBetaState<L> {
        IafCondBetaState {
            y: len.filled([self.V_m, 0.0, 0.0, 0.0, 0.0]),
            h: len.filled(f64::NAN),
            i_stim: len.filled(0.0),
            refractory: len.filled(0),
        }
    }

    fn blocks<L: Length>(
        state: &mut IafCondBetaState<L>,
        block_len: usize,
    ) -> Vec<IafCondBetaBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut IafCondBetaState<L>, i: usize, v_m: f64) {
        state.y[i][V_M] = v_m;
    }

    fn channel(weight: f64) -> usize {
        usize::from(weight <= 0.0)
    }

    fn update(
        &self,
        c: &CondBetaConstants,
        b: &mut IafCondBetaBlock<'_>,
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
                refractory: b.refractory[i] > 0,
                i_stim: b.i_stim[i],
            };
            let mut t = 0.0;
            while t < c.step {
                evolve_apply(&sys, &CONTROL, &mut t, c.step, h, y);
            }
            if b.refractory[i] > 0 {
                b.refractory[i] -= 1;
                y[V_M] = p.V_reset;
            } else if y[V_M] >= p.V_th {
                b.refractory[i] = c.refractory_steps;
                y[V_M] = p.V_reset;
                spiked(i as u32);
            }
            y[DG_EX] += ex[i] * c.g0_ex;
            // NEST's inhibitory buffer holds the negated weights: a positive conductance.
            y[DG_IN] += -inh[i] * c.g0_in;
            ex[i] = 0.0;
            inh[i] = 0.0;
            b.i_stim[i] = current[i];
            current[i] = 0.0;
        }
    }

    fn recordable(&self, b: &IafCondBetaBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        Some(match var {
            Recordable::V_m => b.y[i][V_M],
            Recordable::g_ex => b.y[i][G_EX],
            Recordable::g_in => b.y[i][G_IN],
            _ => return None,
        })
    }
}
