//! `iaf_psc_delta`: leaky integrate-and-fire neuron whose input spikes make the membrane
//! potential jump by the synaptic weight (mV), as in NEST 3.10.

use super::params::{named_params, param, Dimension::*, ParamInfo};
use super::soa::soa_state;
use super::{
    all_finite, check_integrate_and_fire, flush_subnormal, in_chunks, positive, NeuronModel,
    Recordable, StepInput,
};
use crate::error::Result;
use crate::storage::Length;
use crate::time::Resolution;

/// Parameters of `iaf_psc_delta`, named and defaulted as in NEST 3.10. Synaptic weights
/// onto this model are voltage jumps in mV.
#[allow(non_snake_case)]
#[derive(Debug, Clone, PartialEq)]
pub struct IafPscDelta {
    /// Membrane capacitance (pF).
    pub C_m: f64,
    /// Membrane time constant (ms).
    pub tau_m: f64,
    /// Duration of the refractory period (ms); rounded up to whole steps.
    pub t_ref: f64,
    /// Resting membrane potential (mV).
    pub E_L: f64,
    /// Spike threshold (mV).
    pub V_th: f64,
    /// Reset potential (mV).
    pub V_reset: f64,
    /// Constant input current (pA).
    pub I_e: f64,
    /// Absolute lower bound of the membrane potential (mV); `-inf` for none.
    pub V_min: f64,
    /// Initial membrane potential (mV).
    pub V_m: f64,
    /// Whether input arriving during the refractory period is kept (decayed) and added
    /// when it ends, instead of being discarded.
    pub refractory_input: bool,
    /// Time constant of the postsynaptic STDP trace Kminus (ms); used when the neuron is
    /// the target of an `stdp_synapse` (NEST's ArchivingNode parameter).
    pub tau_minus: f64,
}

impl Default for IafPscDelta {
    fn default() -> Self {
        Self {
            C_m: 250.0,
            tau_m: 10.0,
            t_ref: 2.0,
            E_L: -70.0,
            V_th: -55.0,
            V_reset: -70.0,
            I_e: 0.0,
            V_min: f64::NEG_INFINITY,
            V_m: -70.0,
            refractory_input: false,
            tau_minus: 20.0,
        }
    }
}

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
    const NAME: &'static str = "iaf_psc_delta";
    const PARAMETERS: &'static [ParamInfo] = &[
        param("C_m", Capacitance, 250.0, "membrane capacitance"),
        param("tau_m", Time, 10.0, "membrane time constant"),
        param("t_ref", Time, 2.0, "duration of the refractory period"),
        param("E_L", Voltage, -70.0, "resting membrane potential"),
        param("V_th", Voltage, -55.0, "spike threshold"),
        param("V_reset", Voltage, -70.0, "reset potential"),
        param("I_e", Current, 0.0, "constant input current"),
        param(
            "V_min",
            Voltage,
            f64::NEG_INFINITY,
            "lower bound of the membrane potential",
        ),
        param("V_m", Voltage, -70.0, "initial membrane potential"),
        param(
            "tau_minus",
            Time,
            20.0,
            "time constant of the STDP trace of postsynaptic spikes",
        ),
        param(
            "refractory_input",
            Dimensionless,
            0.0,
            "keep input arriving while refractory",
        ),
    ];
    const RECORDABLES: &'static [Recordable] = &[Recordable::V_m];
    const SPIKE_CHANNELS: usize = 1;

    type State<L: Length> = IafPscDeltaState<L>;
    type Block<'a> = IafPscDeltaBlock<'a>;
    type Propagators = DeltaPropagators;

    fn validate(&self, entity: &str) -> Result<()> {
        all_finite(self, entity, &["V_min"])?;
        positive(entity, "tau_minus", self.tau_minus)?;
        check_integrate_and_fire(
            entity,
            self.C_m,
            self.tau_m,
            self.t_ref,
            self.V_reset,
            self.V_th,
        )?;
        Ok(())
    }

    named_params!(C_m, tau_m, t_ref, E_L, V_th, V_reset, I_e, V_min, V_m, tau_minus; flags: refractory_input);

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

    fn update(
        &self,
        p: &DeltaPropagators,
        b: &mut IafPscDeltaBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let spikes = input.spikes.first();
        let current = input.current;
        in_chunks(b.len(), spiked, |range, fired| {
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
                        buffer[i] += weight * (-(refractory[i] as f64) * p.h / self.tau_m).exp();
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
        });
    }

    fn recordable(&self, b: &IafPscDeltaBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        match var {
            Recordable::V_m => Some(b.v[i] + self.E_L),
            _ => None,
        }
    }
}
