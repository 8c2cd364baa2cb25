//! `iaf_psc_exp`: leaky integrate-and-fire neuron with exponentially decaying
//! postsynaptic currents and an optional stochastic threshold, as in NEST 3.10.

use super::propagators::SynapticPropagator;
use super::soa::soa_state;
use super::{flush_subnormal, in_chunks, NeuronModel, Recordable, StepInput};
pub use network_spec::models::IafPscExp;

use crate::storage::Length;
use crate::time::Resolution;
use rand::RngExt;

soa_state! {
    /// State of a population of `iaf_psc_exp` neurons (voltages relative to `E_L`).
    IafPscExpState / IafPscExpBlock {
        /// Membrane potential relative to E_L (mV).
        v: f64,
        /// Excitatory synaptic current (pA).
        i_ex: f64,
        /// Inhibitory synaptic current (pA).
        i_in: f64,
        /// Current input of the previous step (pA).
        i_0: f64,
        /// Remaining refractory steps.
        refractory: u32,
    }
}

/// Propagators of `iaf_psc_exp` for one resolution.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct ExpPropagators {
    pub p11_ex: f64,
    pub p11_in: f64,
    pub p21_ex: f64,
    pub p21_in: f64,
    pub p22: f64,
    pub p20: f64,
    pub refractory_steps: u32,
    pub theta: f64,
    pub v_reset: f64,
    pub i_e: f64,
    /// Escape probability per step at threshold (`rho · h · 1e-3`), if stochastic.
    pub escape: Option<(f64, f64)>,
}

/// Neuron `i`'s membrane potential and refractory count after one step, before the
/// threshold (NEST's order of operations, written with selects instead of branches).
/// Without `CURRENT` the current kept from the previous step is +0.0 (no generator
/// reaches the neuron) and is not read; the arithmetic is the same.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn integrate<const CURRENT: bool>(
    p: &ExpPropagators,
    i: usize,
    v: &[f64],
    i_ex: &[f64],
    i_in: &[f64],
    i_0: &[f64],
    refractory: &[u32],
) -> (f64, u32) {
    let free = refractory[i] == 0;
    let i_0 = if CURRENT { i_0[i] } else { 0.0 };
    let integrated = flush_subnormal(
        v[i] * p.p22 + i_ex[i] * p.p21_ex + i_in[i] * p.p21_in + (p.i_e + i_0) * p.p20,
    );
    if free {
        (integrated, 0)
    } else {
        (v[i], refractory[i].wrapping_sub(1))
    }
}

/// Decays neuron `i`'s synaptic currents and adds the step's spike input, then (with
/// `CURRENT`) keeps the step's current input for the next step; the inputs read are
/// zeroed. Without `CURRENT` the current input and the kept current stay +0.0.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn step_inputs<const CURRENT: bool>(
    p: &ExpPropagators,
    i: usize,
    i_ex: &mut [f64],
    i_in: &mut [f64],
    i_0: &mut [f64],
    ex: &mut [f64],
    inh: &mut [f64],
    current: &mut [f64],
) {
    i_ex[i] = flush_subnormal(i_ex[i] * p.p11_ex) + ex[i];
    i_in[i] = flush_subnormal(i_in[i] * p.p11_in) + inh[i];
    ex[i] = 0.0;
    inh[i] = 0.0;
    if CURRENT {
        i_0[i] = current[i];
        current[i] = 0.0;
    }
}

/// One step of neurons with a sharp threshold (no escape noise); `fired` marks those
/// that spiked.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn sharp_threshold_step<const CURRENT: bool>(
    p: &ExpPropagators,
    b: IafPscExpBlock<'_>,
    ex: &mut [f64],
    inh: &mut [f64],
    current: &mut [f64],
    fired: &mut [bool],
) {
    let IafPscExpBlock {
        v,
        i_ex,
        i_in,
        i_0,
        refractory,
    } = b;
    for i in 0..v.len() {
        let (v_new, r_new) = integrate::<CURRENT>(p, i, v, i_ex, i_in, i_0, refractory);
        let spike = v_new >= p.theta;
        v[i] = if spike { p.v_reset } else { v_new };
        refractory[i] = if spike { p.refractory_steps } else { r_new };
        fired[i] = spike;
        step_inputs::<CURRENT>(p, i, i_ex, i_in, i_0, ex, inh, current);
    }
}

impl NeuronModel for IafPscExp {
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = IafPscExpState<L>;
    type Block<'a> = IafPscExpBlock<'a>;
    type Propagators = ExpPropagators;

    fn propagators(&self, res: &Resolution) -> ExpPropagators {
        let h = res.ms();
        let p22 = (-h / self.tau_m).exp();
        ExpPropagators {
            p11_ex: (-h / self.tau_syn_ex).exp(),
            p11_in: (-h / self.tau_syn_in).exp(),
            p21_ex: SynapticPropagator::new(self.tau_syn_ex, self.tau_m, self.C_m).exp_p21(h),
            p21_in: SynapticPropagator::new(self.tau_syn_in, self.tau_m, self.C_m).exp_p21(h),
            p22,
            p20: self.tau_m / self.C_m * (1.0 - p22),
            refractory_steps: res.steps_ceil(self.t_ref) as u32,
            theta: self.V_th - self.E_L,
            v_reset: self.V_reset - self.E_L,
            i_e: self.I_e,
            escape: (self.delta > 1e-10).then_some((self.rho * h * 1e-3, self.delta)),
        }
    }

    fn init_state<L: Length>(&self, len: L) -> IafPscExpState<L> {
        IafPscExpState {
            v: len.filled(self.V_m - self.E_L),
            i_ex: len.filled(0.0),
            i_in: len.filled(0.0),
            i_0: len.filled(0.0),
            refractory: len.filled(0),
        }
    }

    fn blocks<L: Length>(
        state: &mut IafPscExpState<L>,
        block_len: usize,
    ) -> Vec<IafPscExpBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut IafPscExpState<L>, i: usize, v_m: f64) {
        state.v[i] = v_m - self.E_L;
    }

    fn channel(weight: f64) -> usize {
        super::zero_inhibitory(weight)
    }

    // Inlined into the block work compiled for the processor (engine::wide).
    #[inline(always)]
    fn update(
        &self,
        p: &ExpPropagators,
        b: &mut IafPscExpBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let [ex, inh] = input.spikes.pair();
        let current = input.current;
        let no_current = input.no_current;
        let rng = input.rng;
        in_chunks(
            b.len(),
            spiked,
            #[inline(always)]
            |range, fired| {
                let IafPscExpBlock {
                    v,
                    i_ex,
                    i_in,
                    i_0,
                    refractory,
                } = b.range(range.clone());
                // Every slice cut to the block's length: the loop then has no bounds
                // checks and is compiled to vector lanes (AVX2 under `engine::wide`).
                let n = v.len();
                let (i_ex, i_in, i_0, refractory) = (
                    &mut i_ex[..n],
                    &mut i_in[..n],
                    &mut i_0[..n],
                    &mut refractory[..n],
                );
                let ex = &mut ex[range.clone()][..n];
                let inh = &mut inh[range.clone()][..n];
                let current = &mut current[range][..n];
                let fired = &mut fired[..n];
                // With escape noise the threshold is not sharp: the draws below decide.
                // Separate loops, so that none tests the noise or the current per neuron
                // (a branch in the loop keeps it from vectorizing).
                if p.escape.is_none() {
                    let b = IafPscExpBlock {
                        v,
                        i_ex,
                        i_in,
                        i_0,
                        refractory,
                    };
                    if no_current {
                        sharp_threshold_step::<false>(p, b, ex, inh, current, fired);
                    } else {
                        sharp_threshold_step::<true>(p, b, ex, inh, current, fired);
                    }
                    return;
                }
                for i in 0..n {
                    (v[i], refractory[i]) = integrate::<true>(p, i, v, i_ex, i_in, i_0, refractory);
                    step_inputs::<true>(p, i, i_ex, i_in, i_0, ex, inh, current);
                }
                if let Some((rate_h, delta)) = p.escape {
                    // Escape noise: every neuron draws in every step, as in NEST.
                    for i in 0..n {
                        let phi = rate_h * (1.0 / delta * (v[i] - p.theta)).exp();
                        fired[i] = rng.random::<f64>() < phi;
                    }
                    for i in 0..n {
                        v[i] = if fired[i] { p.v_reset } else { v[i] };
                        refractory[i] = if fired[i] {
                            p.refractory_steps
                        } else {
                            refractory[i]
                        };
                    }
                }
            },
        );
    }

    fn recordable(&self, b: &IafPscExpBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        Some(match var {
            Recordable::V_m => b.v[i] + self.E_L,
            Recordable::I_syn_ex => b.i_ex[i],
            Recordable::I_syn_in => b.i_in[i],
            _ => return None,
        })
    }
}
