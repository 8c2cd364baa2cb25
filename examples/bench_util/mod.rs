//! What the benchmark examples (`hpc_benchmark`, `coba`, `cuba`) report alike: per-neuron
//! rates of a population and their summary, the process's CPU time and memory. Included
//! by each with `mod bench_util;` (a folder without `main.rs` is not an example itself).

use network::{Error, Network, SpikeRecorderHandle};
use serde_json::{json, Value as Json};
use std::time::Instant;

pub mod process;
use process::{cpu_s, memory_mb, quantile};

/// One recorded population: its name, recorder, first neuron id and size.
pub struct Recorded {
    /// Population name in the JSON.
    pub name: &'static str,
    /// Its spike recorder.
    pub recorder: SpikeRecorderHandle,
    /// Id of its first neuron (ids count from 1 in creation order).
    pub first_id: u32,
    /// Number of neurons.
    pub n: usize,
}

/// What a run measures besides the rates.
pub struct Run<'a> {
    /// Network name in the JSON (`hpc_benchmark`, `coba`, `cuba`).
    pub model: &'static str,
    /// The scale option.
    pub scale: f64,
    /// The seed.
    pub seed: u64,
    /// Presimulation (ms), not measured.
    pub presim: f64,
    /// Measured biological time (ms).
    pub time: f64,
    /// Wall-clock time of building (s).
    pub build_s: f64,
    /// Where to write the per-neuron rates, if anywhere.
    pub rates: Option<&'a std::path::Path>,
    /// Fields added to the JSON (weights, drive).
    pub extra: Json,
}

/// Presimulates, simulates, and returns the JSON summary: build and simulation times
/// (wall and CPU), per-population rates, spike count, delivered synaptic events (each
/// spike times its population's mean out-degree) and ns per event.
pub fn simulate(net: &mut Network, pops: &[Recorded], run: &Run) -> Result<Json, Error> {
    let started = Instant::now();
    net.simulate(run.presim)?;
    let presim_s = started.elapsed().as_secs_f64();
    let cpu_before = cpu_s();
    let started = Instant::now();
    net.simulate(run.time)?;
    let sim_s = started.elapsed().as_secs_f64();
    let sim_cpu_s = cpu_s().zip(cpu_before).map(|(a, b)| a - b);

    let seconds = run.time / 1000.0;
    let mut per_pop = serde_json::Map::new();
    let mut all = Vec::new();
    let mut spikes = Vec::new();
    for p in pops {
        let events = net.spikes(&p.recorder);
        let r = rates(events.senders(), p.first_id, p.n, seconds);
        per_pop.insert(p.name.into(), summary(&r));
        spikes.push(events.len());
        all.push((p.name, r));
    }
    if let Some(path) = run.rates {
        let refs: Vec<(&str, &[f64])> = all.iter().map(|(n, r)| (*n, r.as_slice())).collect();
        write_rates(path, &refs)?;
    }
    // Synapses out of each population, from the projections (population index = order).
    let mut out = vec![0usize; pops.len()];
    for p in net.projections() {
        if let Some(o) = out.get_mut(p.source) {
            *o += p.synapses;
        }
    }
    let events: f64 = pops
        .iter()
        .zip(&spikes)
        .zip(&out)
        .map(|((p, &s), &o)| s as f64 * o as f64 / p.n as f64)
        .sum();
    let synapses: usize = net.projections().iter().map(|p| p.synapses).sum();
    let synapse_bytes: usize = net.projections().iter().map(|p| p.bytes).sum();
    let (now, peak) = memory_mb();
    let rss = json!({ "now": now, "peak": peak });
    let mut j = json!({
        "model": run.model, "scale": run.scale, "threads": net.threads(), "seed": run.seed,
        "presim_ms": run.presim, "simtime_ms": run.time,
        "neurons": pops.iter().map(|p| p.n).sum::<usize>(),
        "synapses": synapses, "synapse_bytes": synapse_bytes,
        "spikes": spikes.iter().sum::<usize>(), "rates_hz": per_pop,
        "events_delivered": events.round(), "ns_per_event_sim": sim_s / events * 1e9,
        "build_s": run.build_s, "presim_s": presim_s, "sim_s": sim_s, "sim_cpu_s": sim_cpu_s,
        "process_cpu_s": cpu_s(), "vmrss_mb": rss,
    });
    if let (Some(obj), Json::Object(extra)) = (j.as_object_mut(), &run.extra) {
        obj.extend(extra.clone());
    }
    Ok(j)
}

/// Prints the summary as one JSON line, or as a few lines of text.
pub fn print(j: &Json, json_line: bool) {
    if json_line {
        println!("{j}");
        return;
    }
    println!(
        "{}, scale {}: {} neurons, {} synapses, {} thread(s)",
        j["model"], j["scale"], j["neurons"], j["synapses"], j["threads"]
    );
    if let Some(pops) = j["rates_hz"].as_object() {
        for (name, p) in pops {
            println!(
                "  {name:3} {:8.3} Hz mean, quartiles {:.2} / {:.2} / {:.2} Hz",
                p["mean"].as_f64().unwrap_or(f64::NAN),
                p["q25"].as_f64().unwrap_or(f64::NAN),
                p["median"].as_f64().unwrap_or(f64::NAN),
                p["q75"].as_f64().unwrap_or(f64::NAN),
            );
        }
    }
    let f = |k: &str| j[k].as_f64().unwrap_or(f64::NAN);
    println!(
        "build {:.3} s, presimulation {:.3} s, simulation {:.3} s ({:.3} s CPU) of {} ms, {:.2} ns per synaptic event",
        f("build_s"), f("presim_s"), f("sim_s"), f("sim_cpu_s"), j["simtime_ms"], f("ns_per_event_sim")
    );
}

/// Per-neuron rates (Hz) of the population whose neurons have the ids
/// `first_id .. first_id + n`, from the senders of its spikes over `seconds`.
fn rates(senders: &[u32], first_id: u32, n: usize, seconds: f64) -> Vec<f64> {
    let mut counts = vec![0u32; n];
    for &sender in senders {
        if let Some(c) = counts.get_mut((sender - first_id) as usize) {
            *c += 1;
        }
    }
    counts.iter().map(|&c| f64::from(c) / seconds).collect()
}

/// Mean, standard deviation and quartiles of per-neuron rates (Hz), as the peers'
/// scripts print them.
fn summary(rates: &[f64]) -> Json {
    let n = rates.len().max(1) as f64;
    let mean = rates.iter().sum::<f64>() / n;
    let std = (rates.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / n).sqrt();
    let mut sorted = rates.to_vec();
    sorted.sort_by(f64::total_cmp);
    json!({
        "n": rates.len(), "mean": mean, "std": std, "q25": quantile(&sorted, 0.25),
        "median": quantile(&sorted, 0.5), "q75": quantile(&sorted, 0.75),
    })
}

/// Writes each population's per-neuron rates (Hz) as one JSON object, the format
/// `bench/peers/compare_rates.py` reads.
fn write_rates(path: &std::path::Path, populations: &[(&str, &[f64])]) -> std::io::Result<()> {
    let map: serde_json::Map<String, Json> = populations
        .iter()
        .map(|(name, rates)| (name.to_string(), json!(rates)))
        .collect();
    std::fs::write(path, Json::Object(map).to_string())
}
