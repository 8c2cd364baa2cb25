//! Values of synapse parameters (weights, delays) and initial states: a constant, or a
//! distribution each synapse or neuron draws from (NEST's `nest.random.*`), or an
//! expression of the two neurons' positions ([`Expression`]).

use crate::error::{Error, Result};
use crate::expression::{Expression, Pair};
use std::sync::Arc;

/// A parameter value: constant, drawn per synapse (NEST's `nest.random.*`), or computed
/// per pair from distance and positions (NEST's spatial parameters).
#[derive(Debug, Clone, PartialEq)]
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
    /// Computed per pair of neurons from their distance, displacement and positions,
    /// with random terms drawn per synapse.
    Expression(Arc<Expression>),
}

impl From<f64> for Value {
    fn from(v: f64) -> Self {
        Value::Constant(v)
    }
}

/// How a projection keeps its synapses' weights, by the value they are given
/// ([`Value::weight_storage`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightStorage {
    /// One weight for every synapse (a constant): no bytes per synapse.
    Shared,
    /// A weight per synapse drawn from a distribution, kept at single precision
    /// ([`Value::drawn_weight`]).
    Single,
    /// A weight per synapse as computed (an expression of positions), in double precision.
    Double,
}

impl WeightStorage {
    /// Bytes each synapse's weight takes.
    pub const fn bytes_per_synapse(self) -> u64 {
        match self {
            WeightStorage::Shared => 0,
            WeightStorage::Single => 4,
            WeightStorage::Double => 8,
        }
    }
}

/// The random draws a [`Value`] needs; the engine implements it on its random streams.
pub trait Draw {
    /// A uniform number in `[0, 1)`.
    fn uniform(&mut self) -> f64;
    /// A normal number, or the distribution's complaint about `mean` and `std`.
    fn normal(&mut self, mean: f64, std: f64) -> std::result::Result<f64, String>;
    /// A lognormal number `exp(N(mu, sigma))`, or the distribution's complaint.
    fn lognormal(&mut self, mu: f64, sigma: f64) -> std::result::Result<f64, String>;
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

    /// How a projection whose synapses take this value as their weight keeps the
    /// weights.
    pub fn weight_storage(&self) -> WeightStorage {
        match self {
            Value::Constant(_) => WeightStorage::Shared,
            _ if self.support().is_some() => WeightStorage::Single,
            _ => WeightStorage::Double,
        }
    }

    /// The support of a distribution, `(lo, lo included, hi, hi included)`; `None` for a
    /// value that is not drawn from one (a constant, an expression of positions).
    fn support(&self) -> Option<(f64, bool, f64, bool)> {
        match *self {
            Value::Uniform { min, max } => Some((min, true, max, false)),
            Value::Normal { min, max, .. } => Some((
                min.unwrap_or(f64::NEG_INFINITY),
                true,
                max.unwrap_or(f64::INFINITY),
                true,
            )),
            Value::Lognormal { .. } => Some((0.0, false, f64::INFINITY, false)),
            Value::Constant(_) | Value::Expression(_) => None,
        }
    }

    /// A synapse's weight `x`, drawn from this value, as it is kept: a weight drawn from
    /// a distribution is rounded to a neighbouring single-precision number inside the
    /// distribution's support (the nearest, unless that lies past a bound that is not
    /// itself a single-precision number): a relative change below 1.2·10⁻⁷, far inside
    /// any distribution's spread, for 4 bytes per synapse instead of 8. It stays `x`
    /// only where no single-precision number lies between `x` and the bound it is
    /// nearest to (a support narrower than one step of an `f32`). Any other value (a
    /// constant, an expression of positions) is kept as it is.
    #[inline]
    pub fn drawn_weight(&self, x: f64) -> f64 {
        let Some((lo, lo_in, hi, hi_in)) = self.support() else {
            return x;
        };
        let above = |r: f32| {
            if hi_in {
                f64::from(r) > hi
            } else {
                f64::from(r) >= hi
            }
        };
        let below = |r: f32| {
            if lo_in {
                f64::from(r) < lo
            } else {
                f64::from(r) <= lo
            }
        };
        let mut rounded = x as f32;
        if above(rounded) {
            rounded = rounded.next_down();
        } else if below(rounded) {
            rounded = rounded.next_up();
        }
        if above(rounded) || below(rounded) {
            x
        } else {
            f64::from(rounded)
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
            Value::Expression(ref e) => e.validate(entity, param),
            _ => Ok(()),
        }
    }

    /// Whether the value depends on where the two neurons are (an expression of
    /// distance, displacement or positions).
    pub fn is_spatial(&self) -> bool {
        matches!(self, Value::Expression(e) if e.is_spatial())
    }

    /// Draws one value for the pair `pair` (needed by a spatial expression only) from
    /// `rng`.
    pub fn draw_at(&self, pair: Option<&Pair>, rng: &mut impl Draw) -> Result<f64> {
        match (self, pair) {
            (Value::Expression(e), Some(pair)) => e.value(pair, rng),
            (Value::Expression(e), None) if !e.is_spatial() => e.value(&Pair::NONE, rng),
            (Value::Expression(e), None) => Err(Error::invalid(
                "expression",
                "positions",
                e.to_string(),
                "reads positions, but the neurons have none: give both populations a layout",
            )),
            _ => self.draw(rng),
        }
    }

    /// Draws one value from `rng` (the constant needs no draw); an expression that
    /// reads positions is an error here (see [`Value::draw_at`]).
    pub fn draw(&self, rng: &mut impl Draw) -> Result<f64> {
        Ok(match *self {
            Value::Expression(_) => return self.draw_at(None, rng),
            Value::Constant(v) => v,
            Value::Uniform { min, max } => min + (max - min) * rng.uniform(),
            Value::Normal {
                mean,
                std,
                min,
                max,
            } => {
                let lo = min.unwrap_or(f64::NEG_INFINITY);
                let hi = max.unwrap_or(f64::INFINITY);
                let mut tries = 0;
                loop {
                    let v = rng
                        .normal(mean, std)
                        .map_err(|e| Error::invalid("normal", "std", std, e))?;
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
            Value::Lognormal { mu, sigma } => rng
                .lognormal(mu, sigma)
                .map_err(|e| Error::invalid("lognormal", "sigma", sigma, e))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawn_weights_are_kept_at_single_precision_inside_their_support() {
        let normal = Value::Normal {
            mean: 87.8,
            std: 8.78,
            min: Some(0.0),
            max: None,
        };
        // 87.8 is 0x42AF999A as an f32: 87.80000305175781 exactly.
        assert_eq!(normal.drawn_weight(87.8), 87.800_003_051_757_81);
        // 0.1's neighbours in f32 are 0.0999999940395355 and 0.100000001490116: a draw
        // just below a bound of 0.1 takes the one below, inside the support.
        let below = Value::Uniform { min: 0.0, max: 0.1 };
        assert_eq!(
            below.drawn_weight(0.099_999_999_9),
            0.099_999_994_039_535_52
        );
        let capped = Value::Normal {
            mean: 0.0,
            std: 1.0,
            min: None,
            max: Some(0.1),
        };
        assert_eq!(capped.drawn_weight(0.1), 0.099_999_994_039_535_52);
        // No f32 lies in [0.1, 0.1 + 1e-12]: the draw stays as it is.
        let narrow = Value::Normal {
            mean: 0.1,
            std: 1.0,
            min: Some(0.1),
            max: Some(0.1 + 1e-12),
        };
        assert_eq!(narrow.drawn_weight(0.1 + 5e-13), 0.1 + 5e-13);
        // Below the smallest f32 a lognormal draw takes the smallest positive one.
        let lognormal = Value::Lognormal {
            mu: 0.0,
            sigma: 1.0,
        };
        assert_eq!(lognormal.drawn_weight(1e-50), f64::from(f32::from_bits(1)));
        assert_eq!(lognormal.drawn_weight(0.5), 0.5);
        // Constants are kept as given.
        assert_eq!(Value::Constant(87.8).drawn_weight(87.8), 87.8);
        assert_eq!(normal.weight_storage().bytes_per_synapse(), 4);
        assert_eq!(Value::Constant(1.0).weight_storage(), WeightStorage::Shared);
    }
}
