//! The doc comments of the generated fields, from the description's metadata.

use network_syntax::description::*;

/// A population's field: its doc comments, size, model, class and metadata.
pub fn population(d: &Description, p: &PopulationDesc) -> String {
    let m = &d.neurons[p.model];
    let mut doc = lead(&p.docs);
    doc.push_str(&format!(
        "Population `{}`: {} neurons of `{}` ({})",
        p.name,
        p.size,
        m.name,
        m.base.name()
    ));
    if let Some(class) = m.class {
        doc.push_str(&format!(", {}", class.name()));
    }
    doc.push('.');
    push_meta(&mut doc, m.meta.iter().chain(&p.meta));
    doc
}

/// A device's field: `what` on its targets.
pub fn device(d: &Description, w: &Wiring) -> String {
    let (docs, what, targets) = match w {
        Wiring::Recorder(r) => (&r.docs, format!("Recorder `{}`", r.name), &r.targets[..]),
        Wiring::Stimulator(s) => (&s.docs, format!("Stimulator `{}`", s.name), &s.targets[..]),
        Wiring::Projection(p) => return projection(d, p),
    };
    let mut doc = lead(docs);
    let on: Vec<String> = targets
        .iter()
        .map(|t| {
            let pop = &d.populations[t.population].name;
            let sel = match &t.select {
                SelectDesc::All => String::new(),
                SelectDesc::Range(a, z) => format!(" [{a}..{z}]"),
                SelectDesc::List(l) => format!(" {l:?}"),
                SelectDesc::Within(m, _) => {
                    format!(" within {}", m.name.as_deref().unwrap_or("a mask"))
                }
            };
            format!("`{pop}`{sel}")
        })
        .collect();
    doc.push_str(&format!("{what} on {}.", on.join(", ")));
    doc
}

/// A projection's field: its rule, how it was derived from biology, its metadata.
fn projection(d: &Description, p: &ProjectionDesc) -> String {
    let mut doc = lead(&p.docs);
    doc.push_str(&format!("Projection `{}` ({:?}).", p.name, p.rule));
    if let Some(dv) = p.derived {
        doc.push_str(&format!(
            " Derived from biology: indegree = max(1, round({} / 100 * {} / {} * {} / {})) = {}; outdegree = boutons = {}; mask of the axon radius {} mm.",
            dv.projection_percent,
            d.populations[p.source].size,
            d.populations[p.target].size,
            dv.boutons,
            dv.redundancy,
            dv.indegree,
            dv.outdegree,
            dv.axon_radius
        ));
    }
    push_meta(&mut doc, &p.meta);
    doc
}

/// The statement's doc comments and a blank line, if it has any.
fn lead(docs: &[String]) -> String {
    let mut doc = docs.join("\n");
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    doc
}

fn push_meta<'a>(doc: &mut String, meta: impl IntoIterator<Item = &'a (String, String)>) {
    for (k, v) in meta {
        doc.push_str(&format!("\n- {k}: {v}"));
    }
}

/// A rate population's field: its doc comments, size and model.
pub fn rate_population(d: &Description, index: usize) -> String {
    let p = &d.rate.populations[index];
    let n = &d.rate.neurons[p.neuron];
    let mut doc = lead(&p.docs);
    doc.push_str(&format!(
        "Rate population `{}`: {} neurons of `{}` ({}).",
        p.name,
        p.size,
        n.name,
        n.model.name()
    ));
    doc
}

/// A rate multimeter's field: what it records, on which population.
pub fn rate_multimeter(d: &Description, name: &str) -> String {
    let Some(m) = d.rate.multimeters.iter().find(|m| m.name == name) else {
        return String::new();
    };
    let mut doc = lead(&m.docs);
    let rf: Vec<String> = m
        .record_from
        .iter()
        .map(|r| r.name().into_owned())
        .collect();
    doc.push_str(&format!(
        "Multimeter `{}` recording {} every {} ms on rate population `{}`; samples: `net.rate_samples(&net.{})`.",
        m.name,
        rf.join(", "),
        m.interval,
        d.rate.populations[m.population].name,
        m.name
    ));
    doc
}
