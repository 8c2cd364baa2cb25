//! A projection's per-synapse weight or delay, drawn with what the draw needs looked up
//! once per projection instead of once per synapse.
//!
//! A normal value with or without bounds (the common random weight and delay) is drawn
//! inline as `rand_distr`'s `Normal` draws it, `mean + std · z` with `z` from
//! `StandardNormal`, and redrawn outside its bounds as [`Value::draw`] redraws it: the
//! same numbers from the same stream, without a distribution built, a value matched and
//! a parameter checked per draw. Every other value is drawn by [`Value::draw_at`].

use crate::error::Result;
use crate::rng::Stream;
use crate::synapse::{Draw, Pair, SampleValue, Value};
use rand::RngExt;
use rand_distr::{Normal, StandardNormal};

/// A value ready for one draw per synapse.
pub(super) enum PerSynapse<'a> {
    /// A normal value whose parameters are valid.
    Normal {
        /// The value itself, for the error when its bounds are never met.
        value: &'a Value,
        mean: f64,
        std: f64,
        /// Bounds (inclusive), infinite where the value has none.
        lo: f64,
        hi: f64,
        /// Draws before the bounds count as unreachable: the value's own limit.
        tries: usize,
    },
    /// Any other value (constant, uniform, lognormal, expression).
    Other(&'a Value),
}

impl<'a> PerSynapse<'a> {
    /// Looks up what drawing `value` needs.
    pub fn new(value: &'a Value) -> Self {
        match *value {
            Value::Normal {
                mean,
                std,
                min,
                max,
            } if Normal::new(mean, std).is_ok() => PerSynapse::Normal {
                value,
                mean,
                std,
                lo: min.unwrap_or(f64::NEG_INFINITY),
                hi: max.unwrap_or(f64::INFINITY),
                tries: redraw_limit(value),
            },
            _ => PerSynapse::Other(value),
        }
    }

    /// One draw for the synapse between the neurons of `pair` (read by an expression of
    /// positions only): the value [`Value::draw_at`] draws from the same stream.
    #[inline]
    pub fn draw(&self, pair: Option<&Pair>, rng: &mut Stream) -> Result<f64> {
        match *self {
            PerSynapse::Normal {
                value,
                mean,
                std,
                lo,
                hi,
                tries,
            } => {
                for _ in 0..tries {
                    let z: f64 = rng.sample(StandardNormal);
                    let x = mean + std * z;
                    if x >= lo && x <= hi {
                        return Ok(x);
                    }
                }
                // The value's own error for bounds it never met.
                value.draw(&mut Unmet(0)).map(|_| f64::NAN)
            }
            PerSynapse::Other(value) => value.sample_at(pair, rng),
        }
    }

    /// One weight: [`PerSynapse::draw`], kept as [`Value::drawn_weight`] keeps it (at
    /// single precision, when drawn from a distribution).
    #[inline]
    pub fn draw_weight(&self, pair: Option<&Pair>, rng: &mut Stream) -> Result<f64> {
        let x = self.draw(pair, rng)?;
        Ok(match *self {
            PerSynapse::Normal { value, .. } | PerSynapse::Other(value) => value.drawn_weight(x),
        })
    }
}

/// How many draws `value` (a normal) makes before it declares its bounds unreachable:
/// counted by drawing it from a source whose every number misses every bound.
pub(super) fn redraw_limit(value: &Value) -> usize {
    let mut source = Unmet(0);
    let _ = value.draw(&mut source);
    source.0
}

/// A source of numbers that meet no bound (NaN), counting the normal draws asked of it.
struct Unmet(usize);

impl Draw for Unmet {
    fn uniform(&mut self) -> f64 {
        f64::NAN
    }

    fn normal(&mut self, _mean: f64, _std: f64) -> std::result::Result<f64, String> {
        self.0 += 1;
        Ok(f64::NAN)
    }

    fn lognormal(&mut self, _mu: f64, _sigma: f64) -> std::result::Result<f64, String> {
        Ok(f64::NAN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{Purpose, Seed};

    /// The oracle is `Value::sample` itself: the same stream must give the same numbers
    /// to the bit, bounded or not, and the same error for unreachable bounds.
    #[test]
    fn draws_are_the_values_own_draws() {
        let values = [
            Value::Normal {
                mean: 87.8,
                std: 8.78,
                min: None,
                max: None,
            },
            Value::Normal {
                mean: 1.5,
                std: 0.75,
                min: Some(0.05),
                max: None,
            },
            Value::Normal {
                mean: -351.2,
                std: 35.1,
                min: None,
                max: Some(-340.0),
            },
            Value::Uniform { min: 1.0, max: 2.0 },
            Value::Constant(3.0),
        ];
        for value in &values {
            let mut ours = Seed(4).stream(Purpose::SynapseParams, 1, 2);
            let mut theirs = ours.clone();
            let prepared = PerSynapse::new(value);
            for _ in 0..10_000 {
                let a = prepared.draw(None, &mut ours).unwrap();
                let b = value.sample(&mut theirs).unwrap();
                assert_eq!(a.to_bits(), b.to_bits(), "{value:?}");
            }
        }
        let unreachable = Value::Normal {
            mean: 0.0,
            std: 1.0,
            min: Some(50.0),
            max: Some(60.0),
        };
        let mut rng = Seed(4).stream(Purpose::SynapseParams, 1, 2);
        let ours = PerSynapse::new(&unreachable).draw(None, &mut rng.clone());
        let theirs = unreachable.sample(&mut rng);
        assert_eq!(
            ours.unwrap_err().to_string(),
            theirs.unwrap_err().to_string()
        );
    }
}
