//! `iaf_psc_delta`: leaky integrate-and-fire neuron whose input spikes make the membrane
//! potential jump.

use super::check_integrate_and_fire;
use crate::error::Result;
use crate::neuron::NeuronParams;
use crate::params::trace_time_constant;
use crate::recordable::Recordable;

crate::parameters! {
    /// Parameters of `iaf_psc_delta`, named and defaulted as in NEST 3.10. Synaptic
    /// weights onto this model are voltage jumps in mV.
    pub neuron IafPscDelta = "iaf_psc_delta" {
        C_m: Capacitance = 250.0, "membrane capacitance";
        tau_m: Time = 10.0, "membrane time constant";
        t_ref: Time = 2.0, "duration of the refractory period, rounded up to whole steps";
        E_L: Voltage = -70.0, "resting membrane potential";
        V_th: Voltage = -55.0, "spike threshold";
        V_reset: Voltage = -70.0, "reset potential";
        I_e: Current = 0.0, "constant input current";
        V_min: Voltage = -f64::MAX, "absolute lower bound of the membrane potential (NEST's default: the lowest double, no bound)";
        V_m: Voltage = -70.0, "initial membrane potential";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
        refractory_input: flag = false, "keep input arriving during the refractory period (decayed) and add it when the period ends, instead of discarding it";
    }
}

impl NeuronParams for IafPscDelta {
    const RECORDABLES: &'static [Recordable] = &[Recordable::V_m];
    const WEIGHT: crate::units::Dimension = crate::units::Dimension::Voltage;

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
        )
    }
}
