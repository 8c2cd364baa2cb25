//! Rate neurons and rate connections in the checks: a rate network is accepted, and a
//! connection mixing rates and spikes, which NEST refuses at `Connect`, is an error
//! naming both models and the fix.

use network_syntax::parse;
use proc_macro2::TokenStream;

fn errors(text: &str) -> Vec<String> {
    let tokens: TokenStream = text.parse().expect("the text lexes");
    match parse(tokens) {
        Ok(_) => Vec::new(),
        Err(d) => d.into_iter().map(|d| d.text()).collect(),
    }
}

#[test]
fn a_rate_network_is_accepted() {
    let text = "use_wfr = false;
        neuron r = lin_rate_ipn { tau: 10 ms, linear_summation: false };
        population p = r[10];
        connect p -> p: all_to_all via rate_connection_delayed { weight: 0.1, delay: 1 ms };
        record m = multimeter { record_from: [rate], interval: 1 ms } <- p[0..2];";
    let d = parse(text.parse().unwrap())
        .unwrap_or_else(|e| panic!("{:?}", e.iter().map(|d| d.text()).collect::<Vec<_>>()));
    assert_eq!(d.rate.kernel, [("use_wfr", 0.0)]);
    assert_eq!(
        d.rate.neurons[0].params,
        [("tau", 10.0), ("linear_summation", 0.0)]
    );
    assert_eq!(d.rate.populations[0].size, 10);
    assert_eq!(d.rate.multimeters[0].indices, Some(vec![0, 1]));
    assert!(d.populations.is_empty());
}

#[test]
fn a_rate_connection_onto_spiking_neurons_is_refused() {
    let e = errors(
        "neuron n = iaf_psc_alpha {}; population p = n[10];
         connect p -> p: all_to_all via rate_connection_delayed { weight: 0.1, delay: 1 ms };",
    );
    assert!(
        e.iter().any(
            |m| m.contains("`rate_connection_delayed` is a rate connection model")
                && m.contains("iaf_psc_alpha")
        ),
        "{e:?}"
    );
}

#[test]
fn a_spike_synapse_onto_rate_neurons_names_both_models() {
    let e = errors(
        "neuron r = tanh_rate_ipn {}; population p = r[2];
         connect p -> p: all_to_all via static_synapse { weight: 1 pA, delay: 1 ms };",
    );
    assert!(
        e.iter()
            .any(|m| m.contains("`static_synapse` carries spikes")
                && m.contains("tanh_rate_ipn")
                && m.contains("rate_connection_delayed")),
        "{e:?}"
    );
}

#[test]
fn spiking_and_rate_populations_are_not_connected() {
    let e = errors(
        "neuron n = iaf_psc_alpha {}; neuron r = sigmoid_rate_ipn { g: 2 };
         population a = n[2]; population b = r[2];
         connect a -> b: all_to_all via rate_connection_delayed { weight: 1, delay: 1 ms };",
    );
    assert!(
        e.iter().any(|m| m.contains("cannot connect `a` (iaf_psc_alpha, a spiking neuron) to `b` (sigmoid_rate_ipn, a rate neuron)")),
        "{e:?}"
    );
}

#[test]
fn nest_checks_of_rate_parameters_and_settings_point_at_the_value() {
    let e = errors("neuron r = lin_rate_ipn { tau: -1 ms }; population p = r[1];");
    assert!(e.iter().any(|m| m.contains("tau")), "{e:?}");
    let e = errors("neuron r = lin_rate_ipn { sigma: -0.5 }; population p = r[1];");
    assert!(
        e.iter().any(|m| m.contains("sigma") && m.contains("-0.5")),
        "{e:?}"
    );
    let e = errors("resolution = 0.1 ms; wfr_comm_interval = 0.05 ms;");
    assert!(e.iter().any(|m| m.contains("wfr_comm_interval")), "{e:?}");
    let e = errors("wfr_interpolation_order = 2;");
    assert!(e.iter().any(|m| m.contains("0, 1 or 3")), "{e:?}");
    let e = errors("neuron r = lin_rate_ipn { tau: 1 mV }; population p = r[1];");
    assert!(e.iter().any(|m| m.contains("`tau` is a time")), "{e:?}");
}

#[test]
fn rate_neurons_record_rate_and_noise_only() {
    let e = errors(
        "neuron r = lin_rate_ipn {}; population p = r[2];
         record m = multimeter { record_from: [V_m] } <- p;
         record s = spike_recorder <- p;
         stimulate d = poisson_generator { rate: 10 Hz } -> p via static_synapse { weight: 1 pA, delay: 1 ms };",
    );
    assert!(
        e.iter()
            .any(|m| m.contains("record `rate` and `noise` only")),
        "{e:?}"
    );
    assert!(
        e.iter().any(|m| m.contains("rate neurons do not spike")),
        "{e:?}"
    );
    assert!(
        e.iter()
            .any(|m| m.contains("cannot drive rate population `p`")),
        "{e:?}"
    );
}
