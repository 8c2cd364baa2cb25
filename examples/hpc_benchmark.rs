//! NEST's `hpc_benchmark` (pynest/examples/hpc_benchmark.py, NEST 3.10): a balanced random
//! network of NE = 9000·scale excitatory and NI = 2250·scale inhibitory `iaf_psc_alpha`
//! neurons, each receiving a fixed in-degree of K = 11250 inputs (CE = 9000 from E,
//! CI = 2250 from I, at every scale), no autapses, multapses allowed;
//! `stdp_pl_synapse_hom` (power-law potentiation, multiplicative depression) between
//! excitatory neurons, static synapses otherwise; one Poisson train per neuron; V_m
//! initialised from N(5.7 mV, 7.2 mV); every delay 1.5 ms.
//!
//! The facts carried over from NEST's script: τ_m = 10 ms, C_m = 250 pF, t_ref = 0.5 ms,
//! V_th = 20 mV, V_reset = E_L = 0 mV, τ_syn = 0.32582722403722841 ms (the rise time of
//! 1.700759 ms of earlier benchmarks), τ_minus = 30 ms; J_E is the PSC whose PSP peaks at
//! 0.14 mV (NEST's `convert_synapse_weight`, here `weight_for_psp`), J_I = −5·J_E; the
//! STDP parameters α = 0.0513, λ = 0.1, μ = 0.4, τ_plus = 15 ms; the Poisson rate is
//! η = 1.685 times the threshold rate times CE; NE, NI, CE and CI are truncated to integers
//! as the script's `int(..)` does. NEST's script records the first 1000 excitatory
//! neurons; here every neuron is recorded, for the rates of both populations.
//!
//! The network is written with the builder: the language cannot draw an initial V_m per
//! neuron (`examples/hpc_benchmark.net` is the network with V_m = 5.7 mV everywhere).
//!
//! `cargo run --release --example hpc_benchmark -- [--scale 1.0] [--threads N]
//!  [--time 250] [--presim 50] [--json] [--rates FILE]`

use clap::Parser;
use network::prelude::*;
use network::spec::psp::{weight_for_psp, PscShape};
use network::SpikeRecorderHandle;
use serde_json::json;
use std::time::Instant;

mod bench_util;
use bench_util::{Recorded, Run};

/// Command-line options.
#[derive(Parser)]
#[command(about = "Simulate NEST's hpc_benchmark network")]
struct Options {
    /// Multiplies the population sizes (the in-degrees stay 9000 and 2250).
    #[arg(long, default_value_t = 1.0)]
    scale: f64,
    /// Threads for connection building and simulation (results do not depend on it).
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// Biological time over which rates are measured (ms), after the presimulation.
    #[arg(long, default_value_t = 250.0)]
    time: f64,
    /// Presimulation (ms), not measured (the script's `presimtime`).
    #[arg(long, default_value_t = 50.0)]
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

const TAU_M: f64 = 10.0;
const C_M: f64 = 250.0;
/// Synaptic time constant (ms) giving earlier benchmarks' PSP rise time of 1.700759 ms.
const TAU_SYN: f64 = 0.325_827_224_037_228_4;
const V_TH: f64 = 20.0;
/// Peak excitatory PSP (mV).
const JE_MV: f64 = 0.14;
const G: f64 = -5.0;
const ETA: f64 = 1.685;
const DELAY: f64 = 1.5;
const V0_MEAN: f64 = 5.7;
const V0_STD: f64 = 7.2;

/// Sizes and weights of one scale.
struct Derived {
    ne: usize,
    ni: usize,
    ce: usize,
    ci: usize,
    /// Excitatory PSC amplitude (pA).
    je: f64,
    /// Poisson rate per neuron (Hz).
    rate: f64,
}

fn derive(scale: f64) -> Derived {
    // NEST's script: NE = int(9000 * scale), CE = int(NE / scale), truncating.
    let ne = (9000.0 * scale) as usize;
    let ni = (2250.0 * scale) as usize;
    let ce = (ne as f64 / scale) as usize;
    let ci = (ni as f64 / scale) as usize;
    let je = weight_for_psp(JE_MV, PscShape::Alpha, TAU_M, C_M, TAU_SYN);
    let nu_th = V_TH / (ce as f64 * TAU_M / C_M * je * std::f64::consts::E * TAU_SYN);
    Derived {
        ne,
        ni,
        ce,
        ci,
        je,
        rate: ETA * nu_th * ce as f64 * 1000.0,
    }
}

/// The network and the handles the run reads.
struct Built {
    net: Network,
    e_spikes: SpikeRecorderHandle,
    i_spikes: SpikeRecorderHandle,
}

fn build(o: &Options, d: &Derived) -> Result<Built, Error> {
    let mut b = NetworkBuilder::new(Resolution::new(0.1)?, Seed(o.seed)).threads(o.threads);
    let neuron = Model::nest(IafPscAlpha {
        E_L: 0.0,
        C_m: C_M,
        tau_m: TAU_M,
        t_ref: 0.5,
        V_th: V_TH,
        V_reset: 0.0,
        tau_syn_ex: TAU_SYN,
        tau_syn_in: TAU_SYN,
        tau_minus: 30.0,
        V_m: V0_MEAN,
        ..Default::default()
    })?;
    let exc = b.population("E", &neuron, Dyn(d.ne))?;
    let inh = b.population("I", &neuron, Dyn(d.ni))?;
    let v0 = Value::Normal {
        mean: V0_MEAN,
        std: V0_STD,
        min: None,
        max: None,
    };
    b.initial_v_m(&exc.all(), v0.clone())?;
    b.initial_v_m(&inh.all(), v0)?;

    let window = SpikeRecorder::window(o.presim, f64::INFINITY);
    let e_spikes = b.spike_recorder("E_spikes", window.clone(), &[exc.all()])?;
    let i_spikes = b.spike_recorder("I_spikes", window, &[inh.all()])?;

    let syn_ex = StaticSynapse::new(d.je, DELAY);
    let syn_in = StaticSynapse::new(G * d.je, DELAY);
    let stdp = StdpPlSynapseHom {
        tau_plus: 15.0,
        lambda: 0.1,
        alpha: 0.0513,
        mu: 0.4,
        ..StdpPlSynapseHom::new(d.je, DELAY)
    };
    b.poisson_generator(
        "E_stimulus",
        PoissonGenerator {
            rate: d.rate,
            window: Window::default(),
        },
        &[exc.all(), inh.all()],
        &syn_ex,
    )?;
    let indegree = |k: usize| ConnSpec {
        allow_autapses: false,
        ..ConnSpec::new(Rule::FixedIndegree(k))
    };
    b.connect("E -> E", &exc, &exc, &indegree(d.ce), stdp)?;
    b.connect("I -> E", &inh, &exc, &indegree(d.ci), syn_in.clone())?;
    b.connect("E -> I", &exc, &inh, &indegree(d.ce), syn_ex.clone())?;
    b.connect("I -> I", &inh, &inh, &indegree(d.ci), syn_in)?;
    Ok(Built {
        net: b.build()?,
        e_spikes,
        i_spikes,
    })
}

fn main() -> Result<(), Error> {
    let o = Options::parse();
    let d = derive(o.scale);

    let started = Instant::now();
    let Built {
        mut net,
        e_spikes,
        i_spikes,
    } = build(&o, &d)?;
    let run = Run {
        model: "hpc_benchmark",
        scale: o.scale,
        seed: o.seed,
        presim: o.presim,
        time: o.time,
        build_s: started.elapsed().as_secs_f64(),
        rates: o.rates.as_deref(),
        extra: json!({ "J_E_pA": d.je, "poisson_rate_per_neuron_hz": d.rate }),
    };
    let pops = [
        Recorded {
            name: "E",
            recorder: e_spikes,
            first_id: 1,
            n: d.ne,
        },
        Recorded {
            name: "I",
            recorder: i_spikes,
            first_id: 1 + d.ne as u32,
            n: d.ni,
        },
    ];
    let summary = bench_util::simulate(&mut net, &pops, &run)?;
    bench_util::print(&summary, o.json);
    Ok(())
}
