//! Export to NEST: a built network as a self-contained PyNEST 3 script or a Jupyter
//! notebook that builds the same network (models as `CopyModel` variants, the positions
//! the engine drew, masks, rules, devices, resolution and seed), simulates it and prints
//! a summary as one line of JSON (spikes and rate per population, synapses per
//! connection, events per recorder).
//!
//! NEST draws connections, random weights and Poisson trains with its own generators,
//! so the two runs agree statistically, not spike for spike.
//!
//! It reads the description's lowering (`network-syntax` without its parser) and the
//! built network (`network-core`) and nothing else, so the code `network!` generates
//! (`export_pynest`, `export_notebook`, with the description the macro checked
//! embedded) pulls in neither a parser nor the loader (`network-load`, which re-exports
//! this crate as `network_load::export`).
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod devices;
mod expression;
mod notebook;
mod protocol;
mod python;
mod rate;
mod recorders;
mod statements;

use network_core::{Error, Network, Result};
use network_syntax::description::Description;
use network_syntax::lowering::{self, Step};

pub use notebook::notebook;

/// The checked description and its lowering, which the export reads; the code
/// `network!` generates names the embedded description's types by these paths. (Only
/// these: the reader's items, such as the syntax tree, stay out of reach, so rustc keeps
/// naming a user's types by their short names in error messages.)
pub mod syntax {
    pub use network_syntax::{description, lowering, model_table, rate, spec, Description};
}

/// One statement: what it does, in words, and its Python code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Markdown: the statement's doc comments, or a sentence saying what it does.
    pub markdown: String,
    /// Python code.
    pub code: String,
}

/// What the script does beyond the description.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExportOptions {
    /// Simulated time, ms.
    pub time_ms: f64,
    /// NEST's `local_num_threads`.
    pub threads: usize,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            time_ms: 1000.0,
            threads: 1,
        }
    }
}

/// The statements of the script for `description` as built into `network`.
///
/// `title` and `docs` head the script; `expressions` are the values of the
/// description's Rust expressions in NEST units (empty for a file).
pub fn cells(
    description: &Description,
    network: &Network,
    expressions: &[f64],
    title: &str,
    docs: &[String],
    options: &ExportOptions,
) -> Result<Vec<Cell>> {
    if network.populations().len() != description.populations.len() {
        return Err(Error::Name(format!(
            "export: the network has {} populations but the description {}; export the network built from this description",
            network.populations().len(),
            description.populations.len()
        )));
    }
    let plan = lowering::lower(description);
    // A protocol says how long the script simulates.
    let options = &ExportOptions {
        time_ms: match plan.protocol.is_empty() {
            true => options.time_ms,
            false => lowering::total_time(&plan.protocol),
        },
        ..*options
    };
    let input = statements::Input {
        description,
        plan: &plan,
        network,
        expressions,
        options,
    };
    let mut cells = vec![statements::setup(&input, title, docs)];
    let mut synapse_models = Some(statements::synapse_models(&input));
    for step in &plan.steps {
        if !matches!(step, Step::Model(_)) {
            // NEST's synapse variants, after the neuron models.
            cells.extend(synapse_models.take().into_iter().flatten());
        }
        cells.extend(match step {
            Step::Model(n) => Some(statements::model(n)),
            Step::Population(p) => Some(statements::population(&input, p)?),
            // A selection is written where a device uses it.
            Step::Within(_) => None,
            Step::SpikeRecorder(r) => Some(recorders::spike_recorder(&input, r)),
            Step::Multimeter(m) => Some(recorders::multimeter(&input, m)),
            Step::WeightRecorder(w) => Some(recorders::weight_recorder(&input, w)?),
            Step::Generator(g) => Some(devices::generator(&input, g)?),
            Step::Connect(c) => Some(devices::connect(&input, c)?),
            Step::Rate(r) => Some(rate::step(&input, r)?),
        });
    }
    cells.extend(synapse_models.into_iter().flatten());
    cells.push(statements::simulate(&input)?);
    Ok(cells)
}

/// The cells as one Python script: each statement's description as comment lines above
/// its code.
pub fn pynest(cells: &[Cell]) -> String {
    let mut out = String::from("#!/usr/bin/env python3\n");
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for line in cell.markdown.lines() {
            let line = line.trim_start_matches("# ");
            if line.is_empty() {
                out.push_str("#\n");
            } else {
                out.push_str(&format!("# {line}\n"));
            }
        }
        out.push_str(&cell.code);
        out.push('\n');
    }
    out
}

/// The PyNEST script of a network built by `network!`: `description` is the one the
/// macro checked and embedded (`network_syntax::embed`), `title` and `docs` the name and
/// doc comment lines of its header, `expressions` the values of its Rust expressions.
pub fn pynest_of(
    description: &Description,
    title: &str,
    docs: &[&str],
    network: &Network,
    expressions: &[f64],
    options: &ExportOptions,
) -> Result<String> {
    embedded_cells(description, title, docs, network, expressions, options).map(|c| pynest(&c))
}

/// The notebook (nbformat 4 JSON) of a network built by `network!` (the arguments of
/// [`pynest_of`]).
pub fn notebook_of(
    description: &Description,
    title: &str,
    docs: &[&str],
    network: &Network,
    expressions: &[f64],
    options: &ExportOptions,
) -> Result<String> {
    embedded_cells(description, title, docs, network, expressions, options).map(|c| notebook(&c))
}

/// [`cells`] for the arguments of [`pynest_of`].
fn embedded_cells(
    description: &Description,
    title: &str,
    docs: &[&str],
    network: &Network,
    expressions: &[f64],
    options: &ExportOptions,
) -> Result<Vec<Cell>> {
    let docs: Vec<String> = docs.iter().map(|d| d.to_string()).collect();
    cells(description, network, expressions, title, &docs, options)
}
