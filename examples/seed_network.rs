//! The reference network: layer 2/3 of primary visual cortex (100 PV interneurons and
//! 800 pyramidal cells at random 3D positions), written in the description language.
//! The `network!` invocation below is checked at compile time and expands into the
//! builder calls a careful person would write (see `network-macros/tests/expand/`).
//!
//! `cargo run --release --example seed_network -- [--seed N] [--threads N] [--json] [--plot DIR]`

use clap::Parser;
use network::prelude::*;
use network_plot::Plots;
use serde_json::json;
use std::time::Instant;

/// Command-line options.
#[derive(Parser)]
#[command(about = "Simulate the V1 layer 2/3 reference network for 4 s")]
struct Options {
    /// Seed of every random draw.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Threads for connection building and simulation (results do not depend on it).
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// Print the summary as one JSON object.
    #[arg(long)]
    json: bool,
    /// Save raster plots of the recorders (SVG and PNG) into this directory.
    #[arg(long, value_name = "DIR")]
    plot: Option<std::path::PathBuf>,
}

network! {
    /// Layer 2/3 of primary visual cortex, one hemisphere.
    pub struct SeedNetwork;

    resolution = 0.1 ms;
    seed = 42;

    neuron PV = iaf_psc_alpha {
        C_m: 200 pF, V_th: -52 mV, V_reset: -65 mV, tau_m: 10 ms, t_ref: 1 ms,
    } where {
        class: inhibitory, dendrite_extent: 200 um, transmitters: [GABA_A],
        firing: { resting: 1..5 Hz, active: 10..30 Hz, max: 50..100 Hz },
    };
    neuron PyL23 = iaf_psc_alpha {
        V_th: -50 mV, C_m: 200 pF, tau_m: 15 ms, V_reset: -70 mV, t_ref: 2 ms, I_e: 200 pA,
    } where {
        class: excitatory, transmitters: [AMPA, NMDA],
        firing: { resting: 2..8 Hz, active: 15..40 Hz },
    };

    population pvpop  = PV[100]    in box([0, 0, 0] mm, [2, 2, 1] mm);
    population l23pyr = PyL23[800] in box([0, 0, 0] mm, [2, 2, 1] mm)
        where { region: "Primary Visual Cortex", density: 25000 per mm3 };

    mask corner = sphere(center: [0, 0, 0] mm, radius: 0.5 mm);

    record corner_spikes = spike_recorder { start: 0 ms, stop: 1000 ms } <- l23pyr within corner;
    record exc_spikes    = spike_recorder { start: 0 ms, stop: 1000 ms } <- l23pyr;
    record inh_spikes    = spike_recorder <- pvpop;

    stimulate dc    = dc_generator { amplitude: 100 pA, start: 500 ms, stop: 700 ms }
        -> l23pyr within corner;
    stimulate noise = poisson_generator { rate: 50 Hz, start: 100 ms, stop: 900 ms }
        -> l23pyr via static_synapse { weight: 2.5 pA, delay: 1.5 ms };

    connect pvpop -> l23pyr: fixed_indegree(1) in sphere(radius: 1 mm), no autapses, no multapses,
        via static_synapse { weight: -10 pA, delay: 1 ms };
    connect l23pyr -> pvpop: fixed_indegree(4) in sphere(radius: 0.5 mm), no autapses, no multapses,
        via static_synapse { weight: 4 pA, delay: 1 ms };
}

/// Biological time simulated (ms).
const T_SIM: f64 = 4000.0;

fn main() -> Result<(), Error> {
    let options = Options::parse();
    let started = Instant::now();
    let mut net = SeedNetwork::build_with_threads(Seed(options.seed), Some(options.threads))?;
    let build_s = started.elapsed().as_secs_f64();

    net.simulate(T_SIM)?;
    let sim_s = net.simulation_time().as_secs_f64();
    if let Some(dir) = &options.plot {
        for recorder in [&net.corner_spikes, &net.exc_spikes, &net.inh_spikes] {
            let name = net.recorder_name(recorder);
            for extension in ["svg", "png"] {
                net.raster(recorder)
                    .save(dir.join(format!("{name}.{extension}")))?;
            }
        }
    }

    let seconds = T_SIM / 1000.0;
    let populations: Vec<(String, usize, usize)> = net
        .populations()
        .iter()
        .enumerate()
        .map(|(p, info)| (info.name.clone(), info.len, net.spike_count(p)))
        .collect();
    let projections =
        [&net.pvpop_to_l23pyr, &net.l23pyr_to_pvpop].map(|h| net.projection(h).clone());
    let recorders = [&net.corner_spikes, &net.exc_spikes, &net.inh_spikes].map(|h| {
        (
            net.recorder_name(h).to_string(),
            net.recorder_targets(h),
            net.spikes(h).len(),
        )
    });

    if options.json {
        let summary = json!({
            "populations": populations.iter().map(|(name, size, spikes)| (name.clone(), json!({
                "size": size, "spikes": spikes, "rate_hz": *spikes as f64 / (*size as f64 * seconds),
            }))).collect::<serde_json::Map<_, _>>(),
            "projections": projections.iter().map(|p| (p.name.clone(), json!({ "synapses": p.synapses })))
                .collect::<serde_json::Map<_, _>>(),
            "recorders": recorders.iter().map(|(name, targets, events)| (name.clone(), json!({
                "targets": targets, "events": events,
            }))).collect::<serde_json::Map<_, _>>(),
            "build_s": build_s,
            "sim_s": sim_s,
            "seed": options.seed,
            "threads": net.threads(),
        });
        println!("{summary}");
        return Ok(());
    }
    println!("V1 layer 2/3 reference network, {T_SIM} ms\n");
    print!("{}", net.report());
    if let Some(dir) = &options.plot {
        println!("\nraster plots in {}", dir.display());
    }
    Ok(())
}
