//! The canonical text of a plan: one line per setting, Rust expression and step, with
//! numbers printed so that they read back as the same `f64`. Spacing, comments, doc
//! comments and metadata of the description do not count; the macro and the loader
//! print the same text for the same description, and the engine hashes it into every
//! output's provenance.

use super::*;
use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use std::fmt::{self, Write};

impl Plan {
    /// The plan as stable text (see the module documentation).
    pub fn canonical(&self) -> String {
        let mut out = String::new();
        self.write(&mut out)
            .expect("writing to a String cannot fail");
        out
    }

    fn write(&self, out: &mut String) -> fmt::Result {
        writeln!(out, "resolution {:?}", self.resolution)?;
        writeln!(out, "seed {}", self.seed)?;
        if let Some(path) = &self.data_path {
            writeln!(out, "data_path {path:?}")?;
        }
        if let Some(prefix) = &self.data_prefix {
            writeln!(out, "data_prefix {prefix:?}")?;
        }
        if let Some((min, max)) = self.delay_extrema {
            writeln!(out, "delay_extrema {min:?} {max:?}")?;
        }
        for (i, e) in self.exprs.iter().enumerate() {
            let ty = if e.integer { "usize" } else { "f64" };
            writeln!(
                out,
                "expr {i} {ty} * {:?} {{{}}}",
                e.factor,
                tokens(&e.tokens)
            )?;
        }
        for step in &self.steps {
            step.write(out)?;
            out.push('\n');
        }
        for action in &self.protocol {
            writeln!(out, "protocol {action:?}")?;
        }
        Ok(())
    }
}

impl Step {
    fn write(&self, out: &mut String) -> fmt::Result {
        match self {
            Step::Model(n) => write!(
                out,
                "model {:?} {} {:?} {:?} firing {:?}",
                n.name,
                n.base.name(),
                n.params,
                n.lists,
                n.firing
            ),
            Step::Population(p) => write!(
                out,
                "population {} {:?} {:?} {:?} {:?}",
                p.index,
                p.name,
                p.model,
                p.size,
                p.layout
            )
            .and_then(|()| match p.initial.is_empty() {
                // Only where written, so populations without values hash as before.
                true => Ok(()),
                false => write!(out, " with {:?}", p.initial),
            }),
            Step::Within(w) => write!(
                out,
                "within {} {} {:?} anchor {:?} at {:?}",
                w.slot,
                w.population,
                w.mask.mask.shape(),
                anchor(&w.mask.mask),
                w.center
            ),
            Step::SpikeRecorder(r) => write!(
                out,
                "spike_recorder {:?} {} {:?} {:?}{}",
                r.name,
                window(r.window),
                r.record_to,
                r.targets,
                in_steps(r.time_in_steps)
            )
            .and_then(|()| match r.generators.is_empty() {
                // Only where written, so recorders on neurons hash as before.
                true => Ok(()),
                false => write!(out, " generators {:?}", r.generators),
            }),
            Step::Multimeter(m) => write!(
                out,
                "multimeter {:?} {:?} {:?} {} {} {:?}{}",
                m.name,
                m.interval,
                m.offset,
                recordables(&m.record_from),
                window(m.window),
                m.targets,
                in_steps(m.time_in_steps)
            ),
            Step::WeightRecorder(w) => write!(
                out,
                "weight_recorder {:?} {} {:?} {:?} senders {:?} targets {:?}{}",
                w.name,
                window(w.window),
                w.record_to,
                w.connections,
                w.senders,
                w.targets,
                in_steps(w.time_in_steps)
            ),
            Step::Generator(g) => write!(
                out,
                "generator {:?} {:?} {} {:?} {}",
                g.name,
                g.stimulus,
                window(g.window),
                g.targets,
                synapse(&g.synapse)
            ),
            Step::Connect(c) => write!(
                out,
                "connect {:?} {:?} {} {} {:?} mask {:?} kernel {:?} autapses {} multapses {} use_on_source {} {}",
                c.field,
                c.name,
                c.source,
                c.target,
                c.rule,
                c.mask.as_ref().map(|m| (m.mask.shape(), anchor(&m.mask))),
                c.kernel,
                c.autapses,
                c.multapses,
                c.use_on_source,
                synapse(&c.synapse)
            )
            .and_then(|()| {
                // Slices only where written, so whole populations print as they always have.
                match (&c.sources, &c.targets) {
                    (Target::All(_), Target::All(_)) => Ok(()),
                    (s, t) => write!(out, " slices {s:?} {t:?}"),
                }
            }),
            // Rate steps print their whole value (`RateStep`'s Debug), stable text.
            Step::Rate(r) => write!(out, "rate {r:?}"),
        }
    }
}

/// The anchor as the text has always shown it: `None` for the origin.
fn anchor(m: &Mask) -> Option<[f64; 3]> {
    (m.anchor() != [0.0; 3]).then_some(m.anchor())
}

/// Recordables by their NEST names: `[V_m, I_syn_2]`.
fn recordables(r: &[Recordable]) -> String {
    let r: Vec<String> = r.iter().map(|r| r.name().into_owned()).collect();
    format!("[{}]", r.join(", "))
}

fn window(w: Window) -> String {
    format!("window {:?}..{:?}", w.start, w.stop)
}

fn synapse(s: &Synapse) -> String {
    format!(
        "synapse {} {:?} weight {:?} delay {:?} receptor {:?} {:?}",
        s.base.name(),
        s.variant,
        s.weight,
        s.delay,
        s.receptor,
        s.params
    )
}

/// Tokens as text with one space between tokens, none after a joint punctuation
/// (`->`, `::`), whatever printer made them.
fn tokens(stream: &TokenStream) -> String {
    let mut out = String::new();
    let mut joint = false;
    for tt in stream.clone() {
        if !out.is_empty() && !joint {
            out.push(' ');
        }
        joint = false;
        match tt {
            TokenTree::Group(g) => {
                let (open, close) = match g.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Brace => ("{", "}"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::None => ("", ""),
                };
                out.push_str(open);
                out.push_str(&tokens(&g.stream()));
                out.push_str(close);
            }
            TokenTree::Punct(p) => {
                out.push(p.as_char());
                joint = p.spacing() == Spacing::Joint;
            }
            TokenTree::Ident(i) => out.push_str(&i.to_string()),
            TokenTree::Literal(l) => out.push_str(&l.to_string()),
        }
    }
    out
}

/// ` time_in_steps` when set, nothing otherwise (so that recorders without it print as
/// they always have).
fn in_steps(on: bool) -> &'static str {
    if on {
        " time_in_steps"
    } else {
        ""
    }
}

#[cfg(all(test, feature = "parse"))]
mod tests {
    fn canonical(text: &str) -> String {
        let d = crate::parse(text.parse().unwrap()).unwrap();
        super::lower(&d).canonical()
    }

    #[test]
    fn spacing_comments_and_docs_do_not_count() {
        let a = canonical(
            "neuron Cell = iaf_psc_alpha { I_e: 400 pA };
             population cells = Cell[10];
             stimulate drive = poisson_generator { rate: {R * 2.0} Hz } -> cells;",
        );
        let b = canonical(
            "/// Cells.\nneuron Cell = iaf_psc_alpha {I_e : 400   pA}; // a comment
             population cells=Cell[10];
             stimulate drive = poisson_generator{rate:{R*2.0} Hz}->cells;",
        );
        assert_eq!(a, b);
        assert!(a.contains("{R * 2.0}"), "{a}");
        assert!(a.contains("I_e\", 400.0"), "{a}");
    }

    #[test]
    fn a_changed_value_changes_the_text() {
        let a = canonical("neuron Cell = iaf_psc_alpha { I_e: 400 pA }; population c = Cell[10];");
        let b = canonical("neuron Cell = iaf_psc_alpha { I_e: 401 pA }; population c = Cell[10];");
        assert_ne!(a, b);
    }
}
