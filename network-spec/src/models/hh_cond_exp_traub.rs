//! `hh_cond_exp_traub`: Hodgkin-Huxley neuron with Traub & Miles's (1991) channels, as
//! in Brette et al. (2007)'s COBAHH benchmark, with exponentially decaying synaptic
//! conductances, integrated by NEST with GSL's adaptive RKF45.

use crate::error::{Error, Result};
use crate::neuron::NeuronParams;
use crate::params::{positive, positive_or_inf, trace_time_constant};
use crate::recordable::Recordable;
use crate::units::Dimension;

crate::parameters! {
    /// Parameters of `hh_cond_exp_traub`, named and defaulted as in NEST 3.10. A spike
    /// is the step in which `V_m` has passed `V_T + 30 mV` and started to fall; `t_ref`
    /// only keeps the next one from being counted.
    pub neuron HhCondExpTraub = "hh_cond_exp_traub" {
        g_Na: Conductance = 20000.0, "sodium peak conductance";
        g_K: Conductance = 6000.0, "potassium peak conductance";
        g_L: Conductance = 10.0, "leak conductance";
        C_m: Capacitance = 200.0, "membrane capacitance";
        E_Na: Voltage = 50.0, "sodium reversal potential";
        E_K: Voltage = -90.0, "potassium reversal potential";
        E_L: Voltage = -60.0, "leak reversal potential";
        V_T: Voltage = -63.0, "voltage offset of the gating rates (the threshold is about V_T + 13 mV)";
        E_ex: Voltage = 0.0, "excitatory reversal potential";
        E_in: Voltage = -80.0, "inhibitory reversal potential";
        tau_syn_ex: Time = 5.0, "decay time of the excitatory conductance";
        tau_syn_in: Time = 10.0, "decay time of the inhibitory conductance";
        t_ref: Time = 2.0, "time after a spike in which no spike is detected, rounded up to whole steps";
        I_e: Current = 0.0, "constant input current";
        V_m: Voltage = -60.0, "initial membrane potential (the gating variables start at their equilibrium at -60 mV, as in NEST)";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

impl NeuronParams for HhCondExpTraub {
    const RECORDABLES: &'static [Recordable] = &[
        Recordable::V_m,
        Recordable::g_ex,
        Recordable::g_in,
        Recordable::Act_m,
        Recordable::Inact_h,
        Recordable::Act_n,
    ];
    const TAU_SYN_IS_DECAY_TIME: bool = true;
    const WEIGHT: Dimension = Dimension::Conductance;

    fn check(&self, entity: &str) -> Result<()> {
        trace_time_constant(entity, "tau_minus", self.tau_minus)?;
        trace_time_constant(entity, "tau_minus_triplet", self.tau_minus_triplet)?;
        positive(entity, "C_m", self.C_m)?;
        positive_or_inf(entity, "tau_syn_ex", self.tau_syn_ex)?;
        positive_or_inf(entity, "tau_syn_in", self.tau_syn_in)?;
        if self.t_ref < 0.0 {
            return Err(Error::invalid(
                entity,
                "t_ref",
                self.t_ref,
                "must be >= 0 ms",
            ));
        }
        Ok(())
    }
}
