//! Where the neurons of a population are: positions, layer center and extent, and the
//! displacement between two positions, periodic where the layer wraps.

use super::Displacement;

use super::Point;
use crate::error::{Error, Result};
use network_spec::expression::Pair;

/// The positions of one population's neurons and the layer they live in.
///
/// Every position is a 3D point in mm; a 2D layer has `dims() == 2` and z = 0 for every
/// point (its extent and center have z = 0 too).
#[derive(Debug, Clone, PartialEq)]
pub struct Space {
    dims: usize,
    positions: Vec<Point>,
    center: Point,
    extent: Displacement,
    edge_wrap: bool,
    /// Nodes per axis of a grid layer (`None` for free positions).
    grid: Option<Vec<usize>>,
}

impl Space {
    /// A space from its parts, checked: `dims` is 2 or 3, 2D points, center and extent
    /// have z = 0, coordinates are finite, and with `edge_wrap` every used extent is > 0.
    /// `entity` names the population in errors.
    pub fn new(
        entity: &str,
        dims: usize,
        positions: Vec<Point>,
        center: Point,
        extent: Displacement,
        edge_wrap: bool,
    ) -> Result<Self> {
        if dims != 2 && dims != 3 {
            return Err(Error::invalid(
                entity,
                "dims",
                dims,
                "a layer has 2 or 3 dimensions",
            ));
        }
        if dims == 2 && (center.z != 0.0 || extent.z != 0.0) {
            return Err(Error::invalid(
                entity,
                "center/extent",
                (center, extent),
                "a 2D layer has z = 0 for its center and extent",
            ));
        }
        for (i, p) in positions.iter().enumerate() {
            if !p.coords.iter().all(|c| c.is_finite()) || (dims == 2 && p.z != 0.0) {
                return Err(Error::invalid(
                    entity,
                    format!("positions[{i}]"),
                    p.coords.to_array(),
                    "coordinates must be finite, and z = 0 in a 2D layer",
                ));
            }
        }
        if edge_wrap && (0..dims).any(|i| !(extent[i] > 0.0 && extent[i].is_finite())) {
            return Err(Error::invalid(
                entity,
                "extent",
                &extent.to_array()[..dims],
                "edge_wrap needs a finite extent > 0 mm in every dimension",
            ));
        }
        Ok(Space {
            dims,
            positions,
            center,
            extent,
            edge_wrap,
            grid: None,
        })
    }

    /// This space as a grid layer of `shape` nodes per axis (NEST's `GridLayer`, which
    /// the `grid` mask needs).
    pub fn with_grid(mut self, shape: Vec<usize>) -> Self {
        self.grid = Some(shape);
        self
    }

    /// These positions in the geometry NEST's `pairwise_bernoulli` gives a source layer
    /// when the mask is centred on the source (`use_on_source` false): NEST stores the
    /// sources in a tree with the periodicity of `target` and, where it is periodic, the
    /// target's extent, keeping this layer's lower-left corner
    /// (`Layer::get_global_positions_ntree` given a target layer), and measures every
    /// displacement on the target layer. `None` when that geometry is this layer's own
    /// (the same layer, or layers equally periodic and, when periodic, equally wide).
    pub fn on_geometry_of(&self, target: &Space) -> Option<Space> {
        let same =
            self.edge_wrap == target.edge_wrap && (!self.edge_wrap || self.extent == target.extent);
        if same {
            return None;
        }
        let (center, extent) = if target.edge_wrap {
            (self.lower_left() + target.extent * 0.5, target.extent)
        } else {
            (self.center, self.extent)
        };
        Some(Space {
            dims: self.dims,
            positions: self.positions.clone(),
            center,
            extent,
            edge_wrap: target.edge_wrap,
            grid: None,
        })
    }

    /// Nodes per axis of a grid layer; `None` for free positions.
    pub fn grid(&self) -> Option<&[usize]> {
        self.grid.as_deref()
    }

    /// `mask` as it applies to this layer: a grid mask becomes NEST's rectangle in mm
    /// ([`super::Mask::on_grid`]); any other mask is unchanged.
    pub fn resolve_mask(&self, entity: &str, mask: &super::Mask) -> Result<super::Mask> {
        mask.on_grid(
            entity,
            self.grid(),
            &self.extent.to_array()[..self.dims],
            self.edge_wrap,
        )
    }

    /// Number of spatial dimensions: 2 or 3.
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// Neuron positions in mm, in neuron order.
    pub fn positions(&self) -> &[Point] {
        &self.positions
    }

    /// Position of neuron `i` in mm, if there is such a neuron.
    pub fn position(&self, i: usize) -> Option<&Point> {
        self.positions.get(i)
    }

    /// Number of neurons.
    pub fn len(&self) -> usize {
        self.positions.len()
    }

    /// Whether the layer holds no neuron.
    pub fn is_empty(&self) -> bool {
        self.positions.is_empty()
    }

    /// Center of the layer in mm.
    pub fn center(&self) -> &Point {
        &self.center
    }

    /// Size of the layer in mm per dimension (z = 0 in 2D).
    pub fn extent(&self) -> &Displacement {
        &self.extent
    }

    /// Lower-left corner of the layer, `center − extent/2`, in mm.
    pub fn lower_left(&self) -> Point {
        self.center - self.extent * 0.5
    }

    /// Whether the layer is periodic (a torus) in every dimension.
    pub fn edge_wrap(&self) -> bool {
        self.edge_wrap
    }

    /// Whether dimension `i` (0 = x) is periodic.
    pub fn periodic(&self, i: usize) -> bool {
        self.edge_wrap && i < self.dims
    }

    /// The displacement `to − from` in mm. In a periodic dimension of extent L it is
    /// NEST's nearest image `d − L·round(d·(1/L))`.
    pub fn displacement(&self, from: &Point, to: &Point) -> Displacement {
        let mut d = to - from;
        if self.edge_wrap {
            for i in 0..self.dims {
                let l = self.extent[i];
                d[i] -= l * (d[i] * (1.0 / l)).round();
            }
        }
        d
    }

    /// The pair of neurons at `source` and `target` as an expression reads it:
    /// positions and the displacement `target − source` measured on this (the source)
    /// layer, in mm.
    pub fn pair(&self, source: &Point, target: &Point) -> Pair {
        let d = self.displacement(source, target);
        Pair {
            source: [source.x, source.y, source.z],
            target: [target.x, target.y, target.z],
            displacement: [d.x, d.y, d.z],
            dims: self.dims,
        }
    }

    /// Position `p` (mm) as NEST's tree stores it, wrapped into a periodic layer
    /// (`ll + fmod(p − ll, L)`): the position NEST's kernels and spatial parameters see
    /// for a neuron a mask query found.
    pub fn stored_position(&self, p: &Point) -> Point {
        super::anchor::wrap(self, p)
    }

    /// The distance in mm: the norm of [`Space::displacement`].
    pub fn distance(&self, from: &Point, to: &Point) -> f64 {
        self.displacement(from, to).norm()
    }
}
