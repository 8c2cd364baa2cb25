//! Synapse models and the values (constant or random) of their weight and delay.

mod plastic;

pub use plastic::{StdpSynapse, Synapse, Tsodyks2Synapse, TsodyksSynapse};

use crate::error::{Error, Result};
use crate::rng::Stream;
use crate::time::Resolution;
use rand::RngExt;
use rand_distr::{Distribution, LogNormal, Normal};

/// A parameter value: constant, or drawn per synapse (NEST's `nest.random.*`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// The same value for every synapse.
    Constant(f64),
    /// Uniform on `[min, max)`.
    Uniform {
        /// Lower bound.
        min: f64,
        /// Upper bound.
        max: f64,
    },
    /// Normal, redrawn until it lies in `[min, max]` (NEST's `redraw`); the bounds are
    /// optional.
    Normal {
        /// Mean.
        mean: f64,
        /// Standard deviation (> 0).
        std: f64,
        /// Lower bound, if any.
        min: Option<f64>,
        /// Upper bound, if any.
        max: Option<f64>,
    },
    /// Lognormal: `exp(N(mu, sigma))`, parameters of the underlying normal as in NEST.
    Lognormal {
        /// Mean of the underlying normal.
        mu: f64,
        /// Standard deviation of the underlying normal (> 0).
        sigma: f64,
    },
}

impl From<f64> for Value {
    fn from(v: f64) -> Self {
        Value::Constant(v)
    }
}

/// Upper limit of redraws for a bounded normal before the bounds are declared unreachable.
const MAX_REDRAWS: usize = 10_000;

impl Value {
    /// The constant, if this value is one.
    pub fn constant(&self) -> Option<f64> {
        match *self {
            Value::Constant(v) => Some(v),
            _ => None,
        }
    }

    /// Checks the distribution's parameters; `entity` and `param` name it in errors.
    pub fn validate(&self, entity: &str, param: &str) -> Result<()> {
        let bad = |v: f64, why: &str| Err(Error::invalid(entity, param, v, why));
        match *self {
            Value::Constant(v) if !v.is_finite() => bad(v, "must be finite"),
            Value::Uniform { min, max } if !(min.is_finite() && max.is_finite() && min < max) => {
                bad(
                    min,
                    &format!("uniform bounds must satisfy min < max (max = {max})"),
                )
            }
            Value::Normal { std, .. } if !(std > 0.0 && std.is_finite()) => {
                bad(std, "normal std must be > 0")
            }
            Value::Normal { mean, .. } if !mean.is_finite() => {
                bad(mean, "normal mean must be finite")
            }
            Value::Normal {
                min: Some(lo),
                max: Some(hi),
                ..
            } if lo >= hi => bad(
                lo,
                &format!("normal bounds must satisfy min < max (max = {hi})"),
            ),
            Value::Lognormal { sigma, .. } if !(sigma > 0.0 && sigma.is_finite()) => {
                bad(sigma, "lognormal sigma must be > 0")
            }
            Value::Lognormal { mu, .. } if !mu.is_finite() => {
                bad(mu, "lognormal mu must be finite")
            }
            _ => Ok(()),
        }
    }

    /// Draws one value (the constant needs no draw).
    pub fn sample(&self, rng: &mut Stream) -> Result<f64> {
        Ok(match *self {
            Value::Constant(v) => v,
            Value::Uniform { min, max } => min + (max - min) * rng.random::<f64>(),
            Value::Normal {
                mean,
                std,
                min,
                max,
            } => {
                let normal =
                    Normal::new(mean, std).map_err(|e| Error::invalid("normal", "std", std, e))?;
                let lo = min.unwrap_or(f64::NEG_INFINITY);
                let hi = max.unwrap_or(f64::INFINITY);
                let mut tries = 0;
                loop {
                    let v = normal.sample(rng);
                    if v >= lo && v <= hi {
                        break v;
                    }
                    tries += 1;
                    if tries == MAX_REDRAWS {
                        return Err(Error::invalid(
                            "normal",
                            "min/max",
                            (lo, hi),
                            format!("bounds are too unlikely for N({mean}, {std}); widen them"),
                        ));
                    }
                }
            }
            Value::Lognormal { mu, sigma } => LogNormal::new(mu, sigma)
                .map_err(|e| Error::invalid("lognormal", "sigma", sigma, e))?
                .sample(rng),
        })
    }
}

/// NEST's `static_synapse`, or a named variant of it with its own defaults (NEST's
/// `CopyModel("static_synapse", name, {...})`).
#[derive(Debug, Clone, PartialEq)]
pub struct StaticSynapse {
    /// The model name: `static_synapse` or the variant's own.
    pub model: String,
    /// Weight: pA for current-based models (the sign picks the excitatory or inhibitory
    /// channel), mV for `iaf_psc_delta`.
    pub weight: Value,
    /// Delay (ms), rounded to the nearest step; must be at least one step.
    pub delay: Value,
    /// NEST's `receptor_type`: 0 (the default) for models without receptor ports, where
    /// the weight's sign picks the excitatory or inhibitory input; `k` in `1..=n` for
    /// receptor port `k` of a multisynapse model with `n` ports, which takes weights of
    /// either sign.
    pub receptor_type: u16,
}

impl Default for StaticSynapse {
    /// NEST's defaults: weight 1.0, delay 1.0 ms.
    fn default() -> Self {
        Self {
            model: "static_synapse".into(),
            weight: Value::Constant(1.0),
            delay: Value::Constant(1.0),
            receptor_type: 0,
        }
    }
}

impl StaticSynapse {
    /// A `static_synapse` with this weight and delay (ms).
    pub fn new(weight: impl Into<Value>, delay: impl Into<Value>) -> Self {
        Self {
            model: "static_synapse".into(),
            weight: weight.into(),
            delay: delay.into(),
            receptor_type: 0,
        }
    }

    /// The same synapse onto receptor port `receptor_type` of a multisynapse target
    /// (NEST's `syn_spec={"receptor_type": k}`).
    pub fn receptor(self, receptor_type: u16) -> Self {
        Self {
            receptor_type,
            ..self
        }
    }

    /// A named variant with these defaults (NEST's CopyModel + SetDefaults).
    pub fn variant(name: &str, weight: impl Into<Value>, delay: impl Into<Value>) -> Self {
        Self {
            model: name.into(),
            ..Self::new(weight, delay)
        }
    }

    /// Checks weight and delay; `entity` names the projection or device.
    pub fn validate(&self, entity: &str, res: &Resolution) -> Result<()> {
        self.weight.validate(entity, "weight")?;
        self.delay.validate(entity, "delay")?;
        if let Some(d) = self.delay.constant() {
            delay_steps(entity, d, res)?;
        }
        Ok(())
    }
}

/// Largest delay in steps a synapse can store.
pub const MAX_DELAY_STEPS: i64 = u16::MAX as i64;

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
    use crate::rng::{Purpose, Seed};

    #[test]
    fn delays_below_resolution_are_errors() {
        let r = Resolution::default();
        assert_eq!(delay_steps("p", 1.5, &r).unwrap(), 15);
        let e = delay_steps("p", 0.04, &r).unwrap_err().to_string();
        assert!(e.contains("delay") && e.contains("0.04"), "{e}");
    }

    #[test]
    fn bounded_normal_respects_bounds() {
        let mut rng = Seed(3).stream(Purpose::SynapseParams, 0, 0);
        let v = Value::Normal {
            mean: 1.0,
            std: 2.0,
            min: Some(0.5),
            max: Some(1.5),
        };
        for _ in 0..1000 {
            let x = v.sample(&mut rng).unwrap();
            assert!((0.5..=1.5).contains(&x));
        }
        assert!(Value::Uniform { min: 2.0, max: 1.0 }
            .validate("p", "weight")
            .is_err());
    }
}
