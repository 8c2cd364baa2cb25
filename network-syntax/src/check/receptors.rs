//! Receptor ports of multisynapse neurons: `tau_syn` lists, the transmitters a neuron
//! declares (which name its ports, in order, and give their time constants), and the
//! `receptor` a connection or stimulator names.
//!
//! The mapping: a neuron of `iaf_psc_alpha_multisynapse` or `iaf_psc_exp_multisynapse`
//! that declares `transmitters: [AMPA, NMDA]` has port 1 for AMPA and port 2 for NMDA.
//! `transmitters: { AMPA: 2 ms, NMDA: 100 ms }` also sets each port's `tau_syn`; the
//! list form takes `tau_syn` from the parameters, or else from the literature
//! ([`crate::model_table::TRANSMITTERS`]).

use super::Ctx;
use crate::ast::*;
use crate::description::{BaseModel, NeuronDesc};
use crate::model_table::Transmitter;
use crate::units::Dim;

/// A declared transmitter: its name, the time written for it (ms), and where.
pub(super) struct Declared {
    pub name: String,
    pub tau: Option<f64>,
    pub span: SpanRange,
}

/// `transmitters: [AMPA, NMDA]` or `transmitters: { AMPA: 2 ms, NMDA: 100 ms }`. Why:
/// a transmitter the language does not know has no receptor and no literature time
/// constant, and one declared twice would name two ports.
pub(super) fn transmitters(cx: &mut Ctx, e: &Expr) -> Option<Vec<Declared>> {
    let entries: Vec<(&syn::Ident, Option<&Expr>)> = match e {
        Expr::List { elems, .. } => {
            let mut out = Vec::new();
            for elem in elems {
                match elem {
                    Expr::Ident(i) => out.push((i, None)),
                    other => {
                        unknown(cx, other.span());
                        return None;
                    }
                }
            }
            out
        }
        Expr::Fields(f) => f.fields.iter().map(|f| (&f.name, Some(&f.value))).collect(),
        other => {
            cx.error(
                other.span(),
                "`transmitters` must be a list or a block of rise times",
                "e.g. `[AMPA, NMDA]` or `{ AMPA: 2 ms, NMDA: 100 ms }`",
            );
            return None;
        }
    };
    let mut out: Vec<Declared> = Vec::new();
    let mut ok = true;
    for (ident, value) in entries {
        let name = ident.to_string();
        if Transmitter::from_name(&name).is_none() {
            unknown(cx, ident.into());
            ok = false;
            continue;
        }
        if out.iter().any(|d| d.name == name) {
            cx.error(
                ident.into(),
                format!("transmitter `{name}` is declared twice"),
                "each transmitter names one receptor port; remove one",
            );
            ok = false;
            continue;
        }
        let tau = match value {
            Some(v) => match cx.number(v, Dim::Time, &format!("rise time of {name}")) {
                Some(t) if t > 0.0 => Some(t),
                Some(t) => {
                    cx.error(
                        v.span(),
                        format!("the rise time of {name} is {t} ms"),
                        "a synaptic time constant must be > 0 ms",
                    );
                    ok = false;
                    continue;
                }
                None => {
                    ok = false;
                    continue;
                }
            },
            None => None,
        };
        out.push(Declared {
            name,
            tau,
            span: ident.into(),
        });
    }
    ok.then_some(out)
}

fn unknown(cx: &mut Ctx, span: SpanRange) {
    cx.error(
        span,
        "unknown transmitter",
        format!("the transmitters are {}", Transmitter::names().join(", ")),
    );
}

/// `tau_syn: [2, 100] ms`. Why: NEST rejects a time constant <= 0; a list without any
/// port gives a neuron that no connection can reach.
pub(super) fn tau_syn(cx: &mut Ctx, e: &Expr) -> Option<Vec<f64>> {
    let taus = cx.numbers(e, Dim::Time, "tau_syn")?;
    let Expr::List { elems, .. } = e else {
        return None;
    };
    if taus.is_empty() {
        cx.error(
            e.span(),
            "`tau_syn` is empty: the neuron would have no receptor port",
            "give one time constant per port, e.g. `tau_syn: [2, 100] ms`",
        );
        return None;
    }
    for (k, (&tau, elem)) in taus.iter().zip(elems).enumerate() {
        if tau <= 0.0 {
            cx.error(
                elem.span(),
                format!("`tau_syn` of port {} is {tau} ms", k + 1),
                "every synaptic time constant must be > 0 ms",
            );
            return None;
        }
    }
    Some(taus)
}

/// The ports of a neuron and their `tau_syn`, from `tau_syn` (if written) and the
/// declared transmitters. Returns the transmitter of each port (empty when the ports
/// are only numbered) and sets `tau_syn` in `lists`.
pub(super) fn ports(
    cx: &mut Ctx,
    base: BaseModel,
    lists: &mut Vec<(&'static str, Vec<f64>)>,
    tau_syn_span: Option<SpanRange>,
    declared: Option<(&[Declared], SpanRange)>,
) -> Option<Vec<String>> {
    let Some((declared, span)) = declared else {
        return Some(Vec::new());
    };
    if !base.has_receptor_ports() {
        // Why: rise times would be silently ignored by a model without ports.
        if let Some(d) = declared.iter().find(|d| d.tau.is_some()) {
            cx.error(
                d.span,
                format!(
                    "a rise time for {} sets a receptor port, but {} has none",
                    d.name,
                    base.name()
                ),
                format!(
                    "use {}_multisynapse, or list the transmitters without times: `[{}]`",
                    base.name(),
                    d.name
                ),
            );
            return None;
        }
        return Some(Vec::new());
    }
    if base.port_list() != "tau_syn" {
        // Why: a transmitter sets its port's tau_syn, which this model does not have.
        cx.error(
            span,
            format!(
                "{} has no tau_syn for transmitters to set: its ports are the entries of \
                 E_rev, tau_rise and tau_decay",
                base.name()
            ),
            "remove `transmitters`, give one E_rev, tau_rise and tau_decay per port, and \
             connect with `receptor: k` (k = 1, 2, ..)",
        );
        return None;
    }
    if declared.is_empty() {
        cx.error(
            span,
            "no transmitter declared: the neuron would have no receptor port",
            format!("name at least one of {}", Transmitter::names().join(", ")),
        );
        return None;
    }
    let written = lists.iter().position(|(n, _)| *n == "tau_syn");
    let timed = declared.iter().any(|d| d.tau.is_some());
    match (written, timed) {
        (Some(_), true) => {
            cx.error(
                tau_syn_span.unwrap_or(span),
                "`tau_syn` is given twice: here and by the transmitters' rise times",
                "keep one: `transmitters: { AMPA: 2 ms, .. }` or `tau_syn` with \
                 `transmitters: [AMPA, ..]`",
            );
            return None;
        }
        (Some(i), false) if lists[i].1.len() != declared.len() => {
            cx.error(
                tau_syn_span.unwrap_or(span),
                format!(
                    "`tau_syn` has {} time constant{} for {} transmitters",
                    lists[i].1.len(),
                    if lists[i].1.len() == 1 { "" } else { "s" },
                    declared.len()
                ),
                "give one `tau_syn` per declared transmitter, in the same order",
            );
            return None;
        }
        (Some(_), false) => {}
        (None, _) => {
            let taus = declared
                .iter()
                .map(|d| {
                    d.tau.unwrap_or_else(|| {
                        base.default_tau_syn(
                            Transmitter::from_name(&d.name).expect("a checked transmitter"),
                        )
                    })
                })
                .collect();
            lists.push(("tau_syn", taus));
        }
    }
    Some(declared.iter().map(|d| d.name.clone()).collect())
}

/// What a connection's `receptor` reaches.
pub(super) struct ReceptorTarget<'a> {
    /// The target population's neuron.
    pub neuron: &'a NeuronDesc,
    /// The target population's name.
    pub population: &'a str,
    /// Whether the connection carries current (dc and noise generators).
    pub current: bool,
}

/// The receptor port (`receptor_type`) a connection names with `receptor: 2` or
/// `receptor: NMDA`. Why: NEST accepts spikes on a multisynapse neuron only at a port
/// `1..=n`, currents only at 0, and a model without ports only at 0; a transmitter the
/// target has not declared names no port.
pub(super) fn receptor(
    cx: &mut Ctx,
    written: Option<&Field>,
    target: &ReceptorTarget<'_>,
    missing: SpanRange,
) -> Option<u16> {
    let n = target.neuron.receptor_ports();
    let model = target.neuron.base.name();
    let pop = target.population;
    let listing = port_listing(target.neuron);
    let Some(field) = written else {
        if n > 0 && !target.current {
            cx.error(
                missing,
                format!("`{pop}` ({model}) needs a receptor port for each connection"),
                format!("add `receptor: ..` to the synapse: {listing}"),
            );
            return None;
        }
        return Some(0);
    };
    let span = field.value.span();
    if target.current {
        cx.error(
            span,
            "a current generator has no receptor port",
            "NEST delivers currents to receptor 0 only: remove `receptor`",
        );
        return None;
    }
    if n == 0 {
        cx.error(
            span,
            format!("`{pop}` ({model}) has no receptor ports"),
            "the weight's sign picks excitation or inhibition: remove `receptor`, or use a \
             multisynapse model",
        );
        return None;
    }
    match &field.value {
        Expr::Number(q) if q.integer && q.unit.is_none() => {
            if q.value >= 1.0 && q.value <= n as f64 {
                return Some(q.value as u16);
            }
            cx.error(
                span,
                format!("receptor port {} is out of range", q.value),
                format!("`{pop}` ({model}) has {listing}"),
            );
            None
        }
        Expr::Ident(i) => {
            let name = i.to_string();
            if let Some(k) = target.neuron.ports.iter().position(|p| *p == name) {
                return Some(k as u16 + 1);
            }
            let (message, help) = if Transmitter::from_name(&name).is_none() {
                (
                    format!("unknown receptor `{name}`"),
                    format!(
                        "name a port by number or by a transmitter ({}); `{pop}` has {listing}",
                        Transmitter::names().join(", ")
                    ),
                )
            } else {
                (
                    format!(
                        "`{pop}`'s neuron `{}` does not declare the transmitter {name}",
                        target.neuron.name
                    ),
                    format!(
                        "declare it in `where {{ transmitters: [..] }}`; `{pop}` has {listing}"
                    ),
                )
            };
            cx.error(span, message, help);
            None
        }
        other => {
            cx.error(
                other.span(),
                "`receptor` is a port number or a transmitter name",
                format!("e.g. `receptor: 1` or `receptor: AMPA`; `{pop}` has {listing}"),
            );
            None
        }
    }
}

/// "2 receptor ports: 1 (AMPA), 2 (NMDA)".
fn port_listing(neuron: &NeuronDesc) -> String {
    let n = neuron.receptor_ports();
    if n == 0 {
        return "no receptor ports".into();
    }
    let ports: Vec<String> = (1..=n)
        .map(|k| match neuron.ports.get(k - 1) {
            Some(t) => format!("{k} ({t})"),
            None => k.to_string(),
        })
        .collect();
    format!(
        "{n} receptor port{}: {}",
        if n == 1 { "" } else { "s" },
        ports.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use crate::description::{Description, Wiring};

    fn parse(text: &str) -> Description {
        let tokens: proc_macro2::TokenStream = text.parse().unwrap();
        crate::parse(tokens).unwrap_or_else(|d| panic!("{}", d[0].text()))
    }

    fn tau_syn(d: &Description, neuron: usize) -> Vec<f64> {
        let n = &d.neurons[neuron];
        n.lists
            .iter()
            .find(|(k, _)| *k == "tau_syn")
            .unwrap()
            .1
            .clone()
    }

    #[test]
    fn transmitters_number_the_ports_and_give_tau_syn() {
        let d = parse(
            "neuron A = iaf_psc_exp_multisynapse where { transmitters: [NMDA, AMPA] };
             neuron B = iaf_psc_alpha_multisynapse where { transmitters: [GABA_B] };
             neuron C = iaf_psc_alpha_multisynapse where { transmitters: { AMPA: 2 ms, GABA_A: 0.008 s } };
             neuron D = iaf_psc_exp_multisynapse { tau_syn: [3, 4] ms } where { transmitters: [AMPA, NMDA] };
             population a = A[2];
             population c = C[2];
             connect a -> a: all_to_all, via static_synapse { weight: 1 pA, receptor: AMPA };
             connect c -> c: all_to_all, via static_synapse { weight: 1 pA, receptor: GABA_A };
             connect x = a -> c: all_to_all, via static_synapse { weight: 1 pA, receptor: 1 };",
        );
        assert_eq!(tau_syn(&d, 0), [40.0, 2.4]);
        assert_eq!(d.neurons[0].ports, ["NMDA", "AMPA"]);
        assert!((tau_syn(&d, 1)[0] - 103.2).abs() < 0.01);
        assert_eq!(tau_syn(&d, 2), [2.0, 8.0]);
        assert_eq!(tau_syn(&d, 3), [3.0, 4.0]);
        let receptors: Vec<u16> = d
            .wiring
            .iter()
            .map(|w| match w {
                Wiring::Projection(p) => p.synapse.receptor,
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(receptors, [2, 2, 1]);
    }
}
