//! `amat2_psc_exp`: `mat2_psc_exp` with a voltage-dependent threshold component
//! (Yamauchi et al. 2011).

use super::{at_least_one_step, different_time_constants};
use crate::error::Result;
use crate::neuron::NeuronParams;
use crate::params::{positive, positive_or_inf, trace_time_constant};
use crate::recordable::Recordable;

crate::parameters! {
    /// Parameters of `amat2_psc_exp`, named and defaulted as in NEST 3.10. As in
    /// `mat2_psc_exp` the membrane potential is not reset; the threshold is `omega`
    /// plus two spike-triggered components plus `V_th_v`, which follows the membrane
    /// potential's derivative with gain `beta` and time constant `tau_v`.
    pub neuron Amat2PscExp = "amat2_psc_exp" {
        C_m: Capacitance = 200.0, "membrane capacitance";
        tau_m: Time = 10.0, "membrane time constant (must differ from tau_syn_ex, tau_syn_in and tau_v)";
        t_ref: Time = 2.0, "refractory period (no spike; V_m is not clamped), at least one step";
        E_L: Voltage = -70.0, "resting membrane potential";
        I_e: Current = 0.0, "constant input current";
        tau_syn_ex: Time = 1.0, "decay time of excitatory synaptic currents";
        tau_syn_in: Time = 3.0, "decay time of inhibitory synaptic currents";
        tau_1: Time = 10.0, "time constant of the short threshold component";
        tau_2: Time = 200.0, "time constant of the long threshold component";
        alpha_1: Voltage = 10.0, "jump of the short threshold component at a spike";
        alpha_2: Voltage = 0.0, "jump of the long threshold component at a spike";
        beta: Number = 0.0, "gain of the voltage-dependent threshold component (1/ms)";
        tau_v: Time = 5.0, "time constant of the voltage-dependent threshold component (must differ from tau_syn_ex and tau_syn_in)";
        omega: Voltage = -65.0, "resting threshold (absolute)";
        V_m: Voltage = -70.0, "initial membrane potential";
        V_th_alpha_1: Voltage = 0.0, "initial short threshold component";
        V_th_alpha_2: Voltage = 0.0, "initial long threshold component";
        V_th_v: Voltage = 0.0, "initial voltage-dependent threshold component";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

impl NeuronParams for Amat2PscExp {
    const RECORDABLES: &'static [Recordable] = &[
        Recordable::V_m,
        Recordable::V_th,
        Recordable::V_th_v,
        Recordable::I_syn_ex,
        Recordable::I_syn_in,
    ];
    const TAU_SYN_IS_DECAY_TIME: bool = true;

    fn check(&self, entity: &str) -> Result<()> {
        trace_time_constant(entity, "tau_minus", self.tau_minus)?;
        trace_time_constant(entity, "tau_minus_triplet", self.tau_minus_triplet)?;
        positive(entity, "C_m", self.C_m)?;
        for (name, tau) in [
            ("tau_m", self.tau_m),
            ("tau_syn_ex", self.tau_syn_ex),
            ("tau_syn_in", self.tau_syn_in),
            ("t_ref", self.t_ref),
            ("tau_v", self.tau_v),
        ] {
            positive(entity, name, tau)?;
        }
        positive_or_inf(entity, "tau_1", self.tau_1)?;
        positive_or_inf(entity, "tau_2", self.tau_2)?;
        let synaptic = [
            ("tau_syn_ex", self.tau_syn_ex),
            ("tau_syn_in", self.tau_syn_in),
        ];
        different_time_constants(
            entity,
            ("tau_m", self.tau_m),
            &[synaptic[0], synaptic[1], ("tau_v", self.tau_v)],
        )?;
        different_time_constants(entity, ("tau_v", self.tau_v), &synaptic)?;
        at_least_one_step(entity, "t_ref", self.t_ref)
    }
}
