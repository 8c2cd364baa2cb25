//! The CUBA network of Brette et al. (2007), benchmark 2, in the form of Brian2's CUBA
//! example: 4000 `iaf_psc_exp` neurons, 3200 excitatory and 800 inhibitory, every ordered
//! pair connected with probability 0.02; τ_m = 20 ms, E_L = −49 mV (above threshold: the
//! network needs no external drive), V_th = −50 mV, V_reset = −60 mV, t_ref = 5 ms,
//! exponential currents of τ = 5 ms (excitatory) and 10 ms (inhibitory). Brian2 adds
//! 1.62 mV and −9 mV to a voltage-valued current `ge` in `dv/dt = (ge + gi − (v − E_L))/τ_m`;
//! with C_m = 200 pF (g_L = 10 nS) the same jumps are currents of 1.62 mV · C_m/τ_m =
//! 16.2 pA and −90 pA. V_m starts uniform on [−60, −50) mV. Delays are one step (0.1 ms,
//! NEST's minimum; Brian2 delivers in the step of the spike). Unlike Brian2's example
//! (`unless refractory` on the currents too), the currents decay during the refractory
//! period, as in NEST's `iaf_psc_exp`.
//!
//! The network is written with the builder: the language cannot draw an initial V_m per
//! neuron (`examples/cuba.net` is the network with V_m = −60 mV everywhere).
//!
//! `cargo run --release --example cuba -- [--scale 1.0] [--threads N] [--time 1000]
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
#[command(about = "Simulate the CUBA network of Brette et al. (2007)")]
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

const C_M: f64 = 200.0;
const TAU_M: f64 = 20.0;
/// Excitatory current jump (pA): Brian2's 1.62 mV times C_m/τ_m.
const W_EX: f64 = 1.62 * C_M / TAU_M;
/// Inhibitory current jump (pA): Brian2's −9 mV times C_m/τ_m.
const W_IN: f64 = -9.0 * C_M / TAU_M;
/// Delay (ms): one step.
const DELAY: f64 = 0.1;

fn main() -> Result<(), Error> {
    let o = Options::parse();
    let ne = (brette::NE as f64 * o.scale).round() as usize;
    let ni = (brette::NI as f64 * o.scale).round() as usize;

    let started = Instant::now();
    let mut b = NetworkBuilder::new(Resolution::new(0.1)?, Seed(o.seed)).threads(o.threads);
    let neuron = Model::nest(IafPscExp {
        C_m: C_M,
        tau_m: TAU_M,
        E_L: -49.0,
        V_reset: -60.0,
        V_th: -50.0,
        t_ref: 5.0,
        tau_syn_ex: 5.0,
        tau_syn_in: 10.0,
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
        model: "cuba",
        scale: o.scale,
        seed: o.seed,
        presim: o.presim,
        time: o.time,
        build_s: started.elapsed().as_secs_f64(),
        rates: o.rates.as_deref(),
        extra: json!({ "w_ex_pA": W_EX, "w_in_pA": W_IN }),
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
