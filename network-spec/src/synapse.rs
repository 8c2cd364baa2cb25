//! The parameter side of synapse models: `static_synapse` and the plastic ones, their
//! weight and delay ([`Value`]s) and checks, and the conversion of a delay to steps.

mod hom;
mod plastic;
mod stat;
mod stdp;
mod stochastic;

pub use hom::{StaticSynapseHomW, StdpPlSynapseHom, StdpSynapseHom};
pub use plastic::{StdpSynapse, Tsodyks2Synapse, TsodyksSynapse};
pub use stat::StaticSynapse;
pub use stdp::{StdpTripletSynapse, VogelsSprekelerSynapse};
pub use stochastic::{BernoulliSynapse, QuantalStpSynapse};

use crate::error::{Error, Result};
use crate::params::Parameters;
use crate::time::Resolution;
use crate::value::Value;

/// What every synapse struct holds besides its table: the model name, weight and delay
/// (declared by the `synapse` form of [`parameters!`](crate::parameters)).
pub trait SynapseFields {
    /// The model name (NEST's or the variant's).
    fn model(&self) -> &str;
    /// The model name, to write.
    fn model_mut(&mut self) -> &mut String;
    /// The weight (pA, or mV onto `iaf_psc_delta`).
    fn weight(&self) -> Value;
    /// The weight, to write.
    fn weight_mut(&mut self) -> &mut Value;
    /// The delay (ms).
    fn delay(&self) -> Value;
    /// The delay, to write.
    fn delay_mut(&mut self) -> &mut Value;
    /// NEST's `receptor_type`: the receptor port fed (0: the weight's sign picks the
    /// channel).
    fn receptor_type(&self) -> u16;
}

/// A synapse model's parameters and checks.
pub trait SynapseParams: Parameters + SynapseFields {
    /// Parameters whose unit is the weight's (pA, or mV onto `iaf_psc_delta`).
    const WEIGHT_LIKE: &'static [&'static str] = &[];

    /// Parameters NEST keeps in the synapse model rather than in each connection (its
    /// `CommonProperties`; `weight` for `static_synapse_hom_w`): written on the
    /// connection, and shared by every synapse of the projection.
    const COMMON: &'static [&'static str] = &[];

    /// Whether the rule reads the target's postsynaptic spike history (NEST's
    /// ArchivingNode, STDP), so that the target needs `tau_minus`.
    const ARCHIVES_POST_SPIKES: bool = false;

    /// The parameters the target neuron model must have (the time constants of the
    /// postsynaptic traces the rule reads).
    const TARGET_PARAMETERS: &'static [&'static str] = if Self::ARCHIVES_POST_SPIKES {
        &["tau_minus"]
    } else {
        &[]
    };

    /// NEST's own checks of this model, after those of weight, delay and the table;
    /// `entity` names the projection.
    fn check(&self, entity: &str) -> Result<()>;

    /// Every check: weight and delay, the table, then the model's.
    fn validate(&self, entity: &str, res: &Resolution) -> Result<()> {
        self.weight().validate(entity, "weight")?;
        self.delay().validate(entity, "delay")?;
        if let Some(d) = self.delay().constant() {
            delay_steps(entity, d, res)?;
        }
        self.check_table(entity)
            .and_then(|()| self.check(entity))
            .map_err(|e| e.with_units(Self::PARAMETERS))
    }
}

/// Largest delay in steps a synapse can store.
pub const MAX_DELAY_STEPS: i64 = u16::MAX as i64;

/// What NEST's `GetConnections(..).get([..])` reports of every synapse besides its source,
/// target and its model's parameters and state: NEST's names.
pub const CONNECTION_COLUMNS: [&str; 3] = ["weight", "delay", "receptor"];

/// Converts a delay (ms) to steps as NEST does; a delay that rounds to zero steps, or one
/// longer than the ring buffers can hold, is an error naming `entity`.
pub fn delay_steps(entity: &str, delay_ms: f64, res: &Resolution) -> Result<u16> {
    let steps = res.delay_steps(delay_ms);
    if !(delay_ms.is_finite()) || steps < 1 {
        return Err(Error::invalid(
            entity,
            "delay",
            delay_ms,
            format!("must be at least the resolution ({} ms)", res.ms()),
        ));
    }
    if steps > MAX_DELAY_STEPS {
        return Err(Error::invalid(
            entity,
            "delay",
            delay_ms,
            format!("must be at most {} ms", res.step_to_ms(MAX_DELAY_STEPS)),
        ));
    }
    Ok(steps as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_below_resolution_are_errors() {
        let r = Resolution::default();
        assert_eq!(delay_steps("p", 1.5, &r).unwrap(), 15);
        let e = delay_steps("p", 0.04, &r).unwrap_err().to_string();
        assert!(e.contains("delay") && e.contains("0.04"), "{e}");
    }
}
