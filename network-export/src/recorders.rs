//! The PyNEST statements of a plan's recorders: spike recorders and multimeters
//! (`Create` and `Connect`), and weight recorders (`Create`, then `SetDefaults` on the
//! synapse model copy each recorded connection was made with).

use super::devices::{docs, target, window_params};
use super::python::{dict, float, ident, string};
use super::statements::{doc_or, Input};
use super::Cell;
use network_core::Result;
use network_syntax::lowering::{self, Step, Target};

/// `time_in_steps: True` when set (NEST's default is False).
fn in_steps(params: &mut Vec<(&'static str, String)>, on: bool) {
    if on {
        params.push(("time_in_steps", "True".into()));
    }
}

/// A recorder: `Create` and `Connect`.
fn recorder(
    input: &Input,
    wiring: usize,
    name: &str,
    model: &str,
    mut params: Vec<(&'static str, String)>,
    window: lowering::Window,
    (targets, generators): (&[Target], &[String]),
) -> Cell {
    let var = ident(name);
    // One Connect per recorded selection (`<- exc, inh`).
    let mut connects = Vec::new();
    let mut whats = Vec::new();
    for t in targets {
        let (sel, what) = target(input, t);
        connects.push(match model {
            "spike_recorder" => format!("nest.Connect({sel}, {var})"),
            _ => format!("nest.Connect({var}, {sel})"),
        });
        whats.push(what);
    }
    // A generator recorded itself: the recorder is one more of its targets.
    for g in generators {
        connects.push(format!("nest.Connect({}, {var})", ident(g)));
        whats.push(format!("generator `{g}`"));
    }
    let connect = connects.join("\n");
    params.extend(window_params(window));
    let markdown = doc_or(
        docs(input, wiring),
        format!("Recorder `{name}` ({model}) on {}.", whats.join(", ")),
    );
    Cell {
        markdown,
        code: format!(
            "{var} = nest.Create({}, params={})\n{connect}",
            string(model),
            dict(&params)
        ),
    }
}

/// A spike recorder; one that writes files writes NEST's ASCII files named by it.
pub(super) fn spike_recorder(input: &Input, r: &lowering::SpikeRecorder) -> Cell {
    let mut params = Vec::new();
    if let lowering::RecordTo::Ascii { .. } = r.record_to {
        params.push(("record_to", string("ascii")));
        params.push(("label", string(&r.name)));
    }
    in_steps(&mut params, r.time_in_steps);
    let (wiring, name) = (r.wiring, &r.name);
    recorder(
        input,
        wiring,
        name,
        "spike_recorder",
        params,
        r.window,
        (&r.targets, &r.generators),
    )
}

/// A multimeter.
pub(super) fn multimeter(input: &Input, m: &lowering::Multimeter) -> Cell {
    let rf: Vec<String> = m.record_from.iter().map(|r| string(&r.name())).collect();
    let mut params = vec![
        ("interval", float(m.interval)),
        ("offset", float(m.offset)),
        ("record_from", format!("[{}]", rf.join(", "))),
    ];
    in_steps(&mut params, m.time_in_steps);
    let (wiring, name) = (m.wiring, &m.name);
    recorder(
        input,
        wiring,
        name,
        "multimeter",
        params,
        m.window,
        (&m.targets, &[]),
    )
}

/// A weight recorder: NEST sets it as the `weight_recorder` of a synapse model, so each
/// recorded connection was made with a copy of its own (`<model>__<field>`, see
/// `Input::common_model`); setting it after the connections exist is allowed.
pub(super) fn weight_recorder(input: &Input, w: &lowering::WeightRecorder) -> Result<Cell> {
    let var = ident(&w.name);
    let mut params = Vec::new();
    if let lowering::RecordTo::Ascii { .. } = w.record_to {
        params.push(("record_to", string("ascii")));
        params.push(("label", string(&w.name)));
    }
    in_steps(&mut params, w.time_in_steps);
    let pops = |list: &[usize]| {
        let sel: Vec<String> = list
            .iter()
            .map(|&p| target(input, &Target::All(p)).0)
            .collect();
        sel.join(" + ")
    };
    if !w.senders.is_empty() {
        params.push(("senders", pops(&w.senders)));
    }
    if !w.targets.is_empty() {
        params.push(("targets", pops(&w.targets)));
    }
    params.extend(window_params(w.window));
    let mut code = format!(
        "{var} = nest.Create(\"weight_recorder\", params={})",
        dict(&params)
    );
    for field in &w.connections {
        let c = input
            .plan
            .steps
            .iter()
            .find_map(|s| match s {
                Step::Connect(c) if &c.field == field => Some(c),
                _ => None,
            })
            .expect("the lowering recorded an earlier connection");
        let (copy, _) = input
            .common_model(&c.synapse, &c.field)?
            .expect("a recorded connection has a model copy of its own");
        code.push_str(&format!(
            "\nnest.SetDefaults({}, {{\"weight_recorder\": {var}}})",
            string(&copy)
        ));
    }
    let markdown = doc_or(
        docs(input, w.wiring),
        format!(
            "Weight recorder `{}` on {}.",
            w.name,
            w.connections
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
    Ok(Cell { markdown, code })
}
