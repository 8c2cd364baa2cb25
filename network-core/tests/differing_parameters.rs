//! Neurons whose parameters differ (a population with a parameter set per group of
//! neurons, `engine::param_sets`) receive their synaptic input through the same channels
//! as uniform ones: each postsynaptic potential follows its closed form.

use network_core::connect::{ConnSpec, Rule};
use network_core::*;

const C_M: f64 = 250.0; // pF
const TAU_M: f64 = 10.0; // ms
const TAU_EX: f64 = 2.0; // ms
const TAU_IN: f64 = 8.0; // ms
const E_L: f64 = -70.0; // mV

/// The membrane potential (mV) `t` ms after a current `w` (pA) jumps in and decays with
/// `tau_syn` (ms), from rest: the integral of `iaf_psc_exp`'s equations.
fn psp(w: f64, tau_syn: f64, t: f64) -> f64 {
    if t <= 0.0 {
        return 0.0;
    }
    w / C_M * TAU_M * tau_syn / (TAU_M - tau_syn) * ((-t / TAU_M).exp() - (-t / tau_syn).exp())
}

/// Two parrots repeat an excitatory spike (300 pA, sent at 1 ms) and an inhibitory one
/// (-200 pA, sent at 5 ms) onto two `iaf_psc_exp` neurons whose synaptic time constants
/// differ (2 and 8 ms), one of which has its own threshold; every delay is 1 ms, so the
/// currents start at 3 and 7 ms.
#[test]
fn excitatory_and_inhibitory_input_reach_their_own_time_constants() {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let parrots = b
        .population(
            "parrots",
            &Model::nest(ParrotNeuron::default()).unwrap(),
            Dyn(2),
        )
        .unwrap();
    let cell = IafPscExp {
        C_m: C_M,
        tau_m: TAU_M,
        tau_syn_ex: TAU_EX,
        tau_syn_in: TAU_IN,
        E_L,
        V_m: E_L,
        ..Default::default()
    };
    let cells = b
        .population("cells", &Model::nest(cell).unwrap(), Dyn(2))
        .unwrap();
    for (i, t) in [1.0, 5.0].into_iter().enumerate() {
        b.spike_generator(
            &format!("at_{i}"),
            SpikeGenerator {
                spike_times: vec![t],
                ..Default::default()
            },
            &[parrots.range(i..i + 1)],
            &StaticSynapse::new(1.0, 1.0),
        )
        .unwrap();
    }
    let one_to_all = ConnSpec::new(Rule::AllToAll);
    for (i, w) in [300.0, -200.0].into_iter().enumerate() {
        b.connect_selections(
            &format!("w_{i}"),
            &parrots.range(i..i + 1),
            &cells.all(),
            &one_to_all,
            StaticSynapse::new(w, 1.0),
        )
        .unwrap();
    }
    let vm = b
        .multimeter("vm", Multimeter::voltmeter(0.1), &[cells.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    net.set_neurons(&cells.range(1..2), "V_th", -50.0).unwrap();
    net.simulate(20.0).unwrap();
    let samples = net.samples(&vm);
    let values = samples.values(Recordable::V_m).unwrap();
    assert_eq!(samples.len(), 2 * 200, "0.1 to 20 ms, each neuron");
    for ((t, sender), v) in samples.times().iter().zip(samples.senders()).zip(values) {
        let want = E_L + psp(300.0, TAU_EX, t - 3.0) + psp(-200.0, TAU_IN, t - 7.0);
        assert!(
            (v - want).abs() < 1e-9,
            "neuron {sender} at {t} ms: {v} mV, closed form {want} mV"
        );
    }
}
