//! `hh_psc_alpha`: Hodgkin-Huxley neuron with alpha-shaped postsynaptic currents,
//! integrated by NEST with GSL's adaptive RKF45.

use crate::error::{Error, Result};
use crate::neuron::NeuronParams;
use crate::params::{positive, positive_or_inf, trace_time_constant};
use crate::recordable::Recordable;

crate::parameters! {
    /// Parameters of `hh_psc_alpha`, named and defaulted as in NEST 3.10. A spike is
    /// the step in which `V_m` has passed 0 mV and started to fall; `t_ref` only keeps
    /// the next one from being counted.
    pub neuron HhPscAlpha = "hh_psc_alpha" {
        t_ref: Time = 2.0, "time after a spike in which no spike is detected, rounded up to whole steps";
        g_Na: Conductance = 12000.0, "sodium peak conductance";
        g_K: Conductance = 3600.0, "potassium peak conductance";
        g_L: Conductance = 30.0, "leak conductance";
        C_m: Capacitance = 100.0, "membrane capacitance";
        E_Na: Voltage = 50.0, "sodium reversal potential";
        E_K: Voltage = -77.0, "potassium reversal potential";
        E_L: Voltage = -54.402, "leak reversal potential";
        tau_syn_ex: Time = 0.2, "time to peak of the excitatory alpha current";
        tau_syn_in: Time = 2.0, "time to peak of the inhibitory alpha current";
        I_e: Current = 0.0, "constant input current";
        V_m: Voltage = -65.0, "initial membrane potential (the gating variables start at their equilibrium at -65 mV, as in NEST)";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

impl NeuronParams for HhPscAlpha {
    const RECORDABLES: &'static [Recordable] = &[
        Recordable::V_m,
        Recordable::I_syn_ex,
        Recordable::I_syn_in,
        Recordable::Act_m,
        Recordable::Inact_h,
        Recordable::Act_n,
    ];

    fn check(&self, entity: &str) -> Result<()> {
        trace_time_constant(entity, "tau_minus", self.tau_minus)?;
        trace_time_constant(entity, "tau_minus_triplet", self.tau_minus_triplet)?;
        positive(entity, "C_m", self.C_m)?;
        if self.t_ref < 0.0 {
            return Err(Error::invalid(
                entity,
                "t_ref",
                self.t_ref,
                "must be >= 0 ms",
            ));
        }
        positive_or_inf(entity, "tau_syn_ex", self.tau_syn_ex)?;
        positive_or_inf(entity, "tau_syn_in", self.tau_syn_in)?;
        for (name, g) in [("g_K", self.g_K), ("g_Na", self.g_Na), ("g_L", self.g_L)] {
            if g < 0.0 {
                return Err(Error::invalid(entity, name, g, "must be >= 0 nS"));
            }
        }
        Ok(())
    }
}
