//! A `protocol` block and connections between slices, written once for `network!` and
//! once as a file (`network-load/tests/data/protocol.net`, the same tokens): the
//! generated `run_protocol` and the loader's run the same sequence, so they record the
//! same spikes, weights and description hash.

use network::Seed;

network::network! {
    // A run sequence with slices: NEST's Simulate and SetStatus between runs, and
    // Connect on sliced NodeCollections. Deterministic (DC and spike drive), so NEST and
    // the engine agree spike for spike (the randomly drawn connections have weight 0).
    pub struct ProtocolSlices;

    neuron Cell = iaf_psc_alpha;
    neuron Fast = iaf_psc_exp { tau_m: 10 ms, I_e: 350 pA };
    population exc = Cell[20];
    population inh = Fast[10];
    stimulate drive = dc_generator { amplitude: 300 pA } -> exc;
    stimulate kick = spike_generator { spike_times: [5, 15] ms } -> inh via static_synapse { weight: 500 pA, delay: 1 ms };
    record spikes = spike_recorder <- exc;
    record ispikes = spike_recorder <- inh;
    connect e2i = exc[0..10] -> inh: one_to_one, via static_synapse { weight: 1200 pA, delay: 1.5 ms };
    connect exc[15, 17, 19] -> inh[..3]: all_to_all, via static_synapse { weight: 300 pA, delay: 1 ms };
    connect i2e = inh[5..] -> exc[2, 4, 6, 8]: all_to_all, via static_synapse { weight: -400 pA, delay: 2 ms };
    connect exc[10..] -> exc[10..]: all_to_all, no autapses, via static_synapse { weight: 20 pA, delay: 1 ms };
    synapse silent = static_synapse { weight: 0 pA, delay: 1 ms };
    connect exc[5..15] -> inh[2..8]: fixed_indegree(3), via silent;
    connect inh[0..4] -> exc[10..]: fixed_outdegree(2), via silent;

    protocol {
        simulate 100 ms;
        set exc.I_e = 376 pA;
        set exc[0..5].V_m = -55 mV;
        set inh[1, 3, 5].V_m = -60 mV;
        set drive.amplitude = 100 pA;
        simulate 50 ms;
        set e2i.weight = 500 pA;
        set inh.V_th = -52 mV;
        set exc[10..15].I_e = 420 pA;    // parameters on parts of a population
        set inh[2, 7].tau_m = 6 ms;
        set inh[0..4].V_th = -53 mV;
        set spikes.stop = 180 ms;
        set kick.spike_times = [160, 170] ms;
        simulate 100 ms;
    }
}

mod parity;

const FILE: &str = "protocol.net";

#[test]
fn the_file_holds_the_macro_invocation_token_for_token() {
    parity::files_hold_the_macro_invocations(
        include_str!("protocol_file.rs"),
        &[(FILE, "ProtocolSlices")],
    );
}

#[test]
fn the_description_the_macro_embedded_is_the_file() {
    parity::same_description(ProtocolSlices::description(), FILE);
}

#[test]
fn run_protocol_and_the_loader_record_the_same_spikes() {
    let mut loaded = parity::load(FILE, 3);
    let mut by_macro = ProtocolSlices::build(Seed(3)).unwrap();
    assert_eq!(ProtocolSlices::PROTOCOL_MS, 250.0);
    assert_eq!(loaded.protocol_ms(), Some(250.0));
    by_macro.run_protocol().unwrap();
    loaded.run_protocol().unwrap();
    let m = by_macro.network();
    assert_eq!(
        m.provenance().description_sha256,
        loaded.network.provenance().description_sha256
    );
    parity::same_spikes_as(21, m, &by_macro.spikes, &loaded, "spikes");
    parity::same_spikes_as(21, m, &by_macro.ispikes, &loaded, "ispikes");
    // The weight set between runs.
    assert!(m
        .connections(&by_macro.e2i)
        .iter()
        .all(|c| c.weight == 500.0));
    assert_eq!(m.neuron_param(1, "V_th"), Some(-52.0));
}
