//! `gif_psc_exp`: generalized integrate-and-fire neuron with exponential postsynaptic
//! currents and escape-rate spiking, with NEST 3.10's exact propagators and order of
//! operations (its spikes are random: they come from the block's stream).

use super::gif::{Adaptation, AdaptationBlock, AdaptationConstants};
use super::propagators::SynapticPropagator;
use super::soa::soa_state;
use super::{in_chunks, NeuronModel, Recordable, StepInput};
pub use network_spec::models::GifPscExp;

use crate::numerics::expm1;
use crate::storage::Length;
use crate::time::Resolution;
use rand::RngExt;

soa_state! {
    /// The per-neuron scalars of a population of `gif_psc_exp` neurons.
    GifScalars / GifScalarsBlock {
        /// Membrane potential (mV, absolute).
        v: f64,
        /// Excitatory synaptic current (pA).
        i_ex: f64,
        /// Inhibitory synaptic current (pA).
        i_in: f64,
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

/// State of a population of `gif_psc_exp` neurons.
#[derive(Debug)]
pub struct GifPscExpState<L: Length> {
    /// Per-neuron scalars.
    pub scalars: GifScalars<L>,
    /// Threshold components and spike-triggered currents.
    pub adaptation: Adaptation<L>,
}

/// A block of neurons of [`GifPscExpState`].
#[derive(Debug)]
pub struct GifPscExpBlock<'a> {
    /// Per-neuron scalars.
    pub scalars: GifScalarsBlock<'a>,
    /// Threshold components and spike-triggered currents.
    pub adaptation: AdaptationBlock<'a>,
}

/// Propagators of `gif_psc_exp` for one resolution.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct GifPropagators {
    pub h: f64,
    pub p11_ex: f64,
    pub p11_in: f64,
    pub p21_ex: f64,
    pub p21_in: f64,
    pub p33: f64,
    pub p30: f64,
    pub p31: f64,
    /// The adaptation's decays and jumps.
    pub adaptation: AdaptationConstants,
    pub refractory_steps: u32,
    /// Escape rate at threshold (1/ms).
    pub lambda_0: f64,
}

impl NeuronModel for GifPscExp {
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = GifPscExpState<L>;
    type Block<'a> = GifPscExpBlock<'a>;
    type Propagators = GifPropagators;

    fn propagators(&self, res: &Resolution) -> GifPropagators {
        let h = res.ms();
        let tau_m = self.C_m / self.g_L;
        GifPropagators {
            h,
            p11_ex: (-h / self.tau_syn_ex).exp(),
            p11_in: (-h / self.tau_syn_in).exp(),
            p21_ex: SynapticPropagator::new(self.tau_syn_ex, tau_m, self.C_m).exp_p21(h),
            p21_in: SynapticPropagator::new(self.tau_syn_in, tau_m, self.C_m).exp_p21(h),
            p33: (-h / tau_m).exp(),
            p30: -1.0 / self.C_m * expm1(-h / tau_m) * tau_m,
            p31: -expm1(-h / tau_m),
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

    fn init_state<L: Length>(&self, len: L) -> GifPscExpState<L> {
        GifPscExpState {
            scalars: GifScalars {
                v: len.filled(self.V_m),
                i_ex: len.filled(0.0),
                i_in: len.filled(0.0),
                i_stim: len.filled(0.0),
                stc: len.filled(0.0),
                sfa: len.filled(0.0),
                refractory: len.filled(0),
            },
            adaptation: Adaptation::new(len, self.tau_sfa.len(), self.tau_stc.len()),
        }
    }

    fn blocks<L: Length>(
        state: &mut GifPscExpState<L>,
        block_len: usize,
    ) -> Vec<GifPscExpBlock<'_>> {
        let blocks = state.scalars.v.len().div_ceil(block_len);
        let adaptation = state.adaptation.split(block_len, blocks);
        state
            .scalars
            .split(block_len)
            .into_iter()
            .zip(adaptation)
            .map(|(scalars, adaptation)| GifPscExpBlock {
                scalars,
                adaptation,
            })
            .collect()
    }

    fn set_v_m<L: Length>(&self, state: &mut GifPscExpState<L>, i: usize, v_m: f64) {
        state.scalars.v[i] = v_m;
    }

    fn channel(weight: f64) -> usize {
        super::zero_excitatory(weight)
    }

    // Inlined into the block work compiled for the processor (engine::wide).
    #[inline(always)]
    fn update(
        &self,
        p: &GifPropagators,
        b: &mut GifPscExpBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let [ex, inh] = input.spikes.pair();
        let current = input.current;
        let rng = input.rng;
        let GifPscExpBlock {
            scalars,
            adaptation,
        } = b;
        in_chunks(
            scalars.len(),
            spiked,
            #[inline(always)]
            |range, fired| {
                let start = range.start;
                let GifScalarsBlock {
                    v,
                    i_ex,
                    i_in,
                    i_stim,
                    stc: stc_sum,
                    sfa: sfa_sum,
                    refractory,
                } = scalars.range(range.clone());
                let ex = &mut ex[range.clone()];
                let inh = &mut inh[range.clone()];
                let current = &mut current[range];
                for k in 0..v.len() {
                    let n = start + k;
                    let (total, threshold) = adaptation.step(&p.adaptation, n);
                    stc_sum[k] = total;
                    sfa_sum[k] = threshold;
                    i_ex[k] = i_ex[k] * p.p11_ex + ex[k];
                    i_in[k] = i_in[k] * p.p11_in + inh[k];
                    ex[k] = 0.0;
                    inh[k] = 0.0;
                    fired[k] = false;
                    if refractory[k] == 0 {
                        v[k] = p.p30 * (i_stim[k] + self.I_e - total)
                            + p.p33 * v[k]
                            + p.p31 * self.E_L
                            + i_ex[k] * p.p21_ex
                            + i_in[k] * p.p21_in;
                        let lambda = p.lambda_0 * ((v[k] - threshold) / self.Delta_V).exp();
                        if lambda > 0.0 && rng.random::<f64>() < -expm1(-lambda * p.h) {
                            adaptation.spike(&p.adaptation, n);
                            refractory[k] = p.refractory_steps;
                            fired[k] = true;
                        }
                    } else {
                        refractory[k] -= 1;
                        v[k] = self.V_reset;
                    }
                    i_stim[k] = current[k];
                    current[k] = 0.0;
                }
            },
        );
    }

    fn recordable(&self, b: &GifPscExpBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        let s = &b.scalars;
        Some(match var {
            Recordable::V_m => s.v[i],
            Recordable::E_sfa => s.sfa[i],
            Recordable::I_stc => s.stc[i],
            Recordable::I_syn_ex => s.i_ex[i],
            Recordable::I_syn_in => s.i_in[i],
            _ => return None,
        })
    }
}
