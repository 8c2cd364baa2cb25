//! `iaf_psc_exp_htum`: leaky integrate-and-fire neuron with exponential postsynaptic
//! currents and absolute and total refractory periods, as in NEST 3.10.

use super::propagators::SynapticPropagator;
use super::soa::soa_state;
use super::{flush_subnormal, in_chunks, NeuronModel, Recordable, StepInput};
pub use network_spec::models::IafPscExpHtum;

use crate::storage::Length;
use crate::time::Resolution;

soa_state! {
    /// State of a population of `iaf_psc_exp_htum` neurons (voltages relative to `E_L`).
    IafPscExpHtumState / IafPscExpHtumBlock {
        /// Membrane potential relative to E_L (mV).
        v: f64,
        /// Excitatory synaptic current (pA).
        i_ex: f64,
        /// Inhibitory synaptic current (pA).
        i_in: f64,
        /// Current input of the previous step (pA).
        i_0: f64,
        /// Remaining steps of the absolute refractory period (V_m clamped).
        r_abs: u32,
        /// Remaining steps of the total refractory period (no spike).
        r_tot: u32,
    }
}

/// Propagators of `iaf_psc_exp_htum` for one resolution.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct HtumPropagators {
    pub p11_ex: f64,
    pub p11_in: f64,
    pub p21_ex: f64,
    pub p21_in: f64,
    pub p22: f64,
    pub p20: f64,
    pub abs_steps: u32,
    pub tot_steps: u32,
    pub theta: f64,
    pub v_reset: f64,
    pub i_e: f64,
}

impl NeuronModel for IafPscExpHtum {
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = IafPscExpHtumState<L>;
    type Block<'a> = IafPscExpHtumBlock<'a>;
    type Propagators = HtumPropagators;

    fn propagators(&self, res: &Resolution) -> HtumPropagators {
        let h = res.ms();
        let p22 = (-h / self.tau_m).exp();
        HtumPropagators {
            p11_ex: (-h / self.tau_syn_ex).exp(),
            p11_in: (-h / self.tau_syn_in).exp(),
            p21_ex: SynapticPropagator::new(self.tau_syn_ex, self.tau_m, self.C_m).exp_p21(h),
            p21_in: SynapticPropagator::new(self.tau_syn_in, self.tau_m, self.C_m).exp_p21(h),
            p22,
            p20: self.tau_m / self.C_m * (1.0 - p22),
            abs_steps: res.steps_ceil(self.t_ref_abs) as u32,
            tot_steps: res.steps_ceil(self.t_ref_tot) as u32,
            theta: self.V_th - self.E_L,
            v_reset: self.V_reset - self.E_L,
            i_e: self.I_e,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> IafPscExpHtumState<L> {
        IafPscExpHtumState {
            v: len.filled(self.V_m - self.E_L),
            i_ex: len.filled(0.0),
            i_in: len.filled(0.0),
            i_0: len.filled(0.0),
            r_abs: len.filled(0),
            r_tot: len.filled(0),
        }
    }

    fn blocks<L: Length>(
        state: &mut IafPscExpHtumState<L>,
        block_len: usize,
    ) -> Vec<IafPscExpHtumBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut IafPscExpHtumState<L>, i: usize, v_m: f64) {
        state.v[i] = v_m - self.E_L;
    }

    fn channel(weight: f64) -> usize {
        super::zero_excitatory(weight)
    }

    // Inlined into the block work compiled for the processor (engine::wide).
    #[inline(always)]
    fn update(
        &self,
        p: &HtumPropagators,
        b: &mut IafPscExpHtumBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let [ex, inh] = input.spikes.pair();
        let current = input.current;
        in_chunks(
            b.len(),
            spiked,
            #[inline(always)]
            |range, fired| {
                let IafPscExpHtumBlock {
                    v,
                    i_ex,
                    i_in,
                    i_0,
                    r_abs,
                    r_tot,
                } = b.range(range.clone());
                let ex = &mut ex[range.clone()];
                let inh = &mut inh[range.clone()];
                let current = &mut current[range];
                for k in 0..v.len() {
                    // NEST's order of operations, written with selects instead of branches.
                    let free = r_abs[k] == 0;
                    let integrated = flush_subnormal(
                        v[k] * p.p22
                            + i_ex[k] * p.p21_ex
                            + i_in[k] * p.p21_in
                            + (p.i_e + i_0[k]) * p.p20,
                    );
                    v[k] = if free { integrated } else { v[k] };
                    r_abs[k] = if free { 0 } else { r_abs[k].wrapping_sub(1) };
                    i_ex[k] = flush_subnormal(i_ex[k] * p.p11_ex) + ex[k];
                    i_in[k] = flush_subnormal(i_in[k] * p.p11_in) + inh[k];
                    ex[k] = 0.0;
                    inh[k] = 0.0;
                    let can_fire = r_tot[k] == 0;
                    let spike = can_fire && v[k] >= p.theta;
                    r_tot[k] = if spike {
                        p.tot_steps
                    } else if can_fire {
                        0
                    } else {
                        r_tot[k] - 1
                    };
                    r_abs[k] = if spike { p.abs_steps } else { r_abs[k] };
                    v[k] = if spike { p.v_reset } else { v[k] };
                    fired[k] = spike;
                    i_0[k] = current[k];
                    current[k] = 0.0;
                }
            },
        );
    }

    fn recordable(&self, b: &IafPscExpHtumBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        Some(match var {
            // NEST records this model's V_m relative to E_L.
            Recordable::V_m => b.v[i],
            Recordable::I_syn_ex => b.i_ex[i],
            Recordable::I_syn_in => b.i_in[i],
            _ => return None,
        })
    }
}
