//! Populations, their layouts and masks (distance kernels: `distance_kernel`).

use super::values::get;
use super::{Ctx, Kind};
use crate::ast::*;
use crate::description::*;
use crate::grammar;
use crate::units::Dim;

/// A `population` statement.
pub(super) fn population(cx: &mut Ctx, p: &PopulationItem) -> Option<PopulationDesc> {
    let model = cx.lookup(
        &p.model,
        Kind::Neuron,
        "a population is made of a neuron model",
    );
    let size = population_size(cx, p);
    let fixed = size.as_ref().and_then(Size::fixed);
    let layout = match &p.space {
        Some((word, call)) => Some(layout(cx, word, call, fixed)?),
        None => None,
    };
    let initial = match (&p.initial, model) {
        (Some(fields), Some(m)) => {
            let base = cx.neurons[m].base;
            let dims = layout.as_ref().map(Layout::dims);
            super::initial::initial(cx, &p.name, fields, base, dims)
        }
        _ => Some(Vec::new()),
    };
    let meta = p
        .meta
        .as_ref()
        .map(|m| population_meta(cx, m))
        .unwrap_or_default();
    Some(PopulationDesc {
        name: p.name.to_string(),
        model: model?,
        size: size?,
        layout,
        initial: initial?,
        meta,
        docs: p.docs.clone(),
    })
}

/// Why: NEST cannot create an empty population, and the size becomes a const generic.
/// `[dyn name]` leaves it to the caller of `build`; the engine then rejects 0 and checks
/// a grid's shape against it.
fn population_size(cx: &mut Ctx, p: &PopulationItem) -> Option<Size> {
    if p.dynamic.is_some() {
        return match &p.size {
            Expr::Ident(name) => Some(Size::Runtime(name.to_string())),
            e => {
                cx.error(
                    e.span(),
                    "a size given at build time is named by a field of the sizes struct",
                    "e.g. `[dyn ne]`: `build` then takes `ne: usize` in its sizes argument",
                );
                None
            }
        };
    }
    let size = cx.integer(&p.size, "size")?;
    if size == 0 {
        cx.error(
            p.size.span(),
            format!("population `{}` has no neuron", p.name),
            "a population needs at least one neuron, e.g. `[100]`",
        );
        return None;
    }
    // Why: node ids are 32-bit (NEST's are too, and the synapse storage's sources), so
    // the engine would refuse the network when it is built.
    let before: u64 = cx
        .populations
        .iter()
        .filter_map(|p| p.size.fixed())
        .map(|n| n as u64)
        .sum();
    if 1 + before + size as u64 > u64::from(u32::MAX) {
        cx.error(
            p.size.span(),
            format!(
                "population `{}`: {size} neurons take the network past 2^32 − 1 neurons \
                 ({before} before it), the most node ids can number",
                p.name
            ),
            "make the population smaller",
        );
        return None;
    }
    Some(Size::Fixed(size))
}

fn population_meta(cx: &mut Ctx, m: &Fields) -> Vec<(String, String)> {
    let fields = cx.fields(
        m,
        &grammar::key_names(grammar::POPULATION_WHERE),
        "a population's metadata",
    );
    let mut out = Vec::new();
    for (key, f) in fields {
        let text = match (key.as_str(), &f.value) {
            ("density", e) => cx
                .number(e, Dim::Density, "density")
                .map(|v| format!("{v} per mm3")),
            (_, Expr::Str(s)) => Some(s.value()),
            (_, e) => {
                cx.error(
                    e.span(),
                    format!("`{key}` must be a string"),
                    format!("e.g. `{key}: \"...\"`"),
                );
                None
            }
        };
        out.extend(text.map(|t| (key, t)));
    }
    out
}

/// `in box(..)`, `at positions(..)`, `on grid(..)`.
pub(super) fn layout(
    cx: &mut Ctx,
    word: &syn::Ident,
    call: &Call,
    size: Option<usize>,
) -> Option<Layout> {
    let kind = call.name.to_string();
    match (word.to_string().as_str(), kind.as_str()) {
        ("in", "box") => {
            let a = cx.args(
                call,
                &["lower_left", "upper_right", "periodic"],
                &["lower_left", "upper_right"],
            )?;
            let lower_left = cx.point(a[0]?, "lower_left")?;
            let upper_right = cx.point(a[1]?, "upper_right")?;
            box_corners(cx, a[1]?.span(), &lower_left, &upper_right)?;
            Some(Layout::FreeUniform {
                lower_left,
                upper_right,
                edge_wrap: a[2].is_some(),
            })
        }
        ("at", "positions") => {
            let a = cx.args(call, &["positions", "extent", "periodic"], &["positions"])?;
            let positions = positions(cx, a[0]?)?;
            if let Some(n) = size {
                if positions.len() != n {
                    cx.error(
                        a[0]?.span(),
                        format!(
                            "{} positions for a population of {n} neurons",
                            positions.len()
                        ),
                        "give one position per neuron",
                    );
                    return None;
                }
            }
            let extent = a[1]
                .map(|e| cx.point(e, "extent"))
                .map(|v| v.ok_or(()))
                .transpose()
                .ok()?;
            Some(Layout::FreeList {
                positions,
                extent,
                edge_wrap: a[2].is_some(),
            })
        }
        ("on", "grid") => {
            let a = cx.args(call, &["shape", "extent", "center", "periodic"], &["shape"])?;
            let shape = grid_shape(cx, a[0]?, size)?;
            let extent = a[1]
                .map(|e| cx.point(e, "extent"))
                .map(|v| v.ok_or(()))
                .transpose()
                .ok()?;
            let center = a[2]
                .map(|e| cx.point(e, "center"))
                .map(|v| v.ok_or(()))
                .transpose()
                .ok()?;
            for (what, v, e) in [("extent", &extent, a[1]), ("center", &center, a[2])] {
                if let (Some(v), Some(e)) = (v, e) {
                    if v.len() != shape.len() {
                        cx.error(
                            e.span(),
                            format!(
                                "`{what}` has {} coordinates, the grid {}",
                                v.len(),
                                shape.len()
                            ),
                            "give one coordinate per grid dimension",
                        );
                        return None;
                    }
                    if what == "extent" && v.iter().any(|x| *x <= 0.0) {
                        cx.error(
                            e.span(),
                            "the grid's extent must be > 0 mm in every dimension",
                            "e.g. `extent: [1, 1] mm`",
                        );
                        return None;
                    }
                }
            }
            Some(Layout::Grid {
                shape,
                extent,
                center,
                edge_wrap: a[3].is_some(),
            })
        }
        _ => {
            cx.error(
                SpanRange::from(word).to(call.span),
                format!("unknown layout `{word} {kind}`"),
                "write `in box([x, y, z] mm, [x, y, z] mm)`, `at positions([[x, y], ..] mm)` or `on grid([nx, ny], extent: [w, h] mm)`",
            );
            None
        }
    }
}

/// Why: NEST rejects a box whose upper corner is not above the lower one.
fn box_corners(
    cx: &mut Ctx,
    span: SpanRange,
    lower_left: &[f64],
    upper_right: &[f64],
) -> Option<()> {
    if lower_left.len() != upper_right.len() {
        cx.error(
            span,
            "the box's corners have different numbers of coordinates",
            "give both corners 2 or both 3 coordinates",
        );
        return None;
    }
    if lower_left.iter().zip(upper_right).any(|(l, u)| l >= u) {
        cx.error(
            span,
            "the box has no volume: `upper_right` must be above `lower_left` in every coordinate",
            "e.g. `box([0, 0, 0] mm, [1, 1, 1] mm)`",
        );
        return None;
    }
    Some(())
}

/// Why: a grid has exactly nx·ny(·nz) positions, so the size must match the shape.
fn grid_shape(cx: &mut Ctx, e: &Expr, size: Option<usize>) -> Option<Vec<usize>> {
    let Expr::List { elems, .. } = e else {
        cx.error(
            e.span(),
            "the grid shape must be a list",
            "e.g. `grid([10, 10])`",
        );
        return None;
    };
    let shape: Vec<usize> = elems
        .iter()
        .map(|x| cx.integer(x, "grid shape"))
        .collect::<Option<_>>()?;
    if (shape.len() != 2 && shape.len() != 3) || shape.contains(&0) {
        cx.error(
            e.span(),
            "a grid has 2 or 3 dimensions of at least one node",
            "e.g. `[10, 10]` or `[4, 4, 2]`",
        );
        return None;
    }
    let Some(n) = shape.iter().try_fold(1usize, |n, &k| n.checked_mul(k)) else {
        cx.error(
            e.span(),
            "the grid has more positions than a network can number (2^32 − 1 neurons)",
            "make the grid smaller",
        );
        return None;
    };
    if let Some(size) = size {
        if n != size {
            let dims: Vec<String> = shape.iter().map(usize::to_string).collect();
            cx.error(
                e.span(),
                format!(
                    "the grid {} has {n} positions, but the population has {size} neurons",
                    dims.join(" x ")
                ),
                format!("make the population `[{n}]`, or choose a shape whose product is {size}"),
            );
            return None;
        }
    }
    Some(shape)
}

fn positions(cx: &mut Ctx, e: &Expr) -> Option<Vec<Vec<f64>>> {
    let Expr::List { elems, unit, .. } = e else {
        cx.error(
            e.span(),
            "positions must be a list of points",
            "e.g. `[[0, 0], [0.1, 0]] mm`",
        );
        return None;
    };
    let mut out = Vec::new();
    for elem in elems {
        let Expr::List {
            elems: coords,
            unit: inner,
            ..
        } = elem
        else {
            cx.error(
                elem.span(),
                "a position must be a list of coordinates",
                "e.g. `[0.1, 0.2]`",
            );
            return None;
        };
        let unit = inner.as_ref().or(unit.as_ref());
        let mut p = Vec::new();
        for c in coords {
            let Expr::Number(q) = c else {
                cx.error(c.span(), "a coordinate must be a number", "");
                return None;
            };
            p.push(cx.convert(q, unit, Dim::Length, "position")?);
        }
        if p.len() != 2 && p.len() != 3
            || out.first().is_some_and(|f: &Vec<f64>| f.len() != p.len())
        {
            cx.error(
                elem.span(),
                "every position needs the same number of coordinates, 2 or 3",
                "",
            );
            return None;
        }
        out.push(p);
    }
    Some(out)
}

/// Resolves a mask reference.
pub(super) fn mask_ref(cx: &mut Ctx, m: &MaskRef) -> Option<(MaskDesc, SpanRange)> {
    match m {
        MaskRef::Named(name) => {
            let i = cx.lookup(name, Kind::Mask, "expected a mask")?;
            Some((cx.masks[i].clone(), name.into()))
        }
        MaskRef::Inline(call) => Some((mask(cx, call)?, call.span)),
    }
}

/// A mask shape: every mask of network-core, with an optional `anchor` and `center`.
pub(super) fn mask(cx: &mut Ctx, call: &Call) -> Option<MaskDesc> {
    let kind = call.name.to_string();
    let Some(form) = grammar::form(grammar::MASKS, &kind) else {
        let all = grammar::names(grammar::MASKS);
        let help = match network_spec::error::closest(&kind, &all) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the masks are {}", all.join(", ")),
        };
        cx.error((&call.name).into(), format!("unknown mask `{kind}`"), help);
        return None;
    };
    let names: &[&str] = &form.key_names();
    let required = form.required();
    let a = cx.args(call, names, &required)?;
    let arg = |n: &str| a[names.iter().position(|x| *x == n).expect("known")];
    if kind == "grid" {
        let mask = super::grid_mask::mask(cx, arg("shape")?, arg("anchor"))?;
        engine_check(cx, call, &mask, names)?;
        return Some(MaskDesc {
            mask,
            center: None,
            name: None,
        });
    }
    let len = |cx: &mut Ctx, n: &str| cx.number(arg(n)?, Dim::Length, n);
    let angle = |cx: &mut Ctx, n: &str| arg(n).map_or(Some(0.0), |e| cx.number(e, Dim::Angle, n));
    let shape = match kind.as_str() {
        "sphere" => MaskShape::Sphere {
            radius: len(cx, "radius")?,
        },
        "circle" => MaskShape::Circle {
            radius: len(cx, "radius")?,
        },
        "doughnut" => MaskShape::Doughnut {
            inner_radius: len(cx, "inner_radius")?,
            outer_radius: len(cx, "outer_radius")?,
        },
        "ellipse" => MaskShape::Ellipse {
            major_axis: len(cx, "major_axis")?,
            minor_axis: len(cx, "minor_axis")?,
            azimuth_angle: angle(cx, "azimuth_angle")?,
        },
        "ellipsoid" => MaskShape::Ellipsoid {
            major_axis: len(cx, "major_axis")?,
            minor_axis: len(cx, "minor_axis")?,
            polar_axis: len(cx, "polar_axis")?,
            azimuth_angle: angle(cx, "azimuth_angle")?,
            polar_angle: angle(cx, "polar_angle")?,
        },
        "box" => {
            let ll = fixed::<3>(cx, arg("lower_left")?, "lower_left")?;
            let ur = fixed::<3>(cx, arg("upper_right")?, "upper_right")?;
            MaskShape::Box {
                lower_left: ll,
                upper_right: ur,
                azimuth_angle: angle(cx, "azimuth_angle")?,
                polar_angle: angle(cx, "polar_angle")?,
            }
        }
        _ => {
            let ll = fixed::<2>(cx, arg("lower_left")?, "lower_left")?;
            let ur = fixed::<2>(cx, arg("upper_right")?, "upper_right")?;
            MaskShape::Rectangle {
                lower_left: ll,
                upper_right: ur,
                azimuth_angle: angle(cx, "azimuth_angle")?,
            }
        }
    };
    let mask = match arg("anchor") {
        Some(e) => Mask::new(shape).with_anchor(pad3(&cx.point(e, "anchor")?)),
        None => Mask::new(shape),
    };
    let center = match arg("center") {
        Some(e) => Some(pad3(&cx.point(e, "center")?)),
        None => None,
    };
    engine_check(cx, call, &mask, names)?;
    Some(MaskDesc {
        mask,
        center,
        name: None,
    })
}

/// Runs network-core's mask check. Why: NEST rejects non-positive radii and axes and
/// empty boxes; the same rule runs here, pointing at the argument.
fn engine_check(cx: &mut Ctx, call: &Call, mask: &Mask, names: &[&str]) -> Option<()> {
    let Err(e) = mask.validate(&call.name.to_string()) else {
        return Some(());
    };
    let span = match &e {
        network_spec::Error::InvalidParameter { param, .. } => {
            let p = param.trim_start_matches("mask.");
            call.args.iter().enumerate().find_map(|(i, a)| match a {
                Arg::Named(f) if f.name == p => Some(f.value.span()),
                Arg::Positional(v) if names.get(i) == Some(&p) => Some(v.span()),
                _ => None,
            })
        }
        _ => None,
    };
    cx.error(
        span.unwrap_or(call.span),
        e.to_string(),
        "NEST rejects this mask: sizes must be > 0 mm and upper corners above lower ones",
    );
    None
}

fn fixed<const N: usize>(cx: &mut Ctx, e: &Expr, what: &str) -> Option<[f64; N]> {
    let v = cx.numbers(e, Dim::Length, what)?;
    match <[f64; N]>::try_from(v.as_slice()) {
        Ok(a) => Some(a),
        Err(_) => {
            cx.error(
                e.span(),
                format!("`{what}` needs {N} coordinates, found {}", v.len()),
                "",
            );
            None
        }
    }
}

/// A point padded to 3D (z = 0).
pub(super) fn pad3(v: &[f64]) -> [f64; 3] {
    [v[0], v[1], v.get(2).copied().unwrap_or(0.0)]
}

/// Reads `key` as a length among checked fields.
pub(super) fn length_field(
    cx: &mut Ctx,
    fields: &[(String, &Field)],
    key: &str,
) -> Option<Option<f64>> {
    match get(fields, key) {
        Some(f) => cx.number(&f.value, Dim::Length, key).map(Some),
        None => Some(None),
    }
}
