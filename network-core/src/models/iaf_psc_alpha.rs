//! `iaf_psc_alpha`: leaky integrate-and-fire neuron with alpha-shaped postsynaptic
//! currents, integrated exactly on the grid as NEST does.

use super::params::{named_params, param, Dimension::*, ParamInfo};
use super::propagators::SynapticPropagator;
use super::soa::soa_state;
use super::{
    all_finite, check_integrate_and_fire, flush_subnormal, in_chunks, positive, NeuronModel,
    Recordable, StepInput,
};
use crate::error::Result;
use crate::storage::Length;
use crate::time::Resolution;

/// Parameters of `iaf_psc_alpha`, named and defaulted as in NEST 3.10.
///
/// Voltages are absolute (mV); NEST stores them relative to `E_L` internally, and so does
/// the state here.
#[allow(non_snake_case)]
#[derive(Debug, Clone, PartialEq)]
pub struct IafPscAlpha {
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
    /// Rise time of the excitatory synaptic alpha function (ms).
    pub tau_syn_ex: f64,
    /// Rise time of the inhibitory synaptic alpha function (ms).
    pub tau_syn_in: f64,
    /// Constant input current (pA).
    pub I_e: f64,
    /// Absolute lower bound of the membrane potential (mV); `-inf` for none.
    pub V_min: f64,
    /// Initial membrane potential (mV).
    pub V_m: f64,
    /// Time constant of the postsynaptic STDP trace Kminus (ms); used when the neuron is
    /// the target of an `stdp_synapse` (NEST's ArchivingNode parameter).
    pub tau_minus: f64,
}

impl Default for IafPscAlpha {
    fn default() -> Self {
        Self {
            C_m: 250.0,
            tau_m: 10.0,
            t_ref: 2.0,
            E_L: -70.0,
            V_th: -55.0,
            V_reset: -70.0,
            tau_syn_ex: 2.0,
            tau_syn_in: 2.0,
            I_e: 0.0,
            V_min: f64::NEG_INFINITY,
            V_m: -70.0,
            tau_minus: 20.0,
        }
    }
}

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

impl NeuronModel for IafPscAlpha {
    const NAME: &'static str = "iaf_psc_alpha";
    const PARAMETERS: &'static [ParamInfo] = &[
        param("C_m", Capacitance, 250.0, "membrane capacitance"),
        param("tau_m", Time, 10.0, "membrane time constant"),
        param("t_ref", Time, 2.0, "duration of the refractory period"),
        param("E_L", Voltage, -70.0, "resting membrane potential"),
        param("V_th", Voltage, -55.0, "spike threshold"),
        param("V_reset", Voltage, -70.0, "reset potential"),
        param(
            "tau_syn_ex",
            Time,
            2.0,
            "rise time of the excitatory alpha current",
        ),
        param(
            "tau_syn_in",
            Time,
            2.0,
            "rise time of the inhibitory alpha current",
        ),
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
    ];
    const RECORDABLES: &'static [Recordable] =
        &[Recordable::V_m, Recordable::I_syn_ex, Recordable::I_syn_in];
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = IafPscAlphaState<L>;
    type Block<'a> = IafPscAlphaBlock<'a>;
    type Propagators = AlphaPropagators;

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
        positive(entity, "tau_syn_ex", self.tau_syn_ex)?;
        positive(entity, "tau_syn_in", self.tau_syn_in)?;
        Ok(())
    }

    named_params!(
        C_m, tau_m, t_ref, E_L, V_th, V_reset, tau_syn_ex, tau_syn_in, I_e, V_min, V_m, tau_minus
    );

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
        usize::from(weight <= 0.0)
    }

    fn update(
        &self,
        p: &AlphaPropagators,
        b: &mut IafPscAlphaBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let [ex, inh] = input.spikes.pair();
        let current = input.current;
        in_chunks(b.len(), spiked, |range, fired| {
            let IafPscAlphaBlock {
                v,
                i_ex,
                di_ex,
                i_in,
                di_in,
                y0,
                refractory,
            } = b.range(range.clone());
            let ex = &mut ex[range.clone()];
            let inh = &mut inh[range.clone()];
            let current = &mut current[range];
            for i in 0..v.len() {
                // NEST's order of operations, written with selects instead of branches.
                let free = refractory[i] == 0;
                let integrated = p.p30 * (y0[i] + p.i_e)
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
                y0[i] = current[i];
                current[i] = 0.0;
            }
        });
    }

    fn recordable(&self, b: &IafPscAlphaBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        Some(match var {
            Recordable::V_m => b.v[i] + self.E_L,
            Recordable::I_syn_ex => b.i_ex[i],
            Recordable::I_syn_in => b.i_in[i],
            Recordable::I_syn | Recordable::I_syn_port(_) => return None,
        })
    }
}
