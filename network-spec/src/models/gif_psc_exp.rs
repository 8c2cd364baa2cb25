//! `gif_psc_exp`: generalized integrate-and-fire neuron (Mensi et al. 2012, Pozzorini et
//! al. 2015) with exponential postsynaptic currents, spike-triggered currents, a moving
//! threshold and stochastic (escape-rate) spiking.

use super::sfa::{check_time_constants, same_length};
use crate::error::{Error, Result};
use crate::neuron::NeuronParams;
use crate::params::{positive, positive_inf_ok, positive_or_inf, trace_time_constant};
use crate::recordable::Recordable;

crate::parameters! {
    /// Parameters of `gif_psc_exp`, named and defaulted as in NEST 3.10. In each step a
    /// free neuron spikes with probability `1 − exp(−λ·h)`, `λ = lambda_0 ·
    /// exp((V_m − E_sfa)/Delta_V)`; each spike adds `q_stc` to the spike-triggered
    /// currents (decaying with `tau_stc`) and `q_sfa` to the threshold components
    /// (decaying with `tau_sfa`). V_m is held at `V_reset` during the refractory period
    /// (not reset when `t_ref` is 0).
    pub neuron GifPscExp = "gif_psc_exp" {
        C_m: Capacitance = 80.0, "membrane capacitance";
        g_L: Conductance = 4.0, "leak conductance";
        E_L: Voltage = -70.0, "leak reversal potential";
        V_reset: Voltage = -55.0, "membrane potential during the refractory period";
        Delta_V: Voltage = 0.5, "stochasticity level of the escape rate";
        V_T_star: Voltage = -35.0, "base threshold";
        lambda_0: Rate = 1.0, "escape rate at threshold";
        t_ref: Time = 4.0, "refractory period";
        tau_syn_ex: Time = 2.0, "decay time of excitatory synaptic currents";
        tau_syn_in: Time = 2.0, "decay time of inhibitory synaptic currents";
        I_e: Current = 0.0, "constant input current";
        tau_sfa: list Time = [], "time constants of the threshold components";
        q_sfa: list Voltage = [], "jumps of the threshold components at a spike";
        tau_stc: list Time = [], "time constants of the spike-triggered currents";
        q_stc: list Current = [], "jumps of the spike-triggered currents at a spike (NEST's documentation says nA, but the value is subtracted from currents in pA, so it is pA)";
        V_m: Voltage = -70.0, "initial membrane potential";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

impl NeuronParams for GifPscExp {
    const RECORDABLES: &'static [Recordable] = &[
        Recordable::V_m,
        Recordable::E_sfa,
        Recordable::I_stc,
        Recordable::I_syn_ex,
        Recordable::I_syn_in,
    ];
    const TAU_SYN_IS_DECAY_TIME: bool = true;

    fn check(&self, entity: &str) -> Result<()> {
        trace_time_constant(entity, "tau_minus", self.tau_minus)?;
        trace_time_constant(entity, "tau_minus_triplet", self.tau_minus_triplet)?;
        check_gif(
            entity,
            (self.g_L, self.Delta_V, self.C_m, self.t_ref, self.lambda_0),
            (&self.tau_sfa, &self.q_sfa),
            (&self.tau_stc, &self.q_stc),
        )?;
        positive_or_inf(entity, "tau_syn_ex", self.tau_syn_ex)?;
        positive_or_inf(entity, "tau_syn_in", self.tau_syn_in)
    }
}

/// NEST's checks of the generalized integrate-and-fire membrane and adaptation that
/// `gif_psc_exp` and `gif_cond_exp` share: `g_L`, `Delta_V`, `C_m` > 0, `t_ref` and
/// `lambda_0` >= 0, one jump per time constant, every time constant > 0.
#[allow(non_snake_case)]
pub(super) fn check_gif(
    entity: &str,
    (g_L, Delta_V, C_m, t_ref, lambda_0): (f64, f64, f64, f64, f64),
    (tau_sfa, q_sfa): (&[f64], &[f64]),
    (tau_stc, q_stc): (&[f64], &[f64]),
) -> Result<()> {
    same_length(entity, ("tau_sfa", tau_sfa), ("q_sfa", q_sfa))?;
    same_length(entity, ("tau_stc", tau_stc), ("q_stc", q_stc))?;
    positive(entity, "g_L", g_L)?;
    positive_inf_ok(entity, "Delta_V", Delta_V)?;
    positive(entity, "C_m", C_m)?;
    if t_ref < 0.0 {
        return Err(Error::invalid(entity, "t_ref", t_ref, "must be >= 0 ms"));
    }
    if lambda_0 < 0.0 {
        return Err(Error::invalid(
            entity,
            "lambda_0",
            lambda_0,
            "must be >= 0 Hz",
        ));
    }
    check_time_constants(entity, "tau_sfa", tau_sfa)?;
    check_time_constants(entity, "tau_stc", tau_stc)
}
