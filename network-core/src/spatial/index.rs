//! Finding the neurons inside a mask without testing all pairs: a grid of cells over one
//! layer (`grid`), with the cells a mask reaches precomputed (`stencil`) for the mask
//! the index is made for.

use super::grid::CellGrid;
use super::sort::sort_by_id;
use super::stencil::Stencil;
use super::{Mask, MaskGeometry, Point, Space};

/// Cells across a mask's widest extent, for [`SpatialIndex::for_mask`].
const CELLS_PER_MASK: f64 = 8.0;

/// A uniform grid of cells over the neurons of one [`Space`], for mask queries.
#[derive(Debug, Clone)]
pub struct SpatialIndex<'a> {
    grid: CellGrid<'a>,
    /// Precomputed cell offsets of the mask given to [`SpatialIndex::for_mask`].
    stencils: Vec<Stencil>,
}

impl<'a> SpatialIndex<'a> {
    /// An index with cells of about `cell_size` mm (larger if the grid would have many
    /// more cells than neurons; `f64::INFINITY` gives a single cell). Periodic
    /// dimensions are split into a whole number of cells.
    pub fn new(space: &'a Space, cell_size: f64) -> Self {
        Self {
            grid: CellGrid::new(space, cell_size),
            stencils: Vec::new(),
        }
    }

    /// An index with cells suited to `mask`: an eighth of its widest extent.
    pub fn for_mask(space: &'a Space, mask: &Mask) -> Self {
        let (lo, hi) = mask.bbox();
        let width = (0..space.dims()).map(|i| hi[i] - lo[i]).fold(0.0, f64::max);
        let mut index = SpatialIndex::new(space, width / CELLS_PER_MASK);
        index.stencils = [false, true]
            .into_iter()
            .filter_map(|converse| Stencil::new(&index.grid, mask, converse))
            .collect();
        index
    }

    /// The indexed space.
    pub fn space(&self) -> &'a Space {
        self.grid.space()
    }

    /// Appends to `out`, sorted ascending, the indices of the neurons whose displacement
    /// `pos − center` (mm, at NEST's periodic anchors; any image inside counts once) the
    /// mask accepts: the mask is centred on `center`.
    pub fn query(&self, center: &Point, mask: &Mask, out: &mut Vec<u32>) {
        self.ids(center, mask, false, out);
    }

    /// As [`SpatialIndex::query`] with the converse mask: the neurons whose displacement
    /// `center − pos` the mask accepts, i.e. the neurons on which a mask centred selects
    /// `center`.
    pub fn query_converse(&self, center: &Point, mask: &Mask, out: &mut Vec<u32>) {
        self.ids(center, mask, true, out);
    }

    /// As [`SpatialIndex::query`] (or [`SpatialIndex::query_converse`] when `converse`),
    /// appending `(neuron << 32) | entry` keys sorted by neuron, where
    /// [`SpatialIndex::entry_position`] gives the neuron's position from its entry
    /// without a random access into the layer. `scratch` is reused working space.
    pub fn query_entries(
        &self,
        center: &Point,
        mask: &Mask,
        converse: bool,
        scratch: &mut Vec<u32>,
        out: &mut Vec<u64>,
    ) {
        scratch.clear();
        self.entries(center, mask, converse, scratch);
        let base = out.len();
        out.extend(
            scratch
                .iter()
                .map(|j| ((self.grid.order[*j as usize] as u64) << 32) | *j as u64),
        );
        sort_by_id(&mut out[base..], self.grid.space().len(), |k| {
            (k >> 32) as u32
        });
    }

    /// As [`SpatialIndex::query`] (or [`SpatialIndex::query_converse`] when `converse`),
    /// appending index entries instead of neuron indices, unsorted: in an order fixed
    /// by the index (its cell size, set by the mask and the space) and the centre.
    /// [`SpatialIndex::entry_neuron`] and [`SpatialIndex::entry_position`] give each
    /// entry's neuron and position.
    pub fn query_unsorted(&self, center: &Point, mask: &Mask, converse: bool, out: &mut Vec<u32>) {
        self.entries(center, mask, converse, out);
    }

    /// The position (mm) of the neuron at `entry` of a [`SpatialIndex::query_entries`]
    /// key (`key as u32`) or of [`SpatialIndex::query_unsorted`], wrapped into a
    /// periodic layer as NEST stores it (the position NEST's kernels see).
    pub fn entry_position(&self, entry: u32) -> &Point {
        &self.grid.pts[entry as usize]
    }

    /// The neuron at `entry`.
    #[inline]
    pub fn entry_neuron(&self, entry: u32) -> u32 {
        self.grid.order[entry as usize]
    }

    /// The entry of neuron `neuron` (the inverse of [`SpatialIndex::entry_neuron`]).
    #[inline]
    pub fn neuron_entry(&self, neuron: u32) -> u32 {
        self.grid.entry_of[neuron as usize]
    }

    /// The indices of `points` ordered by the cell of the index holding each point
    /// (points outside the grid go to the nearest cell; ties by index): an order in
    /// which successive queries visit nearly the same cells.
    pub fn locality_order(&self, points: &[Point]) -> Vec<u32> {
        self.grid.locality_order(points)
    }

    fn ids(&self, center: &Point, mask: &Mask, converse: bool, out: &mut Vec<u32>) {
        let base = out.len();
        self.entries(center, mask, converse, out);
        for j in &mut out[base..] {
            *j = self.grid.order[*j as usize];
        }
        sort_by_id(&mut out[base..], self.grid.space().len(), |i| i);
        // A mask as wide as a periodic layer meets a point on both edges: once here.
        let mut kept = base;
        for j in base..out.len() {
            if j == base || out[j] != out[kept - 1] {
                out[kept] = out[j];
                kept += 1;
            }
        }
        out.truncate(kept);
    }

    /// Appends, unsorted, the entries (positions in `order`) the mask accepts.
    fn entries(&self, center: &Point, mask: &Mask, converse: bool, out: &mut Vec<u32>) {
        if let Some(stencil) = self.stencils.iter().find(|s| s.fits(mask, converse)) {
            return stencil.query(&self.grid, center, out);
        }
        self.grid.scan(center, mask, converse, out);
    }
}
