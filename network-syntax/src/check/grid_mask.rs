//! NEST's `grid` mask in the language: `grid(shape: [columns, rows], anchor: [c, r])`,
//! in grid cells, and the layer it is applied to (a 2D grid, periodic ones no smaller
//! than the mask), checked as NEST checks it.

use super::Ctx;
use crate::ast::*;
use crate::description::*;
use network_spec::connect::Rule;
use network_spec::layout::Layout;
use network_spec::Mask;

/// The mask `grid(shape: .., anchor: ..)`: two whole numbers >= 1 for the shape, two
/// whole numbers (any sign) for the anchor.
pub(super) fn mask(cx: &mut Ctx, shape: &Expr, anchor: Option<&Expr>) -> Option<Mask> {
    let cells = |cx: &mut Ctx, e: &Expr, what: &str, min: f64| -> Option<[f64; 2]> {
        let v = cx.numbers(e, crate::units::Dim::Number, what)?;
        match <[f64; 2]>::try_from(v.as_slice()) {
            Ok(a)
                if a.iter()
                    .all(|x| x.fract() == 0.0 && *x >= min && x.abs() < 2e9) =>
            {
                Some(a)
            }
            _ => {
                let (form, at_least) = if min > 0.0 {
                    ("[columns, rows]", " >= 1")
                } else {
                    ("[column, row]", "")
                };
                cx.error(
                    e.span(),
                    format!(
                        "a grid mask's `{what}` is {form}: two whole numbers{at_least}, found {v:?}"
                    ),
                    "NEST 3.10's grid mask is 2D; a 3D grid layer takes a `box` mask",
                );
                None
            }
        }
    };
    let s = cells(cx, shape, "shape", 1.0)?;
    let mut m = Mask::grid([s[0] as u64, s[1] as u64]);
    if let Some(a) = anchor {
        let a = cells(cx, a, "anchor", f64::NEG_INFINITY)?;
        m = m.with_anchor([a[0], a[1], 0.0]);
    }
    Some(m)
}

/// Why: NEST resolves a grid mask on one layer (the target layer for
/// `pairwise_bernoulli`, unless `use_on_source`, and for `fixed_outdegree`; the source
/// layer otherwise), which must be a 2D grid, and on a periodic layer no smaller than
/// the mask; it refuses anything else when it connects.
pub(super) fn on_layer(
    cx: &mut Ctx,
    span: SpanRange,
    mask: &Mask,
    (src, tgt): (&PopulationDesc, &PopulationDesc),
    rule: Rule,
    use_on_source: bool,
) -> Option<()> {
    if mask.grid_shape().is_none() {
        return Some(());
    }
    let on_target = match rule {
        Rule::PairwiseBernoulli(_) => !use_on_source,
        Rule::FixedOutdegree(_) => true,
        _ => false,
    };
    let pop = if on_target { tgt } else { src };
    fits(cx, span, mask, pop)
}

/// Why: as [`on_layer`], for a mask applied to the layer of `pop`.
pub(super) fn fits(cx: &mut Ctx, span: SpanRange, mask: &Mask, pop: &PopulationDesc) -> Option<()> {
    if mask.grid_shape().is_none() {
        return Some(());
    }
    let Some(layout) = &pop.layout else {
        return Some(()); // a population without positions is reported by `mask_fits`
    };
    let grid = match layout {
        Layout::Grid { shape, .. } => Some(shape.as_slice()),
        _ => None,
    };
    let extent = layout.extent().unwrap_or_default();
    let Err(e) = mask.on_grid(&pop.name, grid, &extent, layout.periodic()) else {
        return Some(());
    };
    let help = if grid.is_none() {
        format!(
            "place `{}` `on grid(..)`, or use a rectangle in mm",
            pop.name
        )
    } else {
        "make the mask at most as large as the periodic layer".to_string()
    };
    cx.error(span, e.to_string(), help);
    None
}
