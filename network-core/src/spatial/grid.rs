//! A uniform grid of cells over the neurons of one layer, aware of periodic boundaries:
//! neurons grouped by cell, and the scan of the cells a mask's bounding box meets.

use super::Displacement;

use super::anchor::{wrap, Anchors};
use super::{Mask, MaskGeometry, Point, Space};

/// A uniform grid of cells over the neurons of one [`Space`].
#[derive(Debug, Clone)]
pub(super) struct CellGrid<'a> {
    space: &'a Space,
    pub(super) origin: [f64; 3],
    pub(super) side: [f64; 3],
    pub(super) cells: [usize; 3],
    /// Offsets into `order`, one per cell plus one.
    pub(super) start: Vec<u32>,
    /// Neuron indices grouped by cell, ascending within a cell.
    pub(super) order: Vec<u32>,
    /// Positions in `order`'s order, periodic coordinates wrapped into the layer as
    /// NEST's tree stores them ([`wrap`]).
    pub(super) pts: Vec<Point>,
    /// `pts` as separate coordinate arrays, for tests over runs of entries.
    pub(super) xyz: [Vec<f64>; 3],
    /// The entry of each neuron (the inverse of `order`).
    pub(super) entry_of: Vec<u32>,
}

impl<'a> CellGrid<'a> {
    /// An index with cells of about `cell_size` mm (larger if the grid would have many
    /// more cells than neurons; `f64::INFINITY` gives a single cell). Periodic
    /// dimensions are split into a whole number of cells.
    pub(super) fn new(space: &'a Space, cell_size: f64) -> Self {
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
        let mut index = CellGrid {
            space,
            origin: lo,
            side: sides,
            cells,
            start: Vec::new(),
            order: Vec::new(),
            pts: Vec::new(),
            xyz: [Vec::new(), Vec::new(), Vec::new()],
            entry_of: Vec::new(),
        };
        let wrapped: Vec<Point> = space.positions().iter().map(|p| wrap(space, p)).collect();
        let cell_of: Vec<usize> = wrapped.iter().map(|p| index.cell_of(p)).collect();
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
        index.pts = order.iter().map(|i| wrapped[*i as usize]).collect();
        index.xyz = [0, 1, 2].map(|i| index.pts.iter().map(|p| p[i]).collect());
        let mut entry_of = vec![0u32; n];
        for (e, i) in order.iter().enumerate() {
            entry_of[*i as usize] = e as u32;
        }
        index.entry_of = entry_of;
        index.start = start;
        index.order = order;
        index
    }

    /// The space the grid covers.
    pub(super) fn space(&self) -> &'a Space {
        self.space
    }

    pub(super) fn cell_coord(&self, i: usize, x: f64) -> i64 {
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

    /// The indices of `points` ordered by the cell of the index holding each point
    /// (points outside the grid go to the nearest cell; ties by index): an order in
    /// which successive queries visit nearly the same cells.
    pub(super) fn locality_order(&self, points: &[Point]) -> Vec<u32> {
        let total = self.cells.iter().product::<usize>();
        let cell_of: Vec<u32> = points.iter().map(|p| self.cell_of(p) as u32).collect();
        let mut start = vec![0u32; total + 1];
        for c in &cell_of {
            start[*c as usize + 1] += 1;
        }
        for c in 0..total {
            start[c + 1] += start[c];
        }
        let mut order = vec![0u32; points.len()];
        for (i, c) in cell_of.iter().enumerate() {
            order[start[*c as usize] as usize] = i as u32;
            start[*c as usize] += 1;
        }
        order
    }

    /// Appends, unsorted, the entries (positions in `order`) whose displacement from
    /// `center` the mask accepts (`center − pos` when `converse`), scanning the cells
    /// the mask's bounding box meets. Each point is tested as NEST tests it (see
    /// [`Anchors`]); a mask exactly as wide as a periodic layer appends a point on
    /// both of its edges twice, as NEST connects it twice.
    pub(super) fn scan(&self, center: &Point, mask: &Mask, converse: bool, out: &mut Vec<u32>) {
        let (lo, hi) = mask.bbox();
        let (nlo, nhi) = mask.nest_bbox();
        let sign = if converse { -1.0 } else { 1.0 };
        let round = mask.round().map(|(inner, outer)| Round {
            anchor: Displacement::from(mask.anchor()) * sign,
            inner,
            outer,
        });
        if converse {
            let anchors = Anchors::new(self.space, center, &-nhi, &-nlo);
            self.query_with(
                center,
                -hi,
                -lo,
                &anchors,
                round,
                |d| mask.contains(&-d),
                out,
            );
        } else {
            let anchors = Anchors::new(self.space, center, &nlo, &nhi);
            self.query_with(center, lo, hi, &anchors, round, |d| mask.contains(d), out);
        }
    }

    /// Appends the entries of neurons with some image of `pos − center` inside
    /// `[lo, hi]` that `test` accepts, tested at NEST's `anchors`. `round`, when the
    /// mask is a ball or shell, lets whole cells be skipped or accepted (with a 1e-9
    /// relative margin, far above rounding, so the result equals testing every point).
    #[allow(clippy::too_many_arguments)]
    fn query_with(
        &self,
        center: &Point,
        lo: Displacement,
        hi: Displacement,
        anchors: &Anchors,
        round: Option<Round>,
        test: impl Fn(&Displacement) -> bool,
        out: &mut Vec<u32>,
    ) {
        let dims = self.space.dims();
        let ext = *self.space.extent();
        // Cell ranges per dimension: first cell (unwrapped), count.
        let mut range = [(0i64, 1i64); 3];
        for (i, r) in range.iter_mut().enumerate().take(dims) {
            let n = self.cells[i] as i64;
            let pad = 1e-9 * (hi[i] - lo[i]).abs().max(1.0);
            let k0 = self.cell_coord(i, center[i] + lo[i] - pad);
            let k1 = self.cell_coord(i, center[i] + hi[i] + pad);
            *r = if self.space.periodic(i) {
                if k1 - k0 + 1 >= n {
                    // The mask spans the period: test every point at every anchor.
                    for a in anchors.all() {
                        for (j, p) in self.pts.iter().enumerate() {
                            if test(&(p.coords - a)) {
                                out.push(j as u32);
                            }
                        }
                    }
                    return;
                }
                (k0, k1 - k0 + 1)
            } else {
                let (a, b) = (k0.max(0), k1.min(n - 1));
                (a, (b - a + 1).max(0))
            };
        }
        // Unwrapped cell k of dimension i: (cell index, periodic shift in mm).
        let cell = |i: usize, j: i64| -> (usize, f64) {
            let k = range[i].0 + j;
            if self.space.periodic(i) {
                let n = self.cells[i] as i64;
                (k.rem_euclid(n) as usize, k.div_euclid(n) as f64 * ext[i])
            } else {
                (k as usize, 0.0)
            }
        };
        let mut k = [0i64; 3];
        for a in 0..range[0].1 {
            let (cx, sx) = cell(0, a);
            k[0] = range[0].0 + a;
            for b in 0..range[1].1 {
                let (cy, sy) = cell(1, b);
                k[1] = range[1].0 + b;
                let cxy = cx * self.cells[1] + cy;
                for c in 0..range[2].1 {
                    let (cz, sz) = cell(2, c);
                    k[2] = range[2].0 + c;
                    let id = cxy * self.cells[2] + cz;
                    let (s, e) = (self.start[id] as usize, self.start[id + 1] as usize);
                    if s == e {
                        continue;
                    }
                    let Some(anchor) = anchors.for_shift(&Displacement::new(sx, sy, sz)) else {
                        continue;
                    };
                    if let Some(r) = &round {
                        match self.cell_vs_round(&k, center, r) {
                            Cover::None => continue,
                            Cover::All => {
                                out.extend(s as u32..e as u32);
                                continue;
                            }
                            Cover::Some => {}
                        }
                    }
                    for j in s..e {
                        if test(&(self.pts[j].coords - anchor)) {
                            out.push(j as u32);
                        }
                    }
                }
            }
        }
    }

    /// Whether the (unwrapped) cell `k` lies outside, inside or across a round mask
    /// centred on `center`.
    fn cell_vs_round(&self, k: &[i64; 3], center: &Point, r: &Round) -> Cover {
        let (mut near, mut far) = (0.0, 0.0);
        for i in 0..self.space.dims() {
            let a = self.origin[i] + k[i] as f64 * self.side[i] - center[i] - r.anchor[i];
            let b = a + self.side[i];
            let n = if a > 0.0 {
                a
            } else if b < 0.0 {
                -b
            } else {
                0.0
            };
            let f = a.abs().max(b.abs());
            near += n * n;
            far += f * f;
        }
        let (near, far) = (near.sqrt(), far.sqrt());
        let margin = 1e-9 * r.outer;
        if near > r.outer + margin || r.inner.is_some_and(|inner| far < inner - margin) {
            return Cover::None;
        }
        if far < r.outer - margin && r.inner.is_none_or(|inner| near > inner + margin) {
            return Cover::All;
        }
        Cover::Some
    }
}

/// A mask accepting `inner < |d − anchor| <= outer` (mm).
struct Round {
    anchor: Displacement,
    inner: Option<f64>,
    outer: f64,
}

/// How a cell meets a mask.
enum Cover {
    None,
    All,
    Some,
}
