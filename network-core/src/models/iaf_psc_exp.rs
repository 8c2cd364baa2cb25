//! `iaf_psc_exp`: leaky integrate-and-fire neuron with exponentially decaying
//! postsynaptic currents and an optional stochastic threshold, as in NEST 3.10.

use super::params::{named_params, param, Dimension::*, ParamInfo};
use super::propagators::SynapticPropagator;
use super::soa::soa_state;
use super::{
    all_finite, check_integrate_and_fire, flush_subnormal, in_chunks, positive, NeuronModel,
    Recordable, StepInput,
};
use crate::error::{Error, Result};
use crate::storage::Length;
use crate::time::Resolution;
use rand::RngExt;

/// Parameters of `iaf_psc_exp`, named and defaulted as in NEST 3.10. Unlike
/// `iaf_psc_alpha` it has no `V_min`; `rho` and `delta` define an escape-noise threshold
/// that is used only when `delta > 1e-10`.
#[allow(non_snake_case)]
#[derive(Debug, Clone, PartialEq)]
pub struct IafPscExp {
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
    /// Decay time of excitatory synaptic currents (ms).
    pub tau_syn_ex: f64,
    /// Decay time of inhibitory synaptic currents (ms).
    pub tau_syn_in: f64,
    /// Constant input current (pA).
    pub I_e: f64,
    /// Stochastic threshold: escape rate at threshold (1/s).
    pub rho: f64,
    /// Stochastic threshold: width of the escape region (mV); 0 for a hard threshold.
    pub delta: f64,
    /// Initial membrane potential (mV).
    pub V_m: f64,
    /// Time constant of the postsynaptic STDP trace Kminus (ms); used when the neuron is
    /// the target of an `stdp_synapse` (NEST's ArchivingNode parameter).
    pub tau_minus: f64,
}

impl Default for IafPscExp {
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
            rho: 0.01,
            delta: 0.0,
            V_m: -70.0,
            tau_minus: 20.0,
        }
    }
}

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

impl NeuronModel for IafPscExp {
    const NAME: &'static str = "iaf_psc_exp";
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
            "decay time of excitatory synaptic currents",
        ),
        param(
            "tau_syn_in",
            Time,
            2.0,
            "decay time of inhibitory synaptic currents",
        ),
        param("I_e", Current, 0.0, "constant input current"),
        param(
            "rho",
            Rate,
            0.01,
            "stochastic threshold: escape rate at threshold",
        ),
        param(
            "delta",
            Voltage,
            0.0,
            "stochastic threshold: width of the escape region",
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

    type State<L: Length> = IafPscExpState<L>;
    type Block<'a> = IafPscExpBlock<'a>;
    type Propagators = ExpPropagators;

    fn validate(&self, entity: &str) -> Result<()> {
        all_finite(self, entity, &[])?;
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
        if self.rho < 0.0 {
            return Err(Error::invalid(entity, "rho", self.rho, "must be >= 0 1/s"));
        }
        if self.delta < 0.0 {
            return Err(Error::invalid(
                entity,
                "delta",
                self.delta,
                "must be >= 0 mV",
            ));
        }
        Ok(())
    }

    named_params!(
        C_m, tau_m, t_ref, E_L, V_th, V_reset, tau_syn_ex, tau_syn_in, I_e, rho, delta, V_m,
        tau_minus
    );

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
        usize::from(weight <= 0.0)
    }

    fn update(
        &self,
        p: &ExpPropagators,
        b: &mut IafPscExpBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let [ex, inh] = input.spikes.pair();
        let current = input.current;
        let rng = input.rng;
        in_chunks(b.len(), spiked, |range, fired| {
            let IafPscExpBlock {
                v,
                i_ex,
                i_in,
                i_0,
                refractory,
            } = b.range(range.clone());
            let ex = &mut ex[range.clone()];
            let inh = &mut inh[range.clone()];
            let current = &mut current[range];
            for i in 0..v.len() {
                // NEST's order of operations, written with selects instead of branches.
                let free = refractory[i] == 0;
                let integrated = flush_subnormal(
                    v[i] * p.p22
                        + i_ex[i] * p.p21_ex
                        + i_in[i] * p.p21_in
                        + (p.i_e + i_0[i]) * p.p20,
                );
                v[i] = if free { integrated } else { v[i] };
                refractory[i] = if free {
                    0
                } else {
                    refractory[i].wrapping_sub(1)
                };
                i_ex[i] = flush_subnormal(i_ex[i] * p.p11_ex) + ex[i];
                i_in[i] = flush_subnormal(i_in[i] * p.p11_in) + inh[i];
                ex[i] = 0.0;
                inh[i] = 0.0;
                fired[i] = p.escape.is_none() && v[i] >= p.theta;
                i_0[i] = current[i];
                current[i] = 0.0;
            }
            if let Some((rate_h, delta)) = p.escape {
                // Escape noise: every neuron draws in every step, as in NEST.
                for i in 0..v.len() {
                    let phi = rate_h * (1.0 / delta * (v[i] - p.theta)).exp();
                    fired[i] = rng.random::<f64>() < phi;
                }
            }
            for i in 0..v.len() {
                v[i] = if fired[i] { p.v_reset } else { v[i] };
                refractory[i] = if fired[i] {
                    p.refractory_steps
                } else {
                    refractory[i]
                };
            }
        });
    }

    fn recordable(&self, b: &IafPscExpBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        Some(match var {
            Recordable::V_m => b.v[i] + self.E_L,
            Recordable::I_syn_ex => b.i_ex[i],
            Recordable::I_syn_in => b.i_in[i],
            Recordable::I_syn | Recordable::I_syn_port(_) => return None,
        })
    }
}
