//! `aeif_cond_beta_multisynapse`: adaptive exponential integrate-and-fire neuron (Brette
//! & Gerstner 2005) with any number of receptor ports, each a beta-shaped conductance
//! (rise and decay time) with its own reversal potential, integrated by NEST with GSL's
//! adaptive RKF45.

use super::cond::Aeif;
use crate::error::{Error, Result};
use crate::neuron::NeuronParams;
use crate::params::trace_time_constant;
use crate::recordable::Recordable;
use crate::units::Dimension;

crate::parameters! {
    /// Parameters of `aeif_cond_beta_multisynapse`, named and defaulted as in NEST 3.10.
    ///
    /// `E_rev`, `tau_rise` and `tau_decay` have one entry per receptor port: a
    /// connection with `receptor_type` k (1-based) opens port k's conductance, which
    /// peaks at the weight (nS, never negative) and drives `V_m` towards `E_rev[k]`.
    pub neuron AeifCondBetaMultisynapse = "aeif_cond_beta_multisynapse" {
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
        E_rev: list Voltage = [0.0], "reversal potential of each receptor port; its length is the number of ports (one by default)";
        tau_rise: list Time = [2.0], "rise time of each receptor port's conductance";
        tau_decay: list Time = [20.0], "decay time of each receptor port's conductance (>= its rise time)";
        I_e: Current = 0.0, "constant input current";
        gsl_error_tol: Number = 1e-6, "error tolerance of the adaptive integrator (absolute and relative to the step's change)";
        V_m: Voltage = -70.6, "initial membrane potential";
        w: Current = 0.0, "initial adaptation current";
        tau_minus: Time = 20.0, "time constant of the STDP trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_synapse)";
        tau_minus_triplet: Time = 110.0, "time constant of the triplet trace of postsynaptic spikes (NEST's ArchivingNode parameter, used when the neuron is the target of an stdp_triplet_synapse)";
    }
}

/// The most receptor ports of `aeif_cond_beta_multisynapse` (the engine integrates
/// state vectors of fixed sizes; NEST has no limit).
pub const MAX_BETA_PORTS: usize = 32;

impl NeuronParams for AeifCondBetaMultisynapse {
    const RECORDABLES: &'static [Recordable] = &[Recordable::V_m, Recordable::w];
    const HAS_RECEPTOR_PORTS: bool = true;
    const WEIGHT: Dimension = Dimension::Conductance;
    const PORT_LIST: &'static str = "E_rev";
    const NONNEGATIVE_WEIGHTS: bool = true;

    fn check(&self, entity: &str) -> Result<()> {
        trace_time_constant(entity, "tau_minus", self.tau_minus)?;
        trace_time_constant(entity, "tau_minus_triplet", self.tau_minus_triplet)?;
        let n = self.E_rev.len();
        for (name, list) in [("tau_rise", &self.tau_rise), ("tau_decay", &self.tau_decay)] {
            if list.len() != n {
                return Err(Error::invalid(
                    entity,
                    name,
                    list,
                    format!(
                        "E_rev, tau_rise and tau_decay need one value per receptor port: \
                         {} given, {n} in E_rev",
                        list.len()
                    ),
                ));
            }
        }
        if n > MAX_BETA_PORTS {
            return Err(Error::invalid(
                entity,
                "E_rev",
                n,
                format!("at most {MAX_BETA_PORTS} receptor ports are supported"),
            ));
        }
        for (k, (&rise, &decay)) in self.tau_rise.iter().zip(&self.tau_decay).enumerate() {
            if !(rise > 0.0 && decay > 0.0) {
                return Err(Error::invalid(
                    entity,
                    if rise > 0.0 { "tau_decay" } else { "tau_rise" },
                    if rise > 0.0 { decay } else { rise },
                    format!(
                        "every synaptic time constant must be > 0 ms (port {})",
                        k + 1
                    ),
                ));
            }
            if decay < rise {
                return Err(Error::invalid(
                    entity,
                    "tau_decay",
                    decay,
                    format!(
                        "port {} decays faster than it rises (tau_rise {rise} ms): \
                         NEST requires tau_rise <= tau_decay",
                        k + 1
                    ),
                ));
            }
        }
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
        .check(entity)
    }

    fn receptor_ports(&self) -> usize {
        self.E_rev.len()
    }

    fn recordables(&self) -> Vec<Recordable> {
        let mut out = Self::RECORDABLES.to_vec();
        out.extend((1..=self.E_rev.len()).map(|k| Recordable::g_port(k as u16)));
        out
    }
}
