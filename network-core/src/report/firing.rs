//! The check of a measured rate against the firing-rate ranges a neuron model declares
//! (the ranges themselves are vocabulary: `network_spec::firing`).

pub use network_spec::firing::{FiringRanges, FiringRegime, RateRange};

/// A measured rate checked against the declared ranges (as JSON: `declared` a map of
/// the declared regimes' ranges, `within` the regimes' names; `report/json.rs`).
#[derive(Debug, Clone, PartialEq)]
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
