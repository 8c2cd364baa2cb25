//! A connection's biology: its `where { .. }` metadata and the reference workflow's
//! wiring derived from anatomy (`from_biology`).

use super::connect::spatial_rule;
use super::spatial::length_field;
use super::values::get;
use super::Ctx;
use crate::ast::*;
use crate::description::*;
use crate::units::Dim;

/// The `where { .. }` metadata of a connection as text, each value in its unit.
pub(super) fn meta_text(
    cx: &mut Ctx,
    fields: &[(String, &Field)],
) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (key, f) in fields {
        let text = match key.as_str() {
            "axon_organisation" => match &f.value {
                Expr::Ident(i) => i.to_string(),
                Expr::Str(s) => s.value(),
                e => {
                    cx.error(
                        e.span(),
                        "`axon_organisation` is a word or a string",
                        "e.g. `axon_organisation: local`",
                    );
                    return None;
                }
            },
            "axon_radius" => format!("{} mm", cx.number(&f.value, Dim::Length, key)?),
            "projection" => format!("{} %", cx.number(&f.value, Dim::Percent, key)?),
            _ => format!("{}", cx.number(&f.value, Dim::Number, key)?),
        };
        out.push((key.clone(), text));
    }
    Some(out)
}

/// The reference workflow's wiring from anatomy: indegree = max(1, round(P/100 ·
/// N_src/N_tgt · boutons/redundancy)), outdegree = boutons, within the axon's reach.
pub(super) fn from_biology(
    cx: &mut Ctx,
    c: &ConnectItem,
    fields: &[(String, &Field)],
    src: &PopulationDesc,
    tgt: &PopulationDesc,
) -> Option<Derived> {
    let mut missing = Vec::new();
    for key in ["projection", "boutons", "axon_radius"] {
        if get(fields, key).is_none() {
            missing.push(key);
        }
    }
    if !missing.is_empty() {
        cx.error(
            c.rule.span,
            format!(
                "`from_biology` needs {} in `where {{ .. }}`",
                missing.join(", ")
            ),
            "e.g. `where { projection: 10 %, boutons: 40, redundancy: 2, axon_radius: 300 um }`",
        );
        return None;
    }
    spatial_rule(cx, c.rule.span, "`from_biology`", src, tgt)?;
    let p = cx.number(
        &get(fields, "projection")?.value,
        Dim::Percent,
        "projection",
    )?;
    let boutons = cx.number(&get(fields, "boutons")?.value, Dim::Number, "boutons")?;
    let redundancy = match get(fields, "redundancy") {
        Some(f) => cx.number(&f.value, Dim::Number, "redundancy")?,
        None => 1.0,
    };
    let axon_radius = length_field(cx, fields, "axon_radius")??;
    for (key, v) in [
        ("projection", p),
        ("boutons", boutons),
        ("redundancy", redundancy),
        ("axon_radius", axon_radius),
    ] {
        if v <= 0.0 {
            let f = get(fields, key)?;
            cx.error(f.value.span(), format!("`{key}` must be > 0"), "");
            return None;
        }
    }
    // Why: the derived indegree is a number in the expansion, computed from the sizes.
    let (Some(src_size), Some(tgt_size)) = (src.size.fixed(), tgt.size.fixed()) else {
        let dynamic = if src.size.fixed().is_none() { src } else { tgt };
        cx.error(
            c.rule.span,
            format!(
                "`from_biology` derives the indegree from the population sizes, but the size of `{}` is only known at build time (`[dyn {}]`)",
                dynamic.name,
                match &dynamic.size {
                    Size::Runtime(n) => n.as_str(),
                    Size::Fixed(_) => "",
                }
            ),
            "give both populations a compile-time size, or write the rule, e.g. `fixed_indegree(100)`",
        );
        return None;
    };
    let raw = p / 100.0 * src_size as f64 / tgt_size as f64 * boutons / redundancy;
    Some(Derived {
        projection_percent: p,
        boutons,
        redundancy,
        axon_radius,
        indegree: (raw.round() as usize).max(1),
        outdegree: boutons.round() as usize,
    })
}
