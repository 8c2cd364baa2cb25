//! NEST's spatial masks: which displacements (in mm) a connection or selection accepts.
//!
//! The inside tests copy NEST's arithmetic (`nestkernel/spatial/mask.cpp`,
//! `mask_impl.h`), so boundary cases on inexact grid coordinates agree with NEST:
//! boundaries are inclusive, a rotated box gets NEST's 1e-12 mm tolerance, angles are in
//! degrees (azimuth from the x axis in the xy plane, polar from the z axis).

use nalgebra::{Matrix3, Vector3};

use crate::error::{Error, Result};

/// The shape of a mask, in mm and degrees, centred on the node it is applied to.
#[derive(Debug, Clone, PartialEq)]
pub enum MaskShape {
    /// 2D `circular`: `|p| <= radius`.
    Circle {
        /// Radius, mm (> 0).
        radius: f64,
    },
    /// 2D `rectangular`: `lower_left <= p <= upper_right` after rotating `p` by
    /// `−azimuth_angle` about the rectangle's center.
    Rectangle {
        /// Lower-left corner, mm.
        lower_left: [f64; 2],
        /// Upper-right corner, mm (strictly above and right of `lower_left`).
        upper_right: [f64; 2],
        /// Rotation from the x axis, degrees.
        azimuth_angle: f64,
    },
    /// 2D `elliptical` with full axis lengths: `(x'/(a/2))² + (y'/(b/2))² <= 1`.
    Ellipse {
        /// Full length of the major axis, mm (>= minor).
        major_axis: f64,
        /// Full length of the minor axis, mm (> 0).
        minor_axis: f64,
        /// Angle between the x axis and the major axis, degrees.
        azimuth_angle: f64,
    },
    /// 3D `spherical`: `|p| <= radius`.
    Sphere {
        /// Radius, mm (> 0).
        radius: f64,
    },
    /// 3D `box`: `lower_left <= p <= upper_right` after rotating `p` by `−azimuth_angle`
    /// about z and then `−polar_angle` about y, around the box center.
    Box {
        /// Lower-left-front corner, mm.
        lower_left: [f64; 3],
        /// Upper-right-back corner, mm (strictly greater in every coordinate).
        upper_right: [f64; 3],
        /// Rotation about the z axis, degrees.
        azimuth_angle: f64,
        /// Rotation about the y axis, degrees.
        polar_angle: f64,
    },
    /// 3D `ellipsoidal` with full axis lengths.
    Ellipsoid {
        /// Full length of the major (x') axis, mm (>= minor).
        major_axis: f64,
        /// Full length of the minor (y') axis, mm (> 0).
        minor_axis: f64,
        /// Full length of the polar (z') axis, mm (> 0).
        polar_axis: f64,
        /// Angle between the x axis and the major axis, degrees.
        azimuth_angle: f64,
        /// Angle between the z axis and the polar axis, degrees.
        polar_angle: f64,
    },
    /// A spherical shell `inner_radius < |p| <= outer_radius` (NEST's 2D `doughnut`;
    /// here usable in 2D and 3D). It never contains the node itself.
    Doughnut {
        /// Inner radius, mm (>= 0, excluded).
        inner_radius: f64,
        /// Outer radius, mm (> inner, included).
        outer_radius: f64,
    },
}

/// A mask: a shape shifted by `anchor` (the mask accepts `p` when the shape contains
/// `p − anchor`), as NEST's `anchor` entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Mask {
    shape: MaskShape,
    anchor: Vector3<f64>,
    /// cos/sin of azimuth and polar angles, precomputed as NEST does.
    trig: [f64; 4],
}

impl MaskShape {
    /// 2 for the 2D shapes, 3 for the 3D ones, `None` for the doughnut (either).
    pub fn dims(&self) -> Option<usize> {
        match self {
            MaskShape::Circle { .. } | MaskShape::Rectangle { .. } | MaskShape::Ellipse { .. } => {
                Some(2)
            }
            MaskShape::Doughnut { .. } => None,
            _ => Some(3),
        }
    }
}

impl Mask {
    /// A mask of `shape` with anchor 0. Call [`Mask::validate`] before use.
    pub fn new(shape: MaskShape) -> Self {
        let (az, pol) = match shape {
            MaskShape::Rectangle { azimuth_angle, .. }
            | MaskShape::Ellipse { azimuth_angle, .. } => (azimuth_angle, 0.0),
            MaskShape::Box {
                azimuth_angle,
                polar_angle,
                ..
            }
            | MaskShape::Ellipsoid {
                azimuth_angle,
                polar_angle,
                ..
            } => (azimuth_angle, polar_angle),
            _ => (0.0, 0.0),
        };
        let rad = std::f64::consts::PI / 180.;
        Mask {
            shape,
            anchor: Vector3::zeros(),
            trig: [
                (az * rad).cos(),
                (az * rad).sin(),
                (pol * rad).cos(),
                (pol * rad).sin(),
            ],
        }
    }

    /// A 3D sphere of `radius` mm.
    pub fn sphere(radius: f64) -> Self {
        Mask::new(MaskShape::Sphere { radius })
    }

    /// A 2D circle of `radius` mm.
    pub fn circle(radius: f64) -> Self {
        Mask::new(MaskShape::Circle { radius })
    }

    /// A shell `inner < |p| <= outer` (mm), 2D or 3D.
    pub fn doughnut(inner_radius: f64, outer_radius: f64) -> Self {
        Mask::new(MaskShape::Doughnut {
            inner_radius,
            outer_radius,
        })
    }

    /// An axis-aligned 3D box, mm.
    pub fn cuboid(lower_left: [f64; 3], upper_right: [f64; 3]) -> Self {
        Mask::new(MaskShape::Box {
            lower_left,
            upper_right,
            azimuth_angle: 0.0,
            polar_angle: 0.0,
        })
    }

    /// An axis-aligned 2D rectangle, mm.
    pub fn rectangle(lower_left: [f64; 2], upper_right: [f64; 2]) -> Self {
        Mask::new(MaskShape::Rectangle {
            lower_left,
            upper_right,
            azimuth_angle: 0.0,
        })
    }

    /// This mask shifted by `anchor` mm (z ignored by 2D masks).
    pub fn with_anchor(mut self, anchor: Vector3<f64>) -> Self {
        self.anchor = anchor;
        self
    }

    /// The shape.
    pub fn shape(&self) -> &MaskShape {
        &self.shape
    }

    /// The anchor, mm.
    pub fn anchor(&self) -> &Vector3<f64> {
        &self.anchor
    }

    /// Spatial dimensions the mask applies to: `Some(2)`, `Some(3)`, or `None` for a
    /// doughnut, which fits either.
    pub fn dims(&self) -> Option<usize> {
        self.shape.dims()
    }

    /// Checks the parameters as NEST does; `entity` names the projection or device.
    pub fn validate(&self, entity: &str) -> Result<()> {
        let bad = |param: &str, value: &dyn std::fmt::Debug, reason: &str| {
            Err(Error::invalid(
                entity,
                format!("mask.{param}"),
                value,
                reason,
            ))
        };
        let finite = |v: &[f64]| v.iter().all(|x| x.is_finite());
        if !finite(self.anchor.as_slice()) || !finite(&self.trig) {
            return bad(
                "anchor/angles",
                &(self.anchor, &self.shape),
                "must be finite",
            );
        }
        match &self.shape {
            MaskShape::Circle { radius } | MaskShape::Sphere { radius } => {
                if !(*radius > 0.0 && radius.is_finite()) {
                    return bad("radius", radius, "must be > 0 mm");
                }
            }
            MaskShape::Rectangle {
                lower_left: ll,
                upper_right: ur,
                ..
            } => {
                if !finite(ll) || !finite(ur) || ll.iter().zip(ur).any(|(l, u)| l >= u) {
                    return bad(
                        "upper_right",
                        ur,
                        "must be finite and strictly right of and above lower_left",
                    );
                }
            }
            MaskShape::Box {
                lower_left: ll,
                upper_right: ur,
                ..
            } => {
                if !finite(ll) || !finite(ur) || ll.iter().zip(ur).any(|(l, u)| l >= u) {
                    return bad(
                        "upper_right",
                        ur,
                        "must be finite and strictly greater than lower_left in x, y and z",
                    );
                }
            }
            MaskShape::Ellipse {
                major_axis,
                minor_axis,
                ..
            }
            | MaskShape::Ellipsoid {
                major_axis,
                minor_axis,
                ..
            } => {
                if !(*minor_axis > 0.0 && major_axis.is_finite()) {
                    return bad("minor_axis", minor_axis, "all axes must be > 0 mm");
                }
                if major_axis < minor_axis {
                    return bad("major_axis", major_axis, "must be >= minor_axis");
                }
                if let MaskShape::Ellipsoid { polar_axis, .. } = self.shape {
                    if !(polar_axis > 0.0 && polar_axis.is_finite()) {
                        return bad("polar_axis", &polar_axis, "all axes must be > 0 mm");
                    }
                }
            }
            MaskShape::Doughnut {
                inner_radius,
                outer_radius,
            } => {
                if inner_radius.is_nan() || *inner_radius < 0.0 {
                    return bad("inner_radius", inner_radius, "must be >= 0 mm");
                }
                if !(outer_radius > inner_radius && outer_radius.is_finite()) {
                    return bad(
                        "outer_radius",
                        outer_radius,
                        "must be finite and > inner_radius",
                    );
                }
            }
        }
        Ok(())
    }

    /// Whether the mask accepts the displacement `d` (mm) from the node it is centred on.
    /// 2D masks ignore `d.z`.
    #[inline]
    pub fn contains(&self, d: &Vector3<f64>) -> bool {
        let p = d - self.anchor;
        let [az_cos, az_sin, pol_cos, pol_sin] = self.trig;
        match &self.shape {
            MaskShape::Circle { radius } => in_ball(&p.as_slice()[..2], *radius),
            MaskShape::Sphere { radius } => in_ball(p.as_slice(), *radius),
            MaskShape::Doughnut {
                inner_radius,
                outer_radius,
            } => in_ball(p.as_slice(), *outer_radius) && !in_ball(p.as_slice(), *inner_radius),
            MaskShape::Rectangle {
                lower_left: ll,
                upper_right: ur,
                azimuth_angle,
            } => {
                if *azimuth_angle == 0.0 {
                    return ll[0] <= p.x && ll[1] <= p.y && p.x <= ur[0] && p.y <= ur[1];
                }
                let c = [(ur[0] + ll[0]) * 0.5, (ur[1] + ll[1]) * 0.5];
                let x = p.x * az_cos - c[0] * az_cos + p.y * az_sin - c[1] * az_sin + c[0];
                let y = -p.x * az_sin + c[0] * az_sin + p.y * az_cos - c[1] * az_cos + c[1];
                let eps = 1e-12;
                ll[0] - eps <= x && ll[1] - eps <= y && x <= ur[0] + eps && y <= ur[1] + eps
            }
            MaskShape::Box {
                lower_left: ll,
                upper_right: ur,
                azimuth_angle,
                polar_angle,
            } => {
                if *azimuth_angle == 0.0 && *polar_angle == 0.0 {
                    return (0..3).all(|i| ll[i] <= p[i] && p[i] <= ur[i]);
                }
                let c = [
                    (ur[0] + ll[0]) * 0.5,
                    (ur[1] + ll[1]) * 0.5,
                    (ur[2] + ll[2]) * 0.5,
                ];
                let (acpc, acps) = (az_cos * pol_cos, az_cos * pol_sin);
                let (aspc, asps) = (az_sin * pol_cos, az_sin * pol_sin);
                let x = p.x * acpc - c[0] * az_cos * pol_cos + p.y * aspc
                    - c[1] * az_sin * pol_cos
                    - p.z * pol_sin
                    + c[2] * pol_sin
                    + c[0];
                let y = -p.x * az_sin + c[0] * az_sin + p.y * az_cos - c[1] * az_cos + c[1];
                let z = p.x * acps - c[0] * az_cos * pol_sin + p.y * asps - c[1] * az_sin * pol_sin
                    + p.z * pol_cos
                    - c[2] * pol_cos
                    + c[2];
                let q = [x, y, z];
                let eps = 1e-12;
                (0..3).all(|i| ll[i] - eps <= q[i] && q[i] <= ur[i] + eps)
            }
            MaskShape::Ellipse {
                major_axis,
                minor_axis,
                ..
            } => {
                let x = p.x * az_cos + p.y * az_sin;
                let y = p.x * az_sin - p.y * az_cos;
                let (xs, ys) = (
                    4.0 / (major_axis * major_axis),
                    4.0 / (minor_axis * minor_axis),
                );
                x * x * xs + y * y * ys <= 1.0
            }
            MaskShape::Ellipsoid {
                major_axis,
                minor_axis,
                polar_axis,
                ..
            } => {
                let r = p.x * az_cos + p.y * az_sin;
                let x = r * pol_cos - p.z * pol_sin;
                let y = p.x * az_sin - p.y * az_cos;
                let z = r * pol_sin + p.z * pol_cos;
                let xs = 4.0 / (major_axis * major_axis);
                let ys = 4.0 / (minor_axis * minor_axis);
                let zs = 4.0 / (polar_axis * polar_axis);
                x * x * xs + y * y * ys + z * z * zs <= 1.0
            }
        }
    }

    /// An axis-aligned box `(lower, upper)` in mm, anchor included, outside which the
    /// mask accepts nothing (z = 0..0 for 2D masks). As NEST's bounding boxes: exact for
    /// balls and unrotated shapes, the rotated corners for boxes, and the largest
    /// semi-axis in every direction for rotated ellipses.
    pub fn bbox(&self) -> (Vector3<f64>, Vector3<f64>) {
        let [az_cos, az_sin, pol_cos, pol_sin] = self.trig;
        let (lo, hi) = match &self.shape {
            MaskShape::Circle { radius } => (
                Vector3::new(-radius, -radius, 0.0),
                Vector3::new(*radius, *radius, 0.0),
            ),
            MaskShape::Sphere { radius }
            | MaskShape::Doughnut {
                outer_radius: radius,
                ..
            } => (Vector3::repeat(-radius), Vector3::repeat(*radius)),
            MaskShape::Rectangle {
                lower_left: ll,
                upper_right: ur,
                ..
            } => rotated_box_bbox(
                Vector3::new(ll[0], ll[1], 0.0),
                Vector3::new(ur[0], ur[1], 0.0),
                az_cos,
                az_sin,
                1.0,
                0.0,
            ),
            MaskShape::Box {
                lower_left: ll,
                upper_right: ur,
                ..
            } => rotated_box_bbox(
                Vector3::from(*ll),
                Vector3::from(*ur),
                az_cos,
                az_sin,
                pol_cos,
                pol_sin,
            ),
            MaskShape::Ellipse {
                major_axis,
                minor_axis,
                azimuth_angle,
            } => {
                let r = if *azimuth_angle == 0.0 {
                    Vector3::new(major_axis / 2.0, minor_axis / 2.0, 0.0)
                } else {
                    Vector3::new(major_axis / 2.0, major_axis / 2.0, 0.0)
                };
                (-r, r)
            }
            MaskShape::Ellipsoid {
                major_axis,
                minor_axis,
                polar_axis,
                azimuth_angle,
                polar_angle,
            } => {
                let r = if *azimuth_angle == 0.0 && *polar_angle == 0.0 {
                    Vector3::new(major_axis / 2.0, minor_axis / 2.0, polar_axis / 2.0)
                } else {
                    Vector3::repeat(major_axis.max(*polar_axis) / 2.0)
                };
                (-r, r)
            }
        };
        let mut anchor = self.anchor;
        if self.dims() == Some(2) {
            anchor.z = 0.0;
        }
        (lo + anchor, hi + anchor)
    }

    /// For masks that are a ball or shell around the anchor (circle, sphere, doughnut):
    /// `(inner, outer)` radii in mm, the mask accepting `inner < |p − anchor| <= outer`
    /// (`inner` is `None` for a ball). Lets the index accept or reject whole cells.
    pub(crate) fn round(&self) -> Option<(Option<f64>, f64)> {
        match self.shape {
            MaskShape::Circle { radius } | MaskShape::Sphere { radius } => Some((None, radius)),
            MaskShape::Doughnut {
                inner_radius,
                outer_radius,
            } => Some((Some(inner_radius), outer_radius)),
            _ => None,
        }
    }

    /// The largest distance from the node the mask is centred on to any accepted
    /// point, mm (bounded by the corners of [`Mask::bbox`]).
    pub fn bounding_radius(&self) -> f64 {
        let (lo, hi) = self.bbox();
        lo.zip_map(&hi, |l, h| l.abs().max(h.abs())).norm()
    }
}

/// NEST's BallMask test around the origin: per-axis reject, diamond accept, then the
/// exact `|p| <= r`.
fn in_ball(p: &[f64], r: f64) -> bool {
    let mut sum = 0.0;
    for di in p.iter().map(|x| x.abs()) {
        if di > r {
            return false;
        }
        sum += di;
    }
    sum <= r || p.iter().map(|x| x * x).sum::<f64>().sqrt() <= r
}

/// Bounding box of the box `[ll, ur]` rotated about its center by R_z(az)·R_y(pol), the
/// inverse of the inside test's rotation.
fn rotated_box_bbox(
    ll: Vector3<f64>,
    ur: Vector3<f64>,
    az_cos: f64,
    az_sin: f64,
    pol_cos: f64,
    pol_sin: f64,
) -> (Vector3<f64>, Vector3<f64>) {
    let rz = Matrix3::new(az_cos, -az_sin, 0.0, az_sin, az_cos, 0.0, 0.0, 0.0, 1.0);
    let ry = Matrix3::new(pol_cos, 0.0, pol_sin, 0.0, 1.0, 0.0, -pol_sin, 0.0, pol_cos);
    let m = rz * ry;
    let c = (ll + ur) * 0.5;
    let mut lo = Vector3::repeat(f64::INFINITY);
    let mut hi = Vector3::repeat(f64::NEG_INFINITY);
    for corner in 0..8 {
        let v = Vector3::new(
            if corner & 1 == 0 { ll.x } else { ur.x },
            if corner & 2 == 0 { ll.y } else { ur.y },
            if corner & 4 == 0 { ll.z } else { ur.z },
        );
        let w = c + m * (v - c);
        lo = lo.inf(&w);
        hi = hi.sup(&w);
    }
    // NEST's rotated inside test has a 1e-12 mm tolerance; keep it inside the box.
    (lo.add_scalar(-1e-12), hi.add_scalar(1e-12))
}
