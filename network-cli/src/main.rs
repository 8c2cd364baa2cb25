//! `network`: check, run and export descriptions written in the `network!` language.
//!
//! ```text
//! network check examples/seed_network.net
//! network run examples/seed_network.net --time 4000ms --seed 1 --threads 2 --out out/
//! network export examples/seed_network.net --to pynest > model.py
//! network models                  # every neuron and synapse model
//! network models iaf_psc_alpha    # its parameters: unit, default, kind, doc
//! ```
//!
//! Built with the cargo feature `mpi`, it runs under `mpirun` (`mpirun -np 2 network run
//! examples/brunel.net`): every rank builds its part of the network, rank 0 prints the
//! report and writes the merged recorder files, and an error is reported once, by the
//! lowest rank that met it, before every rank exits with status 1.

#![forbid(unsafe_code)]

mod diagnostics;
mod estimate;
mod memory;
mod models;
mod outputs;
mod time;

use clap::{Parser, Subcommand, ValueEnum};
use network_core::{distribution, Seed};
use network_load::export::{self, ExportOptions};
use network_load::{Inputs, Located, Parsed, Source};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Check, run and export spiking networks written in the network! language.
#[derive(Parser)]
#[command(name = "network", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a description: the macro's checks, with file, line, column and a caret under
    /// every mistake. Exit code 1 when it has errors.
    Check {
        /// The description (what goes inside `network! { .. }`).
        file: PathBuf,
        /// A run-time population size, `name=N` for `[dyn name]` (repeatable); with
        /// every size known, the memory the network would take is estimated too.
        #[arg(long = "size", value_parser = parse_size)]
        sizes: Vec<(String, usize)>,
        /// The most memory the network may take, e.g. `4GB` (default: the machine's
        /// available memory); a network estimated above it is an error, before
        /// anything is built.
        #[arg(long, value_parser = memory::parse_bytes)]
        memory_limit: Option<u64>,
    },
    /// Build and simulate a description on the engine; write the recorders' files and
    /// print a summary.
    Run {
        /// The description.
        file: PathBuf,
        /// Simulated time: `4000ms`, `4s` (a bare number is in ms; default 1000 ms). A
        /// description with a `protocol` block runs the protocol instead, for its own
        /// total time, and refuses `--time`. A run projected to take more than a minute
        /// of wall time says so after its first 100 ms.
        #[arg(long, value_parser = time::parse_ms, allow_hyphen_values = true)]
        time: Option<f64>,
        #[command(flatten)]
        build: BuildArgs,
        /// Threads, at least 1 (default: every core); results do not depend on it.
        #[arg(long, value_parser = parse_threads)]
        threads: Option<usize>,
        /// The most memory the network may take, e.g. `4GB`, `512MB`, `2GiB` (default:
        /// the machine's available memory); a network estimated above it is an error
        /// before anything is allocated.
        #[arg(long, value_parser = memory::parse_bytes)]
        memory_limit: Option<u64>,
        /// Directory for the recorder files (NEST's ASCII format, `<recorder>.dat`,
        /// replaced if present); created if missing.
        #[arg(long, default_value = ".")]
        out: PathBuf,
        /// Also save raster and V_m plots into the output directory.
        #[arg(long)]
        plot: bool,
        /// Print the summary as one JSON object on stdout; errors too
        /// (`{"error": .., "diagnostics": [..]}`).
        #[arg(long)]
        json: bool,
    },
    /// Write a PyNEST 3 script (or a Jupyter notebook) that builds the same network,
    /// with the positions the engine drew, and simulates it on NEST.
    Export {
        /// The description.
        file: PathBuf,
        /// What to write.
        #[arg(long, value_enum, default_value_t = Format::Pynest)]
        to: Format,
        /// Simulated time of the script: `4000ms`, `4s` (default 1000 ms). A description
        /// with a `protocol` block exports the protocol instead and refuses `--time`.
        #[arg(long, value_parser = time::parse_ms, allow_hyphen_values = true)]
        time: Option<f64>,
        #[command(flatten)]
        build: BuildArgs,
        /// NEST's `local_num_threads` in the script, at least 1.
        #[arg(long, default_value_t = 1, value_parser = parse_threads)]
        threads: usize,
    },
    /// List the neuron and synapse models, or print one model's parameters (unit,
    /// default, kind, doc) from its parameter table.
    Models {
        /// A model's NEST name, e.g. `iaf_psc_alpha`; without it, every model is listed.
        name: Option<String>,
    },
}

/// What building a description needs beyond its text.
#[derive(clap::Args)]
struct BuildArgs {
    /// Seed of every random draw (default: the description's `seed`, else 42).
    #[arg(long)]
    seed: Option<u64>,
    /// A run-time population size, `name=N` for `[dyn name]` (repeatable).
    #[arg(long = "size", value_parser = parse_size)]
    sizes: Vec<(String, usize)>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// A Python script.
    Pynest,
    /// A Jupyter notebook (nbformat 4), one cell per statement.
    Notebook,
}

fn parse_size(text: &str) -> Result<(String, usize), String> {
    let (name, n) = text
        .split_once('=')
        .ok_or_else(|| format!("`{text}`: write a size as name=N, e.g. `ne=1000`"))?;
    let n = n
        .trim()
        .parse()
        .map_err(|_| format!("`{text}`: the size must be a whole number"))?;
    Ok((name.trim().to_string(), n))
}

fn parse_threads(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(0) => Err("at least one thread; leave --threads out to use every core".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("`{text}` is not a number of threads")),
    }
}

/// Why a command failed.
enum Failure {
    /// A description with errors, each located in its source.
    Diagnostics(Source, Vec<Located>),
    /// Any other error, as a message.
    Message(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Message(message)
    }
}

impl Failure {
    /// Prints the failure on stderr as rustc prints errors, or with `as_json` as one
    /// JSON object on stdout.
    fn report(self, as_json: bool) {
        match (self, as_json) {
            (Failure::Message(message), false) => eprintln!("error: {message}"),
            (Failure::Message(message), true) => {
                println!(
                    "{}",
                    serde_json::json!({ "error": message, "diagnostics": [] })
                )
            }
            (Failure::Diagnostics(source, diagnostics), false) => {
                let color =
                    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                eprint!("{}", diagnostics::render(&source, &diagnostics, color));
            }
            (Failure::Diagnostics(source, diagnostics), true) => {
                println!("{}", diagnostics::json(&source, &diagnostics))
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Under mpirun: MPI for the whole run, finalized when `_mpi` drops.
    #[cfg(feature = "mpi")]
    let _mpi = network_core::distribution::mpi::init();
    let as_json = matches!(cli.command, Command::Run { json: true, .. });
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let comm = distribution::current();
            // On several ranks the lowest failing one reports (rank 0 for an error in
            // the description, which every rank meets); all exit together.
            let reporter = match comm.size() {
                1 => 0,
                _ => distribution::settle_failure(&*comm),
            };
            if comm.rank() == reporter {
                failure.report(as_json);
            }
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Models { name } => {
            print!("{}", models::show(name.as_deref())?);
            Ok(())
        }
        Command::Check {
            file,
            sizes,
            memory_limit,
        } => {
            let (source, parsed) = read(&file)?;
            let memory = memory::check(&parsed, sizes, memory_limit)?;
            println!(
                "{}: ok ({}{memory})",
                source.name,
                outputs::outline(&parsed)
            );
            Ok(())
        }
        Command::Run {
            file,
            time,
            build,
            threads,
            memory_limit,
            out,
            plot,
            json,
        } => {
            let (_, parsed) = read(&file)?;
            std::fs::create_dir_all(&out)
                .map_err(|e| format!("cannot create `{}`: {e}", out.display()))?;
            let started = Instant::now();
            let inputs = Inputs {
                threads,
                sizes: build.sizes.iter().cloned().collect::<BTreeMap<_, _>>(),
                expressions: Vec::new(),
                record_to: Some(out.clone()),
                memory_limit,
            };
            let seed = build.seed(&parsed);
            let mut loaded = network_load::build(&parsed.description, seed, &inputs)
                .map_err(|e| e.to_string())?;
            let build_s = started.elapsed().as_secs_f64();
            // Every recorder writes its file; only plots need the data in memory too.
            loaded.network.record_files_only(!plot);
            let first = loaded.network.rank() == 0;
            let time = time::run_time(time, loaded.protocol_ms())?;
            let warn = |m: String| {
                if first {
                    eprintln!("warning: {m}")
                }
            };
            if loaded.protocol.is_empty() {
                estimate::simulate(&mut loaded.network, time, warn)
            } else {
                loaded.run_protocol_with(|net, t| estimate::simulate(net, t, warn))
            }
            .map_err(|e| e.to_string())?;
            // Collective: every rank's estimate, for the report.
            let memory = loaded.network.memory_estimates();
            if !first {
                return Ok(());
            }
            let mut files = outputs::recorder_files(&loaded);
            // The protocol's connection reads, written as it ran.
            files.extend(
                loaded
                    .connection_reads
                    .iter()
                    .filter_map(|(_, _, f)| f.clone()),
            );
            if plot {
                // Rank 0 alone from here: the other ranks have finished.
                let plots = outputs::write_plots(&loaded, &out)
                    .inspect_err(|_| distribution::failed_alone(&*distribution::current()))?;
                files.extend(plots);
            }
            outputs::print_report(&loaded, time, build_s, &memory, &files, json);
            Ok(())
        }
        Command::Export {
            file,
            to,
            time,
            build,
            threads,
        } => {
            let (_, parsed) = read(&file)?;
            let inputs = Inputs {
                sizes: build.sizes.iter().cloned().collect(),
                ..Inputs::default()
            };
            let loaded = network_load::build(&parsed.description, build.seed(&parsed), &inputs)
                .map_err(|e| e.to_string())?;
            let title = parsed.name.clone().unwrap_or_else(|| {
                file.file_stem()
                    .map_or("network".into(), |s| s.to_string_lossy().into_owned())
            });
            let options = ExportOptions {
                time_ms: time::run_time(time, loaded.protocol_ms())?,
                threads,
            };
            let cells = export::cells(
                &parsed.description,
                &loaded.network,
                &[],
                &title,
                &parsed.docs,
                &options,
            )
            .map_err(|e| e.to_string())?;
            match to {
                Format::Pynest => print!("{}", export::pynest(&cells)),
                Format::Notebook => print!("{}", export::notebook(&cells)),
            }
            Ok(())
        }
    }
}

impl BuildArgs {
    fn seed(&self, parsed: &Parsed) -> Seed {
        Seed(self.seed.unwrap_or(parsed.description.seed))
    }
}

/// Reads and checks a description; warns on stderr when it declares no population.
fn read(file: &std::path::Path) -> Result<(Source, Parsed), Failure> {
    let source =
        Source::read(file).map_err(|e| format!("cannot read `{}`: {e}", file.display()))?;
    match network_load::parse(&source) {
        Ok(parsed) => {
            if parsed.description.populations.is_empty() {
                eprintln!(
                    "warning: {} declares no population: there is nothing to simulate",
                    source.name
                );
            }
            Ok((source, parsed))
        }
        Err(diagnostics) => Err(Failure::Diagnostics(source, diagnostics)),
    }
}
