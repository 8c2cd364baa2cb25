//! Rate neurons and rate connections are named by the language's checks: the engine
//! builds them (`NetworkBuilder::rate_population`), the language does not have them
//! yet, and a spiking neuron never takes a rate connection (NEST's rule).

use network_syntax::parse;
use proc_macro2::TokenStream;

fn errors(text: &str) -> Vec<String> {
    let tokens: TokenStream = text.parse().expect("the text lexes");
    match parse(tokens) {
        Ok(_) => Vec::new(),
        Err(d) => d.into_iter().map(|d| d.message).collect(),
    }
}

#[test]
fn a_rate_neuron_model_is_named_as_such() {
    let e = errors("neuron r = lin_rate_ipn { tau: 10 ms }; population p = r[10];");
    assert!(
        e.iter()
            .any(|m| m.contains("`lin_rate_ipn` is a rate neuron model")),
        "{e:?}"
    );
}

#[test]
fn a_rate_connection_onto_spiking_neurons_is_refused() {
    let e = errors(
        "neuron n = iaf_psc_alpha {}; population p = n[10];
         connect p -> p: all_to_all via rate_connection_delayed { weight: 0.1, delay: 1 ms };",
    );
    assert!(
        e.iter()
            .any(|m| m.contains("`rate_connection_delayed` is a rate connection model")),
        "{e:?}"
    );
}
