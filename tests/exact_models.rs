//! The models of issue 12 in the `network!` language: the macro accepts them (units,
//! list parameters, flags, their recordables) and builds the same network as the loader
//! reading `network-load/tests/data/exact_models.net` (the same tokens): the same spikes
//! and samples, bit for bit, for the same seed (the stochastic models included), and the
//! same exported PyNEST script.

use network::export::{self, ExportOptions};
use network::prelude::*;
use network_load::{build, parse, Inputs, Source};

const NET_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/network-load/tests/data/exact_models.net"
);

network! {
    /// The models NEST integrates exactly or explicitly (issue 12) side by side: each
    /// population under constant drive, Poisson input and input from another population,
    /// recorded through its own recordables.
    pub struct ExactModels;

    resolution = 0.1 ms;
    seed = 12345;

    neuron Izh = izhikevich { I_e: 5 pA, c: -50 mV, d: 2 mV };
    neuron Published = izhikevich { I_e: 5 pA, consistent_integration: 0 };
    neuron Htum = iaf_psc_exp_htum { I_e: 350 pA, t_ref_abs: 2 ms, t_ref_tot: 5 ms };
    neuron Mat = mat2_psc_exp { I_e: 500 pA };
    neuron Amat = amat2_psc_exp { I_e: 250 pA, beta: 0.5 };
    neuron Gif = gif_psc_exp {
        I_e: 150 pA, tau_sfa: [100] ms, q_sfa: [3] mV, tau_stc: [50] ms, q_stc: [20] pA,
    };
    neuron Pp = pp_psc_delta { I_e: 150 pA, c_2: 10 Hz, tau_sfa: [50] ms, q_sfa: [2] mV, dead_time: 2 ms, dead_time_shape: 2 };

    population izh = Izh[100];
    population published = Published[100];
    population htum = Htum[100];
    population mat = Mat[100];
    population amat = Amat[100];
    population gif = Gif[100];
    population pp = Pp[100];

    stimulate jumps = poisson_generator { rate: 800 Hz } -> izh, published, pp
        via static_synapse { weight: 1 mV, delay: 1 ms };
    stimulate currents = poisson_generator { rate: 800 Hz } -> htum, mat, amat, gif
        via static_synapse { weight: 40 pA, delay: 1 ms };

    connect izh -> htum: fixed_indegree(10), via static_synapse { weight: 100 pA, delay: 1.5 ms };
    connect htum -> mat: fixed_indegree(10), via static_synapse { weight: -100 pA, delay: 1 ms };
    connect mat -> pp: fixed_indegree(10), via static_synapse { weight: 0.5 mV, delay: 2 ms };

    record izh_spikes = spike_recorder <- izh;
    record published_spikes = spike_recorder <- published;
    record htum_spikes = spike_recorder <- htum;
    record mat_spikes = spike_recorder <- mat;
    record amat_spikes = spike_recorder <- amat;
    record gif_spikes = spike_recorder <- gif;
    record pp_spikes = spike_recorder <- pp;
    record izh_trace = multimeter { interval: 1 ms, record_from: [V_m, U_m] } <- izh[0..2];
    record mat_trace = multimeter { interval: 1 ms, record_from: [V_m, V_th] } <- mat[0..2];
    record amat_trace = multimeter { interval: 1 ms, record_from: [V_th, V_th_v, I_syn_ex] } <- amat[0..2];
    record gif_trace = multimeter { interval: 1 ms, record_from: [E_sfa, I_stc] } <- gif[0..2];
    record pp_trace = multimeter { interval: 1 ms, record_from: [V_m, E_sfa] } <- pp[0..2];
}

#[test]
fn the_file_holds_the_macro_invocation_token_for_token() {
    let file: proc_macro2::TokenStream =
        std::fs::read_to_string(NET_FILE).unwrap().parse().unwrap();
    let text = std::fs::read_to_string(file!()).unwrap();
    let start = text.find("network! {").unwrap() + "network! {".len();
    let end = start + text[start..].find("\n}\n").unwrap();
    let body: proc_macro2::TokenStream = text[start..end].parse().unwrap();
    assert_eq!(file.to_string(), body.to_string());
}

#[test]
fn macro_and_loader_give_the_same_spikes_and_samples() {
    let parsed =
        parse(&Source::read(NET_FILE.as_ref()).unwrap()).unwrap_or_else(|e| panic!("{e:?}"));
    let mut by_macro = ExactModels::build(Seed(5)).unwrap();
    let mut loaded = build(&parsed.description, Seed(5), &Inputs::default()).unwrap();
    by_macro.simulate(500.0).unwrap();
    loaded.network.simulate(500.0).unwrap();
    let (m, l) = (by_macro.network(), &loaded.network);
    let spikes = [
        &by_macro.izh_spikes,
        &by_macro.published_spikes,
        &by_macro.htum_spikes,
        &by_macro.mat_spikes,
        &by_macro.amat_spikes,
        &by_macro.gif_spikes,
        &by_macro.pp_spikes,
    ];
    assert_eq!(spikes.len(), loaded.spike_recorders.len());
    for (h, (name, lh)) in spikes.into_iter().zip(&loaded.spike_recorders) {
        let (a, b) = (m.spikes(h), l.spikes(lh));
        assert!(a.len() > 50, "{name}: {} spikes", a.len());
        assert_eq!(a.senders(), b.senders(), "senders of {name}");
        assert_eq!(a.steps(), b.steps(), "spike times of {name}");
    }
    let meters = [
        &by_macro.izh_trace,
        &by_macro.mat_trace,
        &by_macro.amat_trace,
        &by_macro.gif_trace,
        &by_macro.pp_trace,
    ];
    assert_eq!(meters.len(), loaded.multimeters.len());
    for (h, (name, lh)) in meters.into_iter().zip(&loaded.multimeters) {
        let (a, b) = (m.samples(h), l.samples(lh));
        assert_eq!(a.record_from(), b.record_from(), "{name}");
        for &var in a.record_from() {
            assert_eq!(a.values(var), b.values(var), "{name}: {}", var.name());
        }
    }
}

#[test]
fn the_macro_built_network_exports_the_same_script_as_the_file() {
    let options = ExportOptions::default();
    let by_macro = ExactModels::build(Seed(5))
        .unwrap()
        .export_pynest(&options)
        .unwrap();
    let parsed = parse(&Source::read(NET_FILE.as_ref()).unwrap()).unwrap();
    let loaded = build(&parsed.description, Seed(5), &Inputs::default()).unwrap();
    let cells = export::cells(
        &parsed.description,
        &loaded.network,
        &[],
        parsed.name.as_deref().unwrap(),
        &parsed.docs,
        &options,
    )
    .unwrap();
    let script = export::pynest(&cells);
    assert_eq!(by_macro, script);
    for needle in [
        r#""izhikevich""#,
        r#""consistent_integration": False"#,
        r#""iaf_psc_exp_htum""#,
        r#""t_ref_tot": 5.0"#,
        r#""amat2_psc_exp""#,
        r#""gif_psc_exp""#,
        r#""tau_stc": [50.0]"#,
        r#""pp_psc_delta""#,
        r#""V_th_v""#,
        r#""I_stc""#,
    ] {
        assert!(script.contains(needle), "{needle} missing from the script");
    }
    // NEST holds `dead_time_shape` as an integer and refuses a float there.
    assert!(script.contains(r#""dead_time_shape": 2"#), "{script}");
    assert!(!script.contains(r#""dead_time_shape": 2.0"#), "{script}");
}
