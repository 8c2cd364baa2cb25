//! A mask's bounding box as NEST computes it (`Mask::get_bbox`, in its arithmetic), and
//! NEST's rule that on a periodic layer a mask may not be wider than the layer. The
//! checker applies the rule before anything is built (a layer's extent is known from its
//! layout), the engine when it connects; both call [`Mask::check_periodic_fit`].

use crate::error::{Error, Result};
use crate::mask::{Mask, MaskShape};

impl Mask {
    /// NEST's bounding box `(lower, upper)` in mm, anchor included (z = 0..0 for 2D
    /// masks): exact for balls and unrotated shapes, the extremes of the rotated corners
    /// for boxes, and the largest semi-axis in every direction for rotated ellipses. It
    /// is what NEST compares with a periodic layer's extent (a mask exactly as wide as
    /// the layer is accepted) and where it places a mask's periodic images.
    pub fn bounding_box(&self) -> ([f64; 3], [f64; 3]) {
        let [az_cos, az_sin, pol_cos, pol_sin] = self.trig();
        let (lo, hi) = match self.shape() {
            MaskShape::Circle { radius } => ([-radius, -radius, 0.0], [*radius, *radius, 0.0]),
            MaskShape::Sphere { radius }
            | MaskShape::Doughnut {
                outer_radius: radius,
                ..
            } => ([-radius; 3], [*radius; 3]),
            // Measured in cells until a layer resolves it (`Mask::on_grid`).
            MaskShape::Grid { .. } => return ([0.0; 3], [0.0; 3]),
            MaskShape::Rectangle {
                lower_left: ll,
                upper_right: ur,
                azimuth_angle,
            } => {
                let ll = [ll[0], ll[1], 0.0];
                let ur = [ur[0], ur[1], 0.0];
                if *azimuth_angle == 0.0 {
                    (ll, ur)
                } else {
                    rotated_box(ll, ur, [az_cos, az_sin, 1.0, 0.0], 2)
                }
            }
            MaskShape::Box {
                lower_left: ll,
                upper_right: ur,
                azimuth_angle,
                polar_angle,
            } => {
                if *azimuth_angle == 0.0 && *polar_angle == 0.0 {
                    (*ll, *ur)
                } else {
                    rotated_box(*ll, *ur, [az_cos, az_sin, pol_cos, pol_sin], 3)
                }
            }
            MaskShape::Ellipse {
                major_axis,
                minor_axis,
                azimuth_angle,
            } => {
                let r = if *azimuth_angle == 0.0 {
                    [major_axis / 2.0, minor_axis / 2.0, 0.0]
                } else {
                    [major_axis / 2.0, major_axis / 2.0, 0.0]
                };
                (r.map(|x| -x), r)
            }
            MaskShape::Ellipsoid {
                major_axis,
                minor_axis,
                polar_axis,
                azimuth_angle,
                polar_angle,
            } => {
                let r = if *azimuth_angle == 0.0 && *polar_angle == 0.0 {
                    [major_axis / 2.0, minor_axis / 2.0, polar_axis / 2.0]
                } else {
                    [major_axis.max(*polar_axis) / 2.0; 3]
                };
                (r.map(|x| -x), r)
            }
        };
        let mut anchor = self.anchor();
        if self.dims() == Some(2) {
            anchor[2] = 0.0;
        }
        (
            std::array::from_fn(|i| lo[i] + anchor[i]),
            std::array::from_fn(|i| hi[i] + anchor[i]),
        )
    }

    /// NEST's rule for a periodic (`edge_wrap`) layer of `extent` (mm, one entry per
    /// dimension): the mask's [bounding box](Mask::bounding_box) may be at most as wide
    /// as the layer in every dimension (NEST's `allow_oversized_mask` is not offered).
    /// `entity` names the projection or device.
    /// A [grid mask](MaskShape::Grid) is measured in cells: [`Mask::on_grid`] applies
    /// NEST's rule to it.
    pub fn check_periodic_fit(&self, entity: &str, extent: &[f64]) -> Result<()> {
        if matches!(self.shape(), MaskShape::Grid { .. }) {
            return Ok(());
        }
        let (lo, hi) = self.bounding_box();
        for (i, e) in extent.iter().enumerate() {
            if hi[i] - lo[i] > *e {
                return Err(Error::invalid(
                    entity,
                    "mask",
                    self.shape(),
                    format!(
                        "mask size must not exceed layer size with edge_wrap: {} mm wide in \
                         dimension {i}, layer extent {e} mm",
                        hi[i] - lo[i],
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// NEST's bounding box of the box `[ll, ur]` rotated about its centre by the azimuth
/// (about z) and the polar angle (about y), `trig` = cos, sin of each: the extremes of
/// the rotated corners, each corner computed in NEST's operation order
/// (`BoxMask::calculate_min_max_values_`).
fn rotated_box(ll: [f64; 3], ur: [f64; 3], trig: [f64; 4], dims: usize) -> ([f64; 3], [f64; 3]) {
    let [az_cos, az_sin, pol_cos, pol_sin] = trig;
    let c: [f64; 3] = std::array::from_fn(|i| (ur[i] + ll[i]) * 0.5);
    let scaled = |p: [f64; 3], f: f64| -> [f64; 3] { std::array::from_fn(|i| (p[i] - c[i]) * f) };
    let (llc, lls) = (scaled(ll, az_cos), scaled(ll, az_sin));
    let (urc, urs) = (scaled(ur, az_cos), scaled(ur, az_sin));
    let mut lo = [f64::INFINITY; 3];
    let mut hi = [f64::NEG_INFINITY; 3];
    // Corner (x, y, z) picks lower (false) or upper (true) in each coordinate.
    for corner in 0..(1 << dims) {
        let (hx, hy, hz) = (corner & 1 != 0, corner & 2 != 0, corner & 4 != 0);
        let (xc, xs) = if hx { (urc, urs) } else { (llc, lls) };
        let (yc, ys) = if hy { (urc, urs) } else { (llc, lls) };
        let w = if dims == 2 {
            [xc[0] - ys[1] + c[0], xs[0] + yc[1] + c[1], 0.0]
        } else {
            let z = if hz { ur[2] } else { ll[2] } - c[2];
            let r = xc[0] - ys[1];
            [
                r * pol_cos - z * pol_sin + c[0],
                xs[0] + yc[1] + c[1],
                r * pol_sin + z * pol_cos + c[2],
            ]
        };
        for i in 0..3 {
            lo[i] = lo[i].min(w[i]);
            hi[i] = hi[i].max(w[i]);
        }
    }
    (lo, hi)
}
