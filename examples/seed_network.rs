//! The reference network: layer 2/3 of primary visual cortex (100 PV interneurons and
//! 800 pyramidal cells at random 3D positions), written with the builder API.
//!
//! `cargo run --release --example seed_network -- [--seed N] [--threads N] [--json]`

use clap::Parser;
use network::prelude::*;
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
}

/// Biological time simulated (ms).
const T_SIM: f64 = 4000.0;

fn main() -> Result<(), Error> {
    let options = Options::parse();
    let started = Instant::now();
    let mut b =
        NetworkBuilder::new(Resolution::default(), Seed(options.seed)).threads(options.threads);

    let pv = Model::variant(
        "PV",
        IafPscAlpha {
            C_m: 200.0,
            V_th: -52.0,
            V_reset: -65.0,
            tau_m: 10.0,
            t_ref: 1.0,
            ..Default::default()
        },
    )?;
    let pyl23 = Model::variant(
        "PyL23",
        IafPscAlpha {
            V_th: -50.0,
            C_m: 200.0,
            tau_m: 15.0,
            V_reset: -70.0,
            t_ref: 2.0,
            I_e: 200.0,
            ..Default::default()
        },
    )?;
    let column = Layout::FreeUniform {
        lower_left: vec![0.0, 0.0, 0.0],
        upper_right: vec![2.0, 2.0, 1.0],
        edge_wrap: false,
    };
    let pvpop = b.spatial_population("pvpop", &pv, Const::<100>, &column)?;
    let l23pyr = b.spatial_population("l23pyr", &pyl23, Const::<800>, &column)?;

    let corner = b.within(&l23pyr, &Mask::sphere(0.5), [0.0, 0.0, 0.0])?;
    let corner_spikes = b.spike_recorder(
        "corner_spikes",
        SpikeRecorder::window(0.0, 1000.0),
        std::slice::from_ref(&corner),
    )?;
    let exc_spikes = b.spike_recorder(
        "exc_spikes",
        SpikeRecorder::window(0.0, 1000.0),
        &[l23pyr.all()],
    )?;
    let inh_spikes = b.spike_recorder("inh_spikes", SpikeRecorder::default(), &[pvpop.all()])?;

    let dc = DcGenerator {
        amplitude: 100.0,
        window: Window::new(500.0, 700.0),
    };
    b.dc_generator("dc", dc, &[corner], &StaticSynapse::default())?;
    let noise = PoissonGenerator {
        rate: 50.0,
        window: Window::new(100.0, 900.0),
    };
    b.poisson_generator(
        "noise",
        noise,
        &[l23pyr.all()],
        &StaticSynapse::new(2.5, 1.5),
    )?;

    let local = |radius| {
        ConnSpec::new(Rule::FixedIndegree(0))
            .with_mask(Mask::sphere(radius))
            .no_autapses()
            .no_multapses()
    };
    let pv_to_pyr = b.connect(
        "pvpop -> l23pyr",
        &pvpop,
        &l23pyr,
        &ConnSpec {
            rule: Rule::FixedIndegree(1),
            ..local(1.0)
        },
        &StaticSynapse::new(-10.0, 1.0),
    )?;
    let pyr_to_pv = b.connect(
        "l23pyr -> pvpop",
        &l23pyr,
        &pvpop,
        &ConnSpec {
            rule: Rule::FixedIndegree(4),
            ..local(0.5)
        },
        &StaticSynapse::new(4.0, 1.0),
    )?;
    let mut net = b.build()?;
    let build_s = started.elapsed().as_secs_f64();

    net.simulate(T_SIM)?;
    let sim_s = net.simulation_time().as_secs_f64();

    let seconds = T_SIM / 1000.0;
    let populations: Vec<(String, usize, usize)> = net
        .populations()
        .iter()
        .enumerate()
        .map(|(p, info)| (info.name.clone(), info.len, net.spike_count(p)))
        .collect();
    let projections = [pv_to_pyr, pyr_to_pv].map(|h| net.projection(&h).clone());
    let recorders = [corner_spikes, exc_spikes, inh_spikes].map(|h| {
        (
            net.recorder_name(&h).to_string(),
            net.recorder_targets(&h),
            net.spikes(&h).len(),
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
    println!(
        "V1 layer 2/3 reference network, seed {}, {} thread(s), {T_SIM} ms",
        options.seed,
        net.threads()
    );
    println!("\npopulations       neurons    spikes   rate (Hz)");
    for (name, size, spikes) in &populations {
        println!(
            "  {name:<14} {size:>8} {spikes:>9} {:>11.3}",
            *spikes as f64 / (*size as f64 * seconds)
        );
    }
    println!("\nprojections           synapses");
    for p in &projections {
        println!("  {:<18} {:>9}", p.name, p.synapses);
    }
    println!("\nrecorders         targets    events");
    for (name, targets, events) in &recorders {
        println!("  {name:<14} {targets:>8} {events:>9}");
    }
    println!("\nbuild {build_s:.3} s, simulation {sim_s:.3} s");
    Ok(())
}
