//! The Brette et al. (2007) benchmark networks (COBA, CUBA): 4000 neurons, 80 %
//! excitatory, every pair connected with probability 0.02. Included by `coba` and `cuba`
//! with `mod brette;` (after `mod bench_util;`): the constants, the command line and the
//! network around a neuron model, built with the builder, simulated and reported.

use crate::bench_util::{self, Recorded, Run};
use clap::Parser;
use network::prelude::*;
use network::NeuronModel;
use serde_json::Value as Json;
use std::time::Instant;

/// Excitatory neurons.
pub const NE: usize = 3200;
/// Inhibitory neurons.
pub const NI: usize = 800;
/// Connection probability of every ordered pair (autapses allowed, as Brian2's
/// `connect(p=0.02)`).
pub const P: f64 = 0.02;
/// Initial V_m uniform on [V_reset, V_th) = [-60, -50) mV, as Brian2's
/// `v = 'Vr + rand() * (Vt - Vr)'`.
pub const V0: (f64, f64) = (-60.0, -50.0);
/// Delay (ms): one step (NEST's minimum; Brian2 delivers in the step of the spike).
pub const DELAY: f64 = 0.1;

/// Command-line options.
#[derive(Parser)]
#[command(about = "Simulate a network of Brette et al. (2007) (COBA or CUBA)")]
pub struct Options {
    /// Multiplies the population sizes (the connection probability stays 0.02).
    #[arg(long, default_value_t = 1.0)]
    pub scale: f64,
    /// Threads for connection building and simulation (results do not depend on it).
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
    /// Biological time over which rates are measured (ms), after the presimulation.
    #[arg(long, default_value_t = 1000.0)]
    pub time: f64,
    /// Presimulation (ms), not measured.
    #[arg(long, default_value_t = 0.0)]
    pub presim: f64,
    /// Seed of every random draw.
    #[arg(long, default_value_t = 12345)]
    pub seed: u64,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Write every neuron's rate (Hz) per population to this JSON file.
    #[arg(long)]
    pub rates: Option<std::path::PathBuf>,
}

/// Builds the network of `neuron`s at the scale of `o` (V_m uniform on [`V0`],
/// excitatory weight `w_ex` and inhibitory `w_in` in the model's weight unit), simulates
/// it and prints the summary of `model` with `extra` fields.
pub fn run<M: NeuronModel>(
    o: &Options,
    model: &'static str,
    neuron: Model<M>,
    (w_ex, w_in): (f64, f64),
    extra: Json,
) -> Result<(), Error> {
    let ne = (NE as f64 * o.scale).round() as usize;
    let ni = (NI as f64 * o.scale).round() as usize;
    let started = Instant::now();
    let mut b = NetworkBuilder::new(Resolution::new(0.1)?, Seed(o.seed)).threads(o.threads);
    let exc = b.population("E", &neuron, Dyn(ne))?;
    let inh = b.population("I", &neuron, Dyn(ni))?;
    let (min, max) = V0;
    b.initial_v_m(&exc.all(), Value::Uniform { min, max })?;
    b.initial_v_m(&inh.all(), Value::Uniform { min, max })?;
    let window = SpikeRecorder::window(o.presim, f64::INFINITY);
    let e_spikes = b.spike_recorder("E_spikes", window.clone(), &[exc.all()])?;
    let i_spikes = b.spike_recorder("I_spikes", window, &[inh.all()])?;
    let rule = ConnSpec::new(Rule::PairwiseBernoulli(P));
    for (name, target) in [("E -> E", &exc), ("E -> I", &inh)] {
        b.connect(name, &exc, target, &rule, StaticSynapse::new(w_ex, DELAY))?;
    }
    for (name, target) in [("I -> E", &exc), ("I -> I", &inh)] {
        b.connect(name, &inh, target, &rule, StaticSynapse::new(w_in, DELAY))?;
    }
    let mut net = b.build()?;

    let run = Run {
        model,
        scale: o.scale,
        seed: o.seed,
        presim: o.presim,
        time: o.time,
        build_s: started.elapsed().as_secs_f64(),
        rates: o.rates.as_deref(),
        extra,
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
