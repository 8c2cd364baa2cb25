//! NEST's stochastic synapse models: `bernoulli_synapse` (each spike transmitted with a
//! probability) and `quantal_stp_synapse` (release sites with short-term plasticity).
//! Their draws come from the engine's stream of the projection's target block, so
//! results depend on the seed alone, not on the thread count.

use super::plastic::{in_unit_interval, not_negative_ms, positive_ms};
use super::SynapseParams;
use crate::error::{Error, Result};

crate::parameters! {
    /// NEST's `bernoulli_synapse`: each presynaptic spike is transmitted with
    /// probability `p_transmit`, independently per synapse and spike, with the synapse's
    /// weight.
    pub synapse BernoulliSynapse = "bernoulli_synapse" {
        p_transmit: Number = 1.0, "probability that a spike is transmitted, in [0, 1]";
    }
}

impl SynapseParams for BernoulliSynapse {
    /// NEST's check: `p_transmit` in [0, 1].
    fn check(&self, entity: &str) -> Result<()> {
        in_unit_interval(entity, "p_transmit", self.p_transmit)
    }
}

crate::parameters! {
    /// NEST's `quantal_stp_synapse`: `n` release sites after Fuhrmann et al. (2002) and
    /// Loebel et al. (2009). Before each spike but the first, `u` relaxes towards `U`
    /// (time constant `tau_fac`) and is incremented, and each of the `n − a` depleted
    /// sites recovers with probability `1 − exp(−h/tau_rec)`; then each of the `a`
    /// available sites releases with probability `u`, and the spike sends
    /// `released·weight` (nothing if none is released).
    pub synapse QuantalStpSynapse = "quantal_stp_synapse" {
        U: Number = 0.5, "increment of the release probability u per spike (NEST's dU), in [0, 1]";
        u: Number = 0.5, "initial release probability, in [0, 1]";
        tau_rec: Time = 800.0, "time constant of the recovery of depleted release sites";
        tau_fac: Time = 0.0, "time constant of facilitation (0: none)";
        n: integer = 1.0, "number of release sites";
        a: integer = 1.0, "initial number of available release sites (at most n)";
    }
}

impl SynapseParams for QuantalStpSynapse {
    /// NEST's checks (`U` and `u` in [0, 1], `tau_rec > 0`, `tau_fac >= 0`; `n` and `a`
    /// whole numbers), plus `0 <= a <= n` (NEST leaves the bounds unchecked, which gives
    /// negative counts of sites).
    fn check(&self, entity: &str) -> Result<()> {
        in_unit_interval(entity, "U", self.U)?;
        in_unit_interval(entity, "u", self.u)?;
        positive_ms(entity, "tau_rec", self.tau_rec)?;
        not_negative_ms(entity, "tau_fac", self.tau_fac)?;
        if !(0.0..=f64::from(u16::MAX)).contains(&self.n) {
            return Err(Error::invalid(
                entity,
                "n",
                self.n,
                "must be in [0, 65535] release sites",
            ));
        }
        if !(0.0..=self.n).contains(&self.a) {
            return Err(Error::invalid(
                entity,
                "a",
                self.a,
                format!("must be in [0, n] (n = {})", self.n),
            ));
        }
        Ok(())
    }
}
