//! `Network::report` against hand-computed rates, CVs and counts on deterministic
//! networks, and the firing-range check.

use network_core::report::FiringRegime;
use network_core::*;

/// Three `iaf_psc_delta` neurons; a spike generator makes neuron 0 fire after inputs at
/// 10, 20, 40, 70 ms and neuron 1 after inputs at 10, 30, 50 ms (one 100 mV input per
/// output spike, 1 ms delay); neuron 2 gets nothing.
fn driven_by_spike_trains(firing: FiringRanges) -> (Network, SpikeRecorderHandle) {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(3));
    let model = Model::variant("Delta", IafPscDelta::default())
        .unwrap()
        .with_firing(firing)
        .unwrap();
    let pop = b.population("cells", &model, Const::<3>).unwrap();
    let kick = StaticSynapse::new(100.0, 1.0);
    let train = |times: &[f64]| SpikeGenerator {
        spike_times: times.to_vec(),
        ..Default::default()
    };
    b.spike_generator(
        "train0",
        train(&[10.0, 20.0, 40.0, 70.0]),
        &[pop.indices(&[0])],
        &kick,
    )
    .unwrap();
    b.spike_generator(
        "train1",
        train(&[10.0, 30.0, 50.0]),
        &[pop.indices(&[1])],
        &kick,
    )
    .unwrap();
    let rec = b
        .spike_recorder("spikes", SpikeRecorder::default(), &[pop.all()])
        .unwrap();
    b.connect_pairs(
        "chain",
        &pop,
        &pop,
        &[(0, 1), (0, 2), (1, 2)],
        StaticSynapse::new(0.1, 1.0),
    )
    .unwrap();
    (b.build().unwrap(), rec)
}

fn ranges(resting: (f64, f64), active: (f64, f64)) -> FiringRanges {
    FiringRanges {
        resting: Some(RateRange::new(resting.0, resting.1)),
        active: Some(RateRange::new(active.0, active.1)),
        max: None,
    }
}

#[test]
fn rates_cv_and_silence_match_hand_computed_values() {
    let (mut net, rec) = driven_by_spike_trains(ranges((1.0, 5.0), (10.0, 30.0)));
    net.simulate(100.0).unwrap();
    let times: Vec<(u32, f64)> = net.spikes(&rec).iter().collect();
    assert_eq!(times.len(), 7, "{times:?}");
    let report = net.report();
    let pop = &report.populations[0];
    assert_eq!(
        (pop.name.as_str(), pop.model.as_str(), pop.size),
        ("cells", "Delta", 3)
    );
    assert_eq!(pop.spikes, 7);
    // 7 spikes / (3 neurons * 0.1 s).
    assert!((pop.rate_hz.unwrap() - 7.0 / 0.3).abs() < 1e-12);
    // Neuron 0: intervals 10, 20, 30 ms, CV = sqrt(200/3) / 20; neuron 1: 20, 20 ms,
    // CV 0; neuron 2 is silent and has no CV.
    let cv0 = (200.0f64 / 3.0).sqrt() / 20.0;
    assert_eq!(pop.cv_neurons, 2);
    assert!((pop.cv_isi.unwrap() - cv0 / 2.0).abs() < 1e-12, "{pop:?}");
    assert!((pop.silent_fraction - 1.0 / 3.0).abs() < 1e-12);
    let firing = pop.firing.as_ref().unwrap();
    assert_eq!(firing.within, vec![FiringRegime::Active]);
    assert!(!firing.outside);
    assert_eq!(report.implausible().count(), 0);

    let chain = &report.projections[0];
    assert_eq!((chain.synapses, chain.source.as_str()), (3, "cells"));
    assert!((chain.mean_indegree - 1.0).abs() < 1e-12);
    let devices: Vec<(&str, &str, usize, Option<usize>)> = report
        .devices
        .iter()
        .map(|d| (d.name.as_str(), d.model.as_str(), d.targets, d.events))
        .collect();
    assert_eq!(
        devices,
        vec![
            ("spikes", "spike_recorder", 3, Some(7)),
            ("train0", "spike_generator", 1, None),
            ("train1", "spike_generator", 1, None),
        ]
    );
    assert_eq!(report.simulated_ms, 100.0);
    assert_eq!(report.provenance.seed, 3);
}

#[test]
fn a_rate_outside_every_range_is_flagged() {
    let (mut net, _) = driven_by_spike_trains(ranges((0.0, 5.0), (40.0, 80.0)));
    net.simulate(100.0).unwrap();
    let report = net.report();
    assert!(report.populations[0].firing.as_ref().unwrap().outside);
    assert_eq!(report.implausible().count(), 1);
    let text = report.to_string();
    assert!(
        text.contains("OUTSIDE declared ranges (resting 0..5 Hz, active 40..80 Hz)"),
        "{text}"
    );
    assert!(
        text.contains("warning: the rate of cells lies outside"),
        "{text}"
    );
}

/// Two neurons driven by I_e = 500 pA fire first at 13.9 ms and then every 15.9 ms
/// (NEST 3.10's spike times; 13.9 ms to threshold plus t_ref = 2 ms): in 1 s,
/// 13.9 + 15.9 k <= 1000 for k = 0..=62, so 63 spikes each and a CV of 0. Counted by the
/// engine although nothing records them.
#[test]
fn unrecorded_dc_driven_neurons_are_counted() {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let m = Model::nest(IafPscAlpha {
        I_e: 500.0,
        ..Default::default()
    })
    .unwrap();
    b.population("driven", &m, Const::<2>).unwrap();
    let mut net = b.build().unwrap();
    net.simulate(400.0).unwrap();
    net.simulate(600.0).unwrap();
    let pop = &net.report().populations[0];
    assert_eq!(pop.spikes, 126);
    assert!((pop.rate_hz.unwrap() - 63.0).abs() < 1e-12);
    assert_eq!(pop.cv_isi, Some(0.0));
    assert_eq!(pop.silent_fraction, 0.0);
    assert!(pop.firing.is_none());
}

#[test]
fn json_has_every_field_for_scripts() {
    let (mut net, _) = driven_by_spike_trains(ranges((1.0, 5.0), (10.0, 30.0)));
    let before = net.report();
    assert_eq!(before.populations[0].rate_hz, None);
    assert_eq!(before.real_time_factor, None);
    net.simulate(100.0).unwrap();
    let json: serde_json::Value = serde_json::from_str(&net.report().to_json()).unwrap();
    let pop = &json["populations"][0];
    assert_eq!(pop["spikes"], 7);
    assert_eq!(pop["firing"]["within"][0], "active");
    assert_eq!(pop["firing"]["declared"]["resting"]["low_hz"], 1.0);
    assert_eq!(json["projections"][0]["synapses"], 3);
    assert_eq!(json["devices"][0]["events"], 7);
    assert!(json["devices"][1]["events"].is_null());
    assert_eq!(json["provenance"]["resolution_ms"], 0.1);
    assert_eq!(
        json["provenance"]["description_sha256"]
            .as_str()
            .unwrap()
            .len(),
        64
    );
    assert!(json["build_s"].as_f64().unwrap() >= 0.0);
    assert_eq!(json["simulated_ms"], 100.0);
}

#[test]
fn the_description_hash_follows_the_description_not_the_threads() {
    let hash = |weight: f64, threads: usize| {
        let mut b = NetworkBuilder::new(Resolution::default(), Seed(1)).threads(threads);
        let m = Model::nest(IafPscAlpha::default()).unwrap();
        let p = b.population("p", &m, Const::<4>).unwrap();
        b.connect_pairs("pp", &p, &p, &[(0, 1)], StaticSynapse::new(weight, 1.0))
            .unwrap();
        b.build().unwrap().provenance().description_sha256
    };
    assert_eq!(hash(1.0, 1), hash(1.0, 2));
    assert_ne!(hash(1.0, 1), hash(2.0, 1));
}
