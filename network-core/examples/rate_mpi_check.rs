//! The MPI determinism check of rate neurons (cargo feature `mpi`; run by
//! `scripts/mpi_check.sh` in CI): the four `rate_neuron_ipn` models with noise, delayed
//! and instantaneous rate connections under waveform relaxation, populations that split
//! unevenly over the ranks (one of a single neuron), multimeters to memory and to a file,
//! a `SetStatus` of some neurons' rates between runs and a run that ends inside a
//! communication interval. Rank 0 writes every sample (the values as their bits), the
//! iteration counts and the sizes to `{dir}/summary.txt`; the multimeter file goes to
//! `{dir}`. The script compares 1, 2 and 3 processes, and 2 processes with 2 threads.
//!
//! `rate_mpi_check DIR THREADS merged|per-rank`

use network_core::distribution::{self, RecorderFiles};
use network_core::models::rate::{LinRateIpn, SigmoidRateIpn, TanhRateIpn, ThresholdLinRateIpn};
use network_core::spec::rate::WaveformRelaxation;
use network_core::*;
use std::fmt::Write as _;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, threads, layout] = &args[..] else {
        eprintln!("usage: rate_mpi_check DIR THREADS merged|per-rank");
        std::process::exit(2);
    };
    let _mpi = distribution::mpi::init().expect("MPI is initialized once");
    let threads: usize = threads.parse().expect("THREADS is a number");
    let layout = match layout.as_str() {
        "per-rank" => RecorderFiles::PerRank,
        _ => RecorderFiles::Merged,
    };
    if let Err(e) = run(dir, threads, layout) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

/// Deterministic index pairs: `count` sources of `n_source` for each of `n_target`.
fn pairs(n_source: u32, n_target: u32, count: u32, salt: u32) -> Vec<(u32, u32)> {
    (0..n_target)
        .flat_map(|t| (0..count).map(move |k| ((t * 7 + k * 13 + salt) % n_source, t)))
        .collect()
}

fn run(dir: &str, threads: usize, layout: RecorderFiles) -> Result<()> {
    let mut b = NetworkBuilder::new(Resolution::new(0.1)?, Seed(20261))
        .threads(threads)
        .recorder_files(layout)
        .data_path(dir);
    b.waveform_relaxation(WaveformRelaxation {
        wfr_comm_interval: 0.5,
        ..WaveformRelaxation::default()
    })?;
    let exc = b.rate_population(
        "exc",
        TanhRateIpn {
            sigma: 0.3,
            mu: 0.2,
            g: 1.5,
            ..TanhRateIpn::default()
        },
        301,
    )?;
    let inh = b.rate_population(
        "inh",
        ThresholdLinRateIpn {
            sigma: 0.2,
            theta: 0.05,
            alpha: 2.0,
            linear_summation: false,
            ..ThresholdLinRateIpn::default()
        },
        77,
    )?;
    let lin = b.rate_population(
        "lin",
        LinRateIpn {
            sigma: 0.1,
            lambda: 0.5,
            mult_coupling: true,
            g_ex: 0.8,
            theta_ex: 1.0,
            ..LinRateIpn::default()
        },
        5,
    )?;
    let single = b.rate_population(
        "single",
        SigmoidRateIpn {
            sigma: 0.4,
            mu: 0.5,
            ..SigmoidRateIpn::default()
        },
        1,
    )?;
    let delayed = |weight, delay| RateConnection::Delayed { weight, delay };
    let instant = |weight| RateConnection::Instantaneous { weight };
    b.rate_connect(
        "ee",
        &exc,
        &exc,
        &RateRule::Pairs(pairs(301, 301, 6, 1)),
        delayed(0.08, 1.5),
    )?;
    b.rate_connect(
        "ei",
        &exc,
        &inh,
        &RateRule::Pairs(pairs(301, 77, 20, 3)),
        delayed(0.05, 0.7),
    )?;
    b.rate_connect(
        "ie",
        &inh,
        &exc,
        &RateRule::Pairs(pairs(77, 301, 4, 5)),
        instant(-0.1),
    )?;
    b.rate_connect(
        "ii",
        &inh,
        &inh,
        &RateRule::Pairs(pairs(77, 77, 3, 2)),
        instant(-0.05),
    )?;
    b.rate_connect("el", &exc, &lin, &RateRule::AllToAll, instant(0.01))?;
    b.rate_connect("ls", &lin, &single, &RateRule::AllToAll, delayed(0.2, 0.5))?;
    b.rate_connect("se", &single, &exc, &RateRule::AllToAll, instant(0.05))?;
    let record = [Recordable::rate, Recordable::noise];
    let all = b.rate_multimeter(
        "rates",
        &exc,
        None,
        Multimeter::new(0.5, &record).record_to(RecordTo::Ascii { directory: None }),
    )?;
    let few = b.rate_multimeter(
        "few",
        &inh,
        Some(&[76, 0, 38, 39]),
        Multimeter::new(0.1, &[Recordable::rate]),
    )?;
    let tail = b.rate_multimeter("tail", &single, None, Multimeter::new(0.2, &record))?;
    let mut net = b.build()?;
    net.simulate(10.0)?;
    // Neurons on either side of a two-rank split; a run ending inside an interval.
    net.set_rate_neurons(&exc, Some(&[3, 150, 151, 300]), "rate", 0.7)?;
    net.set_rate_neurons(&inh, None, "mu", 0.1)?;
    net.simulate(7.3)?;
    net.simulate(5.0)?;
    let mut out = String::new();
    let (iterations, unconverged) = net.rate_iterations();
    writeln!(out, "iterations {iterations} unconverged {unconverged}").unwrap();
    for (name, meter, vars) in [
        ("rates", &all, &record[..]),
        ("few", &few, &[Recordable::rate][..]),
        ("tail", &tail, &record[..]),
    ] {
        let s = net.rate_samples(meter);
        writeln!(out, "{name} {}", s.len()).unwrap();
        let columns: Vec<Vec<f64>> = vars.iter().map(|&v| s.values(v).unwrap()).collect();
        for (k, (sender, t)) in s.senders().iter().zip(s.times()).enumerate() {
            write!(out, "{sender} {t}").unwrap();
            for c in &columns {
                write!(out, " {:016x}", c[k].to_bits()).unwrap();
            }
            writeln!(out).unwrap();
        }
    }
    let memory = net.memory_estimates();
    if net.rank() == 0 {
        std::fs::write(format!("{dir}/summary.txt"), out).map_err(|e| Error::Io {
            entity: "rate_mpi_check".into(),
            path: dir.into(),
            message: e.to_string(),
        })?;
        eprintln!(
            "ranks {}, threads {}, memory estimate per rank {memory:?} bytes",
            net.ranks(),
            net.threads()
        );
    }
    Ok(())
}
