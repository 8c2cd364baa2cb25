//! The MPI determinism check (cargo feature `mpi`; run by `scripts/mpi_check.sh` in CI):
//! a network with every kind of part that distribution touches — connection rules by
//! target and by source, random weights and delays, STDP, Poisson drive, spike
//! recorders to memory and to a file, a multimeter across blocks — built and simulated
//! under `mpirun`. Rank 0 writes everything it gathered (spikes, samples and weights,
//! the numbers as their bits) to `{dir}/summary.txt`; recorder files go to `{dir}`.
//! The script compares the outputs of 1 and 2 processes and of 1 and 2 threads.
//!
//! `mpi_check DIR THREADS merged|per-rank|fail-on-rank-1` (the last: a builder call fails
//! on rank 1 alone; every rank must stop with an error instead of waiting for it)

use network_core::connect::{ConnSpec, Rule};
use network_core::distribution::{self, RecorderFiles};
use network_core::*;
use std::fmt::Write as _;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, threads, layout] = &args[..] else {
        eprintln!("usage: mpi_check DIR THREADS merged|per-rank|fail-on-rank-1");
        std::process::exit(2);
    };
    let _mpi = distribution::mpi::init().expect("MPI is initialized once");
    let threads: usize = threads.parse().expect("THREADS is a number");
    let fail_on_rank_1 = layout == "fail-on-rank-1";
    let layout = match layout.as_str() {
        "per-rank" => RecorderFiles::PerRank,
        _ => RecorderFiles::Merged,
    };
    if let Err(e) = run(dir, threads, layout, fail_on_rank_1) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run(dir: &str, threads: usize, layout: RecorderFiles, fail_on_rank_1: bool) -> Result<()> {
    let mut b = NetworkBuilder::new(Resolution::new(0.1)?, Seed(20260))
        .threads(threads)
        .recorder_files(layout)
        .data_path(dir);
    let lif = Model::nest(IafPscAlpha::default())?;
    let exc = b.population("exc", &lif, Dyn(3000))?;
    if fail_on_rank_1 && distribution::current().rank() == 1 {
        // A second population of the same name: an error on this rank only, returned
        // before `build`, which the other rank is about to call.
        b.population("exc", &lif, Dyn(1))?;
    }
    let inh = b.population("inh", &lif, Dyn(900))?;
    let parrots = b.population("parrots", &Model::nest(ParrotNeuron::default())?, Dyn(1200))?;
    b.initial_v_m(
        &exc.all(),
        Value::Uniform {
            min: -70.0,
            max: -56.0,
        },
    )?;
    let drive = |rate| PoissonGenerator {
        rate,
        window: Window::default(),
    };
    b.poisson_generator(
        "drive",
        drive(8000.0),
        &[exc.all(), inh.all()],
        &StaticSynapse::new(87.8, 1.0),
    )?;
    b.poisson_generator(
        "pulse",
        drive(15.0),
        &[parrots.all()],
        &StaticSynapse::new(1.0, 1.0),
    )?;
    let noisy = StaticSynapse::new(
        Value::Normal {
            mean: 60.0,
            std: 10.0,
            min: Some(0.0),
            max: None,
        },
        Value::Uniform { min: 1.0, max: 3.0 },
    );
    let ee = b.connect(
        "ee",
        &exc,
        &exc,
        &ConnSpec::new(Rule::FixedIndegree(100)),
        noisy,
    )?;
    b.connect(
        "ei",
        &exc,
        &inh,
        &ConnSpec::new(Rule::FixedOutdegree(30)),
        StaticSynapse::new(60.0, 1.5),
    )?;
    b.connect(
        "ie",
        &inh,
        &exc,
        &ConnSpec::new(Rule::PairwiseBernoulli(0.05)),
        StaticSynapse::new(-300.0, 1.2),
    )?;
    let stdp = StdpSynapse::new(
        Value::Uniform {
            min: 20.0,
            max: 60.0,
        },
        1.0,
    );
    let learn = b.connect(
        "learn",
        &parrots,
        &exc,
        &ConnSpec::new(Rule::FixedIndegree(20)),
        stdp,
    )?;
    let e_spikes = b.spike_recorder(
        "e_spikes",
        SpikeRecorder::default().to_ascii(dir),
        &[exc.all()],
    )?;
    let i_spikes = b.spike_recorder("i_spikes", SpikeRecorder::default(), &[inh.all()])?;
    let vm = b.multimeter(
        "vm",
        Multimeter::voltmeter(1.0).record_to(RecordTo::Ascii { directory: None }),
        &[exc.range(1000..1040), exc.range(2040..2060)],
    )?;
    let mut net = b.build()?;
    net.set_progress(false);
    net.simulate(200.0)?;
    net.simulate(100.0)?;
    let weights = [net.gathered_weights(&learn), net.gathered_weights(&ee)];
    let memory = net.memory_estimates();
    if net.rank() != 0 {
        return Ok(());
    }
    let mut out = String::new();
    for (name, h) in [("e_spikes", &e_spikes), ("i_spikes", &i_spikes)] {
        let s = net.spikes(h);
        writeln!(out, "{name} {}", s.len()).unwrap();
        for (sender, step) in s.senders().iter().zip(s.steps()) {
            writeln!(out, "{sender} {step}").unwrap();
        }
    }
    let samples = net.samples(&vm);
    let v = samples.values(Recordable::V_m).unwrap_or_default();
    writeln!(out, "vm {}", samples.len()).unwrap();
    for ((sender, t), v) in samples.senders().iter().zip(samples.times()).zip(v) {
        writeln!(out, "{sender} {t} {:016x}", v.to_bits()).unwrap();
    }
    for w in &weights {
        writeln!(out, "weights {}", w.len()).unwrap();
        for (s, t, w) in w {
            writeln!(out, "{s} {t} {:016x}", w.to_bits()).unwrap();
        }
    }
    for p in 0..net.populations().len() {
        writeln!(out, "population {p} spikes {}", net.spike_count(p)).unwrap();
    }
    std::fs::write(format!("{dir}/summary.txt"), out).map_err(|e| Error::Io {
        entity: "mpi_check".into(),
        path: dir.into(),
        message: e.to_string(),
    })?;
    eprintln!(
        "ranks {}, threads {}, memory estimate per rank {:?} bytes, whole network {} bytes",
        net.ranks(),
        net.threads(),
        memory,
        memory.iter().sum::<u64>()
    );
    Ok(())
}
