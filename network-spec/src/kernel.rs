//! Distance-dependent connection kernels: `p(d)` of the distance `d` in mm, NEST's
//! `nest.spatial_distributions` with a peak factor.

use crate::error::{Error, Result};

/// A function of the distance `d` (mm) between the two neurons of a candidate pair.
///
/// For `pairwise_bernoulli` it is a probability (values >= 1 always connect, values <= 0
/// never); for `fixed_indegree`/`fixed_outdegree` it is a relative sampling weight, as
/// in NEST (negative values count as 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kernel {
    /// `p`, whatever the distance.
    Constant {
        /// The value (>= 0).
        p: f64,
    },
    /// `p0 + slope·d`.
    Linear {
        /// Value at distance 0 (>= 0).
        p0: f64,
        /// Change per mm, 1/mm.
        slope: f64,
    },
    /// `p0·exp(−d/beta)`.
    Exponential {
        /// Value at distance 0 (>= 0).
        p0: f64,
        /// Length constant, mm (> 0).
        beta: f64,
    },
    /// `p0·exp(−(d − mean)²/(2·std²))`: NEST's unnormalised gaussian, scaled.
    Gaussian {
        /// Peak value (>= 0).
        p0: f64,
        /// Distance of the peak, mm.
        mean: f64,
        /// Width, mm (> 0).
        std: f64,
    },
}

impl Kernel {
    /// Checks the parameters; `entity` names the projection.
    pub fn validate(&self, entity: &str) -> Result<()> {
        let bad = |param: &str, v: f64, why: &str| {
            Err(Error::invalid(entity, format!("kernel.{param}"), v, why))
        };
        let (p0, rest): (f64, &[(&str, f64, bool)]) = match self {
            Kernel::Constant { p } => (*p, &[]),
            Kernel::Linear { p0, slope } => (*p0, &[("slope", *slope, false)]),
            Kernel::Exponential { p0, beta } => (*p0, &[("beta", *beta, true)]),
            Kernel::Gaussian { p0, mean, std } => {
                (*p0, &[("mean", *mean, false), ("std", *std, true)])
            }
        };
        if !(p0 >= 0.0 && p0.is_finite()) {
            return bad("p0", p0, "must be finite and >= 0");
        }
        for (name, v, positive) in rest {
            if !v.is_finite() {
                return bad(name, *v, "must be finite");
            }
            if *positive && *v <= 0.0 {
                return bad(name, *v, "must be > 0 mm");
            }
        }
        Ok(())
    }

    /// The kernel at distance `d` (mm).
    pub fn value(&self, d: f64) -> f64 {
        match *self {
            Kernel::Constant { p } => p,
            Kernel::Linear { p0, slope } => p0 + slope * d,
            Kernel::Exponential { p0, beta } => p0 * (-d / beta).exp(),
            Kernel::Gaussian { p0, mean, std } => {
                let x = d - mean;
                p0 * (-(x * x) / (2.0 * std * std)).exp()
            }
        }
    }
}
