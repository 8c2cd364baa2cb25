//! Firing-rate ranges a neuron model declares (`firing: { resting: 1..5 Hz, .. }`) and
//! the check of a measured rate against them.

use crate::error::{Error, Result};
use serde::Serialize;
use std::fmt;

/// A closed range of firing rates, `low..high` Hz.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
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
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct FiringRanges {
    /// Rate at rest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resting: Option<RateRange>,
    /// Rate when driven.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<RateRange>,
    /// Highest sustained rate.
    #[serde(skip_serializing_if = "Option::is_none")]
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

/// A measured rate checked against the declared ranges.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FiringCheck {
    /// The declared ranges.
    pub declared: FiringRanges,
    /// The regimes whose range holds the measured rate.
    pub within: Vec<FiringRegime>,
    /// Whether the rate lies outside every declared range (implausible).
    pub outside: bool,
}

impl FiringCheck {
    /// Checks `rate_hz` against `declared`.
    pub fn new(declared: FiringRanges, rate_hz: f64) -> Self {
        let within = declared.regimes_of(rate_hz);
        Self {
            declared,
            outside: within.is_empty(),
            within,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pv() -> FiringRanges {
        FiringRanges {
            resting: Some(RateRange::new(1.0, 5.0)),
            active: Some(RateRange::new(10.0, 30.0)),
            max: Some(RateRange::new(50.0, 100.0)),
        }
    }

    #[test]
    fn classifies_rates_with_bounds_included() {
        assert_eq!(pv().regimes_of(5.0), vec![FiringRegime::Resting]);
        assert_eq!(pv().regimes_of(10.0), vec![FiringRegime::Active]);
        assert!(pv().regimes_of(7.0).is_empty());
        assert!(FiringCheck::new(pv(), 120.0).outside);
        assert!(!FiringCheck::new(pv(), 60.0).outside);
        let overlap = FiringRanges {
            resting: Some(RateRange::new(1.0, 8.0)),
            active: Some(RateRange::new(5.0, 20.0)),
            max: None,
        };
        assert_eq!(
            overlap.regimes_of(6.0),
            vec![FiringRegime::Resting, FiringRegime::Active]
        );
    }

    #[test]
    fn rejects_inverted_or_negative_ranges() {
        let bad = FiringRanges {
            active: Some(RateRange::new(30.0, 10.0)),
            ..Default::default()
        };
        let e = bad.validate("PV").unwrap_err().to_string();
        assert!(e.contains("PV") && e.contains("firing.active"), "{e}");
        let negative = FiringRanges {
            resting: Some(RateRange::new(-1.0, 1.0)),
            ..Default::default()
        };
        assert!(negative.validate("PV").is_err());
        assert!(pv().validate("PV").is_ok());
    }

    #[test]
    fn displays_as_written() {
        assert_eq!(
            pv().to_string(),
            "resting 1..5 Hz, active 10..30 Hz, max 50..100 Hz"
        );
    }
}
