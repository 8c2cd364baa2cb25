//! The MPI determinism check (cargo feature `mpi`; run by `scripts/mpi_check.sh` in CI):
//! a network with every kind of part that distribution touches — every connection rule
//! (by target, by source, global, all-to-all, one-to-one, with a mask on a grid), random
//! weights and delays, STDP, Poisson drive, spike recorders to memory and to a file, a
//! multimeter and a weight recorder across blocks, spike recorders connected between the
//! runs to generators that send one train to all their targets, all of them on rank 1
//! of two (`Network::add_record_generator`), a delay set beyond the kernel's max_delay
//! before the first run — built and simulated under `mpirun`.
//! Rank 0 writes everything it gathered (spikes, samples, weights and recorded
//! transmissions, a connection read as NEST's `GetConnections(..).get([..])`, the
//! numbers as their bits) to `{dir}/summary.txt`; recorder files go
//! to `{dir}`.
//! The script compares the outputs of 1 and 2 processes and of 1 and 2 threads.
//!
//! `mpi_check DIR THREADS merged|per-rank|fail-on-rank-1` (the last: a builder call fails
//! on rank 1 alone; every rank must stop with an error instead of waiting for it)

use network_core::connect::{ConnSpec, Rule};
use network_core::distribution::{self, RecorderFiles};
use network_core::spatial::{Layout, Mask};
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
    // The other rules: the global stream (with and without multapses), all-to-all,
    // one-to-one, and a mask on a grid (3 blocks).
    let sheet = b.spatial_population(
        "sheet",
        &lif,
        Dyn(48 * 48),
        &Layout::Grid {
            shape: vec![48, 48],
            extent: Some(vec![4.8, 4.8]),
            center: None,
            edge_wrap: true,
        },
    )?;
    let echo = b.population("echo", &Model::nest(ParrotNeuron::default())?, Dyn(1200))?;
    b.poisson_generator(
        "sheet_drive",
        drive(7000.0),
        &[sheet.all()],
        &StaticSynapse::new(87.8, 1.0),
    )?;
    let mut more = vec![
        b.connect(
            "total",
            &exc,
            &sheet,
            &ConnSpec::new(Rule::FixedTotalNumber(30000)),
            StaticSynapse::new(40.0, 1.0),
        )?,
        b.connect(
            "distinct",
            &sheet,
            &inh,
            &ConnSpec::new(Rule::FixedTotalNumber(8000)).no_multapses(),
            StaticSynapse::new(30.0, 2.0),
        )?,
        b.connect(
            "masked_out",
            &sheet,
            &sheet,
            &ConnSpec::new(Rule::FixedOutdegree(10)).with_mask(Mask::circle(0.35)),
            StaticSynapse::new(50.0, Value::Uniform { min: 1.0, max: 2.0 }),
        )?,
        b.connect(
            "masked_in",
            &sheet,
            &sheet,
            &ConnSpec::new(Rule::PairwiseBernoulli(0.2)).with_mask(Mask::circle(0.25)),
            StaticSynapse::new(-100.0, 1.0),
        )?,
        b.connect(
            "repeat",
            &parrots,
            &echo,
            &ConnSpec::new(Rule::OneToOne),
            StaticSynapse::new(1.0, 1.0),
        )?,
    ];
    more.push(b.connect(
        "broadcast",
        &echo,
        &inh,
        &ConnSpec::new(Rule::AllToAll),
        StaticSynapse::new(0.5, 1.0),
    )?);
    let sheet_spikes =
        b.spike_recorder("sheet_spikes", SpikeRecorder::default(), &[sheet.all()])?;
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
    // The STDP transmissions onto cells of two blocks (owned by different ranks on two),
    // to a file: the same events, weights and ports on any number of ranks.
    let learned = b.weight_recorder(
        "learned",
        WeightRecorder::default().record_to(RecordTo::Ascii { directory: None }),
        &[learn],
        &[],
        &[exc.range(1000..1040), exc.range(2040..2060)],
    )?;
    // A mip generator and pulse packets whose targets are all in exc's block 1 (rank 1's
    // of two): recorders connected between the runs take the trains over as they stand
    // (the clocks on rank 0, `engine::shared_clock`).
    let few = [exc.range(1100..1110)];
    let weak = StaticSynapse::new(1.0, 1.0);
    let mip = MipGenerator {
        rate: 400.0,
        p_copy: 0.5,
        ..Default::default()
    };
    let packets = PulsepacketGenerator {
        pulse_times: (1..30).map(|k| 10.0 * f64::from(k)).collect(),
        activity: 10.0,
        sdev: 1.0,
        ..Default::default()
    };
    let shared = [
        b.mip_generator("mip", mip, &few, &weak)?,
        b.pulsepacket_generator("packets", packets, &few, &weak)?,
    ];
    let mut net = b.build()?;
    net.set_progress(false);
    // A delay beyond the kernel's max_delay before the first run widens it on every rank
    // (NEST's delay checker), the rings resized alike.
    let wider = (net.max_delay_steps() + 7) as f64 * 0.1;
    net.set_synapse_state(&ee, "delay", wider)?;
    net.simulate(200.0)?;
    let mut late = Vec::new();
    for (name, g) in ["late_mip", "late_packets"].iter().zip(&shared) {
        let sr = net.add_spike_recorder(name, SpikeRecorder::default(), &[])?;
        net.add_record_generator(&sr, g)?;
        late.push((*name, sr));
    }
    net.simulate(100.0)?;
    let mut weights = vec![net.gathered_weights(&learn), net.gathered_weights(&ee)];
    weights.extend(more.iter().map(|p| net.gathered_weights(p)));
    // Collective: NEST's GetConnections(..).get([..]), gathered on rank 0.
    let table = net.read_connections(&learn, &["weight", "delay", "Kplus", "tau_plus"])?;
    let memory = net.memory_estimates();
    if net.rank() != 0 {
        return Ok(());
    }
    let mut out = String::new();
    for (name, h) in [
        ("e_spikes", &e_spikes),
        ("i_spikes", &i_spikes),
        ("sheet_spikes", &sheet_spikes),
        (late[0].0, &late[0].1),
        (late[1].0, &late[1].1),
    ] {
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
    let recorded = net.weights_recorded(&learned);
    writeln!(out, "learned {}", recorded.len()).unwrap();
    for k in 0..recorded.len() {
        writeln!(
            out,
            "{} {} {} {} {:016x}",
            recorded.senders()[k],
            recorded.targets()[k],
            recorded.steps()[k],
            recorded.ports()[k],
            recorded.weights()[k].to_bits()
        )
        .unwrap();
    }
    for w in &weights {
        writeln!(out, "weights {}", w.len()).unwrap();
        for (s, t, w) in w {
            writeln!(out, "{s} {t} {:016x}", w.to_bits()).unwrap();
        }
    }
    writeln!(out, "read learn {}", table.len()).unwrap();
    for (k, (s, t)) in table.sources.iter().zip(&table.targets).enumerate() {
        write!(out, "{s} {t}").unwrap();
        for (_, values) in &table.columns {
            write!(out, " {:016x}", values[k].to_bits()).unwrap();
        }
        writeln!(out).unwrap();
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
