//! `iaf_psc_exp_htum`: leaky integrate-and-fire neuron with exponential postsynaptic
//! currents and separate absolute and total refractory periods (Hill & Tononi 2005).

use super::{at_least_one_step, check_integrate_and_fire};
use crate::error::{Error, Result};
use crate::neuron::NeuronParams;
use crate::params::{positive, positive_or_inf, trace_time_constant};
use crate::recordable::Recordable;

crate::parameters! {
    /// Parameters of `iaf_psc_exp_htum`, named and defaulted as in NEST 3.10. During the
    /// absolute refractory period `t_ref_abs` the membrane potential is clamped at
    /// `V_reset`; until the total period `t_ref_tot` ends it evolves but cannot reach
    /// threshold. NEST records its `V_m` relative to `E_L` (so does the engine).
    pub neuron IafPscExpHtum = "iaf_psc_exp_htum" {
        C_m: Capacitance = 250.0, "membrane capacitance";
        tau_m: Time = 10.0, "membrane time constant";
        t_ref_abs: Time = 2.0, "absolute refractory period (V_m clamped), at least one step";
        t_ref_tot: Time = 2.0, "total refractory period (no spike), at least t_ref_abs and one step";
        E_L: Voltage = -70.0, "resting membrane potential";
        V_th: Voltage = -55.0, "spike threshold";
        V_reset: Voltage = -70.0, "reset potential";
        tau_syn_ex: Time = 2.0, "decay time of excitatory synaptic currents";
        tau_syn_in: Time = 2.0, "decay time of inhibitory synaptic currents";
        I_e: Current = 0.0, "constant input current";
        V_m: Voltage = -70.0, "initial membrane potential";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

impl NeuronParams for IafPscExpHtum {
    const RECORDABLES: &'static [Recordable] =
        &[Recordable::V_m, Recordable::I_syn_ex, Recordable::I_syn_in];
    const TAU_SYN_IS_DECAY_TIME: bool = true;

    fn check(&self, entity: &str) -> Result<()> {
        trace_time_constant(entity, "tau_minus", self.tau_minus)?;
        trace_time_constant(entity, "tau_minus_triplet", self.tau_minus_triplet)?;
        check_integrate_and_fire(
            entity,
            self.C_m,
            self.tau_m,
            self.t_ref_abs,
            self.E_L,
            self.V_reset,
            self.V_th,
        )?;
        if self.t_ref_abs > self.t_ref_tot {
            return Err(Error::invalid(
                entity,
                "t_ref_abs",
                self.t_ref_abs,
                format!(
                    "must not exceed the total refractory period t_ref_tot ({} ms)",
                    self.t_ref_tot
                ),
            ));
        }
        positive_or_inf(entity, "tau_syn_ex", self.tau_syn_ex)?;
        positive_or_inf(entity, "tau_syn_in", self.tau_syn_in)?;
        for (name, tau) in [("t_ref_abs", self.t_ref_abs), ("t_ref_tot", self.t_ref_tot)] {
            positive(entity, name, tau)?;
        }
        at_least_one_step(entity, "t_ref_abs", self.t_ref_abs)?;
        at_least_one_step(entity, "t_ref_tot", self.t_ref_tot)
    }
}
