//! `mat2_psc_exp`: integrate-and-fire neuron with exponential postsynaptic currents and
//! a two-timescale adaptive threshold, integrated exactly as NEST 3.10 does.

use super::soa::soa_state;
use super::{flush_subnormal, in_chunks, NeuronModel, Recordable, StepInput};
pub use network_spec::models::Mat2PscExp;

use crate::storage::Length;
use crate::time::Resolution;

soa_state! {
    /// State of a population of `mat2_psc_exp` neurons (voltages relative to `E_L`).
    Mat2PscExpState / Mat2PscExpBlock {
        /// Membrane potential relative to E_L (mV).
        v: f64,
        /// Short threshold component (mV).
        th_1: f64,
        /// Long threshold component (mV).
        th_2: f64,
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

/// Propagators of `mat2_psc_exp` for one resolution.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct Mat2Propagators {
    pub p11_ex: f64,
    pub p11_in: f64,
    /// `expm1(−h/τm)`: NEST propagates V as `V·P22_expm1 + V`.
    pub p22_expm1: f64,
    pub p21_ex: f64,
    pub p21_in: f64,
    pub p20: f64,
    pub p11_th: f64,
    pub p22_th: f64,
    pub refractory_steps: u32,
    /// Resting threshold relative to E_L (mV).
    pub omega: f64,
    pub i_e: f64,
}

/// NEST's P21 of `mat2_psc_exp`: `−τm/(C·(1 − τm/τs)) · P11 · expm1(h·(1/τs − 1/τm))`,
/// with libm's `expm1`.
#[allow(non_snake_case)]
fn mat_p21(h: f64, tau_m: f64, tau_syn: f64, C_m: f64, p11: f64) -> f64 {
    -tau_m / (C_m * (1.0 - tau_m / tau_syn)) * p11 * (h * (1.0 / tau_syn - 1.0 / tau_m)).exp_m1()
}

impl NeuronModel for Mat2PscExp {
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = Mat2PscExpState<L>;
    type Block<'a> = Mat2PscExpBlock<'a>;
    type Propagators = Mat2Propagators;

    fn propagators(&self, res: &Resolution) -> Mat2Propagators {
        let h = res.ms();
        let p11_ex = (-h / self.tau_syn_ex).exp();
        let p11_in = (-h / self.tau_syn_in).exp();
        let p22_expm1 = (-h / self.tau_m).exp_m1();
        Mat2Propagators {
            p11_ex,
            p11_in,
            p22_expm1,
            p21_ex: mat_p21(h, self.tau_m, self.tau_syn_ex, self.C_m, p11_ex),
            p21_in: mat_p21(h, self.tau_m, self.tau_syn_in, self.C_m, p11_in),
            p20: -self.tau_m / self.C_m * p22_expm1,
            p11_th: (-h / self.tau_1).exp(),
            p22_th: (-h / self.tau_2).exp(),
            refractory_steps: res.steps_ceil(self.t_ref) as u32,
            omega: self.omega - self.E_L,
            i_e: self.I_e,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> Mat2PscExpState<L> {
        Mat2PscExpState {
            v: len.filled(self.V_m - self.E_L),
            th_1: len.filled(self.V_th_alpha_1),
            th_2: len.filled(self.V_th_alpha_2),
            i_ex: len.filled(0.0),
            i_in: len.filled(0.0),
            i_0: len.filled(0.0),
            refractory: len.filled(0),
        }
    }

    fn blocks<L: Length>(
        state: &mut Mat2PscExpState<L>,
        block_len: usize,
    ) -> Vec<Mat2PscExpBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut Mat2PscExpState<L>, i: usize, v_m: f64) {
        state.v[i] = v_m - self.E_L;
    }

    fn channel(weight: f64) -> usize {
        super::zero_excitatory(weight)
    }

    // Inlined into the block work compiled for the processor (engine::wide).
    #[inline(always)]
    fn update(
        &self,
        p: &Mat2Propagators,
        b: &mut Mat2PscExpBlock<'_>,
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
                let Mat2PscExpBlock {
                    v,
                    th_1,
                    th_2,
                    i_ex,
                    i_in,
                    i_0,
                    refractory,
                } = b.range(range.clone());
                let ex = &mut ex[range.clone()];
                let inh = &mut inh[range.clone()];
                let current = &mut current[range];
                for k in 0..v.len() {
                    v[k] = flush_subnormal(
                        v[k] * p.p22_expm1
                            + v[k]
                            + i_ex[k] * p.p21_ex
                            + i_in[k] * p.p21_in
                            + (p.i_e + i_0[k]) * p.p20,
                    );
                    th_1[k] = flush_subnormal(th_1[k] * p.p11_th);
                    th_2[k] = flush_subnormal(th_2[k] * p.p22_th);
                    i_ex[k] = flush_subnormal(i_ex[k] * p.p11_ex) + ex[k];
                    i_in[k] = flush_subnormal(i_in[k] * p.p11_in) + inh[k];
                    ex[k] = 0.0;
                    inh[k] = 0.0;
                    let free = refractory[k] == 0;
                    let spike = free && v[k] >= p.omega + th_2[k] + th_1[k];
                    refractory[k] = if spike {
                        p.refractory_steps
                    } else if free {
                        0
                    } else {
                        refractory[k] - 1
                    };
                    th_1[k] = if spike {
                        th_1[k] + self.alpha_1
                    } else {
                        th_1[k]
                    };
                    th_2[k] = if spike {
                        th_2[k] + self.alpha_2
                    } else {
                        th_2[k]
                    };
                    fired[k] = spike;
                    i_0[k] = current[k];
                    current[k] = 0.0;
                }
            },
        );
    }

    fn recordable(&self, b: &Mat2PscExpBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        let omega = self.omega - self.E_L;
        Some(match var {
            Recordable::V_m => b.v[i] + self.E_L,
            Recordable::V_th => self.E_L + omega + b.th_1[i] + b.th_2[i],
            _ => return None,
        })
    }
}
