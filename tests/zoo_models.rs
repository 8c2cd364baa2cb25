//! The models of issue 12 whose `network!` front end had no test of its own, written
//! with the macro and read by the loader from the `.net` files that hold the same tokens
//! (each file run on NEST 3.10 by `network-load/tests/nest_export.rs` and `rate_export.rs`,
//! so the loader is the oracle here): the same seed gives the same spikes, multimeter
//! samples, weight-recorder events and synapses (weights and plastic state included),
//! bit for bit, and the same exported PyNEST script.
//!
//! - `gsl_models.net`: iaf_cond_beta, hh_cond_exp_traub, hh_psc_alpha, aeif_psc_exp,
//!   aeif_psc_alpha and aeif_psc_delta under Poisson drive and input from one another;
//! - `plastic_zoo.net`: aeif_cond_beta_multisynapse (three ports; static, stdp and
//!   vogels_sprekeler synapses onto them; `tau_minus`), gif_cond_exp,
//!   stdp_triplet_synapse and vogels_sprekeler_synapse, driven deterministically;
//! - `threshold_lin_rates.net`: threshold_lin_rate_ipn with linear drive, instantaneous
//!   and delayed rate connections.

mod parity;

use network::export::ExportOptions;
use network::prelude::*;
use network::Recordable;
use parity::*;

network! {
    /// The other models NEST integrates with GSL's RKF45, each with the weight unit it
    /// takes: nS onto iaf_cond_beta and hh_cond_exp_traub, pA onto hh_psc_alpha and
    /// aeif_psc_exp/alpha, mV onto aeif_psc_delta.
    pub struct GslModels;

    resolution = 0.1 ms;
    seed = 13;

    neuron Beta = iaf_cond_beta { I_e: 200 pA, tau_rise_ex: 0.5 ms, tau_decay_ex: 3 ms };
    neuron Traub = hh_cond_exp_traub { I_e: 100 pA };
    neuron Hh = hh_psc_alpha { I_e: 200 pA };
    neuron AdExp = aeif_psc_exp { I_e: 600 pA, t_ref: 1 ms };
    neuron AdAlpha = aeif_psc_alpha { I_e: 400 pA };
    neuron AdDelta = aeif_psc_delta { I_e: 400 pA, t_ref: 2 ms };
    population beta = Beta[40];
    population traub = Traub[40];
    population hh = Hh[40];
    population adexp = AdExp[40];
    population adalpha = AdAlpha[40];
    population addelta = AdDelta[40];

    stimulate cond_drive = poisson_generator { rate: 3000 Hz } -> beta, traub
        via static_synapse { weight: 3 nS, delay: 1 ms };
    stimulate current_drive = poisson_generator { rate: 3000 Hz } -> hh, adexp, adalpha
        via static_synapse { weight: 150 pA, delay: 1 ms };
    stimulate jump_drive = poisson_generator { rate: 3000 Hz } -> addelta
        via static_synapse { weight: 0.5 mV, delay: 1 ms };
    connect inh = hh -> traub: fixed_indegree(5), via static_synapse { weight: -10 nS, delay: 1 ms };
    connect exc = beta -> addelta: fixed_indegree(5), via static_synapse { weight: 1 mV, delay: 1 ms };
    record beta_spikes = spike_recorder <- beta;
    record traub_spikes = spike_recorder <- traub;
    record hh_spikes = spike_recorder <- hh;
    record adexp_spikes = spike_recorder <- adexp;
    record adalpha_spikes = spike_recorder <- adalpha;
    record addelta_spikes = spike_recorder <- addelta;
    record gates = multimeter { interval: 1 ms, record_from: [V_m, Act_m, Inact_h, Act_n] } <- hh[0..2];
}

network! {
    /// Deterministic drive (spike generators through parrots, a DC step) onto the models of
    /// issue 12 whose front ends had no NEST test of their own: aeif_cond_beta_multisynapse
    /// with three receptor ports fed by static, stdp and vogels_sprekeler synapses (its
    /// tau_minus set), gif_cond_exp in the deterministic limit of its escape rule (lambda_0
    /// 1e6 Hz, Delta_V 1e-5 mV) under stdp_triplet synapses, and stdp_triplet and
    /// vogels_sprekeler synapses onto current-based cells.
    pub struct PlasticZoo;

    resolution = 0.1 ms;
    seed = 21;

    neuron Parrot = parrot_neuron;
    neuron Beta = aeif_cond_beta_multisynapse {
        E_rev: [0, 0, -80] mV, tau_rise: [0.2, 2, 0.5] ms, tau_decay: [2, 50, 8] ms,
        I_e: 300 pA, tau_minus: 25 ms,
    };
    neuron Gif = gif_cond_exp {
        I_e: 150 pA, lambda_0: 1e6 Hz, Delta_V: 1e-5 mV, V_T_star: -50 mV,
        tau_sfa: [10, 100] ms, q_sfa: [5, 2] mV, tau_stc: [5, 50] ms, q_stc: [20, 5] pA,
        tau_minus: 15 ms, tau_minus_triplet: 90 ms,
    };
    neuron Cell = iaf_psc_alpha { I_e: 376 pA, tau_minus: 20 ms, tau_minus_triplet: 80 ms };

    population pre = Parrot[4];
    population beta = Beta[3];
    population gif = Gif[3];
    population cells = Cell[3];

    stimulate early = spike_generator {
        spike_times: [10, 30, 50, 70, 90, 110, 111, 112, 150, 200, 201, 250, 311.5, 350] ms,
    } -> pre[0..2] via static_synapse { weight: 1 pA, delay: 1 ms };
    stimulate late = spike_generator {
        spike_times: [15, 33, 61, 84, 101, 140, 141, 142, 143, 220, 260, 261, 330, 380] ms,
    } -> pre[2..4] via static_synapse { weight: 1 pA, delay: 1 ms };
    stimulate step = dc_generator { amplitude: 100 pA, start: 100 ms, stop: 150 ms } -> gif[0..1], beta[1..2]
        via static_synapse { weight: 1, delay: 1 ms };

    connect ampa = pre -> beta: all_to_all, via static_synapse { weight: 4 nS, delay: 1 ms, receptor: 1 };
    connect nmda = pre[0..2] -> beta: all_to_all,
        via stdp_synapse { weight: 2 nS, delay: 1.5 ms, receptor: 2, lambda: 0.1, Wmax: 10 nS };
    connect gaba = pre[2..4] -> beta: all_to_all,
        via vogels_sprekeler_synapse { weight: 3 nS, delay: 1 ms, receptor: 3, Wmax: 12 nS, eta: 0.5, alpha: 0.3, tau: 25 ms };
    connect triplet_gif = pre -> gif: all_to_all,
        via stdp_triplet_synapse { weight: 5 nS, delay: 1 ms, Aplus: 0.5, Aminus: 0.4, Aplus_triplet: 0.3, Aminus_triplet: 0.1, Wmax: 20 nS };
    connect triplet = pre -> cells: all_to_all,
        via stdp_triplet_synapse { weight: 50 pA, delay: 1 ms, Aplus: 0.5, Aminus: 0.4, Aplus_triplet: 0.3, Aminus_triplet: 0.1, Wmax: 200 pA };
    connect inhibitory = pre[2..4] -> cells: all_to_all,
        via vogels_sprekeler_synapse { weight: -20 pA, delay: 1.5 ms, Wmax: -60 pA, eta: 0.5, alpha: 0.3, tau: 20 ms };
    connect shunt = beta -> gif: all_to_all, via static_synapse { weight: -3 nS, delay: 2 ms };
    connect relay = gif -> cells: one_to_one, via static_synapse { weight: 80 pA, delay: 1 ms };

    record pre_spikes = spike_recorder <- pre;
    record beta_spikes = spike_recorder <- beta;
    record gif_spikes = spike_recorder <- gif;
    record cell_spikes = spike_recorder <- cells;
    record ports = multimeter { interval: 1 ms, record_from: [V_m, w, g_1, g_2, g_3] } <- beta;
    record escape = multimeter { interval: 1 ms, record_from: [V_m, E_sfa, I_stc, g_ex, g_in] } <- gif;
    record learning = weight_recorder <- triplet;
}

network! {
    // threshold_lin_rate_ipn without noise: its threshold (theta), gain (g) and saturation
    // (alpha) crossed as the input rises, applied to the summed input and to each input
    // (linear_summation off) with a rectified output, in a loop of instantaneous rate
    // connections (waveform relaxation, interval 0.5 ms) and delayed ones. Run on NEST by
    // network-load/tests/rate_export.rs; written with `network!` in tests/zoo_models.rs.

    /// threshold_lin_rate_ipn under linear drive, instantaneous and delayed.
    pub struct ThresholdLinRates;

    resolution = 0.1 ms;
    wfr_comm_interval = 0.5 ms;
    wfr_tol = 0.01;
    wfr_max_iterations = 5;

    neuron Drive = lin_rate_ipn { tau: 4 ms, mu: 1, rate: 0.2, sigma: 0 };
    /// Silent below theta 0.3, saturated at alpha 1.5.
    neuron Thr = threshold_lin_rate_ipn { tau: 5 ms, g: 2, theta: 0.3, alpha: 1.5, mu: 0.1, sigma: 0 };
    /// The nonlinearity on each input rate, the output kept at or above 0.05.
    neuron Rect = threshold_lin_rate_ipn {
        tau: 3 ms, g: 1.2, theta: -0.1, lambda: 0.5, linear_summation: false,
        rectify_output: true, rectify_rate: 0.05, rate: 0.4, sigma: 0,
    };

    population drive = Drive[2];
    population thr = Thr[3];
    population rect = Rect[3];

    connect drive -> thr: all_to_all via rate_connection_instantaneous { weight: 0.6 };
    connect rect -> thr: pairs([[0, 0], [2, 1]]) via rate_connection_instantaneous { weight: 0.3 };
    connect thr -> rect: all_to_all via rate_connection_delayed { weight: -0.8, delay: 1.5 ms };
    connect drive -> rect: all_to_all via rate_connection_delayed { weight: 0.9, delay: 1 ms };

    record drive_rates = multimeter { record_from: [rate, noise], interval: 0.1 ms } <- drive;
    record thr_rates = multimeter { record_from: [rate, noise], interval: 0.1 ms } <- thr;
    record rect_rates = multimeter { record_from: [rate, noise], interval: 0.1 ms } <- rect;
}

#[test]
fn the_files_hold_the_macro_invocations_token_for_token() {
    files_hold_the_macro_invocations(
        &std::fs::read_to_string(file!()).unwrap(),
        &[
            ("gsl_models.net", "GslModels"),
            ("plastic_zoo.net", "PlasticZoo"),
            ("threshold_lin_rates.net", "ThresholdLinRates"),
        ],
    );
}

#[test]
fn gsl_models_from_the_macro_and_the_loader_agree_bit_for_bit() {
    let mut by_macro = GslModels::build(Seed(5)).unwrap();
    let mut loaded = load("gsl_models.net", 5);
    by_macro.simulate(300.0).unwrap();
    loaded.network.simulate(300.0).unwrap();
    let m = &by_macro;
    let (spikes, samples, synapses) = same_network(
        20,
        m.network(),
        &[
            &m.beta_spikes,
            &m.traub_spikes,
            &m.hh_spikes,
            &m.adexp_spikes,
            &m.adalpha_spikes,
            &m.addelta_spikes,
        ],
        &[&m.gates],
        &[&m.inh, &m.exc],
        &loaded,
    );
    eprintln!("gsl_models: {spikes} spikes, {samples} samples, {synapses} synapses identical");
}

#[test]
fn the_plastic_zoo_from_the_macro_and_the_loader_agrees_bit_for_bit() {
    let mut by_macro = PlasticZoo::build(Seed(5)).unwrap();
    let mut loaded = load("plastic_zoo.net", 5);
    by_macro.simulate(400.0).unwrap();
    loaded.network.simulate(400.0).unwrap();
    let m = &by_macro;
    let (spikes, samples, synapses) = same_network(
        20,
        m.network(),
        &[&m.pre_spikes, &m.beta_spikes, &m.gif_spikes, &m.cell_spikes],
        &[&m.ports, &m.escape],
        &[
            &m.ampa,
            &m.nmda,
            &m.gaba,
            &m.triplet_gif,
            &m.triplet,
            &m.inhibitory,
            &m.shunt,
            &m.relay,
        ],
        &loaded,
    );
    // The plastic synapses' weights moved, and the weight recorder saw each move.
    let moved = |h: &network::ProjectionHandle| {
        m.network()
            .connections(h)
            .iter()
            .filter(|c| c.weight.fract() != 0.0)
            .count()
    };
    for h in [&m.nmda, &m.gaba, &m.triplet_gif, &m.triplet, &m.inhibitory] {
        assert!(moved(h) > 0);
    }
    let (a, b) = (
        m.network().weights_recorded(&m.learning),
        loaded
            .network
            .weights_recorded(&loaded.weight_recorders[0].1),
    );
    assert!(a.len() > 100, "{} weight events", a.len());
    assert_eq!(
        (a.senders(), a.targets(), a.steps()),
        (b.senders(), b.targets(), b.steps())
    );
    let bits = |w: &[f64]| w.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(a.weights()), bits(b.weights()));
    eprintln!(
        "plastic_zoo: {spikes} spikes, {samples} samples, {synapses} synapses, {} weight events identical",
        a.len()
    );
}

#[test]
fn threshold_linear_rates_from_the_macro_and_the_loader_agree_bit_for_bit() {
    let mut by_macro = ThresholdLinRates::build(Seed(1)).unwrap();
    let mut loaded = load("threshold_lin_rates.net", 1);
    by_macro.simulate(40.0).unwrap();
    loaded.network.simulate(40.0).unwrap();
    let m = &by_macro;
    let meters = [&m.drive_rates, &m.thr_rates, &m.rect_rates];
    assert_eq!(meters.len(), loaded.rate.multimeters.len());
    let mut n = 0;
    for (h, (name, lh)) in meters.into_iter().zip(&loaded.rate.multimeters) {
        let (a, b) = (m.rate_samples(h), loaded.network.rate_samples(lh));
        assert!(a.values(Recordable::rate).is_some(), "{name}");
        n += same_samples(a, b, name);
    }
    assert_eq!(n, 8 * 400 * 2);
    eprintln!("threshold_lin_rates: {n} values identical");
}

#[test]
fn the_macro_built_networks_export_the_scripts_of_their_files() {
    let options = ExportOptions::default();
    let script = GslModels::build(Seed(5))
        .unwrap()
        .export_pynest(&options)
        .unwrap();
    assert_eq!(
        script,
        exported("gsl_models.net", &load("gsl_models.net", 5), &options)
    );
    let script = PlasticZoo::build(Seed(5))
        .unwrap()
        .export_pynest(&options)
        .unwrap();
    assert_eq!(
        script,
        exported("plastic_zoo.net", &load("plastic_zoo.net", 5), &options)
    );
    for needle in [
        r#""aeif_cond_beta_multisynapse""#,
        r#""tau_rise": [0.2, 2.0, 0.5]"#,
        r#""receptor_type": 3"#,
        r#""vogels_sprekeler_synapse""#,
        r#""gif_cond_exp""#,
        r#""stdp_triplet_synapse""#,
        r#""tau_minus_triplet": 90.0"#,
    ] {
        assert!(script.contains(needle), "{needle} missing from the script");
    }
    let script = ThresholdLinRates::build(Seed(1))
        .unwrap()
        .export_pynest(&options)
        .unwrap();
    let file = "threshold_lin_rates.net";
    assert_eq!(script, exported(file, &load(file, 1), &options));
    assert!(script.contains(r#""threshold_lin_rate_ipn""#), "{script}");
}
