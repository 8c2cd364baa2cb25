//! The COBA network of Brette et al. (2007), benchmark 1 (after Vogels and Abbott 2005):
//! 4000 `iaf_cond_exp` neurons, 3200 excitatory and 800 inhibitory, every ordered pair
//! connected with probability 0.02; conductance jumps of 6 nS (E_ex = 0 mV, τ = 5 ms)
//! and 67 nS (E_in = −80 mV, τ = 10 ms), with the membrane of the benchmark: C_m =
//! 200 pF, g_L = 10 nS (τ_m = 20 ms), E_L = V_reset = −60 mV, V_th = −50 mV, t_ref = 5 ms.
//! As in Brian2's COBA benchmark script, a constant input of 20 mV·g_L = 200 pA keeps the
//! network active, and V_m starts uniform on [−60, −50) mV. Delays are one step (0.1 ms,
//! NEST's minimum; Brian2 delivers in the step of the spike).
//!
//! The network is written with the builder: the language cannot draw an initial V_m per
//! neuron (`examples/coba.net` is the network with V_m = −60 mV everywhere).
//!
//! `cargo run --release --example coba -- [--scale 1.0] [--threads N] [--time 1000]
//!  [--json] [--rates FILE]`

use clap::Parser;
use network::prelude::*;
use serde_json::json;
use std::time::Instant;

mod bench_util;
mod brette;
use bench_util::{Recorded, Run};

/// Command-line options.
#[derive(Parser)]
#[command(about = "Simulate the COBA network of Brette et al. (2007)")]
struct Options {
    /// Multiplies the population sizes (the connection probability stays 0.02).
    #[arg(long, default_value_t = 1.0)]
    scale: f64,
    /// Threads for connection building and simulation (results do not depend on it).
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// Biological time over which rates are measured (ms), after the presimulation.
    #[arg(long, default_value_t = 1000.0)]
    time: f64,
    /// Presimulation (ms), not measured.
    #[arg(long, default_value_t = 0.0)]
    presim: f64,
    /// Seed of every random draw.
    #[arg(long, default_value_t = 12345)]
    seed: u64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
    /// Write every neuron's rate (Hz) per population to this JSON file.
    #[arg(long)]
    rates: Option<std::path::PathBuf>,
}

/// Excitatory conductance jump (nS).
const W_EX: f64 = 6.0;
/// Inhibitory conductance jump (nS; negative: NEST's sign for the inhibitory port).
const W_IN: f64 = -67.0;
/// Delay (ms): one step.
const DELAY: f64 = 0.1;

fn main() -> Result<(), Error> {
    let o = Options::parse();
    let ne = (brette::NE as f64 * o.scale).round() as usize;
    let ni = (brette::NI as f64 * o.scale).round() as usize;

    let started = Instant::now();
    let mut b = NetworkBuilder::new(Resolution::new(0.1)?, Seed(o.seed)).threads(o.threads);
    let neuron = Model::nest(IafCondExp {
        C_m: 200.0,
        g_L: 10.0,
        E_L: -60.0,
        V_reset: -60.0,
        V_th: -50.0,
        t_ref: 5.0,
        E_ex: 0.0,
        E_in: -80.0,
        tau_syn_ex: 5.0,
        tau_syn_in: 10.0,
        I_e: 200.0,
        V_m: -60.0,
        ..Default::default()
    })?;
    let exc = b.population("E", &neuron, Dyn(ne))?;
    let inh = b.population("I", &neuron, Dyn(ni))?;
    let (min, max) = brette::V0;
    b.initial_v_m(&exc.all(), Value::Uniform { min, max })?;
    b.initial_v_m(&inh.all(), Value::Uniform { min, max })?;
    let window = SpikeRecorder::window(o.presim, f64::INFINITY);
    let e_spikes = b.spike_recorder("E_spikes", window.clone(), &[exc.all()])?;
    let i_spikes = b.spike_recorder("I_spikes", window, &[inh.all()])?;
    let rule = ConnSpec::new(Rule::PairwiseBernoulli(brette::P));
    for (name, target) in [("E -> E", &exc), ("E -> I", &inh)] {
        b.connect(name, &exc, target, &rule, StaticSynapse::new(W_EX, DELAY))?;
    }
    for (name, target) in [("I -> E", &exc), ("I -> I", &inh)] {
        b.connect(name, &inh, target, &rule, StaticSynapse::new(W_IN, DELAY))?;
    }
    let mut net = b.build()?;

    let run = Run {
        model: "coba",
        scale: o.scale,
        seed: o.seed,
        presim: o.presim,
        time: o.time,
        build_s: started.elapsed().as_secs_f64(),
        rates: o.rates.as_deref(),
        extra: json!({ "w_ex_nS": W_EX, "w_in_nS": W_IN }),
    };
    let pops = [
        Recorded {
            name: "E",
            recorder: e_spikes,
            first_id: 1,
            n: ne,
        },
        Recorded {
            name: "I",
            recorder: i_spikes,
            first_id: 1 + ne as u32,
            n: ni,
        },
    ];
    let summary = bench_util::simulate(&mut net, &pops, &run)?;
    bench_util::print(&summary, o.json);
    Ok(())
}
