//! Synapses set between runs (`set e2i.U = ..;`, `tau_rec`, `Kplus`, `delay`, `Wmax`),
//! written once for `network!` and once as a file
//! (`network-load/tests/data/protocol_synapses.net`, the same tokens): the generated
//! `run_protocol` and the loader's run give the same spikes, V_m and synapses bit for bit
//! and export the same script (the loader's run is checked against NEST 3.10 in
//! network-load/tests/protocol_synapses.rs).

use network::export::ExportOptions;
use network::Seed;

network::network! {
    // Synapses set between runs (NEST's `conns.set(..)` after a `Simulate`): a
    // tsodyks2_synapse's rule parameters U and tau_rec and its delay, an stdp_synapse's
    // presynaptic trace Kplus and its Wmax. Deterministic drive (spike generators through
    // parrots, DC), so NEST 3.10 and the engine agree spike for spike and V_m bit for bit.
    pub struct ProtocolSynapses;

    resolution = 0.1 ms;
    seed = 5;

    neuron Parrot = parrot_neuron;
    neuron Cell = iaf_psc_alpha { I_e: 300 pA, tau_minus: 20 ms };
    population pre = Parrot[3];
    population post = Cell[4];
    stimulate train = spike_generator {
        spike_times: [5, 12, 20, 21, 22, 40, 55, 61, 62, 80, 95, 110, 111, 130, 150, 170, 171, 190] ms,
    } -> pre via static_synapse { weight: 1 pA, delay: 1 ms };
    record spikes = spike_recorder <- post;
    record vm = multimeter { interval: 0.1 ms, record_from: [V_m] } <- post;
    connect e2i = pre -> post[0..2]: all_to_all, via tsodyks2_synapse { weight: 400 pA, delay: 1 ms, U: 0.2, tau_rec: 200 ms, tau_fac: 20 ms };
    connect stdp_conn = pre -> post[2..4]: all_to_all, via stdp_synapse { weight: 150 pA, delay: 2 ms, lambda: 0.05, Wmax: 300 pA };

    protocol {
        simulate 60 ms;
        set e2i.U = 0.6;
        set e2i.tau_rec = 500 ms;
        set stdp_conn.Kplus = 0.5;
        simulate 70 ms;
        set e2i.delay = 2 ms;
        set stdp_conn.Wmax = 180 pA;
        simulate 70 ms;
    }
}

mod parity;

const FILE: &str = "protocol_synapses.net";

#[test]
fn the_file_holds_the_macro_invocation_token_for_token() {
    parity::files_hold_the_macro_invocations(
        include_str!("protocol_synapses_macro.rs"),
        &[(FILE, "ProtocolSynapses")],
    );
}

#[test]
fn the_description_the_macro_embedded_is_the_file() {
    parity::same_description(ProtocolSynapses::description(), FILE);
}

#[test]
fn run_protocol_matches_the_loader_bit_for_bit() {
    let mut loaded = parity::load(FILE, 5);
    let mut by_macro = ProtocolSynapses::build(Seed(5)).unwrap();
    let script = by_macro.export_pynest(&ExportOptions::default()).unwrap();
    let script = parity::same_script(script, FILE, 5);
    assert!(script.contains(".set(U=0.6, tau_rec=500.0)"), "{script}");
    assert_eq!(ProtocolSynapses::PROTOCOL_MS, 200.0);
    by_macro.run_protocol().unwrap();
    loaded.run_protocol().unwrap();
    let m = by_macro.network();
    assert_eq!(
        m.provenance().description_sha256,
        loaded.network.provenance().description_sha256
    );
    let (spikes, samples, synapses) = parity::same_network(
        10,
        m,
        &[&by_macro.spikes],
        &[&by_macro.vm],
        &[&by_macro.e2i, &by_macro.stdp_conn],
        &loaded,
    );
    assert!(
        spikes > 10 && samples > 0 && synapses == 12,
        "{spikes} {samples} {synapses}"
    );
    // The delay set between runs.
    assert!(m.connections(&by_macro.e2i).iter().all(|c| c.delay == 2.0));
}
