//! `izhikevich`: Izhikevich's (2003) two-variable spiking neuron, integrated by NEST's
//! forward Euler step.

use crate::error::Result;
use crate::neuron::NeuronParams;
use crate::params::trace_time_constant;
use crate::recordable::Recordable;

crate::parameters! {
    /// Parameters of `izhikevich`, named and defaulted as in NEST 3.10. The model has no
    /// refractory period and no parameter checks beyond `tau_minus` and `tau_minus_triplet`; synaptic weights
    /// onto it are voltage jumps in mV. With `consistent_integration` (the default) each
    /// step is one forward-Euler step of both variables from their old values; without
    /// it, the published scheme (two half steps of V, then U from the new V), meant for
    /// a resolution of 1 ms.
    pub neuron Izhikevich = "izhikevich" {
        a: Number = 0.02, "time scale of the recovery variable U_m (1/ms)";
        b: Number = 0.2, "sensitivity of the recovery variable U_m to V_m";
        c: Voltage = -65.0, "value of V_m after a spike";
        d: Voltage = 8.0, "increment of U_m after a spike";
        I_e: Current = 0.0, "constant input current (added to dV/dt as mV/ms)";
        V_th: Voltage = 30.0, "spike threshold (the spike cut-off)";
        V_min: Voltage = -f64::MAX, "absolute lower bound of the membrane potential";
        consistent_integration: flag = true, "integrate with one forward-Euler step from the old values (1) or with Izhikevich's published scheme (0)";
        V_m: Voltage = -65.0, "initial membrane potential";
        U_m: Voltage = -13.0, "initial recovery variable (NEST's default b · V_m = 0.2 · -65)";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

impl NeuronParams for Izhikevich {
    const RECORDABLES: &'static [Recordable] = &[Recordable::V_m, Recordable::U_m];
    const WEIGHT: crate::units::Dimension = crate::units::Dimension::Voltage;

    fn check(&self, entity: &str) -> Result<()> {
        // NEST checks none of the model's own parameters.
        trace_time_constant(entity, "tau_minus", self.tau_minus)?;
        trace_time_constant(entity, "tau_minus_triplet", self.tau_minus_triplet)
    }
}
