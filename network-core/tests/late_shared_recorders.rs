//! A spike recorder connected between runs to a generator that sends one train to all
//! its targets (`Network::add_record_generator`; NEST's `nest.Connect(gen, recorder)`
//! after a `Simulate`): a `mip_generator`, a `pulsepacket_generator`, sinusoidal
//! Poisson and gamma trains with `individual_spike_trains: false`. The recorder takes
//! the train over as it stands: from then on it receives exactly what a recorder
//! connected at build receives (the shared train; for the mip generator with
//! `p_copy: 1`, the parent itself) and what a parrot target re-emits one delay (10
//! steps) later; its train depends on the seed alone, not on the threads or on which
//! neurons, if any, the generators drive; parameters set before it reach it. The counts
//! against NEST 3.10:
//! `network-load/tests/late_shared_recorders.rs`.

use network_core::*;

const NAMES: [&str; 4] = ["mip", "packets", "sine", "gamma"];

/// What one generator sent from 50 ms to 200 ms (stamps in steps).
#[derive(Debug, PartialEq)]
struct Trains {
    /// To a recorder connected at build, from 50 ms on.
    early: Vec<i64>,
    /// To the recorder connected at 50 ms.
    late: Vec<i64>,
    /// The spikes of the generator's own parrot (empty when it drives none) stamped
    /// after 51 ms, less the delay.
    parrot: Vec<i64>,
}

/// The four shared-train generators, generator `k` driving parrot `k` of 3000 (three
/// blocks) and parrots `4..driven`, through 1 ms connections (none when `driven` is
/// 0); each recorded from the build and from 50 ms on by a recorder created between
/// runs; `p_copy` the mip generator's. 200 ms on `threads` threads.
fn trains(threads: usize, driven: usize, p_copy: f64) -> Vec<Trains> {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(5)).threads(threads);
    let parrot = Model::nest(ParrotNeuron::default()).unwrap();
    let p = b.population("p", &parrot, Dyn(3000)).unwrap();
    let targets = |k: usize| {
        if driven == 0 {
            Vec::new()
        } else {
            vec![p.range(k..k + 1), p.range(4..driven)]
        }
    };
    let syn = StaticSynapse::new(1.0, 1.0);
    let mip = MipGenerator {
        rate: 400.0,
        p_copy,
        ..Default::default()
    };
    let packets = PulsepacketGenerator {
        pulse_times: (1..40).map(|k| 5.0 * f64::from(k)).collect(),
        activity: 10.0,
        sdev: 1.0,
        ..Default::default()
    };
    let sine = SinusoidalPoissonGenerator {
        rate: 400.0,
        amplitude: 200.0,
        frequency: 10.0,
        individual_spike_trains: false,
        ..Default::default()
    };
    let gamma = SinusoidalGammaGenerator {
        rate: 400.0,
        amplitude: 200.0,
        frequency: 10.0,
        order: 3.0,
        individual_spike_trains: false,
        ..Default::default()
    };
    let generators = [
        b.mip_generator("mip", mip, &targets(0), &syn).unwrap(),
        b.pulsepacket_generator("packets", packets, &targets(1), &syn)
            .unwrap(),
        b.sinusoidal_poisson_generator("sine", sine, &targets(2), &syn)
            .unwrap(),
        b.sinusoidal_gamma_generator("gamma", gamma, &targets(3), &syn)
            .unwrap(),
    ];
    let mut early = Vec::new();
    let mut parrots = Vec::new();
    for (k, (name, g)) in NAMES.iter().zip(&generators).enumerate() {
        let sr = b
            .spike_recorder(&format!("early_{name}"), SpikeRecorder::default(), &[])
            .unwrap();
        b.record_generator(&sr, g).unwrap();
        early.push(sr);
        let sources = [p.range(k..k + 1)];
        let sr = b
            .spike_recorder(
                &format!("parrot_{name}"),
                SpikeRecorder::default(),
                &sources,
            )
            .unwrap();
        parrots.push(sr);
    }
    let mut net = b.build().unwrap();
    net.simulate(50.0).unwrap();
    let mut late = Vec::new();
    for (name, g) in NAMES.iter().zip(&generators) {
        let sr = net
            .add_spike_recorder(&format!("late_{name}"), SpikeRecorder::default(), &[])
            .unwrap();
        net.add_record_generator(&sr, g).unwrap();
        late.push(sr);
    }
    net.simulate(150.0).unwrap();
    (0..4)
        .map(|k| {
            let steps = |sr: &SpikeRecorderHandle, from: i64, shift: i64| -> Vec<i64> {
                let all = net.spikes(sr).steps().to_vec();
                all.into_iter()
                    .filter(|&s| s > from)
                    .map(|s| s - shift)
                    .collect()
            };
            Trains {
                early: steps(&early[k], 500, 0),
                late: steps(&late[k], 0, 0),
                parrot: steps(&parrots[k], 510, 10),
            }
        })
        .collect()
}

#[test]
fn a_late_recorder_receives_the_shared_train_as_it_stands() {
    for (name, t) in NAMES.iter().zip(trains(1, 3000, 1.0)) {
        // 400 Hz (mean) for 150 ms: 60 spikes expected; packets: 30 of 10 spikes.
        assert!(t.late.len() > 30, "{name}: {}", t.late.len());
        assert!(t.late.iter().all(|&s| s > 500), "{name}");
        assert_eq!(t.late, t.early, "{name}: the build's recorder");
        let before_end: Vec<i64> = t.late.iter().copied().filter(|&s| s <= 1990).collect();
        assert_eq!(t.parrot, before_end, "{name}: the parrot, one delay later");
    }
}

#[test]
fn a_late_recorders_train_depends_on_the_seed_alone() {
    let reference = trains(1, 3000, 0.5);
    let late = |runs: &[Trains]| -> Vec<Vec<i64>> { runs.iter().map(|t| t.late.clone()).collect() };
    // The mip recorder's copy is thinned on its own: neither the build's recorder's
    // nor the parrot's (each spike of the parent kept with p = 0.5).
    assert_ne!(reference[0].late, reference[0].early);
    for threads in [2, 4] {
        assert_eq!(trains(threads, 3000, 0.5), reference, "{threads} threads");
    }
    assert_eq!(
        late(&trains(2, 1500, 0.5)),
        late(&reference),
        "half the parrots"
    );
    assert_eq!(late(&trains(2, 0, 0.5)), late(&reference), "no target");
}

#[test]
fn a_late_recorder_takes_the_parameters_set_before_it() {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(5));
    let parrot = Model::nest(ParrotNeuron::default()).unwrap();
    let p = b.population("p", &parrot, Dyn(2)).unwrap();
    let syn = StaticSynapse::new(1.0, 1.0);
    let mip = MipGenerator {
        rate: 400.0,
        p_copy: 1.0,
        ..Default::default()
    };
    let packets = PulsepacketGenerator {
        pulse_times: (1..40).map(|k| 5.0 * f64::from(k)).collect(),
        activity: 10.0,
        sdev: 1.0,
        ..Default::default()
    };
    let mip = b.mip_generator("mip", mip, &[p.range(0..1)], &syn).unwrap();
    let packets = b
        .pulsepacket_generator("packets", packets, &[p.range(1..2)], &syn)
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(50.0).unwrap();
    // The mip parent silenced; one packet of 7 spikes at 130 ms, 30 sdev after now.
    net.set_generator(&mip, "rate", 0.0).unwrap();
    net.set_generator(&packets, "pulse_times", vec![130.0])
        .unwrap();
    net.set_generator(&packets, "activity", 7.0).unwrap();
    net.simulate(50.0).unwrap();
    let late = [&mip, &packets].map(|g| {
        let sr = net
            .add_spike_recorder(
                &format!("late_{}", g.index()),
                SpikeRecorder::default(),
                &[],
            )
            .unwrap();
        net.add_record_generator(&sr, g).unwrap();
        sr
    });
    net.simulate(100.0).unwrap();
    assert_eq!(net.spikes(&late[0]).len(), 0, "the silenced mip generator");
    let steps = net.spikes(&late[1]).steps().to_vec();
    assert_eq!(steps.len(), 7, "{steps:?}");
    assert!(
        steps.iter().all(|&s| (1250..=1350).contains(&s)),
        "{steps:?}"
    );
}
