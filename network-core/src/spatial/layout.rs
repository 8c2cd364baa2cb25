//! How a population is laid out in space: NEST's free layers (random or listed
//! positions) and grid layers, placed into a [`Space`].

use super::Displacement;
use rand::RngExt;

use super::{Point, Space};
use crate::error::{Error, Result};
use crate::rng::{Purpose, Seed};

pub use network_spec::layout::Layout;
use network_spec::layout::GRID_EXTENT;

fn check_dims(entity: &str, param: &str, v: &[f64]) -> Result<()> {
    if v.len() != 2 && v.len() != 3 {
        return Err(Error::invalid(entity, param, v, "give 2 or 3 coordinates"));
    }
    if !v.iter().all(|x| x.is_finite()) {
        return Err(Error::invalid(
            entity,
            param,
            v,
            "coordinates must be finite",
        ));
    }
    Ok(())
}

fn same_len(entity: &str, param: &str, v: &[f64], dims: usize) -> Result<()> {
    check_dims(entity, param, v)?;
    if v.len() != dims {
        return Err(Error::invalid(
            entity,
            param,
            v,
            format!("the layer has {dims} dimensions; give {dims} coordinates"),
        ));
    }
    Ok(())
}

fn point(v: &[f64]) -> Point {
    Point::new(v[0], v[1], v.get(2).copied().unwrap_or(0.0))
}

fn vector(v: &[f64]) -> Displacement {
    point(v).coords
}

/// Placing the neurons of a [`Layout`] into a [`Space`].
pub trait Place {
    /// Places `n` neurons of population `entity` (id `population_id`, which keys the
    /// random stream of [`Layout::FreeUniform`]).
    fn place(&self, entity: &str, n: usize, seed: Seed, population_id: u64) -> Result<Space>;
}

impl Place for Layout {
    fn place(&self, entity: &str, n: usize, seed: Seed, population_id: u64) -> Result<Space> {
        match self {
            Layout::FreeUniform {
                lower_left,
                upper_right,
                edge_wrap,
            } => {
                check_dims(entity, "lower_left", lower_left)?;
                let dims = lower_left.len();
                same_len(entity, "upper_right", upper_right, dims)?;
                if lower_left.iter().zip(upper_right).any(|(l, u)| l >= u) {
                    return Err(Error::invalid(
                        entity,
                        "upper_right",
                        upper_right,
                        format!("must exceed lower_left {lower_left:?} in every dimension"),
                    ));
                }
                let mut rng = seed.stream(Purpose::Positions, population_id, 0);
                let positions = (0..n)
                    .map(|_| {
                        let mut p = Point::origin();
                        for i in 0..dims {
                            let u: f64 = rng.random();
                            p[i] = lower_left[i] + (upper_right[i] - lower_left[i]) * u;
                        }
                        p
                    })
                    .collect();
                let (ll, ur) = (point(lower_left), point(upper_right));
                let center = Point::from((ll.coords + ur.coords) * 0.5);
                Space::new(entity, dims, positions, center, ur - ll, *edge_wrap)
            }
            Layout::FreeList {
                positions,
                extent,
                edge_wrap,
            } => free_list(entity, n, positions, extent.as_deref(), *edge_wrap),
            Layout::Grid {
                shape,
                extent,
                center,
                edge_wrap,
            } => grid(
                entity,
                n,
                shape,
                extent.as_deref(),
                center.as_deref(),
                *edge_wrap,
            ),
        }
    }
}

fn free_list(
    entity: &str,
    n: usize,
    positions: &[Vec<f64>],
    extent: Option<&[f64]>,
    edge_wrap: bool,
) -> Result<Space> {
    if positions.len() != n {
        return Err(Error::invalid(
            entity,
            "positions",
            format!("{} points", positions.len()),
            format!("give one point per neuron ({n})"),
        ));
    }
    let Some(first) = positions.first() else {
        return Err(Error::invalid(
            entity,
            "positions",
            "[]",
            "give at least one point",
        ));
    };
    check_dims(entity, "positions[0]", first)?;
    let dims = first.len();
    let mut lo = point(first);
    let mut hi = lo;
    let mut points = Vec::with_capacity(n);
    for (i, p) in positions.iter().enumerate() {
        same_len(entity, &format!("positions[{i}]"), p, dims)?;
        let p = point(p);
        for d in 0..dims {
            lo[d] = lo[d].min(p[d]);
            hi[d] = hi[d].max(p[d]);
        }
        points.push(p);
    }
    let center = Point::from((hi.coords + lo.coords) / 2.0);
    let extent = match extent {
        Some(e) => {
            same_len(entity, "extent", e, dims)?;
            if e.iter().any(|x| *x <= 0.0) {
                return Err(Error::invalid(entity, "extent", e, "must be > 0 mm"));
            }
            let e = vector(e);
            let (ll, ur) = (center - e / 2.0, center + e / 2.0);
            for (i, p) in points.iter().enumerate() {
                if (0..dims).any(|d| p[d] < ll[d] || p[d] > ur[d]) {
                    return Err(Error::invalid(
                        entity,
                        format!("positions[{i}]"),
                        &p.coords.to_array()[..dims],
                        format!(
                            "node position outside of layer: the extent {:?} around the \
                             center {:?} must contain every point",
                            &e.to_array()[..dims],
                            &center.coords.to_array()[..dims]
                        ),
                    ));
                }
            }
            e
        }
        None if n <= 1 => {
            return Err(Error::invalid(
                entity,
                "extent",
                "None",
                "a free layer with a single neuron needs an explicit extent",
            ));
        }
        None => vector(&network_spec::layout::list_extent(positions).expect("two or more points")),
    };
    Space::new(entity, dims, points, center, extent, edge_wrap)
}

fn grid(
    entity: &str,
    n: usize,
    shape: &[usize],
    extent: Option<&[f64]>,
    center: Option<&[f64]>,
    edge_wrap: bool,
) -> Result<Space> {
    let dims = shape.len();
    if dims != 2 && dims != 3 {
        return Err(Error::invalid(
            entity,
            "shape",
            shape,
            "a grid has 2 or 3 dimensions",
        ));
    }
    if shape.contains(&0) || shape.iter().try_fold(1usize, |a, s| a.checked_mul(*s)) != Some(n) {
        return Err(Error::invalid(
            entity,
            "shape",
            shape,
            format!("the product of the shape must equal the population size {n}"),
        ));
    }
    let ext = match extent {
        Some(e) => {
            same_len(entity, "extent", e, dims)?;
            if e.iter().any(|x| *x <= 0.0) {
                return Err(Error::invalid(entity, "extent", e, "must be > 0 mm"));
            }
            vector(e)
        }
        None => vector(&vec![GRID_EXTENT; dims]),
    };
    let ctr = match center {
        Some(c) => {
            same_len(entity, "center", c, dims)?;
            point(c)
        }
        None => Point::origin(),
    };
    // NEST's GridLayer::gridpos_to_position, operation by operation.
    let ll = ctr - ext / 2.0;
    let mut ul = ll;
    let mut e = ext;
    ul[1] = ll[1] + ext[1];
    e[1] = -ext[1];
    let positions = (0..n)
        .map(|lid| {
            let mut g = [0usize; 3];
            let mut rest = lid;
            for i in (1..dims).rev() {
                g[i] = rest % shape[i];
                rest /= shape[i];
            }
            g[0] = rest;
            let mut p = Point::origin();
            for i in 0..dims {
                let step = e[i] / shape[i] as f64;
                p[i] = (ul[i] + step * g[i] as f64) + step * 0.5;
            }
            p
        })
        .collect();
    Space::new(entity, dims, positions, ctr, ext, edge_wrap).map(|s| s.with_grid(shape.to_vec()))
}
