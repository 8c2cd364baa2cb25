//! `izhikevich`: Izhikevich's (2003) neuron, integrated as NEST 3.10 integrates it (the
//! same forward-Euler operations in the same order, for bit-identical traces).

use super::soa::soa_state;
use super::{in_chunks, NeuronModel, Recordable, StepInput};
use crate::storage::Length;
use crate::time::Resolution;
pub use network_spec::models::Izhikevich;

soa_state! {
    /// State of a population of `izhikevich` neurons (absolute voltages).
    IzhikevichState / IzhikevichBlock {
        /// Membrane potential (mV).
        v: f64,
        /// Recovery variable (mV).
        u: f64,
        /// Current input of the previous step (pA).
        i_0: f64,
    }
}

/// Constants of `izhikevich` for one resolution.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct IzhikevichConstants {
    /// The step (ms).
    pub h: f64,
    /// Half the step (ms), for the published scheme.
    pub half_h: f64,
    /// `h · a`.
    pub h_a: f64,
    pub b: f64,
    pub c: f64,
    pub d: f64,
    pub i_e: f64,
    pub v_th: f64,
    pub v_min: f64,
}

/// `dV/dt` (mV/ms) as NEST writes it, without the synaptic input.
#[inline(always)]
fn dv(v: f64, u: f64, i_0: f64, i_e: f64) -> f64 {
    0.04 * v * v + 5.0 * v + 140.0 - u + i_0 + i_e
}

impl NeuronModel for Izhikevich {
    const SPIKE_CHANNELS: usize = 1;

    type State<L: Length> = IzhikevichState<L>;
    type Block<'a> = IzhikevichBlock<'a>;
    type Propagators = IzhikevichConstants;

    fn propagators(&self, res: &Resolution) -> IzhikevichConstants {
        let h = res.ms();
        IzhikevichConstants {
            h,
            half_h: h * 0.5,
            h_a: h * self.a,
            b: self.b,
            c: self.c,
            d: self.d,
            i_e: self.I_e,
            v_th: self.V_th,
            v_min: self.V_min,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> IzhikevichState<L> {
        IzhikevichState {
            v: len.filled(self.V_m),
            u: len.filled(self.U_m),
            i_0: len.filled(0.0),
        }
    }

    fn blocks<L: Length>(
        state: &mut IzhikevichState<L>,
        block_len: usize,
    ) -> Vec<IzhikevichBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut IzhikevichState<L>, i: usize, v_m: f64) {
        state.v[i] = v_m;
    }

    fn channel(_weight: f64) -> usize {
        0
    }

    // Inlined into the block work compiled for the processor (engine::wide).
    #[inline(always)]
    fn update(
        &self,
        p: &IzhikevichConstants,
        b: &mut IzhikevichBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let spikes = input.spikes.first();
        let current = input.current;
        let consistent = self.consistent_integration;
        in_chunks(
            b.len(),
            spiked,
            #[inline(always)]
            |range, fired| {
                let IzhikevichBlock { v, u, i_0 } = b.range(range.clone());
                let spikes = &mut spikes[range.clone()];
                let current = &mut current[range];
                if consistent {
                    for k in 0..v.len() {
                        let (v_old, u_old) = (v[k], u[k]);
                        v[k] += p.h * dv(v_old, u_old, i_0[k], p.i_e) + spikes[k];
                        u[k] += p.h_a * (p.b * v_old - u_old);
                    }
                } else {
                    for k in 0..v.len() {
                        let i_syn = spikes[k];
                        v[k] += p.half_h * (dv(v[k], u[k], i_0[k], p.i_e) + i_syn);
                        v[k] += p.half_h * (dv(v[k], u[k], i_0[k], p.i_e) + i_syn);
                        u[k] += p.h_a * (p.b * v[k] - u[k]);
                    }
                }
                for k in 0..v.len() {
                    let bounded = if v[k] < p.v_min { p.v_min } else { v[k] };
                    let spike = bounded >= p.v_th;
                    v[k] = if spike { p.c } else { bounded };
                    u[k] = if spike { u[k] + p.d } else { u[k] };
                    fired[k] = spike;
                    spikes[k] = 0.0;
                    i_0[k] = current[k];
                    current[k] = 0.0;
                }
            },
        );
    }

    fn recordable(&self, b: &IzhikevichBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        match var {
            Recordable::V_m => Some(b.v[i]),
            Recordable::U_m => Some(b.u[i]),
            _ => None,
        }
    }
}
