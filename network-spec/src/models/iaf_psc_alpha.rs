//! `iaf_psc_alpha`: leaky integrate-and-fire neuron with alpha-shaped postsynaptic
//! currents.

use super::check_integrate_and_fire;
use crate::error::Result;
use crate::neuron::NeuronParams;
use crate::params::{positive, trace_time_constant};
use crate::recordable::Recordable;

crate::parameters! {
    /// Parameters of `iaf_psc_alpha`, named and defaulted as in NEST 3.10.
    ///
    /// Voltages are absolute (mV); NEST stores them relative to `E_L` internally, and so
    /// does the engine's state.
    pub neuron IafPscAlpha = "iaf_psc_alpha" {
        C_m: Capacitance = 250.0, "membrane capacitance";
        tau_m: Time = 10.0, "membrane time constant";
        t_ref: Time = 2.0, "duration of the refractory period, rounded up to whole steps";
        E_L: Voltage = -70.0, "resting membrane potential";
        V_th: Voltage = -55.0, "spike threshold";
        V_reset: Voltage = -70.0, "reset potential";
        tau_syn_ex: Time = 2.0, "rise time of the excitatory alpha current";
        tau_syn_in: Time = 2.0, "rise time of the inhibitory alpha current";
        I_e: Current = 0.0, "constant input current";
        V_min: Voltage = f64::NEG_INFINITY, "absolute lower bound of the membrane potential (-inf: none)";
        V_m: Voltage = -70.0, "initial membrane potential";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

impl NeuronParams for IafPscAlpha {
    const RECORDABLES: &'static [Recordable] =
        &[Recordable::V_m, Recordable::I_syn_ex, Recordable::I_syn_in];

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
        positive(entity, "tau_syn_ex", self.tau_syn_ex)?;
        positive(entity, "tau_syn_in", self.tau_syn_in)
    }
}
