//! `read NAME = CONNECTION { COLUMN, .. };` in a protocol: a named connection's synapses
//! read between runs (NEST's `GetConnections(..).get(["source", "target", ..])`), the
//! columns checked against what its synapse model's connections report.

use super::{Ctx, Kind, POISONED};
use crate::description::*;
use network_spec::synapse::CONNECTION_COLUMNS;
use syn::Ident;

/// Checks a read and declares its name; `None` after reporting why not.
pub(super) fn read(
    cx: &mut Ctx,
    name: &Ident,
    connection: &Ident,
    columns: Option<&[Ident]>,
    wiring: &[Wiring],
) -> Option<ProtocolStep> {
    let index = cx.lookup(connection, Kind::Projection, "`read` names a connection");
    let step = index.and_then(|index| {
        let Wiring::Projection(p) = &wiring[index] else {
            unreachable!("a connection's index is its wiring entry")
        };
        let readable = readable(cx, p);
        let columns = match columns {
            None => readable,
            Some(asked) => {
                let mut columns = Vec::with_capacity(asked.len());
                for c in asked {
                    columns.push(column(cx, c, p, &readable)?);
                }
                columns
            }
        };
        Some(ProtocolStep::ReadConnections {
            wiring: index,
            name: name.to_string(),
            columns,
        })
    });
    let declared = cx.declare(
        name,
        Kind::ConnectionRead,
        if step.is_some() { 0 } else { POISONED },
    );
    step.filter(|_| declared)
}

/// The columns a connection's synapses report: `weight`, `delay` and `receptor` ([`CONNECTION_COLUMNS`]), then the parameters and state
/// of its synapse model's table but a `_hom` model's common properties (NEST keeps
/// those in the model: `GetDefaults`).
fn readable(cx: &Ctx, p: &ProjectionDesc) -> Vec<&'static str> {
    let target = cx.neurons[cx.populations[p.target].model].base;
    let mut names = CONNECTION_COLUMNS.to_vec();
    for s in crate::settable::connection(p.synapse.base, target.weight_dimension()) {
        if !names.contains(&s.name) {
            names.push(s.name);
        }
    }
    names
}

/// One column asked for: a name of `readable`, or an error naming the connection and
/// suggesting the closest name.
fn column(
    cx: &mut Ctx,
    c: &Ident,
    p: &ProjectionDesc,
    readable: &[&'static str],
) -> Option<&'static str> {
    let text = c.to_string();
    if let Some(&found) = readable.iter().find(|n| **n == text) {
        return Some(found);
    }
    if matches!(text.as_str(), "source" | "target") {
        cx.error(
            c.into(),
            format!("`{text}` is read always; list only the columns after it"),
            format!("write `read .. = {} {{ weight }};`", p.field),
        );
        return None;
    }
    let model = p.synapse.base;
    let help = if model.common().contains(&text.as_str()) {
        format!(
            "`{text}` is a common property of {}: NEST keeps it in the synapse model (`GetDefaults`), not in each connection",
            model.name()
        )
    } else {
        match network_spec::error::closest(&text, readable) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("it reports {}", readable.join(", ")),
        }
    };
    cx.error(
        c.into(),
        format!(
            "the synapses of `{}` ({}) have no `{text}` to read",
            p.field,
            model.name()
        ),
        help,
    );
    None
}
