//! `gif_cond_exp`: generalized integrate-and-fire neuron with exponentially decaying
//! synaptic conductances and escape-rate spiking, integrated as NEST 3.10 does (GSL's
//! RKF45 with `y_new(gsl_error_tol, 0)`, the integration step carried from step to step;
//! the adaptation kernels and the escape rule of `gif_psc_exp`; its spikes are random:
//! they come from the block's stream).

use super::gif::{Adaptation, AdaptationBlock, AdaptationConstants};
use super::rkf45::{evolve_apply, Control, Ode};
use super::soa::soa_state;
use super::{NeuronModel, Recordable, StepInput};
pub use network_spec::models::GifCondExp;

use crate::numerics::expm1;
use crate::storage::Length;
use crate::time::Resolution;
use rand::RngExt;

/// Indices into the state vector, in NEST's order.
const V_M: usize = 0;
const G_EX: usize = 1;
const G_IN: usize = 2;

soa_state! {
    /// The per-neuron scalars of a population of `gif_cond_exp` neurons.
    GifCondScalars / GifCondScalarsBlock {
        /// `V_m` (mV, absolute), `g_ex` and `g_in` (nS).
        y: [f64; 3],
        /// The integrator's step (ms), carried from step to step.
        h: f64,
        /// Current input of the previous step (pA).
        i_stim: f64,
        /// Total spike-triggered current of this step (pA).
        stc: f64,
        /// Moving threshold of this step (mV).
        sfa: f64,
        /// Remaining refractory steps.
        refractory: u32,
    }
}

/// State of a population of `gif_cond_exp` neurons.
#[derive(Debug)]
pub struct GifCondExpState<L: Length> {
    /// Per-neuron scalars.
    pub scalars: GifCondScalars<L>,
    /// Threshold components and spike-triggered currents.
    pub adaptation: Adaptation<L>,
}

/// A block of neurons of [`GifCondExpState`].
#[derive(Debug)]
pub struct GifCondExpBlock<'a> {
    /// Per-neuron scalars.
    pub scalars: GifCondScalarsBlock<'a>,
    /// Threshold components and spike-triggered currents.
    pub adaptation: AdaptationBlock<'a>,
}

/// `gif_cond_exp`'s constants for one resolution.
#[derive(Debug, Clone)]
pub struct GifCondConstants {
    params: GifCondExp,
    /// The simulation step (ms).
    step: f64,
    /// NEST's control: `y_new(gsl_error_tol, 0)`.
    control: Control,
    /// The adaptation's decays and jumps.
    adaptation: AdaptationConstants,
    refractory_steps: u32,
    /// Escape rate at threshold (1/ms).
    lambda_0: f64,
}

/// The right-hand side of one neuron in one step (NEST's `gif_cond_exp_dynamics`).
struct System<'a> {
    p: &'a GifCondExp,
    refractory: bool,
    i_stim: f64,
    /// The spike-triggered current of this step (pA).
    stc: f64,
}

impl Ode<3> for System<'_> {
    #[inline]
    fn derivatives(&self, y: &[f64; 3]) -> [f64; 3] {
        let p = self.p;
        let v = if self.refractory { p.V_reset } else { y[V_M] };
        let i_syn_ex = y[G_EX] * (v - p.E_ex);
        let i_syn_in = y[G_IN] * (v - p.E_in);
        let i_leak = p.g_L * (v - p.E_L);
        [
            if self.refractory {
                0.0
            } else {
                (-i_leak + self.i_stim + p.I_e - i_syn_ex - i_syn_in - self.stc) / p.C_m
            },
            -y[G_EX] / p.tau_syn_ex,
            -y[G_IN] / p.tau_syn_in,
        ]
    }
}

impl NeuronModel for GifCondExp {
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = GifCondExpState<L>;
    type Block<'a> = GifCondExpBlock<'a>;
    type Propagators = GifCondConstants;

    fn propagators(&self, res: &Resolution) -> GifCondConstants {
        let h = res.ms();
        GifCondConstants {
            params: self.clone(),
            step: h,
            control: Control::y(self.gsl_error_tol, 0.0),
            adaptation: AdaptationConstants::new(
                res,
                self.V_T_star,
                (&self.tau_sfa, &self.q_sfa),
                (&self.tau_stc, &self.q_stc),
            ),
            refractory_steps: res.steps_ceil(self.t_ref) as u32,
            lambda_0: self.lambda_0 / 1000.0,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> GifCondExpState<L> {
        GifCondExpState {
            scalars: GifCondScalars {
                y: len.filled([self.V_m, 0.0, 0.0]),
                h: len.filled(f64::NAN),
                i_stim: len.filled(0.0),
                stc: len.filled(0.0),
                sfa: len.filled(0.0),
                refractory: len.filled(0),
            },
            adaptation: Adaptation::new(len, self.tau_sfa.len(), self.tau_stc.len()),
        }
    }

    fn blocks<L: Length>(
        state: &mut GifCondExpState<L>,
        block_len: usize,
    ) -> Vec<GifCondExpBlock<'_>> {
        let blocks = state.scalars.h.len().div_ceil(block_len);
        let adaptation = state.adaptation.split(block_len, blocks);
        state
            .scalars
            .split(block_len)
            .into_iter()
            .zip(adaptation)
            .map(|(scalars, adaptation)| GifCondExpBlock {
                scalars,
                adaptation,
            })
            .collect()
    }

    fn set_v_m<L: Length>(&self, state: &mut GifCondExpState<L>, i: usize, v_m: f64) {
        state.scalars.y[i][V_M] = v_m;
    }

    fn channel(weight: f64) -> usize {
        super::zero_excitatory(weight)
    }

    fn update(
        &self,
        c: &GifCondConstants,
        b: &mut GifCondExpBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let p = &c.params;
        let [ex, inh] = input.spikes.pair();
        let current = input.current;
        let rng = input.rng;
        let GifCondExpBlock {
            scalars: s,
            adaptation,
        } = b;
        for i in 0..s.len() {
            let (stc_total, threshold) = adaptation.step(&c.adaptation, i);
            s.stc[i] = stc_total;
            s.sfa[i] = threshold;

            let y = &mut s.y[i];
            let h = &mut s.h[i];
            if h.is_nan() {
                // NEST starts the integrator with one simulation step.
                *h = c.step;
            }
            let system = System {
                p,
                refractory: s.refractory[i] > 0,
                i_stim: s.i_stim[i],
                stc: stc_total,
            };
            let mut t = 0.0;
            while t < c.step {
                evolve_apply(&system, &c.control, &mut t, c.step, h, y);
            }
            y[G_EX] += ex[i];
            // NEST's inhibitory buffer holds the negated weights: a positive conductance.
            y[G_IN] += -inh[i];
            ex[i] = 0.0;
            inh[i] = 0.0;

            if s.refractory[i] == 0 {
                let lambda = c.lambda_0 * ((y[V_M] - threshold) / p.Delta_V).exp();
                if lambda > 0.0 && rng.random::<f64>() < -expm1(-lambda * c.step) {
                    adaptation.spike(&c.adaptation, i);
                    s.refractory[i] = c.refractory_steps;
                    spiked(i as u32);
                }
            } else {
                s.refractory[i] -= 1;
                y[V_M] = p.V_reset;
            }
            s.i_stim[i] = current[i];
            current[i] = 0.0;
        }
    }

    fn recordable(&self, b: &GifCondExpBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        let s = &b.scalars;
        Some(match var {
            Recordable::V_m => s.y[i][V_M],
            Recordable::E_sfa => s.sfa[i],
            Recordable::I_stc => s.stc[i],
            Recordable::g_ex => s.y[i][G_EX],
            Recordable::g_in => s.y[i][G_IN],
            _ => return None,
        })
    }
}
