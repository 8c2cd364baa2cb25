//! `mat2_psc_exp`: leaky integrate-and-fire neuron with exponential postsynaptic
//! currents and a multi-timescale adaptive threshold (Kobayashi et al. 2009).

use super::{at_least_one_step, different_time_constants};
use crate::error::Result;
use crate::neuron::NeuronParams;
use crate::params::{positive, positive_or_inf, trace_time_constant};
use crate::recordable::Recordable;

crate::parameters! {
    /// Parameters of `mat2_psc_exp`, named and defaulted as in NEST 3.10. The membrane
    /// potential is not reset after a spike; instead the threshold `omega` rises by
    /// `alpha_1` and `alpha_2`, which decay with `tau_1` and `tau_2`.
    pub neuron Mat2PscExp = "mat2_psc_exp" {
        C_m: Capacitance = 100.0, "membrane capacitance";
        tau_m: Time = 5.0, "membrane time constant (must differ from tau_syn_ex and tau_syn_in)";
        t_ref: Time = 2.0, "refractory period (no spike; V_m is not clamped), at least one step";
        E_L: Voltage = -70.0, "resting membrane potential";
        I_e: Current = 0.0, "constant input current";
        tau_syn_ex: Time = 1.0, "decay time of excitatory synaptic currents";
        tau_syn_in: Time = 3.0, "decay time of inhibitory synaptic currents";
        tau_1: Time = 10.0, "time constant of the short threshold component";
        tau_2: Time = 200.0, "time constant of the long threshold component";
        alpha_1: Voltage = 37.0, "jump of the short threshold component at a spike";
        alpha_2: Voltage = 2.0, "jump of the long threshold component at a spike";
        omega: Voltage = -51.0, "resting threshold (absolute)";
        V_m: Voltage = -70.0, "initial membrane potential";
        V_th_alpha_1: Voltage = 0.0, "initial short threshold component";
        V_th_alpha_2: Voltage = 0.0, "initial long threshold component";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

impl NeuronParams for Mat2PscExp {
    const RECORDABLES: &'static [Recordable] = &[Recordable::V_m, Recordable::V_th];
    const TAU_SYN_IS_DECAY_TIME: bool = true;

    fn check(&self, entity: &str) -> Result<()> {
        trace_time_constant(entity, "tau_minus", self.tau_minus)?;
        trace_time_constant(entity, "tau_minus_triplet", self.tau_minus_triplet)?;
        positive(entity, "C_m", self.C_m)?;
        for (name, tau) in [
            ("tau_syn_ex", self.tau_syn_ex),
            ("tau_syn_in", self.tau_syn_in),
            ("tau_1", self.tau_1),
            ("tau_2", self.tau_2),
        ] {
            positive_or_inf(entity, name, tau)?;
        }
        positive(entity, "tau_m", self.tau_m)?;
        positive(entity, "t_ref", self.t_ref)?;
        different_time_constants(
            entity,
            ("tau_m", self.tau_m),
            &[
                ("tau_syn_ex", self.tau_syn_ex),
                ("tau_syn_in", self.tau_syn_in),
            ],
        )?;
        at_least_one_step(entity, "t_ref", self.t_ref)
    }
}
