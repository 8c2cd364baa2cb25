//! `iaf_cond_beta`: leaky integrate-and-fire neuron with beta-shaped (difference of
//! exponentials) synaptic conductances, integrated by NEST with GSL's adaptive RKF45.

use super::cond::check_iaf_cond;
use crate::error::Result;
use crate::neuron::NeuronParams;
use crate::params::trace_time_constant;
use crate::recordable::Recordable;
use crate::units::Dimension;

crate::parameters! {
    /// Parameters of `iaf_cond_beta`, named and defaulted as in NEST 3.10. A spike of
    /// weight `w` gives a conductance peaking at `w` (equal rise and decay times: an
    /// alpha function).
    pub neuron IafCondBeta = "iaf_cond_beta" {
        V_th: Voltage = -55.0, "spike threshold";
        V_reset: Voltage = -60.0, "reset potential";
        t_ref: Time = 2.0, "duration of the refractory period, rounded up to whole steps";
        g_L: Conductance = 16.6667, "leak conductance";
        C_m: Capacitance = 250.0, "membrane capacitance";
        E_ex: Voltage = 0.0, "excitatory reversal potential";
        E_in: Voltage = -85.0, "inhibitory reversal potential";
        E_L: Voltage = -70.0, "leak reversal potential";
        tau_rise_ex: Time = 0.2, "rise time of the excitatory conductance";
        tau_decay_ex: Time = 0.2, "decay time of the excitatory conductance";
        tau_rise_in: Time = 2.0, "rise time of the inhibitory conductance";
        tau_decay_in: Time = 2.0, "decay time of the inhibitory conductance";
        I_e: Current = 0.0, "constant input current";
        V_m: Voltage = -70.0, "initial membrane potential";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

impl NeuronParams for IafCondBeta {
    const RECORDABLES: &'static [Recordable] =
        &[Recordable::V_m, Recordable::g_ex, Recordable::g_in];
    const WEIGHT: Dimension = Dimension::Conductance;

    fn check(&self, entity: &str) -> Result<()> {
        trace_time_constant(entity, "tau_minus", self.tau_minus)?;
        trace_time_constant(entity, "tau_minus_triplet", self.tau_minus_triplet)?;
        check_iaf_cond(
            entity,
            self.V_reset,
            self.V_th,
            self.C_m,
            self.t_ref,
            &[
                ("tau_rise_ex", self.tau_rise_ex),
                ("tau_decay_ex", self.tau_decay_ex),
                ("tau_rise_in", self.tau_rise_in),
                ("tau_decay_in", self.tau_decay_in),
            ],
        )
    }
}
