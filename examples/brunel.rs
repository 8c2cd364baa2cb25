//! Brunel (2000) balanced random network with alpha-shaped PSCs: NE = 10000·scale
//! excitatory and NI = 2500·scale inhibitory `iaf_psc_alpha` neurons, CE = 1000 and
//! CI = 250 inputs per neuron, g = 5, eta = 2, J = 0.1 mV as PSC amplitude, delay 1.5 ms,
//! each neuron driven by its own Poisson train (the parameters of NEST's
//! `brunel_alpha_nest.py`).
//!
//! The network is written with `network!`: the population sizes scale at run time
//! (`[dyn ne]`, given to `build` in a `BrunelSizes`), and the weights and the Poisson
//! rate come from Rust expressions in braces (`{j_ex()} pA`), whose units are checked at
//! compile time like any number's.
//!
//! `cargo run --release --example brunel -- [--scale 1.0] [--threads N] [--time 1000] [--json]`

use clap::Parser;
use network::prelude::*;
use serde_json::json;
use std::time::Instant;

/// Command-line options.
#[derive(Parser)]
#[command(about = "Simulate Brunel's balanced random network")]
struct Options {
    /// Multiplies the population sizes (CE and CI stay 1000 and 250).
    #[arg(long, default_value_t = 1.0)]
    scale: f64,
    /// Threads for connection building and simulation (results do not depend on it).
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// Biological time to simulate (ms).
    #[arg(long, default_value_t = 1000.0)]
    time: f64,
    /// Seed of every random draw.
    #[arg(long, default_value_t = 12345)]
    seed: u64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

const TAU_M: f64 = 20.0;
const C_M: f64 = 250.0;
const TAU_SYN: f64 = 0.5;
const THETA: f64 = 20.0;
const J: f64 = 0.1;
const G: f64 = 5.0;
const ETA: f64 = 2.0;
/// Inputs per neuron from each population (the `fixed_indegree` rules below).
const CE: usize = 1000;
const CI: usize = 250;

network! {
    /// Brunel's balanced random network (`brunel_alpha_nest.py`). The statements are in
    /// the order of the former builder calls, so the random streams are the same.
    pub struct Brunel;

    resolution = 0.1 ms;

    neuron Lif = iaf_psc_alpha {
        C_m: 250 pF, tau_m: 20 ms, tau_syn_ex: 0.5 ms, tau_syn_in: 0.5 ms, t_ref: 2 ms,
        E_L: 0 mV, V_reset: 0 mV, V_m: 0 mV, V_th: 20 mV,
    };
    synapse excitatory = static_synapse { weight: {j_ex()} pA, delay: 1.5 ms };
    synapse inhibitory = static_synapse { weight: {-G * j_ex()} pA, delay: 1.5 ms };

    population exc = Lif[dyn ne];
    population inh = Lif[dyn ni];

    /// Each neuron receives its own Poisson train.
    stimulate noise = poisson_generator { rate: {poisson_rate()} Hz } -> exc, inh via excitatory;
    record e_spikes = spike_recorder <- exc;
    record i_spikes = spike_recorder <- inh;

    connect exc -> exc: fixed_indegree(1000), via excitatory;
    connect exc -> inh: fixed_indegree(1000), via excitatory;
    connect inh -> exc: fixed_indegree(250), via inhibitory;
    connect inh -> inh: fixed_indegree(250), via inhibitory;
}

/// The excitatory PSC amplitude (pA) whose PSP peaks at J mV.
fn j_ex() -> f64 {
    J / psp_per_pa(TAU_M, C_M, TAU_SYN)
}

/// The Poisson rate per neuron (Hz): eta times the rate that brings the mean membrane
/// potential to threshold.
fn poisson_rate() -> f64 {
    let nu_th = THETA * C_M / (j_ex() * CE as f64 * std::f64::consts::E * TAU_M * TAU_SYN);
    1000.0 * ETA * nu_th * CE as f64
}

/// Lower branch W₋₁(x) of the Lambert W function for −1/e <= x < 0 (Halley iteration).
fn lambert_w_m1(x: f64) -> f64 {
    let mut w = if x < -0.3 {
        -1.0 - (2.0 * (1.0 + std::f64::consts::E * x)).sqrt()
    } else {
        let l1 = (-x).ln();
        l1 - (-l1).ln()
    };
    for _ in 0..100 {
        let ew = w.exp();
        let f = w * ew - x;
        let next = w - f / (ew * (w + 1.0) - (w + 2.0) * f / (2.0 * w + 2.0));
        if (next - w).abs() < 1e-15 * w.abs() {
            return next;
        }
        w = next;
    }
    w
}

/// Peak PSP (mV) of an `iaf_psc_alpha` neuron for a PSC of amplitude 1 pA.
fn psp_per_pa(tau_m: f64, c_m: f64, tau_s: f64) -> f64 {
    let a = tau_m / tau_s;
    let b = 1.0 / tau_s - 1.0 / tau_m;
    let t_max = 1.0 / b * (-lambert_w_m1(-(-1.0 / a).exp() / a) - 1.0 / a);
    std::f64::consts::E / (tau_s * c_m * b)
        * (((-t_max / tau_m).exp() - (-t_max / tau_s).exp()) / b - t_max * (-t_max / tau_s).exp())
}

/// Resident memory of this process (MB), from /proc.
fn resident_mb() -> Option<f64> {
    status_mb("VmRSS:")
}

/// A memory figure of this process (MB) from /proc/self/status (`VmRSS:`, `VmHWM:`).
fn status_mb(key: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    Some(line.split_whitespace().nth(1)?.parse::<f64>().ok()? / 1024.0)
}

fn main() -> Result<(), Error> {
    let options = Options::parse();
    // Under mpirun (feature `mpi`): MPI for the whole run, finalized when `_mpi` drops.
    #[cfg(feature = "mpi")]
    let _mpi = network::distribution::mpi::init();
    let ne = (10_000.0 * options.scale).round() as usize;
    let ni = (2_500.0 * options.scale).round() as usize;
    let (j_ex, poisson_rate) = (j_ex(), poisson_rate());

    let started = Instant::now();
    let mut net = Brunel::build_with_threads(
        Seed(options.seed),
        Some(options.threads),
        BrunelSizes { ne, ni },
    )?;
    let build_s = started.elapsed().as_secs_f64();
    let rss_built = resident_mb();

    net.simulate(options.time)?;
    let sim_s = net.simulation_time().as_secs_f64();

    // Each rank's build and simulation time (s), resident memory after building and
    // peak resident memory (MB), and memory estimate (bytes), gathered (collective).
    let mine = [
        build_s,
        sim_s,
        rss_built.unwrap_or(f64::NAN),
        status_mb("VmHWM:").unwrap_or(f64::NAN),
    ];
    let estimates = net.memory_estimates();
    let ranks: Vec<Vec<f64>> = network::distribution::current()
        .all_gather(&mine.map(f64::to_bits))
        .chunks_exact(mine.len())
        .map(|r| r.iter().map(|&w| f64::from_bits(w)).collect())
        .collect();
    if net.rank() != 0 {
        return Ok(());
    }
    let seconds = options.time / 1000.0;
    let (e_count, i_count) = (
        net.spikes(&net.e_spikes).len(),
        net.spikes(&net.i_spikes).len(),
    );
    let synapses: usize = net.projections().iter().map(|p| p.synapses).sum();
    let synapse_bytes: usize = net.projections().iter().map(|p| p.bytes).sum();
    // Every spike is delivered to each of its source's targets: CE + CI inputs per neuron
    // means a mean outdegree of N·CE/NE for excitatory and N·CI/NI for inhibitory sources.
    let n = (ne + ni) as f64;
    let events =
        e_count as f64 * n * CE as f64 / ne as f64 + i_count as f64 * n * CI as f64 / ni as f64;
    let rate_e = e_count as f64 / ne as f64 / seconds;
    let rate_i = i_count as f64 / ni as f64 / seconds;
    if options.json {
        let summary = json!({
            "scale": options.scale, "threads": net.threads(), "seed": options.seed,
            "simtime_ms": options.time, "neurons": ne + ni, "synapses": synapses,
            "synapse_bytes": synapse_bytes, "bytes_per_synapse": synapse_bytes as f64 / synapses as f64,
            "rate_hz": { "E": rate_e, "I": rate_i }, "spikes": e_count + i_count,
            "events_delivered": events.round(), "ns_per_event_sim": sim_s / events * 1e9,
            "build_s": build_s, "sim_s": sim_s, "total_s": build_s + sim_s,
            "vmrss_mb": { "after_build": rss_built, "after_simulate": resident_mb() },
            "poisson_rate_per_neuron_hz": poisson_rate, "J_ex_pA": j_ex,
            "ranks": ranks.len(),
            "per_rank": ranks.iter().zip(&estimates).map(|(r, e)| json!({
                "build_s": r[0], "sim_s": r[1],
                "vmrss_mb": { "after_build": r[2], "peak": r[3] },
                "memory_estimate_bytes": e,
            })).collect::<Vec<_>>(),
            "memory_estimate_bytes": estimates.iter().sum::<u64>(),
        });
        println!("{summary}");
        return Ok(());
    }
    println!(
        "Brunel network, scale {}: {} neurons, {synapses} synapses, {} thread(s)",
        options.scale,
        ne + ni,
        net.threads()
    );
    println!(
        "rates: E {rate_e:.2} Hz, I {rate_i:.2} Hz over {} ms",
        options.time
    );
    println!(
        "build {build_s:.3} s, simulation {sim_s:.3} s ({:.2} ns per synaptic event)",
        sim_s / events * 1e9
    );
    println!(
        "synapse memory {:.1} MB ({:.2} bytes per synapse)",
        synapse_bytes as f64 / 1e6,
        synapse_bytes as f64 / synapses as f64
    );
    Ok(())
}
