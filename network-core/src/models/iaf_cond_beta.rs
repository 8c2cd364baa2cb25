//! `iaf_cond_beta`: leaky integrate-and-fire neuron with beta-shaped (difference of
//! exponentials) synaptic conductances, integrated as NEST 3.10 does (GSL's RKF45 with
//! `y_new(1e-3, 0)`, the integration step carried from step to step).
//!
//! `iaf_cond_alpha` is the same system with equal rise and decay times (NEST's two
//! right-hand sides agree term by term then, and so do their normalisations), so both
//! models are built here by [`beta_conductance_model!`].

use super::rkf45::{evolve_apply, Control, Ode};
use super::soa::soa_state;
pub use network_spec::models::IafCondBeta;

use crate::time::Resolution;

/// NEST's control for the `iaf_cond_*` models: absolute error 1e-3 on every component.
const CONTROL: Control = Control::y(1e-3, 0.0);

/// Indices into the state vector, in NEST's order.
pub(super) const V_M: usize = 0;
const DG_EX: usize = 1;
pub(super) const G_EX: usize = 2;
const DG_IN: usize = 3;
pub(super) const G_IN: usize = 4;

soa_state! {
    /// State of a population of `iaf_cond_beta` or `iaf_cond_alpha` neurons.
    CondBetaState / CondBetaBlock {
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

/// The rise and decay times (ms) of the excitatory and inhibitory conductances.
#[derive(Debug, Clone, Copy)]
pub(super) struct BetaTimes {
    pub rise_ex: f64,
    pub decay_ex: f64,
    pub rise_in: f64,
    pub decay_in: f64,
}

/// The constants of a beta-conductance model for one resolution (NEST names and units).
#[derive(Debug, Clone)]
#[allow(non_snake_case)]
pub struct CondBetaConstants {
    /// Membrane capacitance (pF).
    C_m: f64,
    /// Leak conductance (nS).
    g_L: f64,
    /// Resting potential (mV).
    E_L: f64,
    /// Excitatory and inhibitory reversal potentials (mV).
    E_ex: f64,
    E_in: f64,
    /// Threshold and reset (mV).
    V_th: f64,
    V_reset: f64,
    /// Constant input current (pA).
    I_e: f64,
    /// The conductances' time constants (ms).
    times: BetaTimes,
    /// The simulation step (ms).
    step: f64,
    /// Refractory period in steps.
    refractory_steps: u32,
    /// `dg` per nS of weight that gives a conductance peaking at the weight (1/ms).
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

/// The [`CondBetaConstants`] of a model's parameters `$p` (the `iaf_cond_*` names) with
/// time constants `$times` at resolution `$res`.
macro_rules! cond_beta_constants {
    ($p:expr, $times:expr, $res:expr) => {
        $crate::models::iaf_cond_beta::CondBetaConstants::new(
            $res,
            ($p.C_m, $p.g_L, $p.E_L, $p.E_ex, $p.E_in),
            ($p.V_th, $p.V_reset, $p.I_e, $p.t_ref),
            $times,
        )
    };
}
pub(super) use cond_beta_constants;

impl CondBetaConstants {
    /// The constants at resolution `res`.
    #[allow(non_snake_case)]
    pub(super) fn new(
        res: &Resolution,
        (C_m, g_L, E_L, E_ex, E_in): (f64, f64, f64, f64, f64),
        (V_th, V_reset, I_e, t_ref): (f64, f64, f64, f64),
        times: BetaTimes,
    ) -> Self {
        CondBetaConstants {
            C_m,
            g_L,
            E_L,
            E_ex,
            E_in,
            V_th,
            V_reset,
            I_e,
            times,
            step: res.ms(),
            refractory_steps: res.steps_ceil(t_ref) as u32,
            g0_ex: beta_normalization(times.rise_ex, times.decay_ex),
            g0_in: beta_normalization(times.rise_in, times.decay_in),
        }
    }

    /// Advances the neurons of a block by one step: NEST's `iaf_cond_beta::update` (and
    /// `iaf_cond_alpha`'s, the same loop). `ex`, `inh` are this step's spike input
    /// (nS; inhibitory weights negative), `current` the step's current input (pA); all
    /// three are consumed.
    pub(super) fn update(
        &self,
        b: &mut CondBetaBlock<'_>,
        (ex, inh): (&mut [f64], &mut [f64]),
        current: &mut [f64],
        spiked: &mut dyn FnMut(u32),
    ) {
        for i in 0..b.len() {
            let y = &mut b.y[i];
            let h = &mut b.h[i];
            if h.is_nan() {
                // NEST starts the integrator with one simulation step.
                *h = self.step;
            }
            let sys = System {
                c: self,
                refractory: b.refractory[i] > 0,
                i_stim: b.i_stim[i],
            };
            let mut t = 0.0;
            while t < self.step {
                evolve_apply(&sys, &CONTROL, &mut t, self.step, h, y);
            }
            if b.refractory[i] > 0 {
                b.refractory[i] -= 1;
                y[V_M] = self.V_reset;
            } else if y[V_M] >= self.V_th {
                b.refractory[i] = self.refractory_steps;
                y[V_M] = self.V_reset;
                spiked(i as u32);
            }
            y[DG_EX] += ex[i] * self.g0_ex;
            // NEST's inhibitory buffer holds the negated weights: a positive conductance.
            y[DG_IN] += -inh[i] * self.g0_in;
            ex[i] = 0.0;
            inh[i] = 0.0;
            b.i_stim[i] = current[i];
            current[i] = 0.0;
        }
    }
}

/// The right-hand side of one neuron in one step (NEST's `iaf_cond_beta_dynamics`;
/// `iaf_cond_alpha_dynamics` with both times equal).
struct System<'a> {
    c: &'a CondBetaConstants,
    refractory: bool,
    i_stim: f64,
}

impl Ode<5> for System<'_> {
    #[inline]
    fn derivatives(&self, y: &[f64; 5]) -> [f64; 5] {
        let c = self.c;
        // V is clamped to V_reset while refractory and bounded by V_th otherwise.
        let v = if self.refractory {
            c.V_reset
        } else {
            y[V_M].min(c.V_th)
        };
        let i_syn_ex = y[G_EX] * (v - c.E_ex);
        let i_syn_in = y[G_IN] * (v - c.E_in);
        let i_leak = c.g_L * (v - c.E_L);
        [
            if self.refractory {
                0.0
            } else {
                (-i_leak - i_syn_ex - i_syn_in + self.i_stim + c.I_e) / c.C_m
            },
            -y[DG_EX] / c.times.decay_ex,
            y[DG_EX] - (y[G_EX] / c.times.rise_ex),
            -y[DG_IN] / c.times.decay_in,
            y[DG_IN] - (y[G_IN] / c.times.rise_in),
        ]
    }
}

/// Implements [`NeuronModel`](super::NeuronModel) for the parameter type `$Model` (with
/// the `iaf_cond_*` names) whose conductances have the [`BetaTimes`] `$times` (an
/// expression of `$p`, the parameters).
macro_rules! beta_conductance_model {
    ($Model:ty, |$p:ident| $times:expr) => {
        impl $crate::models::NeuronModel for $Model {
            const SPIKE_CHANNELS: usize = 2;

            type State<L: $crate::storage::Length> =
                $crate::models::iaf_cond_beta::CondBetaState<L>;
            type Block<'a> = $crate::models::iaf_cond_beta::CondBetaBlock<'a>;
            type Propagators = $crate::models::iaf_cond_beta::CondBetaConstants;

            fn propagators(
                &self,
                res: &$crate::time::Resolution,
            ) -> $crate::models::iaf_cond_beta::CondBetaConstants {
                let $p = self;
                $crate::models::iaf_cond_beta::cond_beta_constants!(self, $times, res)
            }

            fn init_state<L: $crate::storage::Length>(&self, len: L) -> Self::State<L> {
                $crate::models::iaf_cond_beta::CondBetaState {
                    y: len.filled([self.V_m, 0.0, 0.0, 0.0, 0.0]),
                    h: len.filled(f64::NAN),
                    i_stim: len.filled(0.0),
                    refractory: len.filled(0),
                }
            }

            fn blocks<L: $crate::storage::Length>(
                state: &mut Self::State<L>,
                block_len: usize,
            ) -> Vec<Self::Block<'_>> {
                state.split(block_len)
            }

            fn set_v_m<L: $crate::storage::Length>(
                &self,
                state: &mut Self::State<L>,
                i: usize,
                v_m: f64,
            ) {
                state.y[i][$crate::models::iaf_cond_beta::V_M] = v_m;
            }

            fn channel(weight: f64) -> usize {
                super::zero_inhibitory(weight)
            }

            fn update(
                &self,
                c: &Self::Propagators,
                b: &mut Self::Block<'_>,
                input: $crate::models::StepInput<'_>,
                spiked: &mut dyn FnMut(u32),
            ) {
                let [ex, inh] = input.spikes.pair();
                c.update(b, (ex, inh), input.current, spiked);
            }

            fn recordable(
                &self,
                b: &Self::Block<'_>,
                var: $crate::models::Recordable,
                i: usize,
            ) -> Option<f64> {
                use $crate::models::iaf_cond_beta::{G_EX, G_IN, V_M};
                Some(match var {
                    $crate::models::Recordable::V_m => b.y[i][V_M],
                    $crate::models::Recordable::g_ex => b.y[i][G_EX],
                    $crate::models::Recordable::g_in => b.y[i][G_IN],
                    _ => return None,
                })
            }
        }
    };
}
pub(super) use beta_conductance_model;

beta_conductance_model!(IafCondBeta, |p| BetaTimes {
    rise_ex: p.tau_rise_ex,
    decay_ex: p.tau_decay_ex,
    rise_in: p.tau_rise_in,
    decay_in: p.tau_decay_in,
});
