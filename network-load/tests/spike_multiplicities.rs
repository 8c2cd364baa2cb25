//! A `spike_generator`'s `spike_multiplicities`, declared and set between runs: the
//! loader's run against the exported script run on NEST 3.10, the membrane potential of
//! every target bit for bit (a spike of multiplicity m arrives as m spikes: m times the
//! weight), and the checker's refusals.

use network_core::{Recordable, Seed};
use network_load::{build, parse, Inputs, Source};

mod common;
use common::{last_json, nest_python, pynest_script, run_python};

const NET: &str = "
    resolution = 0.1 ms;
    seed = 1;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[2];
    stimulate listed = spike_generator { spike_times: [5, 10, 20, 25] ms, spike_multiplicities: MULT } -> cells via static_synapse { weight: 60 pA, delay: 1 ms };
    record vm = multimeter { interval: 0.1 ms, record_from: [V_m] } <- cells;
    protocol {
        simulate 15 ms;
        set listed.spike_multiplicities = [2, 2, 4, 0];
        simulate 15 ms;
    }
";

fn source(multiplicities: &str) -> Source {
    Source::new("multiplicities.net", NET.replace("MULT", multiplicities))
}

#[test]
fn multiplicities_that_are_not_whole_or_not_one_per_spike_are_refused() {
    for (m, message) in [
        ("[1, 2, 3]", "3 multiplicities for 4 spike times"),
        (
            "[1, 2.5, 1, 1]",
            "spike multiplicity 2.5 is not a whole number >= 0",
        ),
        (
            "[1, -1, 1, 1]",
            "spike multiplicity -1 is not a whole number >= 0",
        ),
    ] {
        let errors = parse(&source(m)).unwrap_err();
        assert_eq!(errors[0].message, message, "{m}");
        assert_eq!(errors[0].line, 6, "{m}");
    }
}

#[test]
fn declared_and_set_multiplicities_give_nest_s_membrane_potentials() {
    let parsed = parse(&source("[1, 3, 2, 1]")).unwrap_or_else(|e| panic!("{e:?}"));
    let mut loaded = build(&parsed.description, Seed(1), &Inputs::default()).unwrap();
    let script = pynest_script(&parsed, &loaded, "multiplicities");
    assert!(
        script.contains("spike_multiplicities=[2, 2, 4, 0]"),
        "{script}"
    );
    loaded.run_protocol().unwrap();
    let samples = loaded.network.samples(&loaded.multimeters[0].1);
    let ours = samples.values(Recordable::V_m).unwrap();
    assert_eq!(ours.len(), 2 * 300);
    // The potential steps by the number of copies: 1, 3 copies of 60 pA before the set,
    // 4 after it (the spike at 10 ms moved nothing back), none at 25 ms.
    let Some(python) = nest_python("spike_multiplicities") else {
        return;
    };
    let probe = format!(
        "{script}\nimport json\nev = vm.events\nprint(json.dumps({{'senders': ev['senders'].tolist(), 'times': ev['times'].tolist(), 'V_m': ev['V_m'].tolist()}}))\n"
    );
    let nest = last_json(
        "multiplicities",
        &run_python(&python, "multiplicities", &probe),
    );
    let theirs: Vec<f64> = serde_json::from_value(nest["V_m"].clone()).unwrap();
    let times: Vec<f64> = serde_json::from_value(nest["times"].clone()).unwrap();
    let senders: Vec<u32> = serde_json::from_value(nest["senders"].clone()).unwrap();
    // NEST withholds the samples of the last min_delay slice (1 ms: 10 per neuron) until
    // a next `Simulate` (docs/fidelity.md); the engine delivers them at the end.
    assert_eq!(theirs.len(), ours.len() - 2 * 10);
    // Ours are time-major (sample k of neuron i at k·2 + i, at (k + 1)·0.1 ms); NEST's
    // come slice by slice: matched by time step and node id (1 and 2).
    for ((v, t), s) in theirs.iter().zip(&times).zip(&senders) {
        let k = (t * 10.0).round() as usize - 1;
        let a = ours[k * 2 + (*s as usize - 1)];
        assert_eq!(
            a.to_bits(),
            v.to_bits(),
            "V_m of node {s} at {t} ms: {a} vs {v}"
        );
    }
    let times: Vec<f64> = (0..ours.len()).map(|j| (j / 2 + 1) as f64 * 0.1).collect();
    let peak = |from: f64, to: f64| {
        ours.iter()
            .zip(&times)
            .filter(|(_, t)| **t >= from && **t < to)
            .map(|(v, _)| *v)
            .fold(f64::MIN, f64::max)
    };
    // More copies, a higher peak: 1 (5 ms), 3 (10 ms), 4 (20 ms).
    assert!(peak(5.0, 10.0) < peak(10.0, 15.0) && peak(10.0, 15.0) < peak(20.0, 25.0));
}
