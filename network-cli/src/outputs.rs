//! What `network run` leaves behind: recorder files, the summary, and (after the merge
//! with the report work) the report and plots.

use network_load::description::Wiring;
use network_load::{Loaded, Parsed};
use serde_json::json;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Names the parts of a checked description, for `network check`.
pub fn outline(parsed: &Parsed) -> String {
    let d = &parsed.description;
    let fixed: usize = d.populations.iter().filter_map(|p| p.size.fixed()).sum();
    let runtime = d.runtime_sizes();
    let neurons = match (fixed, runtime.is_empty()) {
        (_, true) => plural(fixed, "neuron"),
        (0, false) => format!("sizes given at run time: {}", runtime.join(", ")),
        (_, false) => format!(
            "{} and sizes given at run time: {}",
            plural(fixed, "neuron"),
            runtime.join(", ")
        ),
    };
    let (mut recorders, mut stimulators, mut connections) = (0, 0, 0);
    for w in &d.wiring {
        match w {
            Wiring::Recorder(_) => recorders += 1,
            Wiring::Stimulator(_) => stimulators += 1,
            Wiring::Projection(_) => connections += 1,
        }
    }
    format!(
        "{}, {} ({neurons}), {}, {}, {}",
        plural(d.neurons.len(), "neuron model"),
        plural(d.populations.len(), "population"),
        plural(connections, "connection"),
        plural(recorders, "recorder"),
        plural(stimulators, "stimulator"),
    )
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Writes the files the engine does not write itself: each multimeter's samples in
/// NEST's ASCII format (`<name>.dat`: `sender`, `time_ms`, one column per recordable, 3
/// decimals). Spike recorders wrote their files while simulating. Returns every file.
///
/// MERGE: the report branch adds recorder files with provenance (and CSV); call its
/// writer here instead.
pub fn write_files(loaded: &Loaded, out: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = loaded
        .spike_recorders
        .iter()
        .map(|(name, _)| out.join(format!("{name}.dat")))
        .collect();
    for (name, handle) in &loaded.multimeters {
        let path = out.join(format!("{name}.dat"));
        let io = |e: std::io::Error| {
            format!(
                "multimeter `{name}`: cannot write `{}`: {e}",
                path.display()
            )
        };
        let samples = handle.samples();
        let mut w = BufWriter::new(File::create(&path).map_err(io)?);
        let columns: Vec<&str> = samples.record_from().iter().map(|r| r.name()).collect();
        let header = format!(
            "# NEST version: 3.10.0\n# RecordingBackendASCII version: 2\nsender\ttime_ms\t{}\n",
            columns.join("\t")
        );
        w.write_all(header.as_bytes()).map_err(io)?;
        let values: Vec<Vec<f64>> = samples
            .record_from()
            .iter()
            .map(|&r| samples.values(r).unwrap_or_default())
            .collect();
        for (i, (sender, time)) in samples.senders().iter().zip(samples.times()).enumerate() {
            write!(w, "{sender}\t{time:.3}").map_err(io)?;
            for column in &values {
                write!(w, "\t{:.3}", column[i]).map_err(io)?;
            }
            writeln!(w).map_err(io)?;
        }
        w.flush().map_err(io)?;
        files.push(path);
    }
    Ok(files)
}

/// MERGE: plots (raster, rate histogram, V_m traces) come with the report branch; wire
/// `--plot` to its SVG/PNG writer in [`write_plots`] and make this return `Ok`.
pub fn check_plots_available() -> Result<(), String> {
    Err("--plot: this build has no plotting yet (it comes with the report work); run without --plot".into())
}

/// MERGE: saves the raster and V_m plots of every recorder into `out`.
pub fn write_plots(_loaded: &Loaded, _out: &Path) -> Result<(), String> {
    check_plots_available()
}

/// Prints what the run did: per population size, spikes and mean rate, per connection
/// its synapses, per recorder its events and file, and the times.
///
/// MERGE: print `Network::report()` (and its JSON) here once the report branch is in.
pub fn print_report(loaded: &Loaded, time_ms: f64, build_s: f64, files: &[PathBuf], as_json: bool) {
    let net = &loaded.network;
    let seconds = time_ms / 1000.0;
    let rate = |p: usize| net.spike_count(p) as f64 / (net.populations()[p].len as f64 * seconds);
    let sim_s = net.simulation_time().as_secs_f64();
    if as_json {
        let summary = json!({
            "populations": net.populations().iter().enumerate().map(|(p, info)| (info.name.clone(), json!({
                "size": info.len, "spikes": net.spike_count(p), "rate_hz": rate(p),
            }))).collect::<serde_json::Map<_, _>>(),
            "projections": net.projections().iter().map(|p| (p.name.clone(), json!({ "synapses": p.synapses })))
                .collect::<serde_json::Map<_, _>>(),
            "recorders": loaded.spike_recorders.iter().map(|(name, h)| (name.clone(), json!({ "events": h.events().len() })))
                .collect::<serde_json::Map<_, _>>(),
            "files": files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>(),
            "time_ms": time_ms, "seed": net.seed().0, "threads": net.threads(),
            "build_s": build_s, "sim_s": sim_s,
        });
        println!("{summary}");
        return;
    }
    println!(
        "simulated {time_ms} ms, seed {}, {} thread(s): build {build_s:.3} s, simulation {sim_s:.3} s",
        net.seed().0,
        net.threads()
    );
    println!("\npopulation        neurons    spikes   rate (Hz)");
    for (p, info) in net.populations().iter().enumerate() {
        println!(
            "  {:<14} {:>8} {:>9} {:>11.3}",
            info.name,
            info.len,
            net.spike_count(p),
            rate(p)
        );
    }
    if !net.projections().is_empty() {
        println!("\nconnection                 synapses");
        for p in net.projections() {
            println!("  {:<22} {:>10}", p.name, p.synapses);
        }
    }
    if !files.is_empty() {
        println!("\nrecorder files");
        for f in files {
            println!("  {}", f.display());
        }
    }
}
