//! NEST's further spike-timing-dependent synapses: `vogels_sprekeler_synapse`
//! (symmetric inhibitory plasticity) and `stdp_triplet_synapse` (Pfister & Gerstner's
//! triplet rule), with NEST 3.10's parameter names, defaults and checks.

use super::plastic::positive_ms;
use super::SynapseParams;
use crate::error::{Error, Result};

crate::parameters! {
    /// NEST's `vogels_sprekeler_synapse`: symmetric STDP for inhibitory synapses after
    /// Vogels et al. (2011). A presynaptic spike at `t` adds `eta·Kplus` for each
    /// postsynaptic spike since the previous presynaptic spike, then `eta·Kminus` (the
    /// target's trace at `t − delay`, decaying with its `tau_minus`, which NEST expects to
    /// equal `tau`), then subtracts `alpha·eta`; `|w|` stays in `[0, |Wmax|]` with the
    /// sign of `Wmax`.
    pub synapse VogelsSprekelerSynapse = "vogels_sprekeler_synapse" {
        tau: Time = 20.0, "time constant of the presynaptic trace Kplus (the target's tau_minus should equal it)";
        alpha: Number = 0.12, "constant depression per presynaptic spike, in units of eta (sets the target rate)";
        eta: Number = 0.001, "learning rate";
        Wmax: Current = 1.0, "maximum weight; its sign is the weights' (the weight's unit: pA, or mV onto iaf_psc_delta)";
        Kplus: Number = 0.0, "initial presynaptic trace (>= 0)";
    }
}

impl SynapseParams for VogelsSprekelerSynapse {
    const WEIGHT_LIKE: &'static [&'static str] = &["Wmax"];
    const ARCHIVES_POST_SPIKES: bool = true;

    /// NEST's checks (a nonzero constant weight with the sign of `Wmax`, `Kplus >= 0`),
    /// plus `tau > 0`, which NEST leaves unchecked.
    fn check(&self, entity: &str) -> Result<()> {
        positive_ms(entity, "tau", self.tau)?;
        not_negative(entity, "Kplus", self.Kplus)?;
        if let Some(w) = self.weight.constant() {
            self.check_weight(entity, w)?;
        }
        Ok(())
    }
}

impl VogelsSprekelerSynapse {
    /// NEST's check of one synapse's weight: 0, or the sign of `Wmax`.
    pub fn check_weight(&self, entity: &str, weight: f64) -> Result<()> {
        if weight != 0.0 && weight.is_sign_negative() != self.Wmax.is_sign_negative() {
            return Err(Error::invalid(
                entity,
                "weight",
                weight,
                format!("weight and Wmax ({}) must have the same sign", self.Wmax),
            ));
        }
        Ok(())
    }
}

crate::parameters! {
    /// NEST's `stdp_triplet_synapse`: the triplet STDP rule of Pfister & Gerstner (2006),
    /// all-to-all. A presynaptic spike at `t` adds `Kplus·(Aplus + Aplus_triplet·Ky)` for
    /// each postsynaptic spike since the previous presynaptic spike (`Ky` the target's
    /// triplet trace just before that spike, decaying with its `tau_minus_triplet`), then
    /// subtracts `Kminus·(Aminus + Aminus_triplet·Kplus_triplet)` (`Kminus` the target's
    /// trace at `t − delay`, with its `tau_minus`); `|w|` stays in `[0, |Wmax|]` with the
    /// sign of `Wmax`.
    pub synapse StdpTripletSynapse = "stdp_triplet_synapse" {
        tau_plus: Time = 16.8, "time constant of the presynaptic trace Kplus";
        tau_plus_triplet: Time = 101.0, "time constant of the presynaptic triplet trace Kplus_triplet";
        Aplus: Number = 5e-10, "weight of pair potentiation";
        Aminus: Number = 7e-3, "weight of pair depression";
        Aplus_triplet: Number = 6.2e-3, "weight of triplet potentiation";
        Aminus_triplet: Number = 2.3e-4, "weight of triplet depression";
        Kplus: Number = 0.0, "initial presynaptic trace (>= 0)";
        Kplus_triplet: Number = 0.0, "initial presynaptic triplet trace (>= 0)";
        Wmax: Current = 100.0, "maximum weight; its sign is the weights' (the weight's unit: pA, or mV onto iaf_psc_delta)";
    }
}

impl SynapseParams for StdpTripletSynapse {
    const WEIGHT_LIKE: &'static [&'static str] = &["Wmax"];
    const ARCHIVES_POST_SPIKES: bool = true;
    const TARGET_PARAMETERS: &'static [&'static str] = &["tau_minus", "tau_minus_triplet"];

    /// NEST's checks (a constant weight with the sign of `Wmax`, 0 counting as positive;
    /// `Kplus >= 0`, `Kplus_triplet >= 0`), plus `tau_plus > 0` and
    /// `tau_plus_triplet > 0`, which NEST leaves unchecked.
    fn check(&self, entity: &str) -> Result<()> {
        positive_ms(entity, "tau_plus", self.tau_plus)?;
        positive_ms(entity, "tau_plus_triplet", self.tau_plus_triplet)?;
        not_negative(entity, "Kplus", self.Kplus)?;
        not_negative(entity, "Kplus_triplet", self.Kplus_triplet)?;
        if let Some(w) = self.weight.constant() {
            self.check_weight(entity, w)?;
        }
        Ok(())
    }
}

impl StdpTripletSynapse {
    /// NEST's check of one synapse's weight: the sign of `Wmax` (0 counts as positive).
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

fn not_negative(entity: &str, name: &str, v: f64) -> Result<()> {
    if v >= 0.0 {
        Ok(())
    } else {
        Err(Error::invalid(entity, name, v, "must be >= 0"))
    }
}
