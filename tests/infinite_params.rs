//! Parameters NEST 3.10 takes as +inf, in the `network!` language: `infinite_traces.net`
//! (`tau_minus: inf ms`, `tau_minus_triplet: inf ms`, run on NEST 3.10 by
//! network-load/tests/nest_export.rs, so the loader is the oracle here) written with the
//! macro gives the same spikes, voltmeter samples and synapses bit for bit, and the same
//! exported PyNEST script.

mod parity;

use network::export::ExportOptions;
use network::prelude::*;
use parity::*;

network! {
    /// Postsynaptic STDP traces that never decay: `tau_minus` and `tau_minus_triplet` set to
    /// +inf (NEST keeps 1/tau = 0, so every postsynaptic spike adds 1 to the trace for good),
    /// on iaf_psc_alpha, iaf_psc_delta and aeif_cond_exp targets of stdp, stdp_triplet and
    /// stdp_pl_synapse_hom synapses, driven by listed spikes through parrots and DC.
    pub struct InfiniteTraces;

    resolution = 0.1 ms;
    seed = 5;

    neuron Parrot = parrot_neuron;
    neuron Alpha = iaf_psc_alpha { I_e: 360 pA, tau_minus: inf ms, tau_minus_triplet: inf ms };
    neuron Delta = iaf_psc_delta { I_e: 380 pA, tau_minus: inf ms };
    neuron Adex = aeif_cond_exp { I_e: 700 pA, tau_minus_triplet: inf ms };

    population pre = Parrot[3];
    population alpha = Alpha[2];
    population delta = Delta[2];
    population adex = Adex[2];

    stimulate drive = spike_generator {
        spike_times: [10, 30, 50, 70, 90, 110, 111, 112, 150, 200, 201, 250, 311.5, 350] ms,
    } -> pre via static_synapse { weight: 1 pA, delay: 1 ms };

    connect pairs = pre -> alpha: all_to_all,
        via stdp_synapse { weight: 40 pA, delay: 1 ms, lambda: 0.02, Wmax: 200 pA };
    connect triplets = pre -> alpha: all_to_all,
        via stdp_triplet_synapse { weight: 30 pA, delay: 1.5 ms, Aplus: 0.5, Aminus: 0.01, Aplus_triplet: 0.3, Aminus_triplet: 0.002, Wmax: 150 pA };
    connect power = pre -> delta: all_to_all,
        via stdp_pl_synapse_hom { weight: 1 mV, delay: 1 ms };
    connect adapting = pre -> adex: all_to_all,
        via stdp_triplet_synapse { weight: 3 nS, delay: 1 ms, Aplus: 0.5, Aminus: 0.01, Wmax: 20 nS };

    record spikes = spike_recorder <- alpha, delta, adex;
    record v = voltmeter <- alpha, delta;
}

const FILES: [(&str, &str); 1] = [("infinite_traces.net", "InfiniteTraces")];

#[test]
fn the_file_holds_the_macro_invocation_token_for_token() {
    files_hold_the_macro_invocations(&std::fs::read_to_string(file!()).unwrap(), &FILES);
}

#[test]
fn the_description_the_macro_embedded_is_the_file() {
    same_description(InfiniteTraces::description(), FILES[0].0);
}

#[test]
fn infinite_traces_from_the_macro_and_the_loader_agree_bit_for_bit() {
    let mut by_macro = InfiniteTraces::build(Seed(5)).unwrap();
    let mut loaded = load("infinite_traces.net", 5);
    by_macro.simulate(400.0).unwrap();
    loaded.network.simulate(400.0).unwrap();
    let m = &by_macro;
    let (spikes, samples, synapses) = same_network(
        10,
        m.network(),
        &[&m.spikes],
        &[&m.v],
        &[&m.pairs, &m.triplets, &m.power, &m.adapting],
        &loaded,
    );
    eprintln!("infinite_traces: {spikes} spikes, {samples} samples, {synapses} synapses identical");
    let script = same_script(
        m.export_pynest(&ExportOptions::default()).unwrap(),
        "infinite_traces.net",
        5,
    );
    // NEST takes the infinity as Python writes it.
    assert!(script.contains("inf"), "{script}");
}
