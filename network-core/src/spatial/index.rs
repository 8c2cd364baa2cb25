//! Finding the neurons inside a mask without testing all pairs: a uniform grid of cells
//! over one layer, aware of periodic boundaries.

use nalgebra::Vector3;

use super::{Mask, Point, Space};
use crate::error::{Error, Result};

/// Checks that `mask` is valid and fits `space`: a 2D mask needs a 2D layer and a 3D
/// mask a 3D layer (a doughnut fits both), a 2D layer takes no z anchor, and with
/// `edge_wrap` the mask may not be wider than the layer (NEST's `allow_oversized_mask`,
/// which yields duplicate connections, is not offered). `entity` names the projection
/// or device.
pub fn check_compatible(entity: &str, mask: &Mask, space: &Space) -> Result<()> {
    mask.validate(entity)?;
    if let Some(d) = mask.dims() {
        if d != space.dims() {
            return Err(Error::invalid(
                entity,
                "mask",
                mask.shape(),
                format!(
                    "mask is incompatible with layer: a {d}D mask on a {}D layer; use a {}D mask",
                    space.dims(),
                    space.dims()
                ),
            ));
        }
    }
    if space.dims() == 2 && mask.anchor().z != 0.0 {
        return Err(Error::invalid(
            entity,
            "mask.anchor",
            mask.anchor().as_slice(),
            "a 2D layer takes a 2D anchor (z = 0)",
        ));
    }
    if space.edge_wrap() {
        let (lo, hi) = mask.bbox();
        for i in 0..space.dims() {
            if hi[i] - lo[i] > space.extent()[i] {
                return Err(Error::invalid(
                    entity,
                    "mask",
                    mask.shape(),
                    format!(
                        "mask size must not exceed layer size with edge_wrap: {} mm wide in \
                         dimension {i}, layer extent {} mm",
                        hi[i] - lo[i],
                        space.extent()[i]
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The sorted indices of the neurons of `space` whose displacement from `center` (mm),
/// `pos − center`, the mask accepts (any periodic image counts once). Call
/// [`check_compatible`] first.
pub fn select(space: &Space, mask: &Mask, center: &Point) -> Vec<u32> {
    let mut out = Vec::new();
    SpatialIndex::new(space, f64::INFINITY).query(center, mask, &mut out);
    out
}

/// A uniform grid of cells over the neurons of one [`Space`], for mask queries.
#[derive(Debug, Clone)]
pub struct SpatialIndex<'a> {
    space: &'a Space,
    origin: [f64; 3],
    side: [f64; 3],
    cells: [usize; 3],
    /// Offsets into `order`, one per cell plus one.
    start: Vec<u32>,
    /// Neuron indices grouped by cell, ascending within a cell.
    order: Vec<u32>,
    /// Positions in `order`'s order, for locality.
    pts: Vec<Point>,
}

impl<'a> SpatialIndex<'a> {
    /// An index with cells of about `cell_size` mm (larger if the grid would have many
    /// more cells than neurons; `f64::INFINITY` gives a single cell). Periodic
    /// dimensions are split into a whole number of cells.
    pub fn new(space: &'a Space, cell_size: f64) -> Self {
        let n = space.len();
        let max_cells = (2 * n).max(64) as f64;
        let mut lo = [0.0; 3];
        let mut span = [0.0f64; 3];
        for i in 0..space.dims() {
            if space.periodic(i) {
                lo[i] = space.lower_left()[i];
                span[i] = space.extent()[i];
            } else {
                let (mut a, mut b) = (f64::INFINITY, f64::NEG_INFINITY);
                for p in space.positions() {
                    a = a.min(p[i]);
                    b = b.max(p[i]);
                }
                if n > 0 {
                    lo[i] = a;
                    span[i] = b - a;
                }
            }
        }
        let mut side = if cell_size > 0.0 {
            cell_size
        } else {
            f64::INFINITY
        };
        let (cells, sides) = loop {
            let mut cells = [1usize; 3];
            let mut sides = [f64::INFINITY; 3];
            for i in 0..space.dims() {
                let k = if space.periodic(i) {
                    (span[i] / side).floor().max(1.0)
                } else {
                    (span[i] / side).floor() + 1.0
                };
                let k = if k.is_finite() { k.min(max_cells) } else { 1.0 };
                cells[i] = k as usize;
                sides[i] = if space.periodic(i) { span[i] / k } else { side };
            }
            if cells.iter().map(|c| *c as f64).product::<f64>() <= max_cells {
                break (cells, sides);
            }
            side *= 1.5;
        };
        let mut index = SpatialIndex {
            space,
            origin: lo,
            side: sides,
            cells,
            start: Vec::new(),
            order: Vec::new(),
            pts: Vec::new(),
        };
        let cell_of: Vec<usize> = space.positions().iter().map(|p| index.cell_of(p)).collect();
        let total = cells.iter().product::<usize>();
        let mut start = vec![0u32; total + 1];
        for c in &cell_of {
            start[c + 1] += 1;
        }
        for c in 0..total {
            start[c + 1] += start[c];
        }
        let mut fill: Vec<u32> = start[..total].to_vec();
        let mut order = vec![0u32; n];
        for (i, c) in cell_of.iter().enumerate() {
            order[fill[*c] as usize] = i as u32;
            fill[*c] += 1;
        }
        index.pts = order
            .iter()
            .map(|i| space.positions()[*i as usize])
            .collect();
        index.start = start;
        index.order = order;
        index
    }

    /// An index with cells suited to `mask`: a quarter of its widest extent.
    pub fn for_mask(space: &'a Space, mask: &Mask) -> Self {
        let (lo, hi) = mask.bbox();
        let width = (0..space.dims()).map(|i| hi[i] - lo[i]).fold(0.0, f64::max);
        SpatialIndex::new(space, width / 4.0)
    }

    /// The indexed space.
    pub fn space(&self) -> &'a Space {
        self.space
    }

    fn cell_coord(&self, i: usize, x: f64) -> i64 {
        let k = ((x - self.origin[i]) / self.side[i]).floor();
        if k.is_finite() {
            k as i64
        } else {
            0
        }
    }

    fn cell_of(&self, p: &Point) -> usize {
        let mut c = 0;
        for i in 0..3 {
            let n = self.cells[i] as i64;
            let k = self.cell_coord(i, p[i]);
            let k = if self.space.periodic(i) {
                k.rem_euclid(n)
            } else {
                k.clamp(0, n - 1)
            };
            c = c * self.cells[i] + k as usize;
        }
        c
    }

    /// Appends to `out`, sorted ascending, the indices of the neurons whose displacement
    /// `pos − center` (mm, nearest periodic image; any image inside counts once) the mask
    /// accepts: the mask is centred on `center`.
    pub fn query(&self, center: &Point, mask: &Mask, out: &mut Vec<u32>) {
        let (lo, hi) = mask.bbox();
        self.query_with(center, lo, hi, |d| mask.contains(d), out);
    }

    /// As [`SpatialIndex::query`] with the converse mask: the neurons whose displacement
    /// `center − pos` the mask accepts, i.e. the neurons on which a mask centred selects
    /// `center`.
    pub fn query_converse(&self, center: &Point, mask: &Mask, out: &mut Vec<u32>) {
        let (lo, hi) = mask.bbox();
        self.query_with(center, -hi, -lo, |d| mask.contains(&-d), out);
    }

    /// Appends the sorted indices of neurons with some image of `pos − center` inside
    /// `[lo, hi]` that `test` accepts.
    fn query_with(
        &self,
        center: &Point,
        lo: Vector3<f64>,
        hi: Vector3<f64>,
        test: impl Fn(&Vector3<f64>) -> bool,
        out: &mut Vec<u32>,
    ) {
        let base = out.len();
        let wrap = self.space.edge_wrap();
        let dims = self.space.dims();
        let ext = *self.space.extent();
        // Cell ranges per dimension: first cell (unwrapped), count.
        let mut range = [(0i64, 0i64); 3];
        for i in 0..3 {
            let n = self.cells[i] as i64;
            if i >= dims {
                range[i] = (0, 1);
                continue;
            }
            let pad = 1e-9 * (hi[i] - lo[i]).abs().max(1.0);
            let k0 = self.cell_coord(i, center[i] + lo[i] - pad);
            let k1 = self.cell_coord(i, center[i] + hi[i] + pad);
            range[i] = if self.space.periodic(i) {
                if k1 - k0 + 1 >= n {
                    (0, n)
                } else {
                    (k0, k1 - k0 + 1)
                }
            } else {
                let (a, b) = (k0.max(0), k1.min(n - 1));
                (a, (b - a + 1).max(0))
            };
        }
        let cell = |i: usize, j: i64| -> usize {
            let k = range[i].0 + j;
            if self.space.periodic(i) {
                k.rem_euclid(self.cells[i] as i64) as usize
            } else {
                k as usize
            }
        };
        for a in 0..range[0].1 {
            let cx = cell(0, a);
            for b in 0..range[1].1 {
                let cy = cx * self.cells[1] + cell(1, b);
                for c in 0..range[2].1 {
                    let id = cy * self.cells[2] + cell(2, c);
                    let (s, e) = (self.start[id] as usize, self.start[id + 1] as usize);
                    for k in s..e {
                        let d = self.pts[k] - center;
                        let hit = if wrap {
                            any_image(d, dims, &ext, &lo, &hi, &test)
                        } else {
                            test(&d)
                        };
                        if hit {
                            out.push(self.order[k]);
                        }
                    }
                }
            }
        }
        out[base..].sort_unstable();
    }
}

/// Whether `test` accepts some periodic image of the raw displacement `d` that lies in
/// `[lo, hi]`; each neuron counts once however many images fall inside.
fn any_image(
    mut d: Vector3<f64>,
    dims: usize,
    ext: &Vector3<f64>,
    lo: &Vector3<f64>,
    hi: &Vector3<f64>,
    test: &impl Fn(&Vector3<f64>) -> bool,
) -> bool {
    let mut opts = [[0.0f64; 3]; 3];
    let mut count = [1usize; 3];
    for i in 0..3 {
        if i >= dims {
            opts[i][0] = d[i];
            continue;
        }
        let l = ext[i];
        let near = d[i] - l * (d[i] * (1.0 / l)).round();
        let tol = 1e-9 * l;
        count[i] = 0;
        for v in [near, near - l, near + l] {
            if lo[i] - tol <= v && v <= hi[i] + tol {
                opts[i][count[i]] = v;
                count[i] += 1;
            }
        }
    }
    for x in &opts[0][..count[0]] {
        for y in &opts[1][..count[1]] {
            for z in &opts[2][..count[2]] {
                d = Vector3::new(*x, *y, *z);
                if test(&d) {
                    return true;
                }
            }
        }
    }
    false
}
