//! `iaf_psc_exp`: leaky integrate-and-fire neuron with exponential postsynaptic currents
//! and an optional escape-noise threshold.

use super::check_integrate_and_fire;
use crate::error::{Error, Result};
use crate::neuron::NeuronParams;
use crate::params::{positive_or_inf, trace_time_constant};
use crate::recordable::Recordable;

crate::parameters! {
    /// Parameters of `iaf_psc_exp`, named and defaulted as in NEST 3.10. Unlike
    /// `iaf_psc_alpha` it has no `V_min`; `rho` and `delta` define an escape-noise
    /// threshold that is used only when `delta > 1e-10`.
    pub neuron IafPscExp = "iaf_psc_exp" {
        C_m: Capacitance = 250.0, "membrane capacitance";
        tau_m: Time = 10.0, "membrane time constant";
        t_ref: Time = 2.0, "duration of the refractory period, rounded up to whole steps";
        E_L: Voltage = -70.0, "resting membrane potential";
        V_th: Voltage = -55.0, "spike threshold";
        V_reset: Voltage = -70.0, "reset potential";
        tau_syn_ex: Time = 2.0, "decay time of excitatory synaptic currents";
        tau_syn_in: Time = 2.0, "decay time of inhibitory synaptic currents";
        I_e: Current = 0.0, "constant input current";
        rho: Rate = 0.01, "stochastic threshold: escape rate at threshold";
        delta: Voltage = 0.0, "stochastic threshold: width of the escape region (0: a hard threshold)";
        V_m: Voltage = -70.0, "initial membrane potential";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

impl NeuronParams for IafPscExp {
    const RECORDABLES: &'static [Recordable] =
        &[Recordable::V_m, Recordable::I_syn_ex, Recordable::I_syn_in];
    const TAU_SYN_IS_DECAY_TIME: bool = true;

    fn check(&self, entity: &str) -> Result<()> {
        trace_time_constant(entity, "tau_minus", self.tau_minus)?;
        trace_time_constant(entity, "tau_minus_triplet", self.tau_minus_triplet)?;
        check_integrate_and_fire(
            entity,
            self.C_m,
            self.tau_m,
            self.t_ref,
            self.E_L,
            self.V_reset,
            self.V_th,
        )?;
        positive_or_inf(entity, "tau_syn_ex", self.tau_syn_ex)?;
        positive_or_inf(entity, "tau_syn_in", self.tau_syn_in)?;
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
}
