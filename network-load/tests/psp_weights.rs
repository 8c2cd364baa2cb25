//! A weight written as `psp(..)` reaches the engine and the PyNEST export as the same
//! computed amplitude: Brunel's J_ex = 20.68015524367846 pA for 0.1 mV onto his
//! iaf_psc_alpha neuron (NEST's brunel_alpha_nest.py), and −4 times it for −0.4 mV.

use network_core::Seed;
use network_load::export::{self, ExportOptions};
use network_load::{build, parse, Inputs, Source};

const TEXT: &str = "
    neuron Lif = iaf_psc_alpha {
        C_m: 250 pF, tau_m: 20 ms, tau_syn_ex: 0.5 ms, tau_syn_in: 0.5 ms, t_ref: 2 ms,
        E_L: 0 mV, V_reset: 0 mV, V_m: 0 mV, V_th: 20 mV,
    };
    synapse inh = static_synapse { weight: psp(-0.4 mV), delay: 1.5 ms };
    population cells = Lif[20];
    connect cells -> cells: fixed_indegree(3), via static_synapse { weight: psp(0.1 mV), delay: 1.5 ms };
    connect cells -> cells: fixed_indegree(2), via inh;
";

const J_EX: f64 = 20.68015524367846;

#[test]
fn engine_and_export_get_the_computed_weight() {
    let parsed = parse(&Source::new("psp.net", TEXT)).unwrap();
    let loaded = build(&parsed.description, Seed(1), &Inputs::default()).unwrap();
    let weights: Vec<f64> = loaded
        .projections
        .iter()
        .map(|(_, h)| loaded.network.weights(h)[0].2)
        .collect();
    assert!((weights[0] - J_EX).abs() < 1e-11, "{weights:?}");
    assert!((weights[1] + 4.0 * J_EX).abs() < 4e-11, "{weights:?}");

    let options = ExportOptions {
        time_ms: 10.0,
        threads: 1,
    };
    let cells = export::cells(
        &parsed.description,
        &loaded.network,
        &[],
        "psp",
        &[],
        &options,
    )
    .unwrap();
    let script = export::pynest(&cells);
    for w in &weights {
        assert!(script.contains(&format!("{w:?}")), "{w} not in\n{script}");
    }
}
