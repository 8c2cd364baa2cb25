//! NEST's plastic synapse models: `stdp_synapse` (pair-based, weight-dependent STDP),
//! `tsodyks_synapse` and `tsodyks2_synapse` (short-term facilitation and depression),
//! with NEST 3.10's parameter names, defaults and checks.

use super::SynapseParams;
use crate::error::{Error, Result};

crate::parameters! {
    /// NEST's `stdp_synapse`: pair-based STDP with the weight dependence of Gütig et al.
    /// (2003). A presynaptic spike at `t` first facilitates the weight for each
    /// postsynaptic spike since the previous presynaptic spike, then depresses it by the
    /// postsynaptic trace at `t − delay` (the whole delay counts as dendritic delay), and
    /// then sends it. Weights stay between 0 and `Wmax` (same sign as the weight); the
    /// initial weight must have the sign of `Wmax`.
    pub synapse StdpSynapse = "stdp_synapse" {
        tau_plus: Time = 20.0, "time constant of the presynaptic trace Kplus";
        lambda: Number = 0.01, "step size of the weight change";
        alpha: Number = 1.0, "asymmetry: depression relative to facilitation";
        mu_plus: Number = 1.0, "weight dependence exponent of facilitation (0: additive, 1: multiplicative)";
        mu_minus: Number = 1.0, "weight dependence exponent of depression";
        Wmax: Current = 100.0, "maximum weight, with the sign of the weight (the weight's unit: pA, or mV onto iaf_psc_delta)";
        Kplus: Number = 0.0, "initial presynaptic trace (>= 0)";
    }
}

impl SynapseParams for StdpSynapse {
    const WEIGHT_LIKE: &'static [&'static str] = &["Wmax"];
    const ARCHIVES_POST_SPIKES: bool = true;

    /// NEST's checks (`Kplus >= 0`; a constant weight with the sign of `Wmax`), plus
    /// `tau_plus > 0` and `Wmax != 0`, which NEST leaves unchecked although they give
    /// infinite or undefined weights.
    fn check(&self, entity: &str) -> Result<()> {
        positive_ms(entity, "tau_plus", self.tau_plus)?;
        if self.Wmax == 0.0 {
            return Err(Error::invalid(
                entity,
                "Wmax",
                self.Wmax,
                "must not be 0 (weights are scaled by it); give the largest weight",
            ));
        }
        if self.Kplus < 0.0 {
            return Err(Error::invalid(entity, "Kplus", self.Kplus, "must be >= 0"));
        }
        if let Some(w) = self.weight.constant() {
            self.check_weight(entity, w)?;
        }
        Ok(())
    }
}

impl StdpSynapse {
    /// NEST's check of one synapse's weight: the same sign as `Wmax` (0 counts as
    /// positive).
    pub fn check_weight(&self, entity: &str, weight: f64) -> Result<()> {
        if (weight >= 0.0) == (self.Wmax >= 0.0) {
            Ok(())
        } else {
            Err(Error::invalid(
                entity,
                "weight",
                weight,
                format!("weight and Wmax ({}) must have the same sign", self.Wmax),
            ))
        }
    }
}

crate::parameters! {
    /// NEST's `tsodyks_synapse`: short-term depression and facilitation after Tsodyks,
    /// Uziel and Markram (2000), with a decaying amount of transmitter `y` in the cleft
    /// (time constant `tau_psc`). Each spike sends `u·x·weight`; the weight is the
    /// efficacy when all resources are used.
    pub synapse TsodyksSynapse = "tsodyks_synapse" {
        U: Number = 0.5, "increase of the release probability u per spike, in [0, 1]";
        tau_psc: Time = 3.0, "time constant of the synaptic current (NEST asks for the target's synaptic time constant)";
        tau_fac: Time = 0.0, "time constant of facilitation (0: none)";
        tau_rec: Time = 800.0, "time constant of recovery from depression";
        x: Number = 1.0, "initial fraction of resources in the recovered state";
        y: Number = 0.0, "initial fraction of resources in the active state (x + y <= 1)";
        u: Number = 0.0, "initial release probability, in [0, 1]";
    }
}

impl SynapseParams for TsodyksSynapse {
    /// NEST's checks (`x + y <= 1`, `U` and `u` in [0, 1], `tau_psc > 0`, `tau_rec > 0`,
    /// `tau_fac >= 0`), plus `tau_psc != tau_rec`, where NEST's propagator divides by zero.
    fn check(&self, entity: &str) -> Result<()> {
        if self.x + self.y > 1.0 {
            return Err(Error::invalid(
                entity,
                "x",
                self.x,
                format!("x + y must be <= 1 (y = {})", self.y),
            ));
        }
        in_unit_interval(entity, "U", self.U)?;
        positive_ms(entity, "tau_psc", self.tau_psc)?;
        positive_ms(entity, "tau_rec", self.tau_rec)?;
        not_negative_ms(entity, "tau_fac", self.tau_fac)?;
        in_unit_interval(entity, "u", self.u)?;
        if self.tau_psc == self.tau_rec {
            return Err(Error::invalid(
                entity,
                "tau_psc",
                self.tau_psc,
                "must differ from tau_rec (the model divides by tau_psc - tau_rec)",
            ));
        }
        Ok(())
    }
}

crate::parameters! {
    /// NEST's `tsodyks2_synapse`: short-term depression and facilitation after Tsodyks and
    /// Markram (1997) and Fuhrmann et al. (2002), without a synaptic time constant. Each
    /// spike sends `x·u·weight`.
    pub synapse Tsodyks2Synapse = "tsodyks2_synapse" {
        U: Number = 0.5, "increase of the release probability u per spike, in [0, 1]";
        u: Number = 0.5, "initial release probability, in [0, 1] (NEST's default: the default U)";
        x: Number = 1.0, "initial fraction of the weight available";
        tau_rec: Time = 800.0, "time constant of recovery from depression";
        tau_fac: Time = 0.0, "time constant of facilitation (0: none)";
    }
}

impl SynapseParams for Tsodyks2Synapse {
    /// NEST's checks: `U` and `u` in [0, 1], `tau_rec > 0`, `tau_fac >= 0`.
    fn check(&self, entity: &str) -> Result<()> {
        in_unit_interval(entity, "U", self.U)?;
        in_unit_interval(entity, "u", self.u)?;
        positive_ms(entity, "tau_rec", self.tau_rec)?;
        not_negative_ms(entity, "tau_fac", self.tau_fac)
    }
}

/// `v` in [0, 1], else an error naming `entity` and `name`.
pub(super) fn in_unit_interval(entity: &str, name: &str, v: f64) -> Result<()> {
    if (0.0..=1.0).contains(&v) {
        Ok(())
    } else {
        Err(Error::invalid(entity, name, v, "must be in [0, 1]"))
    }
}

/// `v > 0` ms, else an error naming `entity` and `name`.
pub(super) fn positive_ms(entity: &str, name: &str, v: f64) -> Result<()> {
    if v > 0.0 {
        Ok(())
    } else {
        Err(Error::invalid(entity, name, v, "must be > 0 ms"))
    }
}

/// `v >= 0` ms (0 disables it), else an error naming `entity` and `name`.
pub(super) fn not_negative_ms(entity: &str, name: &str, v: f64) -> Result<()> {
    if v >= 0.0 {
        Ok(())
    } else {
        Err(Error::invalid(
            entity,
            name,
            v,
            "must be >= 0 ms (0 disables it)",
        ))
    }
}
