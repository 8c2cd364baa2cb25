//! `iaf_psc_exp_multisynapse`: `iaf_psc_exp` with any number of receptor ports, one
//! exponential current each.

use super::check_integrate_and_fire;
use super::ports::{check_port_count, check_tau_syn, recordables};
use crate::error::Result;
use crate::neuron::NeuronParams;
use crate::params::trace_time_constant;
use crate::recordable::Recordable;

crate::parameters! {
    /// Parameters of `iaf_psc_exp_multisynapse`, named and defaulted as in NEST 3.10.
    ///
    /// `tau_syn` has one entry per receptor port: a connection with `receptor_type` k
    /// (1-based) feeds port k, whatever the sign of its weight. Unlike
    /// `iaf_psc_alpha_multisynapse` it has no `V_min`, and NEST requires every `tau_syn`
    /// to differ from `tau_m`. Voltages are absolute (mV); the state holds them relative
    /// to `E_L`, as NEST does.
    pub neuron IafPscExpMultisynapse = "iaf_psc_exp_multisynapse" {
        C_m: Capacitance = 250.0, "membrane capacitance";
        tau_m: Time = 10.0, "membrane time constant";
        t_ref: Time = 2.0, "duration of the refractory period, rounded up to whole steps";
        E_L: Voltage = -70.0, "resting membrane potential";
        V_th: Voltage = -55.0, "spike threshold";
        V_reset: Voltage = -70.0, "reset potential";
        tau_syn: list Time = [2.0], "decay time of each receptor port's synaptic current; its length is the number of ports (one by default)";
        I_e: Current = 0.0, "constant input current";
        V_m: Voltage = -70.0, "initial membrane potential";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an STDP synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

impl NeuronParams for IafPscExpMultisynapse {
    const RECORDABLES: &'static [Recordable] = &[Recordable::V_m, Recordable::I_syn];
    const HAS_RECEPTOR_PORTS: bool = true;
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
        check_port_count(entity, &self.tau_syn)?;
        check_tau_syn(entity, &self.tau_syn, Some(self.tau_m))
    }

    fn receptor_ports(&self) -> usize {
        self.tau_syn.len()
    }

    fn recordables(&self) -> Vec<Recordable> {
        recordables(self.tau_syn.len())
    }
}
