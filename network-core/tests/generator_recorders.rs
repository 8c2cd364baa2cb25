//! Spike recorders on generators themselves (`NetworkBuilder::record_generator`, NEST's
//! `nest.Connect(generator, spike_recorder)`) against NEST 3.10: the reference is
//! `conformance/reference/generator_recorders.json`, generated in NEST by
//! `conformance/generator_recorders.py`, whose docstrings describe each network; this
//! test builds the same networks and requires the same events (steps and node ids).
//! Also: NEST's refusal of current generators; a recorder's own Poisson train is the
//! same for any number of threads and any set of driven neurons (keyed streams), and
//! differs from another recorder's; a generator's parameters set between runs reach
//! the recorder's train.

use network_core::*;
use serde_json::Value as Json;
use std::path::PathBuf;

fn reference() -> Json {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../conformance/reference/generator_recorders.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn case(name: &str) -> Json {
    reference()["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap()
        .clone()
}

fn floats(v: &Json) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn window(p: &Json) -> Window {
    Window {
        start: p.get("start").map_or(0.0, |v| v.as_f64().unwrap()),
        stop: p.get("stop").map_or(f64::INFINITY, |v| v.as_f64().unwrap()),
        origin: 0.0,
    }
}

/// NEST's events of recorder `k` of case `c` as (step, node id), and the engine's.
fn compare(c: &Json, k: usize, net: &Network, recorder: &SpikeRecorderHandle) {
    let expected = &c["recorders"][k]["expected"];
    let steps: Vec<i64> = floats(&expected["times"])
        .iter()
        .map(|t| (t * 10.0).round() as i64)
        .collect();
    let senders: Vec<u32> = floats(&expected["senders"])
        .iter()
        .map(|&s| s as u32)
        .collect();
    let events = net.spikes(recorder);
    assert_eq!(
        events.steps(),
        steps.as_slice(),
        "{} recorder {k}",
        c["name"]
    );
    assert_eq!(
        events.senders(),
        senders.as_slice(),
        "{} recorder {k}",
        c["name"]
    );
    assert!(!steps.is_empty());
}

#[test]
fn spike_lists_reach_a_recorder_as_nest_records_them() {
    let c = case("spike_lists");
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let model = Model::nest(IafPscAlpha::default()).unwrap();
    let neurons = b.population("n", &model, Dyn(2)).unwrap();
    let g = &c["generators"];
    let first = SpikeGenerator {
        spike_times: floats(&g[0]["params"]["spike_times"]),
        spike_weights: floats(&g[0]["params"]["spike_weights"]),
        spike_multiplicities: floats(&g[0]["params"]["spike_multiplicities"])
            .iter()
            .map(|&m| m as u32)
            .collect(),
        ..Default::default()
    };
    let second = SpikeGenerator {
        spike_times: floats(&g[1]["params"]["spike_times"]),
        window: window(&g[1]["params"]),
        ..Default::default()
    };
    let g1 = b
        .spike_generator("g1", first, &[neurons.all()], &StaticSynapse::new(1.0, 1.5))
        .unwrap();
    let g2 = b
        .spike_generator("g2", second, &[], &StaticSynapse::new(1.0, 1.0))
        .unwrap();
    let r = &c["recorders"];
    let mixed = b
        .spike_recorder("mixed", SpikeRecorder::default(), &[neurons.all()])
        .unwrap();
    let windowed = SpikeRecorder {
        window: window(&r[1]["params"]),
        ..Default::default()
    };
    let windowed = b.spike_recorder("windowed", windowed, &[]).unwrap();
    let only = b
        .spike_recorder("only", SpikeRecorder::default(), &[])
        .unwrap();
    b.record_generator(&mixed, &g1).unwrap();
    b.record_generator(&windowed, &g1).unwrap();
    b.record_generator(&only, &g2).unwrap();
    let mut net = b.build().unwrap();
    net.simulate(c["simulate"][0].as_f64().unwrap()).unwrap();
    assert_eq!(
        (net.generator_node_id(&g1), net.generator_node_id(&g2)),
        (3, 4)
    );
    assert_eq!(net.locate(3), Some(("g1", 0)));
    assert_eq!(net.recorder_generators(&mixed), vec![g1]);
    for (k, recorder) in [mixed, windowed, only].iter().enumerate() {
        compare(&c, k, &net, recorder);
    }
}

#[test]
fn a_pulse_packet_reaches_its_recorder_and_its_parrot_alike() {
    let c = case("pulse_packets");
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let parrot = Model::nest(ParrotNeuron::default()).unwrap();
    let p = b.population("p", &parrot, Dyn(1)).unwrap();
    let params = &c["generators"][0]["params"];
    let packets = PulsepacketGenerator {
        pulse_times: floats(&params["pulse_times"]),
        activity: params["activity"].as_f64().unwrap(),
        sdev: params["sdev"].as_f64().unwrap(),
        ..Default::default()
    };
    let g = b
        .pulsepacket_generator("pp", packets, &[p.all()], &StaticSynapse::new(1.0, 1.0))
        .unwrap();
    let sr = b
        .spike_recorder("sr", SpikeRecorder::default(), &[p.all()])
        .unwrap();
    b.record_generator(&sr, &g).unwrap();
    let mut net = b.build().unwrap();
    for t in floats(&c["simulate"]) {
        net.simulate(t).unwrap();
    }
    compare(&c, 0, &net, &sr);
}

#[test]
fn a_current_generator_is_refused_as_nest_refuses_it() {
    let nest = reference()["current_generators"].clone();
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let model = Model::nest(IafPscAlpha::default()).unwrap();
    let n = b.population("n", &model, Dyn(1)).unwrap();
    let syn = StaticSynapse::new(1.0, 1.0);
    let dc = b
        .dc_generator("dc", DcGenerator::default(), &[n.all()], &syn)
        .unwrap();
    let ac = b
        .ac_generator("ac", AcGenerator::default(), &[n.all()], &syn)
        .unwrap();
    let step = b
        .step_current_generator("step", StepCurrentGenerator::default(), &[n.all()], &syn)
        .unwrap();
    let noise = NoiseGenerator {
        std: 10.0,
        ..Default::default()
    };
    let noise = b.noise_generator("noise", noise, &[n.all()], &syn).unwrap();
    let sr = b
        .spike_recorder("spikes", SpikeRecorder::default(), &[])
        .unwrap();
    for (model, g) in [
        ("dc_generator", dc),
        ("ac_generator", ac),
        ("step_current_generator", step),
        ("noise_generator", noise),
    ] {
        let message = nest[model].as_str().unwrap();
        let e = b.record_generator(&sr, &g).unwrap_err().to_string();
        let name = b_name(model);
        assert!(
            e.contains("spikes") && e.contains(&format!("`{name}`")) && e.contains(model),
            "{e}"
        );
        assert!(e.contains("does not support current input"), "{e}");
        assert!(e.contains("multimeter"), "{e}");
        assert!(message.contains("does not support current input"));
    }
    // The recorder keeps nothing of the refusals.
    let net = b.build().unwrap();
    assert!(net.recorder_generators(&sr).is_empty());
}

fn b_name(model: &str) -> &'static str {
    match model {
        "dc_generator" => "dc",
        "ac_generator" => "ac",
        "step_current_generator" => "step",
        _ => "noise",
    }
}

/// A 500 Hz Poisson generator driving `driven` neurons, recorded by two recorders;
/// their trains after 200 ms on `threads` threads.
fn poisson_trains(threads: usize, driven: usize) -> [Vec<i64>; 2] {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(9)).threads(threads);
    let model = Model::nest(IafPscAlpha::default()).unwrap();
    let n = b.population("n", &model, Dyn(3000)).unwrap();
    let targets = if driven > 0 {
        vec![n.range(0..driven)]
    } else {
        Vec::new()
    };
    let params = PoissonGenerator {
        rate: 500.0,
        ..Default::default()
    };
    let g = b
        .poisson_generator("g", params, &targets, &StaticSynapse::new(10.0, 1.0))
        .unwrap();
    let recorders = ["a", "b"].map(|name| {
        let sr = b
            .spike_recorder(name, SpikeRecorder::default(), &[])
            .unwrap();
        b.record_generator(&sr, &g).unwrap();
        sr
    });
    let mut net = b.build().unwrap();
    net.simulate(200.0).unwrap();
    recorders.map(|sr| net.spikes(&sr).steps().to_vec())
}

#[test]
fn a_recorders_train_depends_on_the_seed_alone() {
    let reference = poisson_trains(1, 3000);
    // 500 Hz for 200 ms: 100 spikes expected each; independent draws differ.
    for train in &reference {
        assert!((50..=150).contains(&train.len()), "{}", train.len());
    }
    assert_ne!(reference[0], reference[1]);
    assert_eq!(poisson_trains(4, 3000), reference, "threads");
    assert_eq!(poisson_trains(1, 0), reference, "no neuron driven");
    assert_eq!(poisson_trains(2, 1500), reference, "half the neurons");
}

#[test]
fn a_generator_set_between_runs_changes_what_its_recorder_receives() {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(3));
    let params = PoissonGenerator {
        rate: 2000.0,
        ..Default::default()
    };
    let g = b
        .poisson_generator("g", params, &[], &StaticSynapse::new(1.0, 1.0))
        .unwrap();
    let listed = SpikeGenerator {
        spike_times: vec![5.0],
        ..Default::default()
    };
    let s = b
        .spike_generator("s", listed, &[], &StaticSynapse::new(1.0, 1.0))
        .unwrap();
    let sr = b
        .spike_recorder("sr", SpikeRecorder::default(), &[])
        .unwrap();
    b.record_generator(&sr, &g).unwrap();
    b.record_generator(&sr, &s).unwrap();
    let mut net = b.build().unwrap();
    net.simulate(50.0).unwrap();
    let before = net.spikes(&sr).len();
    assert!(before > 50, "{before}");
    net.set_generator(&g, "rate", 0.0).unwrap();
    net.set_generator(&s, "spike_times", vec![60.0, 70.0])
        .unwrap();
    net.simulate(50.0).unwrap();
    let events = net.spikes(&sr);
    let after: Vec<(u32, i64)> = events
        .senders()
        .iter()
        .zip(events.steps())
        .skip(before)
        .map(|(&n, &s)| (n, s))
        .collect();
    let id = net.generator_node_id(&s);
    assert_eq!(after, vec![(id, 600), (id, 700)]);
}

/// A 500 Hz Poisson generator driving `driven` neurons; a recorder connected to it after
/// 50 ms (`Network::add_record_generator`); its train to 200 ms on `threads` threads.
fn poisson_train_from_50_ms(threads: usize, driven: usize) -> Vec<i64> {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(9)).threads(threads);
    let model = Model::nest(IafPscAlpha::default()).unwrap();
    let n = b.population("n", &model, Dyn(3000)).unwrap();
    let targets = if driven > 0 {
        vec![n.range(0..driven)]
    } else {
        Vec::new()
    };
    let params = PoissonGenerator {
        rate: 500.0,
        ..Default::default()
    };
    let g = b
        .poisson_generator("g", params, &targets, &StaticSynapse::new(10.0, 1.0))
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(50.0).unwrap();
    let sr = net
        .add_spike_recorder("late", SpikeRecorder::default(), &[])
        .unwrap();
    net.add_record_generator(&sr, &g).unwrap();
    assert_eq!(net.recorder_generators(&sr), vec![g]);
    net.simulate(150.0).unwrap();
    net.spikes(&sr).steps().to_vec()
}

#[test]
fn a_recorder_connected_between_runs_gets_a_train_of_its_own_from_then_on() {
    let train = poisson_train_from_50_ms(1, 3000);
    // Nothing stamped at or before 50 ms; 500 Hz for 150 ms: 75 expected (sd 8.7).
    assert!(train.iter().all(|&s| s > 500), "{train:?}");
    assert!((40..=110).contains(&train.len()), "{}", train.len());
    assert_eq!(poisson_train_from_50_ms(4, 3000), train, "threads");
    assert_eq!(poisson_train_from_50_ms(1, 0), train, "no neuron driven");
    assert_eq!(poisson_train_from_50_ms(2, 1500), train, "half the neurons");
}

#[test]
fn a_recorder_connected_between_runs_takes_the_listed_spikes_after_now() {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(3));
    let model = Model::nest(IafPscAlpha::default()).unwrap();
    let n = b.population("n", &model, Dyn(1)).unwrap();
    let syn = StaticSynapse::new(1.0, 1.0);
    let listed = SpikeGenerator {
        spike_times: vec![5.0, 10.0, 10.1, 12.0],
        ..Default::default()
    };
    let s = b.spike_generator("s", listed, &[n.all()], &syn).unwrap();
    let dc = b
        .dc_generator("dc", DcGenerator::default(), &[n.all()], &syn)
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(10.0).unwrap();
    let sr = net
        .add_spike_recorder("late", SpikeRecorder::default(), &[])
        .unwrap();
    net.add_record_generator(&sr, &s).unwrap();
    // Refused: a second connection, a generator of current (as NEST refuses it).
    let e = net.add_record_generator(&sr, &s).unwrap_err().to_string();
    assert!(e.contains("already records generator `s`"), "{e}");
    let e = net.add_record_generator(&sr, &dc).unwrap_err().to_string();
    assert!(e.contains("does not support current input"), "{e}");
    assert_eq!(net.recorder_generators(&sr), vec![s]);
    net.simulate(10.0).unwrap();
    // The spike at 10 ms was sent in the first run.
    assert_eq!(net.spikes(&sr).steps(), &[101, 120]);
}
