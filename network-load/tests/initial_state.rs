//! Initial state and parameters per neuron (`population .. with { V_m: .., V_th: .. }`)
//! against NEST 3.10 (conformance/initial_state.py, reference/initial_state.json):
//! expressions of position give every neuron NEST's values bit for bit, and the run
//! NEST's spikes and V_m traces; random terms give NEST's distributions (two-sample
//! Kolmogorov-Smirnov over 2,000 neurons).

use network_core::Seed;
use network_load::{build, parse, Inputs, Loaded, Source};
use serde_json::Value as Json;

mod common;
use common::{ks_two_sample, last_json, nest_python, repo, run_python};

fn load() -> (network_load::Parsed, Loaded) {
    let source = Source::read(&repo().join("network-load/tests/data/initial_state.net")).unwrap();
    let parsed = parse(&source).unwrap_or_else(|e| panic!("{e:?}"));
    let loaded = build(
        &parsed.description,
        Seed(parsed.description.seed),
        &Inputs::default(),
    )
    .unwrap();
    (parsed, loaded)
}

fn reference() -> Json {
    let path = repo().join("conformance/reference/initial_state.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn floats(v: &Json) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

#[test]
fn positional_values_spikes_and_traces_are_nests() {
    let (_, mut loaded) = load();
    let nest = reference();
    let want = &nest["positional"];
    for (name, values) in want["values"].as_object().unwrap() {
        let values = floats(values);
        assert_eq!(values.len(), 80);
        for (i, v) in values.iter().enumerate() {
            let got = loaded.network.neuron_value(0, i, name).unwrap();
            assert_eq!(
                got.to_bits(),
                v.to_bits(),
                "{name} of neuron {i}: {got} vs NEST {v}"
            );
        }
    }
    loaded.network.simulate(200.0).unwrap();
    let net = &loaded.network;
    let first = net.populations()[0].first_node_id;
    let sr = loaded.spike_recorders[0].1;
    let mut spikes: Vec<(u32, f64)> = net
        .spikes(&sr)
        .iter()
        .map(|(s, t)| (s - first, t))
        .collect();
    spikes.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let expected: Vec<(u32, f64)> = want["spikes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_u64().unwrap() as u32, p[1].as_f64().unwrap()))
        .collect();
    assert_eq!(spikes.len(), expected.len(), "spike counts");
    assert_eq!(spikes, expected);
    let mm = loaded.multimeters[0].1;
    let samples = net.samples(&mm);
    let v_m = samples.values(network_core::Recordable::V_m).unwrap();
    for (neuron, trace) in want["traces"].as_object().unwrap() {
        let id = first + neuron.parse::<u32>().unwrap();
        let got: Vec<f64> = samples
            .senders()
            .iter()
            .zip(&v_m)
            .filter(|(s, _)| **s == id)
            .map(|(_, v)| *v)
            .collect();
        let trace = floats(trace);
        // NEST's multimeter hands over its last min_delay (here 1 ms, 10 samples) only
        // when the next `Simulate` starts; the engine's are there at once.
        assert_eq!(got.len(), trace.len() + 10, "samples of neuron {neuron}");
        for (k, (a, b)) in got.iter().zip(&trace).enumerate() {
            assert_eq!(
                a.to_bits(),
                b.to_bits(),
                "neuron {neuron} sample {k}: {a} vs NEST {b}"
            );
        }
    }
}

#[test]
fn random_values_follow_nests_distributions() {
    let (_, mut loaded) = load();
    let nest = reference();
    for (name, values) in nest["random"]["values"].as_object().unwrap() {
        let want = floats(values);
        let got: Vec<f64> = (0..want.len())
            .map(|i| loaded.network.neuron_value(1, i, name).unwrap())
            .collect();
        // alpha = 0.001: c = 1.949, n = m = 2000.
        let limit = 1.949 * (2.0 / want.len() as f64).sqrt();
        let d = ks_two_sample(&got, &want);
        assert!(d < limit, "{name}: KS distance {d} >= {limit}");
        let lo = want.iter().copied().fold(f64::INFINITY, f64::min);
        assert!(got.iter().all(|v| v.is_finite()), "{name}");
        if name == "V_th" {
            assert!(
                got.iter().all(|v| (-52.0..=-47.0).contains(v)),
                "{name}: {lo}"
            );
        }
    }
}

/// The export's `params={..}` (`nest.spatial.pos.x`, `nest.random.*`) run on NEST:
/// positional values bit for bit, random ones NEST's distributions.
#[test]
fn the_export_gives_nest_the_same_values() {
    let Some(python) = nest_python("initial_state") else {
        return;
    };
    let (parsed, mut loaded) = load();
    let options = network_load::export::ExportOptions {
        time_ms: 10.0,
        threads: 1,
    };
    let cells = network_load::export::cells(
        &parsed.description,
        &loaded.network,
        &[],
        "initial_state",
        &parsed.docs,
        &options,
    )
    .unwrap();
    let mut script = network_load::export::pynest(&cells);
    assert!(script.contains("nest.spatial.pos.x"), "{script}");
    assert!(script.contains("nest.random.lognormal"), "{script}");
    script.push_str(
        "\nimport json as _json\n\
         _names = ['V_m', 'V_th', 'I_e', 'tau_m', 'V_reset', 'C_m']\n\
         print(_json.dumps({'sheet': {n: [float(v) for v in sheet.get(n)] for n in _names},\n\
         \x20                  'noisy': {n: [float(v) for v in noisy.get(n)] for n in _names}}))\n",
    );
    let nest = last_json(
        "initial_state",
        &run_python(&python, "initial_state", &script),
    );
    // V_m is NEST's after the export's 10 ms run; the reference compares it at 0 ms.
    for name in ["V_th", "I_e", "tau_m", "V_reset"] {
        for (i, v) in floats(&nest["sheet"][name]).iter().enumerate() {
            let got = loaded.network.neuron_value(0, i, name).unwrap();
            assert_eq!(
                got.to_bits(),
                v.to_bits(),
                "{name} of neuron {i}: {got} vs NEST {v}"
            );
        }
    }
    for name in ["I_e", "tau_m", "C_m", "V_th"] {
        let want = floats(&nest["noisy"][name]);
        let got: Vec<f64> = (0..want.len())
            .map(|i| loaded.network.neuron_value(1, i, name).unwrap())
            .collect();
        let limit = 1.949 * (2.0 / want.len() as f64).sqrt();
        let d = ks_two_sample(&got, &want);
        assert!(d < limit, "{name}: KS distance {d} >= {limit}");
    }
}
