//! NEST's synapse models with homogeneous parameters: `stdp_pl_synapse_hom` (power-law
//! STDP of NEST's hpc_benchmark), `stdp_synapse_hom` and `static_synapse_hom_w`.
//!
//! In NEST the parameters listed in [`SynapseParams::COMMON`] belong to the synapse model
//! (its `CopyModel`/`SetDefaults`), not to each connection. Here they are written where
//! the connection is made, and every synapse of the projection shares them: a projection
//! is one model in NEST's sense (the PyNEST export copies the model for each projection
//! with its common parameters, and connects with the copy).

use super::plastic::{positive_ms, StdpSynapse};
use super::SynapseParams;
use crate::error::{Error, Result};

crate::parameters! {
    /// NEST's `stdp_pl_synapse_hom`: pair-based STDP with power-law potentiation
    /// (Morrison et al. 2007), the plastic synapse of NEST's hpc_benchmark. A presynaptic
    /// spike at `t` first adds `lambda·w^mu·Kplus` for each postsynaptic spike since the
    /// previous presynaptic spike (Kplus decayed to it), then subtracts
    /// `lambda·alpha·w·Kminus` (the target's trace at `t − delay`; the weight stays
    /// >= 0), then sends the weight. `tau_plus`, `lambda`, `alpha` and `mu` are common to
    /// the projection; the weight and `Kplus` belong to each synapse.
    pub synapse StdpPlSynapseHom = "stdp_pl_synapse_hom" {
        tau_plus: Time = 20.0, "time constant of the presynaptic trace Kplus (common)";
        lambda: Number = 0.1, "step size of the weight change (common)";
        alpha: Number = 1.0, "asymmetry: depression relative to facilitation (common)";
        mu: Number = 0.4, "exponent of the weight in potentiation (common)";
        Kplus: Number = 0.0, "initial presynaptic trace of each synapse";
    }
}

impl SynapseParams for StdpPlSynapseHom {
    const COMMON: &'static [&'static str] = &["tau_plus", "lambda", "alpha", "mu"];
    const ARCHIVES_POST_SPIKES: bool = true;

    /// NEST's check (`tau_plus > 0`), plus a constant weight >= 0 and `Kplus >= 0`, which
    /// NEST leaves unchecked although `w^mu` of a negative weight is not a number.
    fn check(&self, entity: &str) -> Result<()> {
        positive_ms(entity, "tau_plus", self.tau_plus)?;
        if self.Kplus < 0.0 {
            return Err(Error::invalid(entity, "Kplus", self.Kplus, "must be >= 0"));
        }
        if let Some(w) = self.weight.constant() {
            Self::check_weight(entity, w)?;
        }
        Ok(())
    }
}

impl StdpPlSynapseHom {
    /// The check of one synapse's weight: >= 0 (pA, or mV onto `iaf_psc_delta`).
    pub fn check_weight(entity: &str, weight: f64) -> Result<()> {
        if weight >= 0.0 {
            Ok(())
        } else {
            Err(Error::invalid(
                entity,
                "weight",
                weight,
                "must be >= 0 (stdp_pl_synapse_hom raises the weight to the power mu)",
            ))
        }
    }
}

crate::parameters! {
    /// NEST's `stdp_synapse_hom`: `stdp_synapse`'s rule (Gütig et al. 2003) with
    /// `tau_plus`, `lambda`, `alpha`, `mu_plus`, `mu_minus` and `Wmax` common to the
    /// projection; the weight and `Kplus` belong to each synapse.
    pub synapse StdpSynapseHom = "stdp_synapse_hom" {
        tau_plus: Time = 20.0, "time constant of the presynaptic trace Kplus (common)";
        lambda: Number = 0.01, "step size of the weight change (common)";
        alpha: Number = 1.0, "asymmetry: depression relative to facilitation (common)";
        mu_plus: Number = 1.0, "weight dependence exponent of facilitation (common; 0: additive, 1: multiplicative)";
        mu_minus: Number = 1.0, "weight dependence exponent of depression (common)";
        Wmax: Current = 100.0, "maximum weight, with the sign of the weight (common; the weight's unit: pA, or mV onto iaf_psc_delta)";
        Kplus: Number = 0.0, "initial presynaptic trace of each synapse (>= 0)";
    }
}

impl SynapseParams for StdpSynapseHom {
    const WEIGHT_LIKE: &'static [&'static str] = &["Wmax"];
    const COMMON: &'static [&'static str] =
        &["tau_plus", "lambda", "alpha", "mu_plus", "mu_minus", "Wmax"];
    const ARCHIVES_POST_SPIKES: bool = true;

    /// `stdp_synapse`'s checks (NEST checks none of them for the `_hom` model; the
    /// same values give infinite or undefined weights there).
    fn check(&self, entity: &str) -> Result<()> {
        self.as_stdp().check(entity)
    }
}

impl StdpSynapseHom {
    /// The same rule as an `stdp_synapse` (the dynamics are the same; only where NEST
    /// keeps the parameters differs).
    pub fn as_stdp(&self) -> StdpSynapse {
        StdpSynapse {
            model: self.model.clone(),
            weight: self.weight.clone(),
            delay: self.delay.clone(),
            receptor_type: self.receptor_type,
            tau_plus: self.tau_plus,
            lambda: self.lambda,
            alpha: self.alpha,
            mu_plus: self.mu_plus,
            mu_minus: self.mu_minus,
            Wmax: self.Wmax,
            Kplus: self.Kplus,
        }
    }
}

crate::parameters! {
    /// NEST's `static_synapse_hom_w`: a static synapse whose weight is common to the
    /// projection (a constant; NEST rejects weights given per connection). Delays may
    /// differ per synapse.
    pub synapse StaticSynapseHomW = "static_synapse_hom_w" {
    }
}

impl SynapseParams for StaticSynapseHomW {
    const COMMON: &'static [&'static str] = &["weight"];

    /// The weight must be one constant.
    fn check(&self, entity: &str) -> Result<()> {
        if self.weight.constant().is_none() {
            return Err(Error::invalid(
                entity,
                "weight",
                self.weight.clone(),
                "static_synapse_hom_w has one weight common to all its synapses: give a constant",
            ));
        }
        Ok(())
    }
}
