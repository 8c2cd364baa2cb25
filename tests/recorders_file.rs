//! Weight recorders and `time_in_steps` in the language, written once for `network!` and
//! once as a file (`network-load/tests/data/recorders.net`, the same tokens): both record
//! the same events, and those of `weights` are NEST's (`conformance/recorders.py`, case
//! `stdp_all_to_all`: the same network), bit for bit.

use network::Seed;
use network_load::{build, parse, Inputs, Source};
use serde_json::Value as Json;

network::network! {
    // The weight recorder case `stdp_all_to_all` of conformance/recorders.py in the
    // language, with a spike recorder and a voltmeter in steps: two parrots relay spike
    // generators into three cells through STDP synapses.
    pub struct Recorders;

    neuron Parrot = parrot_neuron;
    neuron Cell = iaf_psc_alpha { I_e: 376 pA };
    population pre = Parrot[2];
    population post = Cell[3];
    stimulate sg0 = spike_generator { spike_times: [10, 30, 50, 70, 90, 110] ms } -> pre[0..1] via static_synapse { weight: 1 pA, delay: 1 ms };
    stimulate sg1 = spike_generator { spike_times: [15, 33, 61, 84, 101] ms } -> pre[1..2] via static_synapse { weight: 1 pA, delay: 1 ms };
    connect learn = pre -> post: all_to_all, via stdp_synapse { weight: 50 pA, delay: 1.5 ms, lambda: 0.05, Wmax: 100 pA };
    connect stp = pre -> post: all_to_all, via tsodyks_synapse { weight: 0 pA, delay: 1 ms, U: 0.4, tau_rec: 100 ms, tau_fac: 50 ms, tau_psc: 2 ms };
    /// Every transmission of `learn`: its weight after STDP, at the presynaptic spike.
    record weights = weight_recorder <- learn;
    /// The transmissions of `stp` from the parrots onto the cells, in steps, between 20 and 100 ms.
    record early = weight_recorder { senders: pre, targets: post, time_in_steps: true, start: 20 ms, stop: 100 ms } <- stp;
    record spikes = spike_recorder { time_in_steps: true } <- post;
    record vm = voltmeter { interval: 5 ms, time_in_steps: true } <- post;
}

const NET_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/network-load/tests/data/recorders.net"
);

#[test]
fn the_file_holds_the_macro_invocation_token_for_token() {
    let text = std::fs::read_to_string(file!()).unwrap();
    let start = text.find("network::network! {").unwrap() + "network::network! {".len();
    let end = start + text[start..].find("\n}\n").unwrap();
    let body: proc_macro2::TokenStream = text[start..end].parse().unwrap();
    let file: proc_macro2::TokenStream =
        std::fs::read_to_string(NET_FILE).unwrap().parse().unwrap();
    assert_eq!(file.to_string(), body.to_string());
}

/// `(time ms, sender index, target index, port, weight)`, sorted as NEST's script
/// writes them.
fn rows(e: &network::WeightEvents) -> Vec<(f64, u32, u32, u32, f64)> {
    let times = e.times();
    let mut rows: Vec<_> = (0..e.len())
        .map(|k| {
            (
                times[k],
                e.senders()[k] - 1,
                e.targets()[k] - 1,
                e.ports()[k],
                e.weights()[k],
            )
        })
        .collect();
    rows.sort_by(|a, b| a.partial_cmp(b).unwrap());
    rows
}

#[test]
fn macro_and_loader_record_nests_weights() {
    let parsed = parse(&Source::read(NET_FILE.as_ref()).unwrap()).unwrap();
    let mut loaded = build(&parsed.description, Seed(1), &Inputs::default()).unwrap();
    let mut by_macro = Recorders::build(Seed(1)).unwrap();
    for t in [60.0, 60.0] {
        by_macro.simulate(t).unwrap();
        loaded.network.simulate(t).unwrap();
    }
    let (m, l) = (by_macro.network(), &loaded.network);
    assert_eq!(
        m.provenance().description_sha256,
        l.provenance().description_sha256
    );
    let ours = rows(m.weights_recorded(&by_macro.weights));
    assert_eq!(
        ours,
        rows(l.weights_recorded(&loaded.weight_recorders[0].1))
    );

    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/conformance/reference/recorders.json"
    );
    let reference: Json = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let nest = &reference["stdp_all_to_all"]["weight_recorder"];
    let column = |k: &str| nest[k].as_array().unwrap().clone();
    let (times, weights) = (column("times"), column("weights"));
    assert_eq!(ours.len(), times.len());
    for (k, row) in ours.iter().enumerate() {
        assert_eq!(
            row.0.to_bits(),
            times[k].as_f64().unwrap().to_bits(),
            "time {k}"
        );
        assert_eq!(
            u64::from(row.1),
            column("senders")[k].as_u64().unwrap(),
            "sender {k}"
        );
        assert_eq!(
            u64::from(row.2),
            column("targets")[k].as_u64().unwrap(),
            "target {k}"
        );
        assert_eq!(
            u64::from(row.3),
            column("ports")[k].as_u64().unwrap(),
            "port {k}"
        );
        assert_eq!(
            row.4.to_bits(),
            weights[k].as_f64().unwrap().to_bits(),
            "weight {k}"
        );
    }

    // `early`: the window (20, 100] ms, and times in steps. The parrots spike 1 ms after
    // their generators: at 31, 51, 71, 91 and 34, 62, 85 ms in the window, 7 spikes onto
    // 3 cells each.
    let early = m.weights_recorded(&by_macro.early);
    assert!(early.time_in_steps());
    assert_eq!(early.len(), 21);
    assert!(early.steps().iter().all(|&s| s > 200 && s <= 1000));
    assert_eq!(
        rows(early),
        rows(l.weights_recorded(&loaded.weight_recorders[1].1))
    );
    assert!(m.spikes(&by_macro.spikes).time_in_steps());
    assert!(m.samples(&by_macro.vm).time_in_steps());
}
