//! Connections read between runs (`read NAME = CONN { .. };`), written once for
//! `network!` and once as a file (`network-load/tests/data/protocol_reads.net`, the same
//! tokens): the generated `run_protocol` fills a typed `Option<ConnectionTable>` field
//! per read with the loader's values bit for bit (the loader's reads are checked against
//! NEST 3.10 in network-load/tests/protocol_reads.rs).

use network::export::ExportOptions;
use network::{ConnectionTable, Seed};

network::network! {
    // Connections read between runs (NEST's `GetConnections(..).get([..])` after a
    // `Simulate`): a tsodyks_synapse's resources, an stdp_synapse's weight and trace, a
    // multisynapse port's receptor, each read before the first run, after one and after a
    // set; delays set outside the kernel's extremes before the first run (NEST widens
    // them). Deterministic drive (spike generators through parrots, DC), so NEST 3.10 and
    // the engine agree on every value bit for bit.
    pub struct ProtocolReads;

    resolution = 0.1 ms;
    seed = 3;

    neuron Parrot = parrot_neuron;
    neuron Cell = iaf_psc_alpha { I_e: 350 pA, tau_minus: 20 ms };
    neuron Pyr = iaf_psc_exp_multisynapse { tau_syn: [2, 40] ms, I_e: 300 pA };
    population pre = Parrot[3];
    population post = Cell[4];
    population pyr = Pyr[2];
    stimulate train = spike_generator {
        spike_times: [5, 12, 20, 21, 22, 40, 55, 61, 62, 80, 95, 110, 111, 130] ms,
    } -> pre via static_synapse { weight: 1 pA, delay: 1 ms };
    record spikes = spike_recorder <- post;
    connect short = pre -> post[0..2]: all_to_all,
        via tsodyks_synapse { weight: 400 pA, delay: 1 ms, U: 0.3, tau_rec: 300 ms, tau_fac: 20 ms, tau_psc: 2 ms };
    connect learn = pre -> post[2..4]: all_to_all,
        via stdp_synapse { weight: 150 pA, delay: 2 ms, lambda: 0.05, Wmax: 300 pA };
    connect slow = pre[1..3] -> pyr: all_to_all, via static_synapse { weight: 20 pA, delay: 1.5 ms, receptor: 2 };

    protocol {
        read at_start = learn;
        // Outside the kernel's delay extremes before the first run: NEST widens them.
        set slow.delay = 3 ms;
        set short.delay = 0.5 ms;
        simulate 60 ms;
        read short_mid = short { x, y, u, U, weight };
        // One value per synapse, sorted by source and target (NEST's conns.set(U=[..])).
        set short.U = [0.6, 0.1, 0.9, 0.35, 0.6, 0.2];
        set short.tau_rec = [100, 200, 300, 400, 500, 600] ms;
        set learn.Kplus = 0.5;
        read learn_mid = learn { weight, Kplus, delay };
        simulate 80 ms;
        read learn_end = learn;
        read short_end = short { u, x, y, U, tau_rec };
        set slow.weight = [10, 20, 30, 40] pA;
        read ports = slow { receptor, weight, delay };
    }
}

mod parity;

const FILE: &str = "protocol_reads.net";

#[test]
fn the_file_holds_the_macro_invocation_token_for_token() {
    parity::files_hold_the_macro_invocations(
        include_str!("protocol_reads_macro.rs"),
        &[(FILE, "ProtocolReads")],
    );
}

#[test]
fn the_description_the_macro_embedded_is_the_file() {
    parity::same_description(ProtocolReads::description(), FILE);
}

#[test]
fn run_protocol_fills_each_read_as_the_loader_reads_it() {
    let mut loaded = parity::load(FILE, 3);
    let mut by_macro = ProtocolReads::build(Seed(3)).unwrap();
    let script = by_macro.export_pynest(&ExportOptions::default()).unwrap();
    let script = parity::same_script(script, FILE, 3);
    assert!(script.contains("ports = nest.GetConnections("), "{script}");
    // `None` until the protocol gets there.
    assert!(by_macro.at_start.is_none() && by_macro.ports.is_none());
    by_macro.run_protocol().unwrap();
    loaded.run_protocol().unwrap();
    let reads: [(&str, &Option<ConnectionTable>); 6] = [
        ("at_start", &by_macro.at_start),
        ("short_mid", &by_macro.short_mid),
        ("learn_mid", &by_macro.learn_mid),
        ("learn_end", &by_macro.learn_end),
        ("short_end", &by_macro.short_end),
        ("ports", &by_macro.ports),
    ];
    assert_eq!(loaded.connection_reads.len(), reads.len());
    for ((name, ours), (theirs_name, theirs, _)) in reads.iter().zip(&loaded.connection_reads) {
        assert_eq!(name, theirs_name);
        let ours = ours.as_ref().unwrap();
        assert_eq!(ours, theirs, "{name}");
        assert!(!ours.is_empty(), "{name}");
    }
    // The tsodyks resources moved during the runs; U was set per synapse at 60 ms.
    let end = by_macro.short_end.as_ref().unwrap();
    assert!(end.column("x").unwrap().iter().any(|&x| x < 1.0));
    assert_eq!(end.column("U").unwrap(), [0.6, 0.1, 0.9, 0.35, 0.6, 0.2]);
}
