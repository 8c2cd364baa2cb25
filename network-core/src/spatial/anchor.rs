//! Where NEST looks for a mask's periodic images: on a periodic layer NEST 3.10 stores
//! every position wrapped into the layer (`Ntree::insert`) and tests a point against a
//! mask placed at one or two anchors per periodic dimension (the `masked_iterator`
//! constructor: the mask's lower-left corner moved into the layer, then, if the mask
//! reaches past the layer's upper edge, the same anchor one extent lower). The inside
//! test is on `position − anchor` computed from those numbers, so points on a mask's
//! edge are decided as NEST decides them, and a mask exactly as wide as the layer
//! selects a point on both of its edges twice, as NEST does.

use super::Displacement;

use super::{Point, Space};

/// NEST's `mod`: `fmod` made non-negative.
fn nest_mod(x: f64, p: f64) -> f64 {
    let r = x % p;
    if r < 0.0 {
        r + p
    } else {
        r
    }
}

/// Position `p` (mm) as NEST's tree stores it: in each periodic dimension,
/// `ll + fmod(p − ll, L)`, plus `L` when that lies below `ll`.
pub(super) fn wrap(space: &Space, p: &Point) -> Point {
    let mut q = *p;
    let ll = space.lower_left();
    for i in 0..space.dims() {
        if space.periodic(i) {
            let l = space.extent()[i];
            q[i] = ll[i] + (q[i] - ll[i]) % l;
            if q[i] < ll[i] {
                q[i] += l;
            }
        }
    }
    q
}

/// The anchors NEST places a mask at around one centre.
#[derive(Debug, Clone, Copy)]
pub(super) struct Anchors {
    /// The centre the query was made for, mm.
    center: Point,
    /// The first anchor (the centre itself in non-periodic dimensions), mm.
    first: Displacement,
    /// Whether NEST also tests the anchor one extent lower, per dimension.
    second: [bool; 3],
    /// The layer's extent in periodic dimensions (0 elsewhere), mm.
    period: [f64; 3],
}

impl Anchors {
    /// NEST's anchors for a mask with bounding box `[lo, hi]` (mm, NEST's own box of
    /// the mask as applied: for the converse mask `[−hi, −lo]` of the mask's box)
    /// centred on `center` in `space`.
    pub(super) fn new(space: &Space, center: &Point, lo: &Displacement, hi: &Displacement) -> Self {
        let ll = space.lower_left();
        let mut first = center.coords;
        let mut second = [false; 3];
        let mut period = [0.0; 3];
        for i in 0..space.dims() {
            if !space.periodic(i) {
                continue;
            }
            let l = space.extent()[i];
            period[i] = l;
            first[i] = nest_mod(first[i] + lo[i] - ll[i], l) - lo[i] + ll[i];
            second[i] = (first[i] + hi[i] - ll[i]) > l;
        }
        Anchors {
            center: *center,
            first,
            second,
            period,
        }
    }

    /// The anchor NEST tests the image `pos + shift` of a stored position against
    /// (`shift`: whole extents, mm, 0 in non-periodic dimensions), or `None` when NEST
    /// tests no anchor for that image.
    #[inline]
    pub(super) fn for_shift(&self, shift: &Displacement) -> Option<Displacement> {
        let mut a = self.first;
        for i in 0..3 {
            let l = self.period[i];
            if l == 0.0 {
                continue;
            }
            // first ≈ centre + q·L; the image pos + shift meets the anchor first − m·L.
            let q = ((self.first[i] - self.center[i]) / l).round();
            let m = q + (shift[i] / l).round();
            if m == 1.0 && self.second[i] {
                a[i] -= l;
            } else if m != 0.0 {
                return None;
            }
        }
        Some(a)
    }

    /// Every anchor NEST tests, in its order (at most 2 per periodic dimension).
    pub(super) fn all(&self) -> impl Iterator<Item = Displacement> + '_ {
        let mut list = vec![self.first];
        for i in 0..3 {
            if self.second[i] {
                for j in 0..list.len() {
                    let mut p = list[j];
                    p[i] -= self.period[i];
                    list.push(p);
                }
            }
        }
        list.into_iter()
    }
}
