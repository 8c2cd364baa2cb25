//! A protocol with values per neuron, a mask selection and recorders created between
//! runs, through `network!`: the same tokens as network-load/tests/data/protocol_sets.net
//! (which network-load/tests/protocol_sets.rs compares with NEST 3.10), so the generated
//! `run_protocol` must give the loader's values, spikes and samples bit for bit, and
//! the recorders it creates fill their `Option` fields.

use network::prelude::*;
use network_load::{build, parse, Inputs, Source};

network! {
    pub struct ProtocolSets;

    resolution = 0.1 ms;
    seed = 7;

    neuron Cell = iaf_psc_alpha;

    population sheet = Cell[80] on grid([10, 8], extent: [1.0, 0.8] mm, center: [0.1, -0.05] mm) with { I_e: 300 pA };
    population noisy = Cell[2000];

    stimulate kick = spike_generator { spike_times: [5, 120, 251] ms } -> sheet[1, 33] via static_synapse { weight: 100 pA, delay: 1 ms };
    record spikes = spike_recorder <- sheet;
    connect feed = sheet[26, 35] -> noisy[0, 1]: all_to_all, via static_synapse { weight: 2 pA, delay: 1 ms };

    protocol {
        simulate 10 ms;
        record early = multimeter { interval: 1 ms, record_from: [V_m] } <- sheet[0];
        simulate 100 ms;
        set sheet {
            V_m: -70 mV + 5 mV * x / 1 mm,
            V_th: -55 mV + 3 mV * cos(y / 0.1 mm),
            I_e: if(x > 0.1 mm, 380 pA + 100 pA * x / 1 mm, 360 pA),
        };
        set sheet within circle(radius: 0.25 mm) at [0.1, -0.05] mm { I_e: 500 pA, tau_m: 10 ms + 5 ms * pow(y / 1 mm, 2) };
        set noisy { V_th: uniform(-55 mV, -50 mV), V_m: normal(mean: -65 mV, std: 2 mV) };
        record middle = multimeter { interval: 0.7 ms, offset: 0.3 ms, record_from: [V_m, I_syn_ex] } <- sheet[1, 33];
        record late = spike_recorder { start: 150 ms } <- sheet within circle(radius: 0.3 mm) at [0.1, -0.05] mm;
        record weights = weight_recorder <- feed;
        set spikes.stop = 200 ms;
        simulate 140 ms;
        record last = multimeter { interval: 2.5 ms, record_from: [V_m] } <- sheet[0..4];
        simulate 50 ms;
    }
}

const NET_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/network-load/tests/data/protocol_sets.net"
);

#[test]
fn the_file_holds_the_macro_invocation_token_for_token() {
    let text = std::fs::read_to_string(file!()).unwrap();
    let start = text.find("network! {").unwrap() + "network! {".len();
    let end = start + text[start..].find("\n}\n").unwrap();
    let body: proc_macro2::TokenStream = text[start..end].parse().unwrap();
    let file: proc_macro2::TokenStream =
        std::fs::read_to_string(NET_FILE).unwrap().parse().unwrap();
    assert_eq!(file.to_string(), body.to_string());
}

#[test]
fn run_protocol_matches_the_loader_bit_for_bit() {
    let parsed = parse(&Source::read(NET_FILE.as_ref()).unwrap()).unwrap();
    let mut loaded = build(&parsed.description, Seed(7), &Inputs::default()).unwrap();
    let mut by_macro = ProtocolSets::build(Seed(7)).unwrap();
    assert!(by_macro.early.is_none() && by_macro.late.is_none());
    assert_eq!(ProtocolSets::PROTOCOL_MS, 300.0);
    by_macro.run_protocol().unwrap();
    loaded.run_protocol().unwrap();
    assert_eq!(
        by_macro.provenance().description_sha256,
        loaded.network.provenance().description_sha256
    );
    let l = &mut loaded.network;
    let m = by_macro.network_mut();
    for (p, len) in [(0, 80), (1, 2000)] {
        for name in ["V_m", "V_th", "I_e", "tau_m"] {
            for i in 0..len {
                let (a, b) = (
                    m.neuron_value(p, i, name).unwrap(),
                    l.neuron_value(p, i, name).unwrap(),
                );
                assert_eq!(a.to_bits(), b.to_bits(), "{name} of {p}/{i}: {a} vs {b}");
            }
        }
    }
    let m = by_macro.network();
    let late = by_macro.late.expect("run_protocol made `late`");
    for (h, name) in [(by_macro.spikes, "spikes"), (late, "late")] {
        let (_, lh) = loaded
            .spike_recorders
            .iter()
            .find(|(n, _)| n == name)
            .unwrap();
        let (a, b) = (m.spikes(&h), loaded.network.spikes(lh));
        assert!(a.len() > 100, "{name}");
        assert_eq!((a.senders(), a.steps()), (b.senders(), b.steps()), "{name}");
    }
    for (h, name) in [
        (by_macro.early, "early"),
        (by_macro.middle, "middle"),
        (by_macro.last, "last"),
    ] {
        let h = h.unwrap_or_else(|| panic!("run_protocol made `{name}`"));
        let (_, lh) = loaded.multimeters.iter().find(|(n, _)| n == name).unwrap();
        let (a, b) = (m.samples(&h), loaded.network.samples(lh));
        assert!(!a.times().is_empty(), "{name}");
        assert_eq!(a.times(), b.times(), "{name}");
        assert_eq!(a.senders(), b.senders(), "{name}");
        let bits = |x: Vec<f64>| x.into_iter().map(f64::to_bits).collect::<Vec<_>>();
        let (va, vb) = (
            a.values(network::Recordable::V_m).unwrap(),
            b.values(network::Recordable::V_m).unwrap(),
        );
        assert_eq!(bits(va), bits(vb), "{name}");
    }
    let h = by_macro.weights.expect("run_protocol made `weights`");
    let (_, lh) = &loaded.weight_recorders[0];
    let (a, b) = (m.weights_recorded(&h), loaded.network.weights_recorded(lh));
    assert!(!a.is_empty());
    assert_eq!(
        (a.senders(), a.targets(), a.steps(), a.weights()),
        (b.senders(), b.targets(), b.steps(), b.weights())
    );
}
