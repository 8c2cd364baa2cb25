//! `iaf_psc_alpha`: leaky integrate-and-fire neuron with alpha-shaped postsynaptic
//! currents, integrated exactly on the grid as NEST does.

use super::propagators::SynapticPropagator;
use super::soa::soa_state;
use super::{flush_subnormal, in_chunks, NeuronModel, Recordable, StepInput};
use crate::storage::Length;
use crate::time::Resolution;
pub use network_spec::models::IafPscAlpha;

soa_state! {
    /// State of a population of `iaf_psc_alpha` neurons (voltages relative to `E_L`).
    IafPscAlphaState / IafPscAlphaBlock {
        /// Membrane potential relative to E_L (mV).
        v: f64,
        /// Excitatory synaptic current (pA).
        i_ex: f64,
        /// Derivative term of the excitatory alpha current (pA/ms).
        di_ex: f64,
        /// Inhibitory synaptic current (pA).
        i_in: f64,
        /// Derivative term of the inhibitory alpha current (pA/ms).
        di_in: f64,
        /// Current input of the previous step (pA).
        y0: f64,
        /// Remaining refractory steps.
        refractory: u32,
    }
}

/// Propagators of `iaf_psc_alpha` for one resolution.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct AlphaPropagators {
    pub p11_ex: f64,
    pub p21_ex: f64,
    pub p22_ex: f64,
    pub p31_ex: f64,
    pub p32_ex: f64,
    pub p11_in: f64,
    pub p21_in: f64,
    pub p22_in: f64,
    pub p31_in: f64,
    pub p32_in: f64,
    pub p30: f64,
    pub expm1_tau_m: f64,
    pub epsc_initial: f64,
    pub ipsc_initial: f64,
    pub refractory_steps: u32,
    pub theta: f64,
    pub v_reset: f64,
    pub v_min: f64,
    pub i_e: f64,
}

/// One step of `b`'s neurons; `fired` marks those that spiked. Without `CURRENT` no
/// generator reaches the neurons: the current kept from the previous step is +0.0 and
/// is neither read nor written, nor is the step's current input (zeros); the arithmetic
/// is the same.
#[inline(always)]
fn alpha_step<const CURRENT: bool>(
    p: &AlphaPropagators,
    b: IafPscAlphaBlock<'_>,
    ex: &mut [f64],
    inh: &mut [f64],
    current: &mut [f64],
    fired: &mut [bool],
) {
    let IafPscAlphaBlock {
        v,
        i_ex,
        di_ex,
        i_in,
        di_in,
        y0,
        refractory,
    } = b;
    // Every slice cut to the block's length: the loop then has no bounds checks and is
    // compiled to vector lanes (AVX2 under `engine::wide`).
    let n = v.len();
    let (i_ex, di_ex, i_in, di_in, y0, refractory) = (
        &mut i_ex[..n],
        &mut di_ex[..n],
        &mut i_in[..n],
        &mut di_in[..n],
        &mut y0[..n],
        &mut refractory[..n],
    );
    let (ex, inh, current, fired) = (
        &mut ex[..n],
        &mut inh[..n],
        &mut current[..n],
        &mut fired[..n],
    );
    for i in 0..n {
        // NEST's order of operations, written with selects instead of branches.
        let free = refractory[i] == 0;
        let kept = if CURRENT { y0[i] } else { 0.0 };
        let integrated = p.p30 * (kept + p.i_e)
            + p.p31_ex * di_ex[i]
            + p.p32_ex * i_ex[i]
            + p.p31_in * di_in[i]
            + p.p32_in * i_in[i]
            + p.expm1_tau_m * v[i]
            + v[i];
        let bounded = flush_subnormal(if integrated < p.v_min {
            p.v_min
        } else {
            integrated
        });
        let v_new = if free { bounded } else { v[i] };
        let r_new = if free {
            0
        } else {
            refractory[i].wrapping_sub(1)
        };
        i_ex[i] = flush_subnormal(p.p21_ex * di_ex[i] + p.p22_ex * i_ex[i]);
        di_ex[i] = flush_subnormal(di_ex[i] * p.p11_ex) + p.epsc_initial * ex[i];
        ex[i] = 0.0;
        i_in[i] = flush_subnormal(p.p21_in * di_in[i] + p.p22_in * i_in[i]);
        di_in[i] = flush_subnormal(di_in[i] * p.p11_in) + p.ipsc_initial * inh[i];
        inh[i] = 0.0;
        let spike = v_new >= p.theta;
        v[i] = if spike { p.v_reset } else { v_new };
        refractory[i] = if spike { p.refractory_steps } else { r_new };
        fired[i] = spike;
        if CURRENT {
            y0[i] = current[i];
            current[i] = 0.0;
        }
    }
}

impl NeuronModel for IafPscAlpha {
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = IafPscAlphaState<L>;
    type Block<'a> = IafPscAlphaBlock<'a>;
    type Propagators = AlphaPropagators;

    fn propagators(&self, res: &Resolution) -> AlphaPropagators {
        let h = res.ms();
        let p11_ex = (-h / self.tau_syn_ex).exp();
        let p11_in = (-h / self.tau_syn_in).exp();
        let expm1_tau_m = crate::numerics::expm1(-h / self.tau_m);
        let (p31_ex, p32_ex) =
            SynapticPropagator::new(self.tau_syn_ex, self.tau_m, self.C_m).alpha_p31_p32(h);
        let (p31_in, p32_in) =
            SynapticPropagator::new(self.tau_syn_in, self.tau_m, self.C_m).alpha_p31_p32(h);
        AlphaPropagators {
            p11_ex,
            p21_ex: h * p11_ex,
            p22_ex: p11_ex,
            p31_ex,
            p32_ex,
            p11_in,
            p21_in: h * p11_in,
            p22_in: p11_in,
            p31_in,
            p32_in,
            p30: -self.tau_m / self.C_m * crate::numerics::expm1(-h / self.tau_m),
            expm1_tau_m,
            epsc_initial: 1.0 * std::f64::consts::E / self.tau_syn_ex,
            ipsc_initial: 1.0 * std::f64::consts::E / self.tau_syn_in,
            refractory_steps: res.steps_ceil(self.t_ref) as u32,
            theta: self.V_th - self.E_L,
            v_reset: self.V_reset - self.E_L,
            v_min: self.V_min - self.E_L,
            i_e: self.I_e,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> IafPscAlphaState<L> {
        IafPscAlphaState {
            v: len.filled(self.V_m - self.E_L),
            i_ex: len.filled(0.0),
            di_ex: len.filled(0.0),
            i_in: len.filled(0.0),
            di_in: len.filled(0.0),
            y0: len.filled(0.0),
            refractory: len.filled(0),
        }
    }

    fn blocks<L: Length>(
        state: &mut IafPscAlphaState<L>,
        block_len: usize,
    ) -> Vec<IafPscAlphaBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut IafPscAlphaState<L>, i: usize, v_m: f64) {
        state.v[i] = v_m - self.E_L;
    }

    fn channel(weight: f64) -> usize {
        super::zero_inhibitory(weight)
    }

    // Inlined into the block work compiled for the processor (engine::wide).
    #[inline(always)]
    fn update(
        &self,
        p: &AlphaPropagators,
        b: &mut IafPscAlphaBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let [ex, inh] = input.spikes.pair();
        let current = input.current;
        let no_current = input.no_current;
        in_chunks(
            b.len(),
            spiked,
            #[inline(always)]
            |range, fired| {
                let b = b.range(range.clone());
                let n = b.v.len();
                let ex = &mut ex[range.clone()][..n];
                let inh = &mut inh[range.clone()][..n];
                let current = &mut current[range][..n];
                let fired = &mut fired[..n];
                // Two loops, so that neither tests for current per neuron (a branch in
                // the loop keeps it from vectorizing).
                if no_current {
                    alpha_step::<false>(p, b, ex, inh, current, fired);
                } else {
                    alpha_step::<true>(p, b, ex, inh, current, fired);
                }
            },
        );
    }

    fn recordable(&self, b: &IafPscAlphaBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        Some(match var {
            Recordable::V_m => b.v[i] + self.E_L,
            Recordable::I_syn_ex => b.i_ex[i],
            Recordable::I_syn_in => b.i_in[i],
            _ => return None,
        })
    }
}
