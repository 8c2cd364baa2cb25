//! What a device reaches: a population, an index range or list, or a mask selection
//! (checked to fit the layer), and whether a mask fits a periodic layer.

use super::spatial::{mask_ref, pad3};
use super::{Ctx, Kind};
use crate::ast::*;
use crate::description::*;

/// The neurons a device reaches.
pub(super) fn target(cx: &mut Ctx, t: &Target, role: &str) -> Option<TargetDesc> {
    let population = cx.lookup(&t.population, Kind::Population, role)?;
    let pop = cx.populations[population].clone();
    let select = match (&t.slice, &t.within) {
        (Some(_), Some(_)) => {
            cx.error(
                (&t.population).into(),
                "select by an index range or by a mask, not both",
                "drop `[a..b]` or `within ..`",
            );
            return None;
        }
        (Some(slice), None) => slice_of(cx, slice, &pop)?,
        (None, Some((mask, at))) => {
            let (desc, span) = mask_ref(cx, mask)?;
            mask_fits(cx, span, &desc, &pop, "`within`")?;
            periodic_fit(cx, span, &desc.mask, &pop)?;
            super::grid_mask::fits(cx, span, &desc.mask, &pop)?;
            let center = match at {
                Some(e) => pad3(&cx.point(e, "at")?),
                None => desc.center.unwrap_or([0.0; 3]),
            };
            SelectDesc::Within(desc, center)
        }
        (None, None) => SelectDesc::All,
    };
    Some(TargetDesc { population, select })
}

/// The neurons a slice names. Why: an index past the end of the population selects
/// neurons that do not exist, and NEST slices a NodeCollection only by increasing,
/// distinct indices.
pub(super) fn slice_of(cx: &mut Ctx, slice: &Slice, pop: &PopulationDesc) -> Option<SelectDesc> {
    // A size given at build time: the engine checks the end when the slice is used.
    slice_in(cx, slice, &pop.name, pop.size.fixed())
}

/// The neurons a slice names in population `name` of `size` neurons (`None`: given
/// when the network is built).
pub(super) fn slice_in(
    cx: &mut Ctx,
    slice: &Slice,
    name: &str,
    size: Option<usize>,
) -> Option<SelectDesc> {
    let within = size.map_or(String::new(), |n| format!(" (indices 0..{n})"));
    match slice {
        Slice::Range { start, end, span } => {
            let lo = start.unwrap_or(0);
            let Some(hi) = end.or(size) else {
                cx.error(
                    *span,
                    format!("`{name}` has a size given at build time, so its slice needs an end"),
                    "write `[a..b]`",
                );
                return None;
            };
            if lo >= hi || size.is_some_and(|n| hi > n) {
                let help = match size {
                    Some(n) => format!("write `[a..b]` with a < b <= {n}"),
                    None => "write `[a..b]` with a < b".to_string(),
                };
                cx.error(
                    *span,
                    format!("`{lo}..{hi}` is not a non-empty range of `{name}`{within}"),
                    help,
                );
                return None;
            }
            Some(SelectDesc::Range(lo, hi))
        }
        Slice::List { indices, span } => {
            if indices.is_empty() {
                cx.error(
                    *span,
                    "an empty list selects no neuron",
                    "write `[i, j, ..]`",
                );
                return None;
            }
            if let Some(w) = indices.windows(2).find(|w| w[0] >= w[1]) {
                cx.error(
                    *span,
                    format!(
                        "the indices must increase, but {} comes after {}",
                        w[1], w[0]
                    ),
                    "list each index once, in increasing order (as NEST slices a NodeCollection)",
                );
                return None;
            }
            let last = *indices.last().expect("not empty");
            if size.is_some_and(|n| last >= n) || last >= u32::MAX as usize {
                cx.error(
                    *span,
                    format!("index {last} is past the end of `{name}`{within}"),
                    "list indices of existing neurons",
                );
                return None;
            }
            Some(SelectDesc::List(
                indices.iter().map(|&i| i as u32).collect(),
            ))
        }
    }
}

/// Why: a mask selects by position, so the population needs positions, and a 2D mask
/// (circle, rectangle, ellipse) cannot be applied to 3D positions or the reverse.
pub(super) fn mask_fits(
    cx: &mut Ctx,
    span: SpanRange,
    mask: &MaskDesc,
    pop: &PopulationDesc,
    what: &str,
) -> Option<()> {
    let Some(dims) = pop.dims() else {
        cx.error(
            span,
            format!(
                "{what} needs a spatial population, but `{}` has no positions",
                pop.name
            ),
            format!(
                "give `{}` positions: `in box(..)`, `at positions(..)` or `on grid(..)`",
                pop.name
            ),
        );
        return None;
    };
    if let Some(m) = mask.mask.dims() {
        if m != dims {
            let valid = if dims == 3 {
                "sphere, box, ellipsoid or doughnut"
            } else {
                "circle, rectangle, ellipse or doughnut"
            };
            cx.error(
                span,
                format!("a {m}D mask on `{}`, whose positions are {dims}D", pop.name),
                format!("use a {dims}D mask: {valid}"),
            );
            return None;
        }
    }
    Some(())
}

/// Why: NEST rejects a mask wider than a periodic layer (its bounding box against the
/// layer's extent, `Mask::check_periodic_fit`, the rule the engine applies when it
/// connects); the extent is known from the layout, so the mistake is reported here.
pub(super) fn periodic_fit(
    cx: &mut Ctx,
    span: SpanRange,
    mask: &network_spec::Mask,
    pop: &PopulationDesc,
) -> Option<()> {
    let Some(layout) = pop.layout.as_ref().filter(|l| l.periodic()) else {
        return Some(());
    };
    let Some(extent) = layout.extent() else {
        return Some(());
    };
    if mask.check_periodic_fit(&pop.name, &extent).is_ok() {
        return Some(());
    }
    let (lo, hi) = mask.bounding_box();
    let axis = (0..extent.len()).find(|&i| hi[i] - lo[i] > extent[i])?;
    cx.error(
        span,
        format!(
            "the mask is {} mm wide along {}, wider than the periodic layer of `{}` ({} mm)",
            hi[axis] - lo[axis],
            ["x", "y", "z"][axis],
            pop.name,
            extent[axis]
        ),
        "NEST requires a mask on a periodic layer to fit inside it: make the mask smaller \
         or the layer's extent larger",
    );
    None
}
