//! `iaf_psc_delta`: leaky integrate-and-fire neuron whose input spikes make the membrane
//! potential jump by the synaptic weight (mV), as in NEST 3.10.

use super::soa::soa_state;
use super::{flush_subnormal, in_chunks, NeuronModel, Recordable, StepInput};
use crate::storage::Length;
use crate::time::Resolution;
pub use network_spec::models::IafPscDelta;

soa_state! {
    /// State of a population of `iaf_psc_delta` neurons (voltages relative to `E_L`).
    IafPscDeltaState / IafPscDeltaBlock {
        /// Membrane potential relative to E_L (mV).
        v: f64,
        /// Current input of the previous step (pA).
        y0: f64,
        /// Input accumulated during the refractory period (mV).
        refractory_buffer: f64,
        /// Remaining refractory steps.
        refractory: u32,
    }
}

/// Propagators of `iaf_psc_delta` for one resolution.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct DeltaPropagators {
    pub p33: f64,
    pub p30: f64,
    pub h: f64,
    pub refractory_steps: u32,
    pub theta: f64,
    pub v_reset: f64,
    pub v_min: f64,
    pub i_e: f64,
}

impl NeuronModel for IafPscDelta {
    const SPIKE_CHANNELS: usize = 1;

    type State<L: Length> = IafPscDeltaState<L>;
    type Block<'a> = IafPscDeltaBlock<'a>;
    type Propagators = DeltaPropagators;

    fn propagators(&self, res: &Resolution) -> DeltaPropagators {
        let h = res.ms();
        let p33 = (-h / self.tau_m).exp();
        DeltaPropagators {
            p33,
            p30: 1.0 / self.C_m * (1.0 - p33) * self.tau_m,
            h,
            refractory_steps: res.steps_ceil(self.t_ref) as u32,
            theta: self.V_th - self.E_L,
            v_reset: self.V_reset - self.E_L,
            v_min: self.V_min - self.E_L,
            i_e: self.I_e,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> IafPscDeltaState<L> {
        IafPscDeltaState {
            v: len.filled(self.V_m - self.E_L),
            y0: len.filled(0.0),
            refractory_buffer: len.filled(0.0),
            refractory: len.filled(0),
        }
    }

    fn blocks<L: Length>(
        state: &mut IafPscDeltaState<L>,
        block_len: usize,
    ) -> Vec<IafPscDeltaBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut IafPscDeltaState<L>, i: usize, v_m: f64) {
        state.v[i] = v_m - self.E_L;
    }

    fn channel(_weight: f64) -> usize {
        0
    }

    // Inlined into the block work compiled for the processor (engine::wide).
    #[inline(always)]
    fn update(
        &self,
        p: &DeltaPropagators,
        b: &mut IafPscDeltaBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let spikes = input.spikes.first();
        let current = input.current;
        in_chunks(
            b.len(),
            spiked,
            #[inline(always)]
            |range, fired| {
                let IafPscDeltaBlock {
                    v,
                    y0,
                    refractory_buffer: buffer,
                    refractory,
                } = b.range(range.clone());
                let spikes = &mut spikes[range.clone()];
                let current = &mut current[range];
                if self.refractory_input {
                    // Input arriving while refractory is kept, decayed to the end of the
                    // refractory period, and added on the first free step.
                    for i in 0..v.len() {
                        let weight = std::mem::take(&mut spikes[i]);
                        if refractory[i] == 0 {
                            let mut x = p.p30 * (y0[i] + p.i_e) + p.p33 * v[i] + weight;
                            if buffer[i] != 0.0 {
                                x += std::mem::take(&mut buffer[i]);
                            }
                            v[i] = flush_subnormal(if x < p.v_min { p.v_min } else { x });
                        } else {
                            buffer[i] +=
                                weight * (-(refractory[i] as f64) * p.h / self.tau_m).exp();
                            refractory[i] -= 1;
                        }
                    }
                } else {
                    for i in 0..v.len() {
                        let free = refractory[i] == 0;
                        let x = p.p30 * (y0[i] + p.i_e) + p.p33 * v[i] + spikes[i];
                        let bounded = flush_subnormal(if x < p.v_min { p.v_min } else { x });
                        v[i] = if free { bounded } else { v[i] };
                        refractory[i] = if free {
                            0
                        } else {
                            refractory[i].wrapping_sub(1)
                        };
                        spikes[i] = 0.0;
                    }
                }
                for i in 0..v.len() {
                    let spike = v[i] >= p.theta;
                    v[i] = if spike { p.v_reset } else { v[i] };
                    refractory[i] = if spike {
                        p.refractory_steps
                    } else {
                        refractory[i]
                    };
                    fired[i] = spike;
                    y0[i] = current[i];
                    current[i] = 0.0;
                }
            },
        );
    }

    fn recordable(&self, b: &IafPscDeltaBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        match var {
            Recordable::V_m => Some(b.v[i] + self.E_L),
            _ => None,
        }
    }
}
