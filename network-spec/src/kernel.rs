//! Distance-dependent connection kernels: `p(d)` of the distance `d` in mm (and, for the
//! two-dimensional ones, of the per-axis distances), NEST's `nest.spatial_distributions`
//! with a peak factor `p0`.

use crate::error::{Error, Result};
use crate::expression::{Expression, Pair};
use std::sync::Arc;

/// A function of the distance `d` (mm) between the two neurons of a candidate pair, or
/// of their per-axis distances `x = |dx|`, `y = |dy|` (mm, NEST's
/// `nest.spatial.distance.x` and `.y`: periodic where the layer wraps).
///
/// For `pairwise_bernoulli` it is a probability (values >= 1 always connect, values <= 0
/// never); for `fixed_indegree`/`fixed_outdegree` it is a relative sampling weight, as
/// in NEST (negative values count as 0). Each value is computed in NEST's operation
/// order (`nestkernel/parameter.cpp`), then multiplied by `p0`.
#[derive(Debug, Clone, PartialEq)]
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
    /// NEST's `gaussian2D` of the per-axis distances `x`, `y`:
    /// `p0·exp(−(x−mx)²/(2(1−ρ²)σx²) − (y−my)²/(2(1−ρ²)σy²) + ρ(x−mx)(y−my)/((1−ρ²)σxσy))`.
    Gaussian2d {
        /// Peak value (>= 0).
        p0: f64,
        /// Peak's x distance, mm.
        mean_x: f64,
        /// Peak's y distance, mm.
        mean_y: f64,
        /// Width along x, mm (> 0).
        std_x: f64,
        /// Width along y, mm (> 0).
        std_y: f64,
        /// Correlation of x and y (−1 < rho < 1).
        rho: f64,
    },
    /// NEST's `gamma` density of the distance:
    /// `p0·d^(kappa−1)·exp(−d/theta)/(theta^kappa·Γ(kappa))` (per mm, distances in mm).
    Gamma {
        /// Factor (>= 0).
        p0: f64,
        /// Shape (> 0).
        kappa: f64,
        /// Scale, mm (> 0).
        theta: f64,
    },
    /// NEST's `gabor` of the per-axis distances `x`, `y`, rotated by `theta`:
    /// `x' = x cos θ + y sin θ`, `y' = −x sin θ + y cos θ`,
    /// `p0·exp(−γ²x'²/(2σ²) − y'²/(2σ²))·max(cos(2π y'/λ + ψ), 0)`.
    Gabor {
        /// Peak value (>= 0).
        p0: f64,
        /// Orientation, degrees.
        theta: f64,
        /// Aspect ratio (> 0).
        gamma: f64,
        /// Width, mm (> 0).
        std: f64,
        /// Wavelength, mm (NEST's `lam`; != 0).
        lam: f64,
        /// Phase, degrees.
        psi: f64,
    },
    /// An expression of the pair's distance, displacement and positions (its random
    /// terms drawn from the pair's stream): the whole probability, or sampling weight.
    Expression(Arc<Expression>),
}

/// A parameter to check: name, value, and `Some(unit)` when it must be > 0.
type Check<'a> = (&'a str, f64, Option<&'a str>);

impl Kernel {
    /// Checks the parameters as NEST does; `entity` names the projection.
    pub fn validate(&self, entity: &str) -> Result<()> {
        let bad = |param: &str, v: f64, why: &str| {
            Err(Error::invalid(entity, format!("kernel.{param}"), v, why))
        };
        let (p0, rest): (f64, Vec<Check>) = match *self {
            Kernel::Expression(ref e) => return e.validate(entity, "p"),
            Kernel::Constant { p } => (p, vec![]),
            Kernel::Linear { p0, slope } => (p0, vec![("slope", slope, None)]),
            Kernel::Exponential { p0, beta } => (p0, vec![("beta", beta, Some("mm"))]),
            Kernel::Gaussian { p0, mean, std } => {
                (p0, vec![("mean", mean, None), ("std", std, Some("mm"))])
            }
            Kernel::Gaussian2d {
                p0,
                mean_x,
                mean_y,
                std_x,
                std_y,
                rho,
            } => {
                if !(rho > -1.0 && rho < 1.0) {
                    return bad("rho", rho, "must satisfy -1 < rho < 1");
                }
                let rest = vec![
                    ("mean_x", mean_x, None),
                    ("mean_y", mean_y, None),
                    ("std_x", std_x, Some("mm")),
                    ("std_y", std_y, Some("mm")),
                ];
                (p0, rest)
            }
            Kernel::Gamma { p0, kappa, theta } => (
                p0,
                vec![("kappa", kappa, Some("")), ("theta", theta, Some("mm"))],
            ),
            Kernel::Gabor {
                p0,
                theta,
                gamma,
                std,
                lam,
                psi,
            } => {
                if lam == 0.0 {
                    return bad("lam", lam, "must not be 0 mm");
                }
                let rest = vec![
                    ("theta", theta, None),
                    ("gamma", gamma, Some("")),
                    ("std", std, Some("mm")),
                    ("lam", lam, None),
                    ("psi", psi, None),
                ];
                (p0, rest)
            }
        };
        if !(p0 >= 0.0 && p0.is_finite()) {
            return bad("p0", p0, "must be finite and >= 0");
        }
        for (name, v, positive) in rest {
            if !v.is_finite() {
                return bad(name, v, "must be finite");
            }
            if let Some(unit) = positive {
                if v <= 0.0 {
                    let why = format!(
                        "must be > 0{}{unit}",
                        if unit.is_empty() { "" } else { " " }
                    );
                    return Err(Error::invalid(entity, format!("kernel.{name}"), v, why));
                }
            }
        }
        Ok(())
    }

    /// Whether the kernel reads the per-axis distances (`gaussian2d`, `gabor`), not
    /// only the distance.
    pub fn per_axis(&self) -> bool {
        matches!(self, Kernel::Gaussian2d { .. } | Kernel::Gabor { .. })
    }

    /// The kernel at distance `d` (mm); a per-axis kernel is taken along the x axis
    /// (`x = d`, `y = 0`), and so is an expression (without its random terms' draws:
    /// each is taken at its mean, for figures and estimates).
    pub fn value(&self, d: f64) -> f64 {
        self.value_at(d, d, 0.0)
    }

    /// The expression, if the kernel is one.
    pub fn expression(&self) -> Option<&Expression> {
        match self {
            Kernel::Expression(e) => Some(e),
            _ => None,
        }
    }

    /// The kernel for a pair at distance `d` with per-axis distances `x = |dx|`,
    /// `y = |dy|` (mm).
    pub fn value_at(&self, d: f64, x: f64, y: f64) -> f64 {
        match *self {
            Kernel::Expression(ref e) => {
                // The rest of the distance lies along z; the source at the origin.
                let z = (d * d - x * x - y * y).max(0.0).sqrt();
                let pair = Pair {
                    displacement: [x, y, z],
                    target: [x, y, z],
                    ..Pair::NONE
                };
                e.value(&pair, &mut crate::expression::Medians)
                    .unwrap_or(f64::NAN)
            }
            Kernel::Constant { p } => p,
            Kernel::Linear { p0, slope } => p0 + slope * d,
            Kernel::Exponential { p0, beta } => p0 * (-d / beta).exp(),
            Kernel::Gaussian { p0, mean, std } => {
                let x = d - mean;
                p0 * (-(x * x) / (2.0 * std * std)).exp()
            }
            Kernel::Gaussian2d {
                p0,
                mean_x,
                mean_y,
                std_x,
                std_y,
                rho,
            } => {
                let one_rho2 = 1. - rho * rho;
                let xc = 1. / (2. * one_rho2 * std_x * std_x);
                let yc = 1. / (2. * one_rho2 * std_y * std_y);
                let xyc = rho / (one_rho2 * std_x * std_y);
                let (dx, dy) = (x - mean_x, y - mean_y);
                p0 * (-dx * dx * xc - dy * dy * yc + dx * dy * xyc).exp()
            }
            Kernel::Gamma { p0, kappa, theta } => {
                let inv_theta = 1.0 / theta;
                let delta = inv_theta.powf(kappa) / libm::tgamma(kappa);
                p0 * (d.powf(kappa - 1.) * (-inv_theta * d).exp() * delta)
            }
            Kernel::Gabor {
                p0,
                theta,
                gamma,
                std,
                lam,
                psi,
            } => {
                let pi = std::f64::consts::PI;
                let (sin, cos) = (theta * pi / 180.).sin_cos();
                let inv_two_std2 = 1.0 / (2. * std * std);
                let xp = x * cos + y * sin;
                let yp = -x * sin + y * cos;
                let envelope =
                    (-gamma * gamma * xp * xp * inv_two_std2 - yp * yp * inv_two_std2).exp();
                let carrier = (2. * pi * yp / lam + psi * pi / 180.).cos().max(0.);
                p0 * (envelope * carrier)
            }
        }
    }
}
