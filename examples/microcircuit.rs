//! The cortical microcircuit of Potjans and Diesmann (2014): 77,169 `iaf_psc_exp` neurons
//! in eight populations (excitatory and inhibitory, layers 2/3, 4, 5 and 6) with about
//! 3·10⁸ synapses, driven by Poisson or DC background input, with the parameters of its
//! reference implementation (the microcircuit-PD14-model repository, PyNEST version).
//!
//! The facts carried over from the reference:
//! * population sizes, the 8 × 8 connection probabilities turned into
//!   `fixed_total_number` synapse counts `K = ln(1 − p) / ln(1 − 1/(N_pre N_post))`
//!   (scaled by N·K scaling), external indegrees `K_ext` (scaled by K scaling); every
//!   count is rounded half to even, as numpy's `round`;
//! * weights: PSPs of 0.15 mV (doubled from L4E onto L2/3E, × g = −4 from inhibitory
//!   sources) turned into PSC amplitudes for `iaf_psc_exp` (87.8 pA), normal with relative
//!   sd 0.1, redrawn to keep their sign; delays normal (1.5 ms excitatory, 0.75 ms
//!   inhibitory, relative sd 0.5) redrawn below half a step (so at least one step);
//! * scaling: at K scaling `k` < 1 the weights are divided by √k and a DC current per
//!   population restores the mean input, from the full network's rates;
//! * V_m drawn per population from the reference's "optimized" normal distributions
//!   (or the "original" one, N(−58 mV, 10 mV));
//! * background: DC (the reference's default, `I_e = 8 Hz · K_ext · J_ext · τ_syn`) or a
//!   Poisson generator of 8 Hz · K_ext per population; an optional thalamic pulse (902
//!   parrot neurons, 120 Hz from 700 to 710 ms).
//!
//! The network is written with the builder: the language cannot yet give a synapse count
//! or an initial V_m distribution computed at run time (see `examples/microcircuit.net`
//! for the network at a fixed scale).
//!
//! `cargo run --release --example microcircuit -- [--scale 0.1] [--threads N]
//!  [--time 1000] [--presim 500] [--background dc|poisson] [--thalamic] [--json]
//!  [--rates FILE] [--spikes FILE]`
//!
//! Built with the feature `mpi` it runs under `mpirun` (`cargo build --release
//! --features mpi --example microcircuit`, then `mpirun -np 2
//! target/release/examples/microcircuit --scale 0.1`): every rank builds and simulates
//! its blocks, rank 0 prints the rates (of every rank's neurons, the same as one
//! process) and each rank's times, peak RSS and memory estimate.

use clap::{Parser, ValueEnum};
use network::prelude::*;
use network::spec::psp::{weight_for_psp, PscShape};
use network::SpikeRecorderHandle;
use serde_json::json;
use std::time::Instant;

#[path = "pd14/mod.rs"]
mod pd14;
#[path = "bench_util/process.rs"]
mod process;
use pd14::*;
use process::{cpu_s, memory_mb, quantile};

/// Background (cortico-cortical) input.
#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Background {
    /// A constant current equal to the mean Poisson input (the reference's default).
    Dc,
    /// One Poisson generator per population at 8 Hz · K_ext.
    Poisson,
}

/// Initial membrane potentials.
#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum V0 {
    /// Per-population normal distributions that shorten the initial transient.
    Optimized,
    /// N(−58 mV, 10 mV) for every population.
    Original,
}

/// Command-line options.
#[derive(Parser)]
#[command(about = "Simulate the Potjans-Diesmann (2014) cortical microcircuit")]
struct Options {
    /// Scales the numbers of neurons and the indegrees alike (the reference's
    /// N_scaling = K_scaling).
    #[arg(long, default_value_t = 1.0)]
    scale: f64,
    /// Threads for connection building and simulation (results do not depend on it).
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// Biological time over which rates are measured (ms), after the presimulation.
    #[arg(long, default_value_t = 1000.0)]
    time: f64,
    /// Presimulation (ms), not measured (the reference's t_presim).
    #[arg(long, default_value_t = 500.0)]
    presim: f64,
    /// Background input.
    #[arg(long, value_enum, default_value_t = Background::Dc)]
    background: Background,
    /// Initial membrane potentials.
    #[arg(long, value_enum, default_value_t = V0::Optimized)]
    v0: V0,
    /// Adds the thalamic pulse (902 parrot neurons, 120 Hz from 700 to 710 ms).
    #[arg(long)]
    thalamic: bool,
    /// Seed of every random draw.
    #[arg(long, default_value_t = 55)]
    seed: u64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
    /// Write every neuron's rate (Hz) per population to this JSON file.
    #[arg(long)]
    rates: Option<std::path::PathBuf>,
    /// Print the network at this scale as a `.net` description and exit.
    #[arg(long)]
    net: bool,
    /// Write every spike of the measured time, one `population sender step` line each in
    /// recording order, to this file (rank 0 writes every rank's spikes).
    #[arg(long)]
    spikes: Option<std::path::PathBuf>,
}

/// The handles the run reads.
struct Built {
    net: Network,
    recorders: Vec<SpikeRecorderHandle>,
    first_ids: [u32; 8],
}

fn build(o: &Options, d: &Derived) -> Result<Built, Error> {
    let resolution = Resolution::new(RESOLUTION)?;
    let mut b = NetworkBuilder::new(resolution, Seed(o.seed)).threads(o.threads);
    let mut pops = Vec::new();
    let mut first_ids = [0u32; 8];
    let mut next_id = 1u32;
    for i in 0..8 {
        let model = Model::variant(
            NAMES[i],
            IafPscExp {
                C_m: C_M,
                tau_m: TAU_M,
                tau_syn_ex: TAU_SYN,
                tau_syn_in: TAU_SYN,
                t_ref: 2.0,
                E_L: -65.0,
                V_th: -50.0,
                V_reset: -65.0,
                I_e: d.dc[i],
                ..Default::default()
            },
        )?;
        let pop = b.population(NAMES[i], &model, Dyn(d.neurons[i]))?;
        let (mean, std) = match o.v0 {
            V0::Optimized => (V0_MEAN[i], V0_STD[i]),
            V0::Original => (-58.0, 10.0),
        };
        b.initial_v_m(
            &pop.all(),
            Value::Normal {
                mean,
                std,
                min: None,
                max: None,
            },
        )?;
        first_ids[i] = next_id;
        next_id += d.neurons[i] as u32;
        pops.push(pop);
    }
    let mut recorders = Vec::new();
    for (i, pop) in pops.iter().enumerate() {
        let window = SpikeRecorder::window(o.presim, f64::INFINITY);
        recorders.push(b.spike_recorder(&format!("{}_spikes", NAMES[i]), window, &[pop.all()])?);
    }
    if o.background == Background::Poisson {
        for (i, pop) in pops.iter().enumerate() {
            let rate = BG_RATE * d.k_ext[i] as f64;
            b.poisson_generator(
                &format!("{}_background", NAMES[i]),
                PoissonGenerator {
                    rate,
                    window: Window::default(),
                },
                &[pop.all()],
                &StaticSynapse::new(d.weight_ext, DELAY_EXC),
            )?;
        }
    }
    if o.thalamic {
        let parrot = Model::nest(ParrotNeuron::default())?;
        let th = b.population("TC", &parrot, Dyn(N_THALAMIC as usize))?;
        b.poisson_generator(
            "TC_drive",
            PoissonGenerator {
                rate: 120.0,
                window: Window::new(700.0, 710.0),
            },
            &[th.all()],
            &StaticSynapse::new(1.0, RESOLUTION),
        )?;
        for (i, pop) in pops.iter().enumerate() {
            if d.th_synapses[i] == 0 {
                continue;
            }
            b.connect(
                &format!("TC -> {}", NAMES[i]),
                &th,
                pop,
                &ConnSpec::new(Rule::FixedTotalNumber(d.th_synapses[i])),
                StaticSynapse::new(weight(d.weight_th), delay(DELAY_EXC)),
            )?;
        }
    }
    for (i, target) in pops.iter().enumerate() {
        for (j, source) in pops.iter().enumerate() {
            if d.synapses[i][j] == 0 {
                continue;
            }
            let mean_delay = if j % 2 == 0 { DELAY_EXC } else { DELAY_INH };
            b.connect(
                &format!("{} -> {}", NAMES[j], NAMES[i]),
                source,
                target,
                &ConnSpec::new(Rule::FixedTotalNumber(d.synapses[i][j])),
                StaticSynapse::new(weight(d.weights[i][j]), delay(mean_delay)),
            )?;
        }
    }
    Ok(Built {
        net: b.build()?,
        recorders,
        first_ids,
    })
}

/// The network as a `.net` description: the counts, currents and rates of this scale as
/// numbers, the weights as PSP heights (`psp(..)`, converted by the checker). The language
/// cannot draw an initial V_m yet: each population starts at its distribution's mean.
fn net_text(o: &Options, d: &Derived) -> String {
    use std::fmt::Write;
    let lower: Vec<String> = NAMES.iter().map(|n| n.to_lowercase()).collect();
    let root = if o.scale == 1.0 { 1.0 } else { o.scale.sqrt() };
    let mut t = String::new();
    let background = if o.background == Background::Dc {
        "dc"
    } else {
        "poisson"
    };
    let _ = writeln!(
        t,
        "// The Potjans-Diesmann (2014) microcircuit at scale {}, {background} background, written by",
        o.scale
    );
    let _ = writeln!(
        t,
        "//   cargo run --release --example microcircuit -- --scale {} --background {background} --net",
        o.scale
    );
    t.push_str("// Run: network run examples/microcircuit.net --time 1500ms\n");
    t.push_str(
        "// Spikes are recorded after the 500 ms presimulation. V_m starts at each population's\n",
    );
    t.push_str("// mean initial value (the example draws it from the reference's normal distribution).\n\n");
    t.push_str("/// The cortical microcircuit of Potjans and Diesmann (2014).\npub struct Microcircuit;\n\n");
    let _ = writeln!(t, "resolution = {RESOLUTION} ms;\nseed = {};\n", o.seed);
    for i in 0..8 {
        let v0 = if o.v0 == V0::Optimized {
            V0_MEAN[i]
        } else {
            -58.0
        };
        let _ = writeln!(
            t,
            "neuron {} = iaf_psc_exp {{
    C_m: {C_M} pF, tau_m: {TAU_M} ms, tau_syn_ex: {TAU_SYN} ms, tau_syn_in: {TAU_SYN} ms, t_ref: 2 ms,
    E_L: -65 mV, V_th: -50 mV, V_reset: -65 mV, V_m: {v0} mV, I_e: {:?} pA,
}};",
            NAMES[i], d.dc[i]
        );
    }
    t.push('\n');
    for i in 0..8 {
        let _ = writeln!(
            t,
            "population {} = {}[{}];",
            lower[i], NAMES[i], d.neurons[i]
        );
    }
    t.push('\n');
    for name in &lower {
        let _ = writeln!(
            t,
            "record {0}_spikes = spike_recorder {{ start: {1} ms }} <- {0};",
            name, o.presim
        );
    }
    if o.background == Background::Poisson {
        for (name, &k_ext) in lower.iter().zip(&d.k_ext) {
            let _ = writeln!(
                t,
                "stimulate {0}_background = poisson_generator {{ rate: {1:?} Hz }} -> {0}
    via static_synapse {{ weight: psp({2:?} mV), delay: {DELAY_EXC} ms }};",
                name,
                BG_RATE * k_ext as f64,
                PSP_EXC / root
            );
        }
    }
    t.push('\n');
    for i in 0..8 {
        for j in 0..8 {
            if d.synapses[i][j] == 0 {
                continue;
            }
            let psp = d.weights[i][j] / weight_for_psp(1.0, PscShape::Exp, TAU_M, C_M, TAU_SYN);
            let bound = if psp < 0.0 { "max" } else { "min" };
            let mean_delay = if j % 2 == 0 { DELAY_EXC } else { DELAY_INH };
            let _ = writeln!(
                t,
                "connect {} -> {}: fixed_total_number({}), via static_synapse {{
    weight: psp(normal(mean: {psp:?} mV, std: {:?} mV, {bound}: 0 mV)),
    delay: normal(mean: {mean_delay} ms, std: {} ms, min: {} ms),
}};",
                lower[j],
                lower[i],
                d.synapses[i][j],
                (psp * WEIGHT_REL_STD).abs(),
                mean_delay * DELAY_REL_STD,
                0.5 * RESOLUTION
            );
        }
    }
    t
}

fn main() -> Result<(), Error> {
    let o = Options::parse();
    // Under mpirun: MPI for the whole run, finalized when `_mpi` drops.
    #[cfg(feature = "mpi")]
    let _mpi = network::distribution::mpi::init();
    let d = derive(&o);
    if o.net {
        print!("{}", net_text(&o, &d));
        return Ok(());
    }

    let started = Instant::now();
    let cpu_start = cpu_s().unwrap_or(f64::NAN);
    let Built {
        mut net,
        recorders,
        first_ids,
    } = build(&o, &d)?;
    let build_s = started.elapsed().as_secs_f64();
    let (rss_built, _) = memory_mb();
    let build_cpu_s = cpu_s().unwrap_or(f64::NAN) - cpu_start;

    net.simulate(o.presim)?;
    let presim_s = net.simulation_time().as_secs_f64();
    let sim_cpu_start = cpu_s().unwrap_or(f64::NAN);
    net.simulate(o.time)?;
    let sim_cpu_s = cpu_s().unwrap_or(f64::NAN) - sim_cpu_start;
    let sim_s = net.simulation_time().as_secs_f64() - presim_s;
    let (rss_end, peak_rss) = memory_mb();
    // Each rank's figures, gathered on every rank (collective calls).
    let estimates = net.memory_estimates();
    let nan = f64::NAN;
    let mine = [
        build_s,
        presim_s,
        sim_s,
        rss_built.unwrap_or(nan),
        peak_rss.unwrap_or(nan),
    ];
    let ranks: Vec<Vec<f64>> = network::distribution::current()
        .all_gather(&mine.map(f64::to_bits))
        .chunks_exact(mine.len())
        .map(|r| r.iter().map(|&w| f64::from_bits(w)).collect())
        .collect();
    if net.rank() != 0 {
        return Ok(());
    }
    if let Some(path) = &o.spikes {
        use std::fmt::Write as _;
        let mut text = String::new();
        for (i, recorder) in recorders.iter().enumerate().take(8) {
            let events = net.spikes(recorder);
            for (sender, step) in events.senders().iter().zip(events.steps()) {
                let _ = writeln!(text, "{} {sender} {step}", NAMES[i]);
            }
        }
        std::fs::write(path, text)?;
    }

    let seconds = o.time / 1000.0;
    let mut per_population = serde_json::Map::new();
    let mut all_rates = serde_json::Map::new();
    let mut spikes = 0;
    // Delivered synaptic events: each spike reaches its population's synapses over its
    // neurons, on average (the thalamic input is not counted).
    let mut delivered = 0.0;
    for i in 0..8 {
        let events = net.spikes(&recorders[i]);
        spikes += events.len();
        let out: usize = (0..8).map(|t| d.synapses[t][i]).sum();
        delivered += events.len() as f64 * out as f64 / d.neurons[i].max(1) as f64;
        let mut counts = vec![0u32; d.neurons[i]];
        for &sender in events.senders() {
            counts[(sender - first_ids[i]) as usize] += 1;
        }
        let mut rates: Vec<f64> = counts.iter().map(|&c| f64::from(c) / seconds).collect();
        let n = rates.len().max(1) as f64;
        let mean = rates.iter().sum::<f64>() / n;
        let std = (rates.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / n).sqrt();
        if o.rates.is_some() {
            all_rates.insert(NAMES[i].into(), json!(rates));
        }
        rates.sort_by(f64::total_cmp);
        per_population.insert(
            NAMES[i].into(),
            json!({
                "n": d.neurons[i], "mean": mean, "std": std,
                "q25": quantile(&rates, 0.25), "median": quantile(&rates, 0.5),
                "q75": quantile(&rates, 0.75),
            }),
        );
    }
    if let Some(path) = &o.rates {
        let text = serde_json::Value::Object(all_rates).to_string();
        std::fs::write(path, text)?;
    }
    let synapses: usize = net.projections().iter().map(|p| p.synapses).sum();
    let synapse_bytes: usize = net.projections().iter().map(|p| p.bytes).sum();
    let neurons: usize = d.neurons.iter().sum();
    if o.json {
        let summary = json!({
            "model": "microcircuit", "scale": o.scale, "threads": net.threads(), "seed": o.seed,
            "background": if o.background == Background::Dc { "dc" } else { "poisson" },
            "thalamic": o.thalamic, "presim_ms": o.presim, "simtime_ms": o.time,
            "neurons": neurons, "synapses": synapses, "synapse_bytes": synapse_bytes,
            "spikes": spikes, "rates_hz": per_population,
            "build_s": build_s, "presim_s": presim_s, "sim_s": sim_s,
            "build_cpu_s": build_cpu_s, "sim_cpu_s": sim_cpu_s,
            "events_delivered": delivered.round(), "ns_per_event_sim": sim_s / delivered * 1e9,
            "realtime_factor": sim_s / seconds,
            "vmrss_mb": { "after_build": rss_built, "after_simulate": rss_end, "peak": peak_rss },
            "ranks": ranks.len(),
            "per_rank": ranks.iter().zip(&estimates).map(|(r, e)| json!({
                "build_s": r[0], "presim_s": r[1], "sim_s": r[2],
                "vmrss_mb": { "after_build": r[3], "peak": r[4] },
                "memory_estimate_bytes": e,
            })).collect::<Vec<_>>(),
            "memory_estimate_bytes": estimates.iter().sum::<u64>(),
        });
        println!("{summary}");
        return Ok(());
    }
    println!(
        "Potjans-Diesmann microcircuit, scale {}: {neurons} neurons, {synapses} synapses, {} thread(s)",
        o.scale,
        net.threads()
    );
    for name in NAMES {
        let p = &per_population[name];
        println!(
            "  {name:5} {:8.3} Hz mean, quartiles {:.2} / {:.2} / {:.2} Hz",
            p["mean"].as_f64().unwrap_or(f64::NAN),
            p["q25"].as_f64().unwrap_or(f64::NAN),
            p["median"].as_f64().unwrap_or(f64::NAN),
            p["q75"].as_f64().unwrap_or(f64::NAN),
        );
    }
    println!(
        "build {build_s:.2} s, presimulation {presim_s:.2} s, simulation {sim_s:.2} s of {} ms (real-time factor {:.2}), peak RSS {:.0} MB",
        o.time,
        sim_s / seconds,
        peak_rss.unwrap_or(f64::NAN)
    );
    if ranks.len() > 1 {
        for (rank, (r, e)) in ranks.iter().zip(&estimates).enumerate() {
            println!(
                "  rank {rank}: build {:.2} s, simulation {:.2} s, peak RSS {:.0} MB, memory estimate {:.0} MB",
                r[0],
                r[2],
                r[4],
                *e as f64 / 1e6
            );
        }
    }
    println!(
        "memory estimate {:.0} MB for the whole network",
        estimates.iter().sum::<u64>() as f64 / 1e6
    );
    Ok(())
}
