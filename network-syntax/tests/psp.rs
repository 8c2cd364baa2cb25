//! Weights given as PSP heights (`psp(..)`) become the PSC amplitudes of the target's
//! model in the checked description. Oracles: Brunel's J_ex = 20.68015524367846 pA for
//! 0.1 mV (NEST's brunel_alpha_nest.py), the microcircuit's 0.15 mV onto iaf_psc_exp by
//! hand (ρ = 5/9.5 ms, r = 1/20: 0.15 / (ρ/250 · (r^{1/19} − r^{20/19})) pA), the
//! identity onto iaf_psc_delta; NEST's measured peaks in network-spec/tests/psp_nest.rs.

use network_syntax::description::{Description, StimulusDesc, Value, ValueDesc, Wiring};
use network_syntax::parse;
use proc_macro2::TokenStream;

fn check(text: &str) -> Result<Description, Vec<String>> {
    let tokens: TokenStream = text.parse().expect("the text lexes");
    parse(tokens).map_err(|d| d.into_iter().map(|d| d.message).collect())
}

/// The weights of the connections and stimulators, in source order.
fn weights(d: &Description) -> Vec<Value> {
    d.wiring
        .iter()
        .filter_map(|w| match w {
            Wiring::Projection(p) => Some(p.synapse.weight.clone()),
            Wiring::Stimulator(s) => Some(s.synapse.weight.clone()),
            Wiring::Recorder(_) => None,
        })
        .map(|w| match w {
            ValueDesc::Known(v) => v,
            other => panic!("not computed: {other:?}"),
        })
        .collect()
}

fn constant(v: Value) -> f64 {
    v.constant().expect("a constant weight")
}

const BRUNEL: &str = "
    neuron Lif = iaf_psc_alpha {
        C_m: 250 pF, tau_m: 20 ms, tau_syn_ex: 0.5 ms, tau_syn_in: 0.5 ms, t_ref: 2 ms,
        E_L: 0 mV, V_reset: 0 mV, V_m: 0 mV, V_th: 20 mV,
    };
    population exc = Lif[10];
";

#[test]
fn brunel_alpha_weight_by_hand() {
    let d = check(&format!(
        "{BRUNEL} connect exc -> exc: fixed_indegree(2), via static_synapse {{ weight: psp(0.1 mV), delay: 1.5 ms }};"
    ))
    .unwrap();
    let w = constant(weights(&d)[0].clone());
    assert!((w - 20.68015524367846).abs() < 1e-11, "{w}");
}

#[test]
fn named_synapse_is_converted_per_target_and_sign() {
    let text = "
        neuron Exp = iaf_psc_exp { tau_m: 10 ms, tau_syn_ex: 0.5 ms, tau_syn_in: 2 ms };
        neuron Jump = iaf_psc_delta;
        synapse ex = static_synapse { weight: psp(0.15 mV), delay: 1.5 ms };
        synapse inh = static_synapse { weight: psp(-0.6 mV), delay: 0.8 ms };
        population a = Exp[10];
        population b = Jump[10];
        connect a -> a: fixed_indegree(2), via ex;
        connect a -> b: fixed_indegree(2), via ex;
        connect a -> a: fixed_indegree(2), via inh;
    ";
    let w: Vec<f64> = weights(&check(text).unwrap())
        .into_iter()
        .map(constant)
        .collect();
    let peak = |tau_s: f64| {
        let (tau_m, c_m) = (10.0_f64, 250.0);
        let r = tau_s / tau_m;
        let rho = tau_m * tau_s / (tau_m - tau_s);
        rho / c_m * (r.powf(tau_s / (tau_m - tau_s)) - r.powf(tau_m / (tau_m - tau_s)))
    };
    assert!((w[0] - 0.15 / peak(0.5)).abs() < 1e-12 * w[0], "{}", w[0]);
    assert!((w[0] - 87.81).abs() < 0.01, "{}", w[0]);
    assert_eq!(w[1], 0.15, "onto iaf_psc_delta the weight is the jump");
    assert!(
        (w[2] + 0.6 / peak(2.0)).abs() < 1e-12 * w[2].abs(),
        "{}",
        w[2]
    );
}

#[test]
fn distribution_of_heights_scales_every_parameter() {
    let d = check(&format!(
        "{BRUNEL} connect exc -> exc: fixed_indegree(2), via static_synapse {{
            weight: psp(normal(mean: 0.1 mV, std: 0.01 mV, min: 0 mV)), delay: 1.5 ms }};"
    ))
    .unwrap();
    let f = 20.68015524367846 / 0.1;
    match weights(&d)[0].clone() {
        Value::Normal {
            mean,
            std,
            min,
            max,
        } => {
            assert!((mean - 0.1 * f).abs() < 1e-10);
            assert!((std - 0.01 * f).abs() < 1e-11);
            assert_eq!(min, Some(0.0));
            assert_eq!(max, None);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn receptor_port_uses_its_tau_syn() {
    let text = "
        neuron Multi = iaf_psc_exp_multisynapse { tau_syn: [0.5, 5] ms };
        population m = Multi[5];
        stimulate drive = poisson_generator { rate: 10 Hz } -> m via static_synapse { weight: psp(1 mV), delay: 1 ms, receptor: 2 };
    ";
    let d = check(text).unwrap();
    let w = constant(weights(&d)[0].clone());
    let expected =
        network_spec::psp::weight_for_psp(1.0, network_spec::psp::PscShape::Exp, 10.0, 250.0, 5.0);
    assert_eq!(w, expected);
    assert!(matches!(
        &d.wiring[0],
        Wiring::Stimulator(s) if matches!(s.kind, StimulusDesc::Poisson { .. })
    ));
}

#[test]
fn mistakes_are_reported() {
    let cases = [
        (
            "neuron C = iaf_cond_exp; population c = C[3]; connect c -> c: all_to_all, via static_synapse { weight: psp(0.1 mV) };",
            "a PSP weight is defined for current-based LIF targets",
        ),
        (
            "neuron C = iaf_psc_exp; population c = C[3]; connect c -> c: all_to_all, via static_synapse { weight: psp(5 pA) };",
            "`psp` is a voltage, but `pA` is a unit of a current",
        ),
        (
            "neuron C = iaf_psc_exp; population c = C[3]; connect c -> c: all_to_all, via static_synapse { weight: psp(0.1) };",
            "`psp(..)` needs a unit",
        ),
        (
            "neuron C = iaf_psc_exp; population c = C[3]; connect c -> c: all_to_all, via static_synapse { weight: 1 pA, delay: psp(1 mV) };",
            "`psp(..)` gives a weight, not `delay`",
        ),
        (
            "neuron C = iaf_psc_exp; neuron D = iaf_psc_exp { C_m: 100 pF }; population c = C[3]; population e = D[3];
             stimulate s = poisson_generator { rate: 5 Hz } -> c, e via static_synapse { weight: psp(0.1 mV) };",
            "another amplitude than the first target",
        ),
    ];
    for (text, expected) in cases {
        let found = check(text).unwrap_err();
        assert!(
            found.iter().any(|m| m.contains(expected)),
            "{expected:?} not in {found:?}"
        );
    }
}
