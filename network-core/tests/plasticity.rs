//! Plastic synapses beyond the NEST cases of `conformance.rs`: results independent of the
//! thread count across several blocks of targets, the weight readout, and errors that
//! name the projection, the parameter and the value.

use network_core::connect::{ConnSpec, Rule};
use network_core::*;

/// Recorded spikes `(sender, time)` and final weights `(source, target, weight)`.
type Outcome = (Vec<(u32, f64)>, Vec<(u32, u32, f64)>);

/// 1500 parrots repeating Poisson trains onto 2500 neurons (three blocks) through
/// `stdp_synapse` with random weights and delays, plus `tsodyks2_synapse`; returns the
/// spikes and the final STDP weights.
fn run(threads: usize) -> Outcome {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(11)).threads(threads);
    let parrots = b
        .population(
            "pre",
            &Model::nest(ParrotNeuron::default()).unwrap(),
            Dyn(1500),
        )
        .unwrap();
    let cell = IafPscAlpha {
        I_e: 340.0,
        ..Default::default()
    };
    let cells = b
        .population("cells", &Model::nest(cell).unwrap(), Dyn(2500))
        .unwrap();
    let drive = PoissonGenerator {
        rate: 20.0,
        window: Window::default(),
    };
    b.poisson_generator(
        "drive",
        drive,
        &[parrots.all()],
        &StaticSynapse::new(1.0, 1.0),
    )
    .unwrap();
    let stdp = StdpSynapse {
        lambda: 0.05,
        mu_plus: 0.5,
        ..StdpSynapse::new(
            Value::Uniform {
                min: 20.0,
                max: 60.0,
            },
            Value::Uniform { min: 1.0, max: 3.0 },
        )
    };
    let learn = b
        .connect(
            "learn",
            &parrots,
            &cells,
            &ConnSpec::new(Rule::FixedIndegree(40)),
            &stdp,
        )
        .unwrap();
    let short = Tsodyks2Synapse {
        U: 0.3,
        tau_fac: 100.0,
        ..Tsodyks2Synapse::new(30.0, 1.5)
    };
    b.connect(
        "short",
        &cells,
        &cells,
        &ConnSpec::new(Rule::FixedIndegree(10)),
        &short,
    )
    .unwrap();
    let sr = b
        .spike_recorder("sr", SpikeRecorder::default(), &[cells.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(150.0).unwrap();
    let spikes = net.spikes(&sr).iter().collect();
    (spikes, net.weights(&learn))
}

#[test]
fn plastic_results_do_not_depend_on_threads() {
    let (spikes1, weights1) = run(1);
    let (spikes3, weights3) = run(3);
    assert!(
        spikes1.len() > 1000,
        "the network is active: {}",
        spikes1.len()
    );
    assert_eq!(weights1.len(), 2500 * 40);
    assert!(weights1
        .windows(2)
        .all(|w| (w[0].0, w[0].1) <= (w[1].0, w[1].1)));
    let learned = weights1.iter().filter(|w| w.2 < 20.0 || w.2 > 60.0).count();
    assert!(learned > 0, "some weights left their initial range");
    assert_eq!(spikes1, spikes3);
    assert_eq!(weights1, weights3);
}

#[test]
fn plastic_errors_name_the_projection_and_value() {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    let pop = b.population("pop", &m, Dyn(3)).unwrap();
    let all = ConnSpec::new(Rule::AllToAll);
    let message = |r: Result<ProjectionHandle>| r.unwrap_err().to_string();
    let e = message(b.connect("p1", &pop, &pop, &all, StdpSynapse::new(-5.0, 1.0)));
    assert!(e.contains("p1") && e.contains("weight") && e.contains("-5") && e.contains("Wmax"));
    let random = StdpSynapse::new(
        Value::Uniform {
            min: -1.0,
            max: 1.0,
        },
        1.0,
    );
    let e = message(b.connect("p2", &pop, &pop, &all, random));
    assert!(e.contains("p2") && e.contains("same sign"), "{e}");
    let e = message(b.connect(
        "p3",
        &pop,
        &pop,
        &all,
        TsodyksSynapse {
            x: 0.9,
            y: 0.2,
            ..Default::default()
        },
    ));
    assert!(e.contains("p3") && e.contains("x + y"), "{e}");
    let e = message(b.connect(
        "p4",
        &pop,
        &pop,
        &all,
        Tsodyks2Synapse {
            U: 1.5,
            ..Default::default()
        },
    ));
    assert!(
        e.contains("p4") && e.contains("`U`") && e.contains("[0, 1]"),
        "{e}"
    );
    let mut s = StdpSynapse::default();
    let e = s.set("p5", "tau_plu", 10.0).unwrap_err().to_string();
    assert!(e.contains("tau_plus"), "{e}");
    // A parrot has no membrane potential to set.
    let parrots = b
        .population(
            "parrots",
            &Model::nest(ParrotNeuron::default()).unwrap(),
            Dyn(2),
        )
        .unwrap();
    let e = b
        .initial_v_m(&parrots.all(), Value::Constant(-60.0))
        .unwrap_err()
        .to_string();
    assert!(e.contains("parrots") && e.contains("V_m"), "{e}");
}

/// NEST 3.10's case `stdp_pl_hom_fanout_alpha` (conformance/cases_synapses.py): a
/// parrot repeating `spike_times` of generator 0 onto three `iaf_psc_alpha` through
/// `stdp_pl_synapse_hom` (w 50 pA, d 1 ms, default common properties), target `i`
/// forced to spike by generator `i` (5000 pA); returns the generators' spike times and
/// NEST's final weights.
fn fanout_reference() -> (Vec<Vec<f64>>, Vec<f64>) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../conformance/reference/stdp_pl_hom_fanout_alpha.json"
    );
    let case: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("reference")).unwrap();
    let floats = |v: &serde_json::Value| -> Vec<f64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect()
    };
    let times = case["generators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| floats(&g["params"]["spike_times"]))
        .collect();
    (times, floats(&case["expected"]["weights"]))
}

/// One source onto several targets is one row of synapses whose presynaptic trace the
/// engine keeps once: every synapse of the row must still read the trace from before
/// each spike, through its own target's window, and reach NEST's weight, which NEST
/// computes for three separate connections.
#[test]
fn synapses_sharing_a_row_reach_nests_weights() {
    let (times, nest) = fanout_reference();
    assert_eq!((times.len(), nest.len()), (4, 3));
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let (parrot, cells) = parrot_and_three_cells(&mut b);
    let generator = |t: &[f64]| SpikeGenerator {
        spike_times: t.to_vec(),
        ..Default::default()
    };
    b.spike_generator(
        "pre_times",
        generator(&times[0]),
        &[parrot.all()],
        &StaticSynapse::new(1.0, 1.0),
    )
    .unwrap();
    for (i, t) in times[1..].iter().enumerate() {
        b.spike_generator(
            &format!("post_times_{i}"),
            generator(t),
            &[cells.range(i..i + 1)],
            &StaticSynapse::new(5000.0, 1.0),
        )
        .unwrap();
    }
    let pl = StdpPlSynapseHom::new(50.0, 1.0);
    let all = b
        .connect("all", &parrot, &cells, &ConnSpec::new(Rule::AllToAll), pl)
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(400.0).unwrap();
    let weights = net.weights(&all);
    assert_eq!(weights.len(), 3);
    for ((source, target, w), want) in weights.into_iter().zip(nest) {
        assert_eq!(
            w.to_bits(),
            want.to_bits(),
            "{source} -> {target}: {w}, NEST {want}"
        );
    }
}

/// A parrot onto three neurons through `stdp_pl_synapse_hom`: one row of three synapses
/// sharing a presynaptic trace; `limit` bounds the network's memory.
fn one_row(limit: Option<u64>) -> (Network, ProjectionHandle) {
    one_row_of(StdpPlSynapseHom::new(50.0, 1.0), limit)
}

/// One parrot (`pre`) and three `iaf_psc_alpha` neurons (`cells`).
fn parrot_and_three_cells(
    b: &mut NetworkBuilder,
) -> (PopulationHandle<Dyn>, PopulationHandle<Dyn>) {
    let parrot = b
        .population(
            "pre",
            &Model::nest(ParrotNeuron::default()).unwrap(),
            Dyn(1),
        )
        .unwrap();
    let cells = b
        .population(
            "cells",
            &Model::nest(IafPscAlpha::default()).unwrap(),
            Dyn(3),
        )
        .unwrap();
    (parrot, cells)
}

/// A parrot onto three neurons through `synapse`.
fn one_row_of(synapse: impl Into<Synapse>, limit: Option<u64>) -> (Network, ProjectionHandle) {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    if let Some(limit) = limit {
        b = b.memory_limit(limit);
    }
    let (parrot, cells) = parrot_and_three_cells(&mut b);
    let all = b
        .connect(
            "all",
            &parrot,
            &cells,
            &ConnSpec::new(Rule::AllToAll),
            synapse,
        )
        .unwrap();
    (b.build().unwrap(), all)
}

/// `Kplus` set on a whole row (or to the value it holds) keeps the row's one trace; set
/// on part of it, each synapse keeps a trace of its own, and the memory it takes is
/// counted against the limit. By hand: three synapses with one state each take 3 x 24
/// bytes (weight, Kplus, t_last); sharing the row's trace they take 3 x 8 (weights)
/// + 16 (the trace) + 2 x 4 (the row's bounds) = 48.
#[test]
fn kplus_set_on_part_of_a_row_counts_the_memory_of_a_trace_per_synapse() {
    let kplus = |net: &Network, all: &ProjectionHandle| -> Vec<f64> {
        net.connections(all).iter().map(|c| c.state[0].1).collect()
    };
    let (mut net, all) = one_row(None);
    let shared = net.memory_estimate();
    net.set_synapse_state(&all, "Kplus", 2.0).unwrap();
    net.set_synapse_state(&all, "Kplus", vec![2.0, 2.0, 2.0])
        .unwrap();
    assert_eq!(net.memory_estimate(), shared, "the row kept");
    net.set_synapse_state(&all, "Kplus", vec![2.0, 3.0, 2.0])
        .unwrap();
    assert_eq!(net.memory_estimate(), shared + 24, "a trace per synapse");
    assert_eq!(kplus(&net, &all), [2.0, 3.0, 2.0]);
    net.set_synapse_state(&all, "Kplus", 1.0).unwrap();
    assert_eq!(net.memory_estimate(), shared + 24, "parted once, for good");

    let (mut net, all) = one_row(Some(shared + 23));
    net.set_synapse_state(&all, "Kplus", 2.0).unwrap();
    let e = net
        .set_synapse_state(&all, "Kplus", vec![2.0, 3.0, 2.0])
        .unwrap_err()
        .to_string();
    assert!(e.contains("`all`") && e.contains("memory limit"), "{e}");
    assert_eq!(kplus(&net, &all), [2.0; 3], "nothing changed");
    net.simulate(10.0).unwrap();
}

/// Parameters that differ between a row's synapses (a rule each) part the row as well:
/// its traces are counted once, when the rules are set, and not again by the sets that
/// follow before the next run.
#[test]
fn rules_of_their_own_part_a_row_once() {
    let wmax = |net: &mut Network, all: &ProjectionHandle, w: [f64; 3]| {
        net.set_synapse_state(all, "Wmax", w.to_vec()).unwrap();
    };
    // The rules' own memory, on a row parted beforehand.
    let (mut net, all) = one_row_of(StdpSynapse::new(50.0, 1.0), None);
    net.set_synapse_state(&all, "Kplus", vec![2.0, 3.0, 2.0])
        .unwrap();
    let parted = net.memory_estimate();
    wmax(&mut net, &all, [100.0, 110.0, 120.0]);
    let rules = net.memory_estimate() - parted;
    assert!(rules > 0);

    let (mut net, all) = one_row_of(StdpSynapse::new(50.0, 1.0), None);
    let shared = net.memory_estimate();
    wmax(&mut net, &all, [100.0, 110.0, 120.0]);
    let varied = net.memory_estimate();
    assert_eq!(
        varied,
        shared + rules + 24,
        "the rules and a trace per synapse"
    );
    net.set_synapse_state(&all, "Kplus", 2.0).unwrap();
    wmax(&mut net, &all, [100.0, 111.0, 120.0]);
    assert_eq!(net.memory_estimate(), varied, "counted once");
    net.simulate(10.0).unwrap();
    assert_eq!(net.memory_estimate(), varied);
}
