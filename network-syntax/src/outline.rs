//! The names a description declares, read from its syntax tree alone (so they are known
//! even when the description has errors): the fields of the type `network!` generates.

use crate::ast::{self, NetworkAst};
use crate::check;

/// What a field of the generated type holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A population, with its size when written as a whole number (a const generic).
    Population(Option<usize>),
    /// A spike recorder.
    SpikeRecorder,
    /// A voltmeter or multimeter.
    Multimeter,
    /// A stimulator.
    Generator,
    /// A named connection.
    Projection,
    /// A field of the sizes struct (`[dyn name]`), not of the network type.
    RuntimeSize,
    /// A population of rate neurons.
    RatePopulation,
    /// A multimeter on rate neurons.
    RateMultimeter,
    /// A recorder a `protocol` block adds between runs (`None` until it runs there):
    /// the kind of recorder it is.
    Added(AddedRecorder),
    /// A connection read by a `protocol` block (`None` until it runs there).
    ConnectionRead,
}

/// The kind of a recorder a `protocol` block adds between runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddedRecorder {
    /// A spike recorder.
    Spikes,
    /// A voltmeter or multimeter.
    Multimeter,
    /// A weight recorder.
    Weights,
}

impl AddedRecorder {
    /// The kind of recorder `kind` (a recorder's name in the language) is.
    pub fn of(kind: &str) -> Self {
        match kind {
            "spike_recorder" => AddedRecorder::Spikes,
            "weight_recorder" => AddedRecorder::Weights,
            _ => AddedRecorder::Multimeter,
        }
    }
}

/// The names a description declares, read from the syntax tree alone (so they are
/// known even when the description has errors).
pub fn outline(ast: &NetworkAst) -> Vec<(syn::Ident, FieldKind)> {
    use ast::{Broken, Item};
    let mut fields = Vec::new();
    let rate = rate_names(ast);
    for item in &ast.items {
        if let Item::Population(p) = item {
            let kind = if rate.contains(&p.name.to_string()) {
                FieldKind::RatePopulation
            } else {
                FieldKind::Population(fixed_size(p))
            };
            fields.push((p.name.clone(), kind));
        }
    }
    for item in &ast.items {
        if let Item::Population(p) = item {
            if let (Some(_), ast::Expr::Ident(size)) = (&p.dynamic, &p.size) {
                fields.push((size.clone(), FieldKind::RuntimeSize));
            }
        }
    }
    let mut connected = Vec::new();
    for item in &ast.items {
        match item {
            Item::Record(d)
                if d.targets
                    .iter()
                    .any(|t| rate.contains(&t.population.to_string())) =>
            {
                fields.push((d.name.clone(), FieldKind::RateMultimeter))
            }
            // A rate connection has no handle.
            Item::Connect(c)
                if [&c.source.population, &c.target.population]
                    .iter()
                    .any(|p| rate.contains(&p.to_string())) => {}
            Item::Record(d) if d.kind == "spike_recorder" => {
                fields.push((d.name.clone(), FieldKind::SpikeRecorder))
            }
            Item::Record(d) => fields.push((d.name.clone(), FieldKind::Multimeter)),
            Item::Stimulate(d) => fields.push((d.name.clone(), FieldKind::Generator)),
            Item::Protocol(p) => {
                for s in &p.statements {
                    match s {
                        ast::ProtocolStatement::Record(d) => {
                            let kind = AddedRecorder::of(&d.kind.to_string());
                            fields.push((d.name.clone(), FieldKind::Added(kind)));
                        }
                        ast::ProtocolStatement::Read { name, .. } => {
                            fields.push((name.clone(), FieldKind::ConnectionRead))
                        }
                        _ => {}
                    }
                }
            }
            Item::Connect(c) => {
                let field = projection_field(
                    c.name.as_ref(),
                    &c.source.population,
                    &c.target.population,
                    &mut connected,
                );
                fields.push((field, FieldKind::Projection));
            }
            _ => {}
        }
    }
    for b in &ast.broken {
        match b {
            Broken::Named(keyword, name) if keyword == "population" => {
                fields.push((name.clone(), FieldKind::Population(None)))
            }
            Broken::Named(..) => {}
            Broken::Device(keyword, name, kind) => {
                let kind = match (keyword == "record", kind == "spike_recorder") {
                    (true, true) => FieldKind::SpikeRecorder,
                    (true, false) => FieldKind::Multimeter,
                    (false, _) => FieldKind::Generator,
                };
                fields.push((name.clone(), kind));
            }
            Broken::Connect {
                name,
                source,
                target,
            } => {
                let field = projection_field(name.as_ref(), source, target, &mut connected);
                fields.push((field, FieldKind::Projection));
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    fields.retain(|(name, _)| seen.insert(name.to_string()));
    fields
}

/// The names of the rate populations (populations of a neuron declared with a rate
/// model), read from the syntax tree.
fn rate_names(ast: &NetworkAst) -> Vec<String> {
    use ast::Item;
    let neurons: Vec<String> = ast
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Neuron(n)
                if network_spec::rate::RateModel::from_name(&n.base.to_string()).is_some() =>
            {
                Some(n.name.to_string())
            }
            _ => None,
        })
        .collect();
    ast.items
        .iter()
        .filter_map(|i| match i {
            Item::Population(p) if neurons.contains(&p.model.to_string()) => {
                Some(p.name.to_string())
            }
            _ => None,
        })
        .collect()
}

/// The field of a connection: its name, or the name the checks give an unnamed one
/// (`connected` holds the fields of the connections before it).
fn projection_field(
    name: Option<&syn::Ident>,
    source: &syn::Ident,
    target: &syn::Ident,
    connected: &mut Vec<String>,
) -> syn::Ident {
    let field = match name {
        Some(name) => name.clone(),
        None => {
            let (field, _) =
                check::unnamed_field(source, target, |f| connected.iter().any(|c| c == f));
            syn::Ident::new(&field, source.span())
        }
    };
    connected.push(field.to_string());
    field
}

/// A population's size when written as a whole number (not `[dyn name]`).
fn fixed_size(p: &ast::PopulationItem) -> Option<usize> {
    match (&p.dynamic, &p.size) {
        (None, ast::Expr::Number(q)) if q.integer && q.unit.is_none() && q.value >= 0.0 => {
            Some(q.value as usize)
        }
        _ => None,
    }
}
