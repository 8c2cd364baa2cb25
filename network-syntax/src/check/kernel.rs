//! NEST's kernel settings besides the resolution: `min_delay` and `max_delay`.

use super::Ctx;
use crate::ast::*;
use crate::units::Dim;
use syn::Ident;

/// `min_delay = 0.5 ms; max_delay = 20 ms;`. Why: NEST wants both or neither, a
/// `min_delay` of at least one step (rounded down to the grid) and not above
/// `max_delay` (rounded up); every connection's delay must then lie between them.
pub(super) fn delay_extrema(cx: &mut Ctx, ast: &NetworkAst) -> Option<(f64, f64)> {
    let mut found: [Option<(f64, &Ident)>; 2] = [None, None];
    for item in &ast.items {
        let Item::Setting { key, value } = item else {
            continue;
        };
        let slot = match key.to_string().as_str() {
            "min_delay" => 0,
            "max_delay" => 1,
            _ => continue,
        };
        if found[slot].is_none() {
            let v = cx.number(value, Dim::Time, &key.to_string())?;
            found[slot] = Some((v, key));
        }
    }
    let (min, max) = match found {
        [None, None] => return None,
        [Some((min, _)), Some((max, _))] => (min, max),
        [Some((_, key)), None] | [None, Some((_, key))] => {
            cx.error(
                key.into(),
                "NEST needs both `min_delay` and `max_delay`",
                "set both, e.g. `min_delay = 0.5 ms; max_delay = 20 ms;`",
            );
            return None;
        }
    };
    let res = network_spec::Resolution::new(cx.resolution).ok()?;
    let key = found[0].expect("both set").1;
    let finite = min.is_finite() && max.is_finite();
    let (min_steps, max_steps) = if finite {
        res.delay_extrema_steps(min, max)
    } else {
        (0, 0)
    };
    if !finite || min_steps < 1 {
        cx.error(
            key.into(),
            format!(
                "min_delay = {min} ms is below the resolution ({} ms)",
                cx.resolution
            ),
            "min_delay must be at least one step",
        );
        return None;
    }
    if min_steps > max_steps {
        cx.error(
            key.into(),
            format!("min_delay = {min} ms is above max_delay = {max} ms"),
            "NEST requires min_delay <= max_delay",
        );
        return None;
    }
    Some((min, max))
}
