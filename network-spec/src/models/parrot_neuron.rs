//! `parrot_neuron`: repeats every spike it receives.

use crate::error::Result;
use crate::neuron::NeuronParams;
use crate::params::trace_time_constant;
use crate::recordable::Recordable;

crate::parameters! {
    /// Parameters of `parrot_neuron`. The parrot has no dynamics: a spike that arrives in
    /// step `s` (with any weight, multiplicity `n`) makes it emit `n` spikes stamped
    /// `s + 1`. Weights are ignored, as in NEST.
    pub neuron ParrotNeuron = "parrot_neuron" {
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes, when the parrot is the target of an stdp_synapse";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

impl NeuronParams for ParrotNeuron {
    const RECORDABLES: &'static [Recordable] = &[];

    fn check(&self, entity: &str) -> Result<()> {
        trace_time_constant(entity, "tau_minus", self.tau_minus)?;
        trace_time_constant(entity, "tau_minus_triplet", self.tau_minus_triplet)
    }
}
