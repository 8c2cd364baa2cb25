//! The `weight_recorder` statement: the connections it records and its `senders` and
//! `targets` filters.

use super::devices::record_to;
use super::values::get;
use super::Ctx;
use crate::ast::*;
use crate::description::*;

/// A `weight_recorder`: its `<- ..` names connections declared before it (NEST sets
/// the recorder on their synapse models, which exist by then); `senders` and `targets`
/// name populations among those connections' sources and targets. Why: a weight
/// recorder records synapses, not neurons, and a filter naming a population none of its
/// connections joins would record nothing.
pub(super) fn weight_recorder(
    cx: &mut Ctx,
    fields: &[(String, &Field)],
    d: &DeviceItem,
    wiring: &[Wiring],
) -> Option<RecorderKind> {
    let ascii = record_to(cx, fields)?;
    let mut connections = Vec::new();
    for t in &d.targets {
        let name = t.population.to_string();
        match cx.names.get(&name) {
            Some(&(super::Kind::Projection, index)) if t.slice.is_none() && t.within.is_none() => {
                if let Some((_, other)) = cx.weight_recorded.iter().find(|(c, _)| *c == index) {
                    let other = other.clone();
                    cx.error(
                        (&t.population).into(),
                        format!("connection `{name}` already has weight recorder `{other}`"),
                        "NEST sets one weight recorder on a connection's synapse model; record it with that one",
                    );
                    return None;
                }
                if index != super::POISONED {
                    connections.push(index);
                    cx.weight_recorded.push((index, d.name.to_string()));
                }
            }
            Some(&(super::Kind::Projection, _)) => {
                cx.error(
                    (&t.population).into(),
                    format!("a weight recorder records all of connection `{name}`"),
                    "remove the slice; restrict it with `senders:` and `targets:`",
                );
                return None;
            }
            _ => {
                cx.error(
                    (&t.population).into(),
                    format!("`{name}` is not a connection declared before this weight recorder"),
                    "a weight recorder records named connections (`connect e2i = exc -> inh ..;`) written above it",
                );
                return None;
            }
        }
    }
    if d.targets.is_empty() {
        cx.error(
            (&d.name).into(),
            "a weight recorder needs the connections it records",
            format!("e.g. `record {} = weight_recorder <- e2i;`", d.name),
        );
        return None;
    }
    let ends: Vec<(usize, usize)> = connections
        .iter()
        .filter_map(|&c| match wiring.get(c) {
            Some(Wiring::Projection(p)) => Some((p.source, p.target)),
            _ => None,
        })
        .collect();
    let senders = populations(cx, fields, "senders", &ends, |e| e.0)?;
    let targets = populations(cx, fields, "targets", &ends, |e| e.1)?;
    Some(RecorderKind::Weights {
        ascii,
        connections,
        senders,
        targets,
    })
}

/// `key: pop` or `key: [a, b]`: population indices, each the source (or target, as
/// `end` picks) of one of the recorded connections `ends` (source, target).
fn populations(
    cx: &mut Ctx,
    fields: &[(String, &Field)],
    key: &str,
    ends: &[(usize, usize)],
    end: fn(&(usize, usize)) -> usize,
) -> Option<Vec<usize>> {
    let Some(f) = get(fields, key) else {
        return Some(Vec::new());
    };
    let elems: Vec<&Expr> = match &f.value {
        Expr::List { elems, .. } => elems.iter().collect(),
        e => vec![e],
    };
    let mut out = Vec::new();
    for e in elems {
        let found = match e {
            Expr::Ident(i) => match cx.names.get(&i.to_string()) {
                Some(&(super::Kind::Population, index)) => Some((index, i.to_string())),
                _ => None,
            },
            _ => None,
        };
        match found {
            Some((index, _)) if index == super::POISONED => return None,
            Some((index, _)) if ends.iter().map(end).any(|p| p == index) => out.push(index),
            Some((_, name)) => {
                let role = if key == "senders" {
                    "sends"
                } else {
                    "receives"
                };
                let mut allowed: Vec<String> = Vec::new();
                for e in ends {
                    let pop = format!("`{}`", cx.populations[end(e)].name);
                    if !allowed.contains(&pop) {
                        allowed.push(pop);
                    }
                }
                cx.error(
                    e.span(),
                    format!("`{name}` {role} through none of the connections this weight recorder records"),
                    format!(
                        "`{key}` names populations among {}; remove `{name}` or record a connection it joins",
                        allowed.join(", ")
                    ),
                );
                return None;
            }
            None => {
                cx.error(
                    e.span(),
                    format!("`{key}` names populations"),
                    format!("e.g. `{key}: exc` or `{key}: [exc, inh]`"),
                );
                return None;
            }
        }
    }
    Some(out)
}
