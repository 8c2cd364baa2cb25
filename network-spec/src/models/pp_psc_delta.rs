//! `pp_psc_delta`: point-process neuron with leaky integration of delta-shaped currents,
//! an exponential escape rate, dead time and spike-frequency adaptation (Cardanobile &
//! Rotter 2010).

use super::sfa::{check_time_constants, same_length};
use crate::error::{Error, Result};
use crate::neuron::NeuronParams;
use crate::params::{positive, positive_inf_ok, trace_time_constant};
use crate::recordable::Recordable;

crate::parameters! {
    /// Parameters of `pp_psc_delta`, named and defaulted as in NEST 3.10. `V_m` is the
    /// potential relative to rest; the neuron fires at rate `c_1·V' + c_2·exp(c_3·V')`
    /// (Hz), `V' = V_m − E_sfa`: with a dead time, at most one spike per step with
    /// probability `1 − exp(−rate·h)`; without (`dead_time` 0), a Poisson number of
    /// spikes per step. Synaptic weights onto it are voltage jumps in mV.
    pub neuron PpPscDelta = "pp_psc_delta" {
        tau_m: Time = 10.0, "membrane time constant";
        C_m: Capacitance = 250.0, "membrane capacitance";
        dead_time: Time = 1.0, "duration of the dead time (0: none, else at least one step)";
        dead_time_random: flag = false, "draw each dead time from a gamma distribution with mean dead_time";
        dead_time_shape: integer = 1.0, "shape of the gamma distribution of random dead times (>= 1)";
        with_reset: flag = true, "reset V_m to 0 mV after a spike";
        tau_sfa: list Time = [], "time constants of the adaptive threshold components";
        q_sfa: list Voltage = [], "jumps of the adaptive threshold components at a spike";
        c_1: Number = 0.0, "slope of the linear part of the rate function (Hz/mV)";
        c_2: Rate = 1.238, "prefactor of the exponential part of the rate function";
        c_3: Number = 0.25, "coefficient of V' in the exponential part of the rate function (1/mV)";
        I_e: Current = 0.0, "constant input current";
        t_ref_remaining: Time = 0.0, "dead time remaining at the start of the simulation";
        V_m: Voltage = 0.0, "initial membrane potential (relative to rest)";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

impl NeuronParams for PpPscDelta {
    const RECORDABLES: &'static [Recordable] = &[Recordable::V_m, Recordable::E_sfa];
    const WEIGHT: crate::units::Dimension = crate::units::Dimension::Voltage;

    fn check(&self, entity: &str) -> Result<()> {
        trace_time_constant(entity, "tau_minus", self.tau_minus)?;
        trace_time_constant(entity, "tau_minus_triplet", self.tau_minus_triplet)?;
        same_length(entity, ("tau_sfa", &self.tau_sfa), ("q_sfa", &self.q_sfa))?;
        positive_inf_ok(entity, "C_m", self.C_m)?;
        if self.dead_time < 0.0 {
            return Err(Error::invalid(
                entity,
                "dead_time",
                self.dead_time,
                "must be >= 0 ms",
            ));
        }
        if self.dead_time_shape < 1.0 || self.dead_time_shape.fract() != 0.0 {
            return Err(Error::invalid(
                entity,
                "dead_time_shape",
                self.dead_time_shape,
                "must be a whole number >= 1",
            ));
        }
        positive(entity, "tau_m", self.tau_m)?;
        check_time_constants(entity, "tau_sfa", &self.tau_sfa)?;
        if self.t_ref_remaining < 0.0 {
            return Err(Error::invalid(
                entity,
                "t_ref_remaining",
                self.t_ref_remaining,
                "must be >= 0 ms",
            ));
        }
        if self.c_3 < 0.0 {
            return Err(Error::invalid(entity, "c_3", self.c_3, "must be >= 0 1/mV"));
        }
        Ok(())
    }
}
