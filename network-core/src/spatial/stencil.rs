//! The cells a mask can reach from the cell of its centre, precomputed once per
//! (index, mask): runs of cells along the fastest grid dimension, each known to lie
//! wholly inside the mask (taken without tests) or to need a test per neuron.

use super::Displacement;
use super::MaskGeometry;

use super::anchor::Anchors;
use super::grid::CellGrid;
use super::{Mask, Point};

/// A run of cells at offsets `(row, fast0..=fast1)` from the centre's cell.
#[derive(Debug, Clone)]
struct Run {
    row: [i64; 2],
    fast: [i64; 2],
    all: bool,
}

/// The precomputed cell offsets of one mask on one index.
#[derive(Debug, Clone)]
pub(crate) struct Stencil {
    mask: Mask,
    converse: bool,
    runs: Vec<Run>,
    /// For balls and shells: squared-radius bounds for a branch-free test.
    round: Option<RoundTest>,
    /// NEST's bounding box of the mask as applied (converse: mirrored), mm, which
    /// places its periodic anchors.
    nest_box: (Displacement, Displacement),
}

/// `inner < |d − anchor| <= outer` with thresholds on `|d − anchor|²` that decide
/// without NEST's exact test except within 1e-10 (relative) of a boundary.
#[derive(Debug, Clone)]
struct RoundTest {
    anchor: Displacement,
    outer: (f64, f64),
    inner: Option<(f64, f64)>,
}

fn bounds(r: f64) -> (f64, f64) {
    (r * r * (1.0 - 1e-10), r * r * (1.0 + 1e-10))
}

impl Stencil {
    /// The stencil of `mask` (tested on `pos − centre`, or `centre − pos` when
    /// `converse`), or `None` when the mask spans the whole period of a wrapped layer
    /// (the index then tests every periodic image).
    pub(crate) fn new(index: &CellGrid, mask: &Mask, converse: bool) -> Option<Stencil> {
        let space = index.space();
        let dims = space.dims();
        let (mut lo, mut hi) = mask.bbox();
        let (mut nlo, mut nhi) = mask.nest_bbox();
        if converse {
            (lo, hi) = (-hi, -lo);
            (nlo, nhi) = (-nhi, -nlo);
        }
        let sign = if converse { -1.0 } else { 1.0 };
        let round = mask.round().map(|(inner, outer)| RoundTest {
            anchor: Displacement::from(mask.anchor()) * sign,
            outer: bounds(outer),
            inner: inner.map(bounds),
        });
        // Offsets o whose cell, for a centre anywhere in its own cell, holds points with
        // displacement in [(o − 1)·side, (o + 1)·side].
        let mut range = [[0i64; 2]; 3];
        for i in 0..dims {
            let s = index.side[i];
            let pad = 1e-9;
            let a = ((lo[i] / s) - 1.0 - pad).ceil();
            let b = ((hi[i] / s) + 1.0 + pad).floor();
            let (a, b) = if a.is_finite() && b.is_finite() {
                (a as i64, b as i64)
            } else {
                (-1, 1)
            };
            if space.periodic(i) && b - a + 1 >= index.cells[i] as i64 {
                return None;
            }
            range[i] = [a, b];
        }
        let fast = dims - 1;
        let mut runs = Vec::new();
        let rows = if dims == 3 {
            [range[0], range[1]]
        } else {
            [range[0], [0, 0]]
        };
        for r0 in rows[0][0]..=rows[0][1] {
            for r1 in rows[1][0]..=rows[1][1] {
                let mut o = [r0, r1, 0];
                let mut cur: Option<Run> = None;
                for f in range[fast][0]..=range[fast][1] {
                    o[fast] = f;
                    let class = classify(index, mask, &round, &lo, &hi, &o, dims);
                    match (class, &mut cur) {
                        (None, _) => runs.extend(cur.take()),
                        (Some(all), Some(run)) if run.all == all => run.fast[1] = f,
                        (Some(all), _) => {
                            runs.extend(cur.take());
                            cur = Some(Run {
                                row: [r0, r1],
                                fast: [f, f],
                                all,
                            });
                        }
                    }
                }
                runs.extend(cur);
            }
        }
        Some(Stencil {
            mask: mask.clone(),
            converse,
            runs,
            round,
            nest_box: (nlo, nhi),
        })
    }

    /// Whether this stencil was built for `mask` in this direction.
    pub(crate) fn fits(&self, mask: &Mask, converse: bool) -> bool {
        self.converse == converse && self.mask == *mask
    }

    /// Appends (unsorted) the entries of `index` the mask accepts around `center`.
    pub(crate) fn query(&self, index: &CellGrid, center: &Point, out: &mut Vec<u32>) {
        let anchors = Anchors::new(index.space(), center, &self.nest_box.0, &self.nest_box.1);
        if let Some(r) = &self.round {
            return self.query_round(index, center, &anchors, r, out);
        }
        let dims = index.space().dims();
        let mut kc = [0i64; 3];
        for (i, k) in kc.iter_mut().enumerate().take(dims) {
            *k = index.cell_coord(i, center[i]);
        }
        for run in &self.runs {
            let row = [kc[0] + run.row[0], kc[1] + run.row[1]];
            let fast = dims - 1;
            let (k0, k1) = (kc[fast] + run.fast[0], kc[fast] + run.fast[1]);
            let seg = if run.all {
                [(k0, k1), (0, -1), (0, -1)]
            } else {
                [(0, -1), (k0, k1), (0, -1)]
            };
            self.row(index, center, &anchors, row, seg, out);
        }
    }

    /// Balls and shells: per row of cells, the exact range of cells along the fast
    /// dimension that meet the ball, and the part of it wholly inside. Appends each
    /// row's entries in ascending order.
    fn query_round(
        &self,
        index: &CellGrid,
        center: &Point,
        anchors: &Anchors,
        r: &RoundTest,
        out: &mut Vec<u32>,
    ) {
        let space = index.space();
        let dims = space.dims();
        let fast = dims - 1;
        let b = center.coords + r.anchor;
        let outer = r.outer.1.sqrt() * (1.0 + 1e-9);
        // Reciprocals: an error of an ulp in a cell coordinate is far inside the 1e-9
        // margins of the radii.
        let inv = index.side.map(|s| 1.0 / s);
        let coord = |i: usize, x: f64| ((x - index.origin[i]) * inv[i]).floor() as i64;
        let rows = if dims == 3 {
            [
                [coord(0, b[0] - outer), coord(0, b[0] + outer)],
                [coord(1, b[1] - outer), coord(1, b[1] + outer)],
            ]
        } else {
            [[coord(0, b[0] - outer), coord(0, b[0] + outer)], [0, 0]]
        };
        // Squared distances from the ball's centre to the nearest and farthest points
        // of the slab of cells `k` in dimension `i`.
        let near_far = |i: usize, k: i64| {
            let lo = index.origin[i] + k as f64 * index.side[i] - b[i];
            let hi = lo + index.side[i];
            let n = if lo > 0.0 {
                lo
            } else if hi < 0.0 {
                -hi
            } else {
                0.0
            };
            (n * n, lo.abs().max(hi.abs()).powi(2))
        };
        let n_fast = index.cells[fast] as i64;
        let wrap_fast = space.periodic(fast);
        let start = &index.start;
        for kx in rows[0][0]..=rows[0][1] {
            let (near_x, far_x) = near_far(0, kx);
            if near_x > r.outer.1 * (1.0 + 1e-9) {
                continue;
            }
            for ky in rows[1][0]..=rows[1][1] {
                let (near, far) = if fast == 2 {
                    let (near_y, far_y) = near_far(1, ky);
                    (near_x + near_y, far_x + far_y)
                } else {
                    (near_x, far_x)
                };
                let reach = r.outer.1 * (1.0 + 1e-9) - near;
                if reach < 0.0 {
                    continue;
                }
                let h = reach.sqrt();
                let (k0, k1) = (coord(fast, b[fast] - h), coord(fast, b[fast] + h));
                // Cells wholly inside: needs no inner radius and far corners inside.
                let inside = r.outer.0 * (1.0 - 1e-9) - far;
                let (a0, a1) = if r.inner.is_none() && inside > 0.0 {
                    let h = inside.sqrt();
                    let a0 = ((b[fast] - h - index.origin[fast]) * inv[fast]).ceil() as i64;
                    let a1 = coord(fast, b[fast] + h) - 1;
                    (a0.max(k0), a1.min(k1))
                } else {
                    (0, -1)
                };
                if wrap_fast {
                    let seg = if a0 <= a1 {
                        [(a0, a1), (k0, a0 - 1), (a1 + 1, k1)]
                    } else {
                        [(0, -1), (k0, k1), (0, -1)]
                    };
                    self.row(index, center, anchors, [kx, ky], seg, out);
                    continue;
                }
                let Some((base, shift)) = row_base(index, [kx, ky]) else {
                    continue;
                };
                let (k0, k1) = (k0.max(0), k1.min(n_fast - 1));
                if k0 > k1 {
                    continue;
                }
                let id0 = base * index.cells[fast];
                let cell = |k: i64| start[id0 + k as usize] as usize;
                let (s, e) = (cell(k0), cell(k1 + 1));
                let offset = shift - center.coords;
                let anchor = anchors.for_shift(&shift);
                let (a0, a1) = (a0.max(0), a1.min(n_fast - 1));
                if a0 <= a1 {
                    let (a, z) = (cell(a0), cell(a1 + 1));
                    self.test_points(index, s, a, &offset, anchor, out);
                    out.extend(a as u32..z as u32);
                    self.test_points(index, z, e, &offset, anchor, out);
                } else {
                    self.test_points(index, s, e, &offset, anchor, out);
                }
            }
        }
    }

    /// Visits one row of cells (unwrapped row coordinates), taking every neuron of the
    /// fast-dimension range `seg[0]` and testing those of `seg[1]` and `seg[2]`.
    fn row(
        &self,
        index: &CellGrid,
        center: &Point,
        anchors: &Anchors,
        row: [i64; 2],
        seg: [(i64, i64); 3],
        out: &mut Vec<u32>,
    ) {
        let space = index.space();
        let fast = space.dims() - 1;
        let ext = space.extent();
        let Some((base, mut shift)) = row_base(index, row) else {
            return;
        };
        let n = index.cells[fast] as i64;
        let id0 = base * index.cells[fast];
        let periodic = space.periodic(fast);
        for (j, (mut k0, mut k1)) in seg.into_iter().enumerate() {
            if !periodic {
                (k0, k1) = (k0.max(0), k1.min(n - 1));
            }
            while k0 <= k1 {
                // Image m of the fast dimension (always 0 without periodic boundaries).
                let m = if periodic { k0.div_euclid(n) } else { 0 };
                let end = k1.min((m + 1) * n - 1);
                let first = id0 + (k0 - m * n) as usize;
                let last = id0 + (end - m * n) as usize;
                let (s, e) = (index.start[first] as usize, index.start[last + 1] as usize);
                if j == 0 {
                    out.extend(s as u32..e as u32);
                } else if s < e {
                    shift[fast] = m as f64 * ext[fast];
                    let anchor = anchors.for_shift(&shift);
                    self.test_points(index, s, e, &(shift - center.coords), anchor, out);
                }
                k0 = end + 1;
            }
        }
    }

    /// Appends the entries `s..e` whose displacement `pos + offset` the mask
    /// accepts, without a branch per neuron for balls and shells. Points near the
    /// mask's edge are decided by NEST's test of `pos − anchor` (`anchor`: NEST's
    /// anchor for this image, `None` when NEST tests none).
    #[inline(always)]
    fn test_points(
        &self,
        index: &CellGrid,
        s: usize,
        e: usize,
        offset: &Displacement,
        anchor: Option<Displacement>,
        out: &mut Vec<u32>,
    ) {
        let exact = |p: &Point| {
            let Some(a) = anchor else { return false };
            let d = p.coords - a;
            if self.converse {
                self.mask.contains(&-d)
            } else {
                self.mask.contains(&d)
            }
        };
        let Some(r) = &self.round else {
            out.extend((s..e).filter(|j| exact(&index.pts[*j])).map(|j| j as u32));
            return;
        };
        if s >= e {
            return;
        }
        let len = out.len();
        out.reserve(e - s);
        let [xs, ys, zs] = &index.xyz;
        let (xs, ys, zs) = (&xs[s..e], &ys[s..e], &zs[s..e]);
        let (in_lo, in_hi) = r.inner.unwrap_or((f64::NEG_INFINITY, f64::NEG_INFINITY));
        let (out_lo, out_hi) = r.outer;
        let (ox, oy, oz) = (offset.x, offset.y, offset.z);
        let (ax, ay, az) = (r.anchor.x, r.anchor.y, r.anchor.z);
        let buf = &mut out.spare_capacity_mut()[..e - s];
        let mut w = 0;
        let mut unsure = false;
        // Branch-free: every entry is written, and kept by advancing past it.
        for (j, ((x, y), z)) in xs.iter().zip(ys).zip(zs).enumerate() {
            let px = (x + ox) - ax;
            let py = (y + oy) - ay;
            let pz = (z + oz) - az;
            let q = px * px + py * py + pz * pz;
            let sure_in = (q < out_lo) & (q > in_hi);
            let sure_out = (q > out_hi) | (q < in_lo);
            unsure |= !(sure_in | sure_out);
            buf[w].write((s + j) as u32);
            w += usize::from(sure_in);
        }
        if unsure {
            // Within 1e-10 (relative) of a boundary: NEST's exact test decides.
            out.extend((s..e).filter(|j| exact(&index.pts[*j])).map(|j| j as u32));
            return;
        }
        // SAFETY: the first `w` slots of the spare capacity were written above.
        #[allow(unsafe_code)]
        unsafe {
            out.set_len(len + w)
        };
    }
}

/// The index of the row of cells `row` (unwrapped coordinates of the dimensions before
/// the fast one) in the grid, and the periodic shift (mm) of its image; `None` outside
/// a non-periodic grid.
fn row_base(index: &CellGrid, row: [i64; 2]) -> Option<(usize, Displacement)> {
    let space = index.space();
    let fast = space.dims() - 1;
    let ext = space.extent();
    let mut base = 0usize;
    let mut shift = Displacement::zeros();
    for (i, k) in row.into_iter().enumerate().take(fast) {
        let n = index.cells[i] as i64;
        let c = if space.periodic(i) {
            shift[i] = k.div_euclid(n) as f64 * ext[i];
            k.rem_euclid(n)
        } else if (0..n).contains(&k) {
            k
        } else {
            return None;
        };
        base = base * index.cells[i] + c as usize;
    }
    Some((base, shift))
}

/// `Some(true)` if cell offset `o` lies wholly inside the mask for any centre in its
/// cell, `Some(false)` if it may hold accepted points, `None` if it cannot.
fn classify(
    index: &CellGrid,
    mask: &Mask,
    round: &Option<RoundTest>,
    lo: &Displacement,
    hi: &Displacement,
    o: &[i64; 3],
    dims: usize,
) -> Option<bool> {
    let margin = 1e-9 * mask.bounding_radius().max(1e-300);
    let (mut near, mut far) = (0.0, 0.0);
    for i in 0..dims {
        let s = index.side[i];
        let (a, b) = ((o[i] - 1) as f64 * s, (o[i] + 1) as f64 * s);
        let (a, b) = if s.is_finite() {
            (a, b)
        } else {
            (f64::NEG_INFINITY, f64::INFINITY)
        };
        if b < lo[i] - margin || a > hi[i] + margin {
            return None;
        }
        if let Some(r) = round {
            let (a, b) = (a - r.anchor[i], b - r.anchor[i]);
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
    }
    let Some(r) = round else { return Some(false) };
    if near > r.outer.1 * (1.0 + 1e-9) || r.inner.is_some_and(|b| far < b.0 * (1.0 - 1e-9)) {
        return None;
    }
    Some(far < r.outer.0 * (1.0 - 1e-9) && r.inner.is_none_or(|b| near > b.1 * (1.0 + 1e-9)))
}
