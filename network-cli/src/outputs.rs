//! What `network run` leaves behind: the recorder files, the report and the plots.

use network_load::description::Wiring;
use network_load::{Loaded, Parsed};
use network_plot::Plots;
use serde_json::json;
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
    let spiking = format!(
        "{}, {} ({neurons}), {}, {}, {}",
        plural(d.neurons.len(), "neuron model"),
        plural(d.populations.len(), "population"),
        plural(connections, "connection"),
        plural(recorders, "recorder"),
        plural(stimulators, "stimulator"),
    );
    let r = &d.rate;
    if r.is_empty() {
        return spiking;
    }
    let rate_neurons: usize = r.populations.iter().map(|p| p.size).sum();
    format!(
        "{spiking}; {}, {} ({}), {}, {}",
        plural(r.neurons.len(), "rate neuron model"),
        plural(r.populations.len(), "rate population"),
        plural(rate_neurons, "neuron"),
        plural(r.connections.len(), "rate connection"),
        plural(r.multimeters.len(), "rate multimeter"),
    )
}

/// Per multimeter on rate neurons: its name, the samples it recorded (to memory or
/// only to its file) and the mean of the rates it sampled last.
fn rate_summary(loaded: &Loaded) -> Vec<(String, u64, Option<f64>)> {
    let net = &loaded.network;
    loaded
        .rate
        .multimeters
        .iter()
        .map(|(name, h)| {
            let mean = net
                .rate_latest(h, network_core::Recordable::rate)
                .map(|v| v.iter().sum::<f64>() / v.len() as f64);
            (name.clone(), net.rate_samples_recorded(h), mean)
        })
        .collect()
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// The files the recorders wrote while simulating (the engine writes them, NEST's ASCII
/// format with the run's provenance, into `--out`), in the description's order.
pub fn recorder_files(loaded: &Loaded) -> Vec<PathBuf> {
    loaded
        .network
        .output_files()
        .into_iter()
        .map(|(_, path)| path.to_path_buf())
        .collect()
}

/// Saves into `out` a raster plot (`<name>.png` and `<name>.svg`) of every spike
/// recorder, one raster of all of them (`raster.png`, `.svg`) when there are several,
/// a trace plot of every variable every multimeter records (`<name>_<variable>.png`,
/// `.svg`; `<name>.png` when it records one), a plot of every spatial population's
/// positions (`<name>_positions`) and, per connection between spatial populations,
/// the targets of the source neuron nearest its layer's centre with the connection's
/// mask and kernel drawn around it (`<connection>_targets`); returns the files.
pub fn write_plots(loaded: &Loaded, out: &Path) -> Result<Vec<PathBuf>, String> {
    let net = &loaded.network;
    let mut figures: Vec<(String, network_plot::Figure)> = loaded
        .spike_recorders
        .iter()
        .map(|(name, h)| (name.clone(), net.raster(h)))
        .collect();
    if loaded.spike_recorders.len() > 1 {
        let all: Vec<_> = loaded.spike_recorders.iter().map(|(_, h)| *h).collect();
        figures.push(("raster".into(), net.rasters(&all)));
    }
    for (name, h) in &loaded.multimeters {
        let variables = net.samples(h).record_from();
        for &variable in variables {
            let file = if variables.len() == 1 {
                name.clone()
            } else {
                format!("{name}_{}", variable.name())
            };
            figures.push((file, net.trace(h).variable(variable)));
        }
    }
    for (p, info) in net.populations().iter().enumerate() {
        if info.space.is_some() {
            figures.push((format!("{}_positions", info.name), net.positions(p)));
        }
    }
    for ((name, h), spec) in loaded.projections.iter().zip(&loaded.connection_specs) {
        let info = net.projection(h);
        let pops = net.populations();
        if let (Some(source), Some(_)) = (&pops[info.source].space, &pops[info.target].space) {
            if let Some(centre) = nearest(source.positions(), source.center()) {
                let mut figure = net.targets(h, centre);
                if let Some(mask) = &spec.mask {
                    figure = figure.mask(mask.clone());
                }
                if let Some(kernel) = &spec.kernel {
                    figure = figure.kernel(kernel.clone());
                }
                figures.push((format!("{name}_targets"), figure));
            }
        }
    }
    let mut files = Vec::new();
    for (name, figure) in figures {
        for extension in ["png", "svg"] {
            let path = out.join(format!("{name}.{extension}"));
            figure.save(&path).map_err(|e| e.to_string())?;
            files.push(path);
        }
    }
    Ok(files)
}

/// The index of the position nearest `point`.
fn nearest(
    positions: &[network_core::spatial::Point],
    point: &network_core::spatial::Point,
) -> Option<u32> {
    (0..positions.len() as u32).min_by(|&a, &b| {
        let d = |i: u32| (positions[i as usize] - point).norm();
        d(a).total_cmp(&d(b))
    })
}

/// Prints what the run did: the times, the network's report (per population its size,
/// spikes, rates against the declared firing ranges, per connection its synapses) and
/// the files written. With `as_json`, one JSON object holding the same and the report's
/// JSON under `report`. `memory` is each rank's memory estimate (bytes; one on one
/// process), printed per rank and summed for the whole network when there are several.
pub fn print_report(
    loaded: &Loaded,
    time_ms: f64,
    build_s: f64,
    memory: &[u64],
    files: &[PathBuf],
    as_json: bool,
) {
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
            "recorders": loaded.spike_recorders.iter().map(|(name, h)| (name.clone(), json!({ "events": net.recorded(h) })))
                .collect::<serde_json::Map<_, _>>(),
            "files": files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>(),
            "time_ms": time_ms, "seed": net.seed().0, "threads": net.threads(),
            "build_s": build_s, "sim_s": sim_s,
            "ranks": memory.len(), "memory_bytes_per_rank": memory,
            "memory_bytes": memory.iter().sum::<u64>(),
            "report": serde_json::to_value(net.report()).unwrap_or(serde_json::Value::Null),
            "rate_multimeters": rate_summary(loaded).into_iter().map(|(name, n, mean)| (name, json!({ "samples": n, "last_mean_rate": mean })))
                .collect::<serde_json::Map<_, _>>(),
        });
        println!("{summary}");
        return;
    }
    println!("{}", net.report());
    let rates = rate_summary(loaded);
    if !rates.is_empty() {
        println!("\nrate multimeters");
        for (name, n, mean) in rates {
            let mean = mean.map_or("-".to_string(), |m| format!("{m:.6}"));
            println!("  {name}: {n} samples, mean rate at the last sample {mean}");
        }
    }
    if memory.len() > 1 {
        let mib = |b: u64| format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0));
        let per_rank: Vec<String> = memory.iter().map(|&b| mib(b)).collect();
        println!(
            "\n{} ranks; memory estimate per rank: {}; whole network: {}",
            memory.len(),
            per_rank.join(", "),
            mib(memory.iter().sum())
        );
    }
    if !files.is_empty() {
        println!("\nfiles");
        for f in files {
            println!("  {}", f.display());
        }
    }
}
