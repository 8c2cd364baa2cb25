//! How a population is laid out in space, as data: NEST's free layers (random or listed
//! positions) and grid layers. The engine places the neurons
//! (`network_core::spatial::Place`).

/// How the neurons of a population are placed; coordinates in mm, 2 or 3 per point.
#[derive(Debug, Clone, PartialEq)]
pub enum Layout {
    /// Uniform random positions in the box `[lower_left, upper_right)`, drawn per neuron
    /// in order x, y(, z) from `seed.stream(Purpose::Positions, population_id, 0)`.
    /// The layer's extent is `upper_right − lower_left` and its center the box midpoint.
    FreeUniform {
        /// Lower-left corner of the box, mm.
        lower_left: Vec<f64>,
        /// Upper-right corner of the box, mm.
        upper_right: Vec<f64>,
        /// Periodic boundaries.
        edge_wrap: bool,
    },
    /// Listed positions (`nest.spatial.free(pos)`): the center is the midpoint of the
    /// positions' bounding box; the extent defaults to `ceil(bounding box size)` per
    /// dimension, and a single neuron needs an explicit extent.
    FreeList {
        /// One point per neuron, mm.
        positions: Vec<Vec<f64>>,
        /// Layer size, mm; every position must lie inside it.
        extent: Option<Vec<f64>>,
        /// Periodic boundaries.
        edge_wrap: bool,
    },
    /// A regular grid (`nest.spatial.grid`) with NEST's node order and bit-exact
    /// positions: column by column (`row = lid % ny`, `col = lid / ny`, z fastest in
    /// 3D), row 0 at the top.
    Grid {
        /// Number of nodes per dimension `[nx, ny(, nz)]`.
        shape: Vec<usize>,
        /// Layer size, mm; default 1 per dimension.
        extent: Option<Vec<f64>>,
        /// Layer center, mm; default the origin.
        center: Option<Vec<f64>>,
        /// Periodic boundaries.
        edge_wrap: bool,
    },
}

impl Layout {
    /// Spatial dimensions (2 or 3): the length of the layout's points (2 for a free
    /// layout listing no position).
    pub fn dims(&self) -> usize {
        match self {
            Layout::FreeUniform { lower_left, .. } => lower_left.len(),
            Layout::FreeList { positions, .. } => positions.first().map_or(2, Vec::len),
            Layout::Grid { shape, .. } => shape.len(),
        }
    }
}

/// A grid's extent per dimension when none is given, mm (NEST's default).
pub const GRID_EXTENT: f64 = 1.0;

impl Layout {
    /// Whether distances wrap around the extent (NEST's `edge_wrap`).
    pub fn periodic(&self) -> bool {
        match self {
            Layout::FreeUniform { edge_wrap, .. }
            | Layout::FreeList { edge_wrap, .. }
            | Layout::Grid { edge_wrap, .. } => *edge_wrap,
        }
    }

    /// The layer's extent, mm per dimension, as NEST derives it: the box of a uniform
    /// layout; the given extent of listed positions, else [`list_extent`]; the given
    /// extent of a grid, else [`GRID_EXTENT`] per dimension. `None` where NEST requires
    /// an extent that is not given (a single listed position).
    pub fn extent(&self) -> Option<Vec<f64>> {
        match self {
            Layout::FreeUniform {
                lower_left,
                upper_right,
                ..
            } => Some(
                upper_right
                    .iter()
                    .zip(lower_left)
                    .map(|(u, l)| u - l)
                    .collect(),
            ),
            Layout::FreeList {
                positions, extent, ..
            } => extent.clone().or_else(|| list_extent(positions)),
            Layout::Grid { shape, extent, .. } => Some(
                extent
                    .clone()
                    .unwrap_or_else(|| vec![GRID_EXTENT; shape.len()]),
            ),
        }
    }
}

/// The extent NEST gives listed positions without one: per dimension, the size of the
/// positions' bounding box rounded up to whole mm. `None` for fewer than two positions
/// (NEST then requires an extent).
pub fn list_extent(positions: &[Vec<f64>]) -> Option<Vec<f64>> {
    let (first, rest) = positions.split_first()?;
    if rest.is_empty() {
        return None;
    }
    let (mut lo, mut hi) = (first.clone(), first.clone());
    for p in rest {
        for (d, x) in p.iter().enumerate().take(lo.len()) {
            lo[d] = lo[d].min(*x);
            hi[d] = hi[d].max(*x);
        }
    }
    Some(hi.iter().zip(&lo).map(|(h, l)| (h - l).ceil()).collect())
}
