//! `amat2_psc_exp`: `mat2_psc_exp` with a voltage-dependent threshold component,
//! integrated exactly with NEST 3.10's propagators (same operations, same order).

use super::soa::soa_state;
use super::{flush_subnormal, in_chunks, NeuronModel, Recordable, StepInput};
pub use network_spec::models::Amat2PscExp;

use crate::storage::Length;
use crate::time::Resolution;

soa_state! {
    /// State of a population of `amat2_psc_exp` neurons (voltages relative to `E_L`).
    Amat2PscExpState / Amat2PscExpBlock {
        /// Membrane potential relative to E_L (mV).
        v: f64,
        /// Short threshold component (mV).
        th_1: f64,
        /// Long threshold component (mV).
        th_2: f64,
        /// Voltage-dependent threshold component (mV).
        th_v: f64,
        /// Its derivative (mV/ms).
        th_dv: f64,
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

/// Propagators of `amat2_psc_exp` for one resolution, named as NEST names them (state
/// order: 1 I_syn_ex, 2 I_syn_in, 3 V_m, 4 and 5 the threshold components, 6 the
/// derivative of V_th_v, 7 V_th_v; 0 the constant current).
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct Amat2Propagators {
    pub p11: f64,
    pub p22: f64,
    pub p33: f64,
    pub p44: f64,
    pub p55: f64,
    pub p66: f64,
    pub p77: f64,
    pub p30: f64,
    pub p31: f64,
    pub p32: f64,
    pub p60: f64,
    pub p61: f64,
    pub p62: f64,
    pub p63: f64,
    pub p70: f64,
    pub p71: f64,
    pub p72: f64,
    pub p73: f64,
    pub p76: f64,
    pub refractory_steps: u32,
    /// Resting threshold relative to E_L (mV).
    pub omega: f64,
    pub i_e: f64,
}

/// The propagators from one synaptic current (time constant `ts`, decay `es` per step)
/// to the derivative of V_th_v and to V_th_v: NEST's P61/P62 and P71/P72.
#[allow(clippy::too_many_arguments)]
fn synaptic_to_threshold(
    h: f64,
    c: f64,
    beta: f64,
    (ts, es): (f64, f64),
    (tm, em): (f64, f64),
    (tv, ev): (f64, f64),
) -> (f64, f64) {
    let sq = |x: f64| x * x;
    let p6 = (beta * ts * tm * tv * (ev * (-ts + tm) + em * (ts - tv) + es * (-tm + tv)))
        / (c * (ts - tm) * (ts - tv) * (tm - tv));
    let p7 = (beta
        * ts
        * tm
        * tv
        * ((em * tm * sq(ts - tv) - es * ts * sq(tm - tv)) * tv
            - ev * (ts - tm) * (h * (ts - tv) * (tm - tv) + ts * tm * tv - tv.powf(3.0))))
        / (c * (ts - tm) * sq(ts - tv) * sq(tm - tv));
    (p6, p7)
}

impl NeuronModel for Amat2PscExp {
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = Amat2PscExpState<L>;
    type Block<'a> = Amat2PscExpBlock<'a>;
    type Propagators = Amat2Propagators;

    fn propagators(&self, res: &Resolution) -> Amat2Propagators {
        let h = res.ms();
        let (c, beta) = (self.C_m, self.beta);
        let (tm, te, ti, tv) = (self.tau_m, self.tau_syn_ex, self.tau_syn_in, self.tau_v);
        let e_e = (-h / te).exp();
        let e_i = (-h / ti).exp();
        let e_m = (-h / tm).exp();
        let e_v = (-h / tv).exp();
        let sq = |x: f64| x * x;
        let (p61, p71) = synaptic_to_threshold(h, c, beta, (te, e_e), (tm, e_m), (tv, e_v));
        let (p62, p72) = synaptic_to_threshold(h, c, beta, (ti, e_i), (tm, e_m), (tv, e_v));
        Amat2Propagators {
            p11: e_e,
            p22: e_i,
            p33: e_m,
            p44: (-h / self.tau_1).exp(),
            p55: (-h / self.tau_2).exp(),
            p66: e_v,
            p77: e_v,
            p30: (tm - e_m * tm) / c,
            p31: ((e_e - e_m) * te * tm) / (c * (te - tm)),
            p32: ((e_i - e_m) * ti * tm) / (c * (ti - tm)),
            p60: (beta * (e_m - e_v) * tm * tv) / (c * (tm - tv)),
            p61,
            p62,
            p63: (beta * (-e_m + e_v) * tv) / (tm - tv),
            p70: (beta * tm * tv * (e_m * tm * tv - e_v * (h * (tm - tv) + tm * tv)))
                / (c * sq(tm - tv)),
            p71,
            p72,
            p73: (beta * tv * (-(e_m * tm * tv) + e_v * (h * (tm - tv) + tm * tv))) / sq(tm - tv),
            p76: e_v * h,
            refractory_steps: res.steps_ceil(self.t_ref) as u32,
            omega: self.omega - self.E_L,
            i_e: self.I_e,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> Amat2PscExpState<L> {
        Amat2PscExpState {
            v: len.filled(self.V_m - self.E_L),
            th_1: len.filled(self.V_th_alpha_1),
            th_2: len.filled(self.V_th_alpha_2),
            th_v: len.filled(self.V_th_v),
            th_dv: len.filled(0.0),
            i_ex: len.filled(0.0),
            i_in: len.filled(0.0),
            i_0: len.filled(0.0),
            refractory: len.filled(0),
        }
    }

    fn blocks<L: Length>(
        state: &mut Amat2PscExpState<L>,
        block_len: usize,
    ) -> Vec<Amat2PscExpBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut Amat2PscExpState<L>, i: usize, v_m: f64) {
        state.v[i] = v_m - self.E_L;
    }

    fn channel(weight: f64) -> usize {
        super::zero_excitatory(weight)
    }

    // Inlined into the block work compiled for the processor (engine::wide).
    #[inline(always)]
    fn update(
        &self,
        p: &Amat2Propagators,
        b: &mut Amat2PscExpBlock<'_>,
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
                let Amat2PscExpBlock {
                    v,
                    th_1,
                    th_2,
                    th_v,
                    th_dv,
                    i_ex,
                    i_in,
                    i_0,
                    refractory,
                } = b.range(range.clone());
                let ex = &mut ex[range.clone()];
                let inh = &mut inh[range.clone()];
                let current = &mut current[range];
                for k in 0..v.len() {
                    let drive = p.i_e + i_0[k];
                    th_v[k] = drive * p.p70
                        + i_ex[k] * p.p71
                        + i_in[k] * p.p72
                        + v[k] * p.p73
                        + th_dv[k] * p.p76
                        + th_v[k] * p.p77;
                    th_dv[k] = drive * p.p60
                        + i_ex[k] * p.p61
                        + i_in[k] * p.p62
                        + v[k] * p.p63
                        + th_dv[k] * p.p66;
                    v[k] = flush_subnormal(
                        drive * p.p30 + i_ex[k] * p.p31 + i_in[k] * p.p32 + v[k] * p.p33,
                    );
                    th_1[k] = flush_subnormal(th_1[k] * p.p44);
                    th_2[k] = flush_subnormal(th_2[k] * p.p55);
                    i_ex[k] = flush_subnormal(i_ex[k] * p.p11) + ex[k];
                    i_in[k] = flush_subnormal(i_in[k] * p.p22) + inh[k];
                    ex[k] = 0.0;
                    inh[k] = 0.0;
                    let free = refractory[k] == 0;
                    let spike = free && v[k] >= p.omega + th_2[k] + th_1[k] + th_v[k];
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

    fn recordable(&self, b: &Amat2PscExpBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        let omega = self.omega - self.E_L;
        Some(match var {
            Recordable::V_m => b.v[i] + self.E_L,
            Recordable::V_th => self.E_L + omega + b.th_1[i] + b.th_2[i] + b.th_v[i],
            Recordable::V_th_v => b.th_v[i],
            Recordable::I_syn_ex => b.i_ex[i],
            Recordable::I_syn_in => b.i_in[i],
            _ => return None,
        })
    }
}
