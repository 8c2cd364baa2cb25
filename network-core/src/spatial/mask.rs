//! NEST's spatial masks: which displacements (in mm) a connection or selection accepts.
//!
//! The inside tests copy NEST's arithmetic (`nestkernel/spatial/mask.cpp`,
//! `mask_impl.h`), so boundary cases on inexact grid coordinates agree with NEST:
//! boundaries are inclusive, a rotated box gets NEST's 1e-12 mm tolerance, angles are in
//! degrees (azimuth from the x axis in the xy plane, polar from the z axis).

use super::Displacement;

pub use network_spec::mask::{Mask, MaskShape};

/// The geometry of a [`Mask`] the spatial index needs: the inside test and the
/// bounding box, in NEST's arithmetic.
pub trait MaskGeometry {
    /// Whether the mask accepts the displacement `d` (mm) from the node it is centred on.
    /// 2D masks ignore `d.z`.
    fn contains(&self, d: &Displacement) -> bool;
    /// An axis-aligned box `(lower, upper)` in mm, anchor included, outside which the
    /// mask accepts nothing (z = 0..0 for 2D masks). As NEST's bounding boxes: exact for
    /// balls and unrotated shapes, the rotated corners for boxes, and the largest
    /// semi-axis in every direction for rotated ellipses.
    fn bbox(&self) -> (Displacement, Displacement);
    /// NEST's own bounding box (`Mask::get_bbox`), in its arithmetic and without the
    /// tolerance of [`MaskGeometry::bbox`]: the vocabulary's [`Mask::bounding_box`] as
    /// vectors, from which the index places the periodic images of the mask
    /// (`spatial::anchor`).
    fn nest_bbox(&self) -> (Displacement, Displacement);
    /// The largest distance from the node the mask is centred on to any accepted
    /// point, mm (bounded by the corners of [`MaskGeometry::bbox`]).
    fn bounding_radius(&self) -> f64;
}

impl MaskGeometry for Mask {
    #[inline]
    fn contains(&self, d: &Displacement) -> bool {
        let p = d - Displacement::from(self.anchor());
        let [az_cos, az_sin, pol_cos, pol_sin] = self.trig();
        match self.shape() {
            // Measured in cells: a layer turns it into a rectangle first
            // (`Space::resolve_mask`); unresolved, it accepts nothing.
            MaskShape::Grid { .. } => false,
            MaskShape::Circle { radius } => in_ball(&p.to_array()[..2], *radius),
            MaskShape::Sphere { radius } => in_ball(&p.to_array(), *radius),
            MaskShape::Doughnut {
                inner_radius,
                outer_radius,
            } => in_ball(&p.to_array(), *outer_radius) && !in_ball(&p.to_array(), *inner_radius),
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

    fn bbox(&self) -> (Displacement, Displacement) {
        let (lo, hi) = self.nest_bbox();
        match self.shape() {
            // The inside test of a rotated box has a 1e-12 mm tolerance; keep it inside.
            MaskShape::Rectangle { .. } | MaskShape::Box { .. } => {
                let mut eps = Displacement::repeat(1e-12);
                if self.dims() == Some(2) {
                    eps.z = 0.0;
                }
                (lo - eps, hi + eps)
            }
            _ => (lo, hi),
        }
    }

    fn nest_bbox(&self) -> (Displacement, Displacement) {
        let (lo, hi) = self.bounding_box();
        (Displacement::from(lo), Displacement::from(hi))
    }

    fn bounding_radius(&self) -> f64 {
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
