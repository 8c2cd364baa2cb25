//! `aeif_psc_exp`: adaptive exponential integrate-and-fire neuron (Brette & Gerstner
//! 2005) with exponentially decaying postsynaptic currents, integrated by NEST with GSL's adaptive
//! RKF45.

use super::cond::Aeif;
use crate::error::Result;
use crate::neuron::NeuronParams;
use crate::params::{positive_or_inf, trace_time_constant};
use crate::recordable::Recordable;

crate::parameters! {
    /// Parameters of `aeif_psc_exp`, named and defaulted as in NEST 3.10.
    pub neuron AeifPscExp = "aeif_psc_exp" {
        V_peak: Voltage = 0.0, "spike detection threshold (with Delta_T = 0: V_th)";
        V_reset: Voltage = -60.0, "reset potential";
        t_ref: Time = 0.0, "duration of the refractory period, rounded up to whole steps";
        g_L: Conductance = 30.0, "leak conductance";
        C_m: Capacitance = 281.0, "membrane capacitance";
        E_L: Voltage = -70.6, "leak reversal potential";
        Delta_T: Voltage = 2.0, "slope factor of the exponential spike initiation";
        tau_w: Time = 144.0, "adaptation time constant";
        a: Conductance = 4.0, "subthreshold adaptation";
        b: Current = 80.5, "spike-triggered adaptation";
        V_th: Voltage = -50.4, "spike initiation threshold";
        tau_syn_ex: Time = 0.2, "decay time of the excitatory current";
        tau_syn_in: Time = 2.0, "decay time of the inhibitory current";
        I_e: Current = 0.0, "constant input current";
        gsl_error_tol: Number = 1e-6, "error tolerance of the adaptive integrator (absolute and relative to the step's change)";
        V_m: Voltage = -70.6, "initial membrane potential";
        w: Current = 0.0, "initial adaptation current";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

impl NeuronParams for AeifPscExp {
    const RECORDABLES: &'static [Recordable] = &[
        Recordable::V_m,
        Recordable::I_syn_ex,
        Recordable::I_syn_in,
        Recordable::w,
    ];
    const TAU_SYN_IS_DECAY_TIME: bool = true;

    fn check(&self, entity: &str) -> Result<()> {
        trace_time_constant(entity, "tau_minus", self.tau_minus)?;
        trace_time_constant(entity, "tau_minus_triplet", self.tau_minus_triplet)?;
        Aeif {
            V_peak: self.V_peak,
            V_reset: self.V_reset,
            V_th: self.V_th,
            Delta_T: self.Delta_T,
            C_m: self.C_m,
            t_ref: self.t_ref,
            tau_w: self.tau_w,
            gsl_error_tol: self.gsl_error_tol,
        }
        .check(entity)?;
        positive_or_inf(entity, "tau_syn_ex", self.tau_syn_ex)?;
        positive_or_inf(entity, "tau_syn_in", self.tau_syn_in)
    }
}
