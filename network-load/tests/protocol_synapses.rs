//! Synapses set between runs (`set CONN.U = ..;`, `tau_rec`, `Kplus`, `Wmax`, `delay`
//! in a `protocol` block): the loader's run of `data/protocol_synapses.net` against its
//! export run on NEST 3.10, spikes and V_m bit for bit; and the checker's refusals.

use network_core::{Recordable, Seed};
use network_load::{build, parse, Inputs, Source};

mod common;
use common::{last_json, nest_python, pynest_script, run_python};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/protocol_synapses.net"
);

#[test]
fn synapse_sets_between_runs_give_nest_s_spikes_and_membrane_potentials() {
    let parsed = parse(&Source::read(FILE.as_ref()).unwrap()).unwrap_or_else(|e| panic!("{e:?}"));
    let mut loaded = build(&parsed.description, Seed(5), &Inputs::default()).unwrap();
    let script = pynest_script(&parsed, &loaded, "protocol_synapses");
    // Consecutive sets on one connection are one `set` with a dictionary.
    assert!(script.contains(".set(U=0.6, tau_rec=500.0)"), "{script}");
    assert!(script.contains(".set(Kplus=0.5)"), "{script}");
    assert!(script.contains(".set(delay=2.0)"), "{script}");
    assert!(script.contains(".set(Wmax=180.0)"), "{script}");
    loaded.run_protocol().unwrap();
    // The sets took: every synapse carries the new values.
    let e2i = loaded
        .projections
        .iter()
        .find(|(n, _)| n == "e2i")
        .unwrap()
        .1;
    let stdp = loaded
        .projections
        .iter()
        .find(|(n, _)| n == "stdp_conn")
        .unwrap()
        .1;
    assert!(loaded
        .network
        .connections(&e2i)
        .iter()
        .all(|c| c.delay == 2.0));
    assert!(loaded
        .network
        .connections(&stdp)
        .iter()
        .all(|c| c.delay == 2.0));
    let spikes = loaded.network.spikes(&loaded.spike_recorders[0].1);
    let samples = loaded.network.samples(&loaded.multimeters[0].1);
    let ours = samples.values(Recordable::V_m).unwrap();
    assert_eq!(ours.len(), 4 * 2000);
    assert!(spikes.times().len() > 10, "{} spikes", spikes.times().len());
    let Some(python) = nest_python("protocol_synapses") else {
        return;
    };
    let probe = format!(
        "{script}\nimport json\nev = vm.events\nsp = spikes.events\nprint(json.dumps({{'senders': ev['senders'].tolist(), 'times': ev['times'].tolist(), 'V_m': ev['V_m'].tolist(), 'spike_senders': sp['senders'].tolist(), 'spike_times': sp['times'].tolist()}}))\n"
    );
    let nest = last_json(
        "protocol_synapses",
        &run_python(&python, "protocol_synapses", &probe),
    );
    let theirs: Vec<f64> = serde_json::from_value(nest["V_m"].clone()).unwrap();
    let times: Vec<f64> = serde_json::from_value(nest["times"].clone()).unwrap();
    let senders: Vec<u32> = serde_json::from_value(nest["senders"].clone()).unwrap();
    // NEST withholds the samples of the last min_delay slice (1 ms: 10 per neuron) until
    // a next `Simulate` (docs/fidelity.md); the engine delivers them at the end.
    assert_eq!(theirs.len(), ours.len() - 4 * 10);
    // The posts are NEST's nodes from `first` on; ours are time-major: sample k of
    // neuron i at k·4 + i, at (k + 1)·0.1 ms.
    let first = *senders.iter().min().unwrap();
    for ((v, t), s) in theirs.iter().zip(&times).zip(&senders) {
        let k = (t * 10.0).round() as usize - 1;
        let a = ours[k * 4 + (*s - first) as usize];
        assert_eq!(
            a.to_bits(),
            v.to_bits(),
            "V_m of node {s} at {t} ms: {a} vs {v}"
        );
    }
    let spike_times: Vec<f64> = serde_json::from_value(nest["spike_times"].clone()).unwrap();
    let spike_senders: Vec<u32> = serde_json::from_value(nest["spike_senders"].clone()).unwrap();
    let mut nest_spikes: Vec<(u64, u32)> = spike_times
        .iter()
        .zip(&spike_senders)
        .map(|(t, s)| (t.to_bits(), s - first))
        .collect();
    // Ours name a neuron by its id in the network; both lists start at the first post.
    let ours_first = *spikes.senders().iter().min().unwrap();
    let mut our_spikes: Vec<(u64, u32)> = spikes
        .times()
        .iter()
        .zip(spikes.senders())
        .map(|(t, s)| (t.to_bits(), *s - ours_first))
        .collect();
    assert!(
        spike_senders.contains(&first),
        "the first post spikes in NEST"
    );
    nest_spikes.sort_unstable();
    our_spikes.sort_unstable();
    assert_eq!(our_spikes, nest_spikes);
}

/// The description with `set` as its protocol's change.
fn with_set(set: &str) -> Source {
    let text = std::fs::read_to_string(FILE).unwrap();
    let text = text.replace("set e2i.U = 0.6;", set);
    Source::new("protocol_synapses.net", text)
}

#[test]
fn sets_nest_refuses_are_refused_with_the_reason() {
    for (set, message) in [
        ("set e2i.U = 1.5;", "U"),
        (
            "set e2i.delay = 0.25 ms;",
            "positive multiple of the resolution",
        ),
        (
            "set e2i.delay = 0 ms;",
            "positive multiple of the resolution",
        ),
        ("set stdp_conn.Kplus = -1;", "Kplus"),
        (
            "set e2i.receptor_type = 1;",
            "fixed once the synapses are made",
        ),
        ("set e2i.tau_rec = 5 pA;", "tau_rec"),
    ] {
        let errors = parse(&with_set(set)).unwrap_err();
        assert!(
            errors[0].message.contains(message),
            "{set}: {}",
            errors[0].message
        );
        assert_eq!(errors[0].line, 24, "{set}");
    }
}
