//! Firing-rate ranges a neuron model declares (`firing: { resting: 1..5 Hz, .. }`).

use crate::error::{Error, Result};
use std::fmt;

/// A closed range of firing rates, `low..high` Hz.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateRange {
    /// Lower bound (Hz), included.
    pub low_hz: f64,
    /// Upper bound (Hz), included.
    pub high_hz: f64,
}

impl RateRange {
    /// The range `low..high` Hz.
    pub const fn new(low_hz: f64, high_hz: f64) -> Self {
        Self { low_hz, high_hz }
    }

    /// Whether `rate` (Hz) lies in the range, bounds included.
    pub fn contains(&self, rate_hz: f64) -> bool {
        self.low_hz <= rate_hz && rate_hz <= self.high_hz
    }
}

impl fmt::Display for RateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{} Hz", self.low_hz, self.high_hz)
    }
}

/// A regime of activity with a declared rate range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FiringRegime {
    /// Spontaneous activity at rest.
    Resting,
    /// Activity when driven.
    Active,
    /// The highest sustained rates.
    Max,
}

impl FiringRegime {
    /// The name, as written in a description (`resting`, `active`, `max`).
    pub fn name(self) -> &'static str {
        match self {
            FiringRegime::Resting => "resting",
            FiringRegime::Active => "active",
            FiringRegime::Max => "max",
        }
    }
}

/// The firing-rate ranges a neuron model declares; any of them may be absent.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FiringRanges {
    /// Rate at rest.
    pub resting: Option<RateRange>,
    /// Rate when driven.
    pub active: Option<RateRange>,
    /// Highest sustained rate.
    pub max: Option<RateRange>,
}

impl FiringRanges {
    /// The declared ranges with their regimes, in the order resting, active, max.
    pub fn declared(&self) -> impl Iterator<Item = (FiringRegime, RateRange)> {
        [
            (FiringRegime::Resting, self.resting),
            (FiringRegime::Active, self.active),
            (FiringRegime::Max, self.max),
        ]
        .into_iter()
        .filter_map(|(regime, range)| range.map(|r| (regime, r)))
    }

    /// Whether no range is declared.
    pub fn is_empty(&self) -> bool {
        self.declared().next().is_none()
    }

    /// Checks every range: finite, `0 <= low <= high`.
    pub fn validate(&self, entity: &str) -> Result<()> {
        for (regime, r) in self.declared() {
            let ok = r.low_hz.is_finite()
                && r.high_hz.is_finite()
                && 0.0 <= r.low_hz
                && r.low_hz <= r.high_hz;
            if !ok {
                return Err(Error::invalid(
                    entity,
                    format!("firing.{}", regime.name()),
                    format!("{r}"),
                    "write a range `low..high` Hz with 0 <= low <= high",
                ));
            }
        }
        Ok(())
    }

    /// The regimes whose range holds `rate_hz`, in the order resting, active, max.
    pub fn regimes_of(&self, rate_hz: f64) -> Vec<FiringRegime> {
        self.declared()
            .filter(|(_, r)| r.contains(rate_hz))
            .map(|(regime, _)| regime)
            .collect()
    }
}

impl fmt::Display for FiringRanges {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .declared()
            .map(|(regime, r)| format!("{} {r}", regime.name()))
            .collect();
        f.write_str(&parts.join(", "))
    }
}
