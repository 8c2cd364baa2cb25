//! NEST's spatial masks as data: which displacements (in mm) a connection or selection
//! accepts, with their checks, and NEST's bounding boxes (`mask_bounds.rs`, which the
//! checker and the engine both use). The inside tests, which the engine's spatial index
//! uses, live with the engine (`network_core::spatial::MaskGeometry`).
//!
//! Angles are in degrees (azimuth from the x axis in the xy plane, polar from the z axis).

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
    /// NEST's `grid` mask, for 2D grid layers only (NEST 3.10 registers no 3D one):
    /// `shape = [columns, rows]` grid cells, counted right and down from the cell of the
    /// node it is applied to, or from `anchor` cells left of and above it when the mask
    /// has an anchor (whole cells, see [`Mask::on_grid`]). It is measured in cells, not
    /// mm: the layer it is applied to turns it into the rectangle NEST makes of it
    /// ([`Mask::on_grid`]) before anything is queried.
    Grid {
        /// Columns (x) and rows (y) covered, cells (>= 1).
        shape: [u64; 2],
    },
}

/// A mask: a shape shifted by `anchor` (the mask accepts `p` when the shape contains
/// `p − anchor`), as NEST's `anchor` entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Mask {
    shape: MaskShape,
    anchor: [f64; 3],
    /// cos/sin of azimuth and polar angles, precomputed as NEST does.
    trig: [f64; 4],
}

impl MaskShape {
    /// 2 for the 2D shapes, 3 for the 3D ones, `None` for the doughnut (either).
    pub fn dims(&self) -> Option<usize> {
        match self {
            MaskShape::Circle { .. }
            | MaskShape::Rectangle { .. }
            | MaskShape::Ellipse { .. }
            | MaskShape::Grid { .. } => Some(2),
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
            anchor: [0.0; 3],
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

    /// NEST's 2D `grid` mask of `shape = [columns, rows]` cells (see [`MaskShape::Grid`];
    /// an anchor, [`Mask::with_anchor`], is in whole cells for this mask).
    pub fn grid(shape: [u64; 2]) -> Self {
        Mask::new(MaskShape::Grid { shape })
    }

    /// This mask shifted by `anchor` mm (z ignored by 2D masks; for a
    /// [grid mask](MaskShape::Grid), whole cells).
    pub fn with_anchor(mut self, anchor: [f64; 3]) -> Self {
        self.anchor = anchor;
        self
    }

    /// The shape.
    pub fn shape(&self) -> &MaskShape {
        &self.shape
    }

    /// The shape in cells of a [grid mask](MaskShape::Grid); `None` for other masks.
    pub fn grid_shape(&self) -> Option<[u64; 2]> {
        match self.shape {
            MaskShape::Grid { shape } => Some(shape),
            _ => None,
        }
    }

    /// The anchor, mm (whole cells for a grid mask).
    pub fn anchor(&self) -> [f64; 3] {
        self.anchor
    }

    /// Cosine and sine of the azimuth angle, then of the polar angle, computed once as
    /// NEST does (1, 0, 1, 0 for shapes without angles).
    pub fn trig(&self) -> [f64; 4] {
        self.trig
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
        if !finite(&self.anchor) || !finite(&self.trig) {
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
            MaskShape::Grid { shape } => return self.validate_grid(entity, shape),
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

    /// For masks that are a ball or shell around the anchor (circle, sphere, doughnut):
    /// `(inner, outer)` radii in mm, the mask accepting `inner < |p − anchor| <= outer`
    /// (`inner` is `None` for a ball). Lets a spatial index accept or reject whole cells.
    pub fn round(&self) -> Option<(Option<f64>, f64)> {
        match self.shape {
            MaskShape::Circle { radius } | MaskShape::Sphere { radius } => Some((None, radius)),
            MaskShape::Doughnut {
                inner_radius,
                outer_radius,
            } => Some((Some(inner_radius), outer_radius)),
            _ => None,
        }
    }
}
