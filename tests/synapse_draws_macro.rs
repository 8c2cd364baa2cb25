//! A synapse model's parameters drawn per synapse (`U: uniform(0.2, 0.6)`), written once
//! for `network!` and once as a file (`network-load/tests/data/synapse_draws.net`, the
//! same tokens): the generated `build` draws the loader's values bit for bit and exports
//! the same script (the loader's draws are checked against NEST 3.10 in
//! network-load/tests/synapse_draws.rs).

use network::export::ExportOptions;
use network::Seed;

network::network! {
    // A synapse model's parameters drawn for each synapse where the connection is made
    // (NEST's `syn_spec={"U": nest.random.uniform(..)}`): tsodyks2_synapse's U uniform and
    // tau_rec normal, stdp_synapse's Wmax uniform; each synapse keeps the value it drew.
    pub struct SynapseDraws;

    resolution = 0.1 ms;
    seed = 11;

    neuron Cell = iaf_psc_alpha { I_e: 370 pA };
    population pre = Cell[50];
    population post = Cell[50];
    connect dep = pre -> post: fixed_indegree(40),
        via tsodyks2_synapse { weight: 40 pA, delay: 1 ms, U: uniform(0.2, 0.6), tau_rec: normal(mean: 300 ms, std: 30 ms) };
    connect learn = pre -> post: fixed_indegree(20),
        via stdp_synapse { weight: 20 pA, delay: 1.5 ms, Wmax: uniform(50 pA, 150 pA) };

    protocol {
        read drawn = dep { U, tau_rec, tau_fac };
        read learned = learn { Wmax, lambda };
        simulate 100 ms;
    }
}

mod parity;

const FILE: &str = "synapse_draws.net";

#[test]
fn the_file_holds_the_macro_invocation_token_for_token() {
    parity::files_hold_the_macro_invocations(
        include_str!("synapse_draws_macro.rs"),
        &[(FILE, "SynapseDraws")],
    );
}

#[test]
fn the_description_the_macro_embedded_is_the_file() {
    parity::same_description(SynapseDraws::description(), FILE);
}

#[test]
fn build_draws_the_loader_s_values() {
    let mut loaded = parity::load(FILE, 11);
    let mut by_macro = SynapseDraws::build(Seed(11)).unwrap();
    let script = by_macro.export_pynest(&ExportOptions::default()).unwrap();
    parity::same_script(script, FILE, 11);
    for name in ["U", "tau_rec"] {
        let ours = by_macro.synapse_parameters(&by_macro.dep, name).unwrap();
        let theirs = loaded
            .network
            .synapse_parameters(&loaded.projections[0].1, name)
            .unwrap();
        assert_eq!(ours, theirs, "{name}");
        assert!(
            ours.windows(2).any(|w| w[0] != w[1]),
            "{name} drawn per synapse"
        );
    }
    by_macro.run_protocol().unwrap();
    loaded.run_protocol().unwrap();
    assert_eq!(
        by_macro.drawn.as_ref().unwrap(),
        &loaded.connection_reads[0].1
    );
    assert_eq!(
        by_macro.learned.as_ref().unwrap(),
        &loaded.connection_reads[1].1
    );
}
