//! `gif_cond_exp`: generalized integrate-and-fire neuron (Mensi et al. 2012, Pozzorini et
//! al. 2015) with exponentially decaying synaptic conductances, spike-triggered currents,
//! a moving threshold and stochastic (escape-rate) spiking, integrated by NEST with GSL's
//! adaptive RKF45.

use super::gif_psc_exp::check_gif;
use crate::error::Result;
use crate::neuron::NeuronParams;
use crate::params::{positive, positive_or_inf, trace_time_constant};
use crate::recordable::Recordable;
use crate::units::Dimension;

crate::parameters! {
    /// Parameters of `gif_cond_exp`, named and defaulted as in NEST 3.10. The escape
    /// rule, the adaptation and the refractory clamp are those of `gif_psc_exp`; the
    /// synaptic input is a conductance jump (nS) decaying with `tau_syn_ex`/`tau_syn_in`
    /// towards the reversal potentials `E_ex`/`E_in`.
    pub neuron GifCondExp = "gif_cond_exp" {
        C_m: Capacitance = 80.0, "membrane capacitance";
        g_L: Conductance = 4.0, "leak conductance";
        E_L: Voltage = -70.0, "leak reversal potential";
        V_reset: Voltage = -55.0, "membrane potential during the refractory period";
        Delta_V: Voltage = 0.5, "stochasticity level of the escape rate";
        V_T_star: Voltage = -35.0, "base threshold";
        lambda_0: Rate = 1.0, "escape rate at threshold";
        t_ref: Time = 4.0, "refractory period";
        E_ex: Voltage = 0.0, "excitatory reversal potential";
        E_in: Voltage = -85.0, "inhibitory reversal potential";
        tau_syn_ex: Time = 2.0, "decay time of the excitatory conductance";
        tau_syn_in: Time = 2.0, "decay time of the inhibitory conductance";
        I_e: Current = 0.0, "constant input current";
        tau_sfa: list Time = [], "time constants of the threshold components";
        q_sfa: list Voltage = [], "jumps of the threshold components at a spike";
        tau_stc: list Time = [], "time constants of the spike-triggered currents";
        q_stc: list Current = [], "jumps of the spike-triggered currents at a spike (pA, as for gif_psc_exp)";
        gsl_error_tol: Number = 1e-3, "absolute error tolerance of the adaptive integrator on every state variable";
        V_m: Voltage = -70.0, "initial membrane potential";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

impl NeuronParams for GifCondExp {
    const RECORDABLES: &'static [Recordable] = &[
        Recordable::V_m,
        Recordable::E_sfa,
        Recordable::I_stc,
        Recordable::g_ex,
        Recordable::g_in,
    ];
    const WEIGHT: Dimension = Dimension::Conductance;
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
        positive_or_inf(entity, "tau_syn_in", self.tau_syn_in)?;
        positive(entity, "gsl_error_tol", self.gsl_error_tol)
    }
}
