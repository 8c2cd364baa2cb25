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
