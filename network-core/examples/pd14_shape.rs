//! A network of the cortical microcircuit's shape (Potjans & Diesmann 2014) written with
//! the builder API, for profiling the engine: 8 `iaf_psc_exp` populations, the
//! reference's connection-probability table as fixed_total_number synapse counts,
//! normal weights (relative sd 0.1) and delays (1.5/0.75 ms, sd 0.5 of the mean,
//! redrawn below the resolution), Poisson background at 8 Hz x K_ext per neuron.
//!
//! `scale` multiplies the population sizes and synapse counts (the in-degrees stay).
//! `cargo run --release -p network-core --example pd14_shape -- [scale] [threads] [ms]`
//! prints build and simulation wall time, spikes, synapses and peak RSS.

use network_core::connect::{ConnSpec, Rule};
use network_core::*;
use std::time::Instant;

#[path = "../../examples/pd14/table.rs"]
#[allow(dead_code)] // the population names are the microcircuit's
mod table;
use table::{CONN_PROBS as PROB, K_EXT, N_FULL};
/// Neurons per population at full scale.
const SIZES: [usize; 8] = {
    let mut sizes = [0; 8];
    let mut i = 0;
    while i < 8 {
        sizes[i] = N_FULL[i] as usize;
        i += 1;
    }
    sizes
};
/// PSC amplitude (pA) of a 0.15 mV PSP for these neurons.
const W: f64 = 87.81;

fn status_kb(field: &str) -> u64 {
    let text = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    text.lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// CPU time of this process, all threads (s), from /proc (resolution 10 ms).
fn cpu_s() -> f64 {
    let text = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = text.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let scale: f64 = args.get(1).map_or(0.1, |s| s.parse().unwrap());
    let threads: usize = args.get(2).map_or(2, |s| s.parse().unwrap());
    let t_ms: f64 = args.get(3).map_or(1000.0, |s| s.parse().unwrap());
    let started = Instant::now();
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(55)).threads(threads);
    let model = Model::nest(IafPscExp {
        C_m: 250.0,
        tau_m: 10.0,
        tau_syn_ex: 0.5,
        tau_syn_in: 0.5,
        t_ref: 2.0,
        E_L: -65.0,
        V_reset: -65.0,
        V_th: -50.0,
        ..Default::default()
    })?;
    let n: Vec<usize> = SIZES
        .iter()
        .map(|&s| ((s as f64 * scale).round() as usize).max(1))
        .collect();
    let pops: Vec<_> = n
        .iter()
        .enumerate()
        .map(|(i, &len)| b.population(&format!("p{i}"), &model, Dyn(len)))
        .collect::<Result<_>>()?;
    for p in &pops {
        b.initial_v_m(
            &p.all(),
            Value::Normal {
                mean: -58.0,
                std: 10.0,
                min: None,
                max: None,
            },
        )?;
    }
    let mut synapses = 0usize;
    for (t, row) in PROB.iter().enumerate() {
        for (s, &p) in row.iter().enumerate() {
            if p == 0.0 {
                continue;
            }
            let pairs = (SIZES[s] * SIZES[t]) as f64;
            let full = (1.0 - p).ln() / ((pairs - 1.0) / pairs).ln();
            let count = (full * scale).round() as usize;
            synapses += count;
            let exc = s % 2 == 0;
            let mean = if exc {
                if s == 2 && t == 0 {
                    2.0 * W
                } else {
                    W
                }
            } else {
                -4.0 * W
            };
            let (dmean, lo, hi) = if exc {
                (1.5, Some(0.0), None)
            } else {
                (0.75, None, Some(0.0))
            };
            let syn = StaticSynapse::new(
                Value::Normal {
                    mean,
                    std: 0.1 * mean.abs(),
                    min: lo,
                    max: hi,
                },
                Value::Normal {
                    mean: dmean,
                    std: 0.5 * dmean,
                    min: Some(0.1),
                    max: None,
                },
            );
            b.connect(
                &format!("c{s}_{t}"),
                &pops[s],
                &pops[t],
                &ConnSpec::new(Rule::FixedTotalNumber(count)),
                syn,
            )?;
        }
    }
    for (i, p) in pops.iter().enumerate() {
        b.poisson_generator(
            &format!("bg{i}"),
            PoissonGenerator {
                rate: 8.0 * K_EXT[i],
                window: Window::default(),
            },
            &[p.all()],
            &StaticSynapse::new(W, 1.5),
        )?;
    }
    let recorders: Vec<_> = pops
        .iter()
        .enumerate()
        .map(|(i, p)| b.spike_recorder(&format!("s{i}"), SpikeRecorder::default(), &[p.all()]))
        .collect::<Result<_>>()?;
    let mut net = b.build()?;
    net.set_progress(false);
    let build_s = started.elapsed().as_secs_f64();
    let build_cpu = cpu_s();
    let build_rss = status_kb("VmHWM:");
    let started = Instant::now();
    net.simulate(t_ms)?;
    let sim_s = started.elapsed().as_secs_f64();
    let sim_cpu = cpu_s() - build_cpu;
    let spikes: usize = recorders.iter().map(|r| net.spikes(r).len()).sum();
    let neurons: usize = n.iter().sum();
    let rate = spikes as f64 / neurons as f64 / (t_ms / 1000.0);
    // Each spike reaches (synapses / neurons) targets on average.
    let events = spikes as f64 * synapses as f64 / neurons as f64;
    println!(
        "scale {scale} threads {threads} neurons {neurons} synapses {synapses} build_s {build_s:.3} build_cpu_s {build_cpu:.2} sim_s {sim_s:.3} sim_cpu_s {sim_cpu:.2} rate_hz {rate:.3} events {events:.3e} ns_per_event {:.2} cpu_ns_per_event {:.2} peak_rss_mb_build {} peak_rss_mb {}",
        sim_s * 1e9 / events,
        sim_cpu * 1e9 / events,
        build_rss / 1024,
        status_kb("VmHWM:") / 1024
    );
    Ok(())
}
