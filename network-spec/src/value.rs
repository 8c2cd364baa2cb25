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
