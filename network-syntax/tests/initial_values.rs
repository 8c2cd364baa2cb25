//! `population .. with { .. }`: each neuron's initial state and parameters, checked
//! before anything is built. A wrong dimension names the parameter, the expected and
//! the given unit at the value's tokens; names outside the model's table, positions of
//! a population without positions, axes beyond the layer's, and a pair's names
//! (`distance`, `source.x`) are errors.

use network_syntax::parse;
use proc_macro2::TokenStream;

/// `(message, line of the error's span)` of each diagnostic.
fn diagnostics(text: &str) -> Vec<(String, usize)> {
    let tokens: TokenStream = text.parse().expect("the text lexes");
    match parse(tokens) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics
            .into_iter()
            .map(|d| (d.message, d.span.start.start().line))
            .collect(),
    }
}

fn with(values: &str) -> Vec<(String, usize)> {
    diagnostics(&format!(
        "neuron Cell = iaf_psc_alpha;
         population sheet = Cell[20] on grid([5, 4], extent: [1, 1] mm) with {{
         {values}
         }};
         population plain = Cell[3] with {{ I_e: 10 pA }};"
    ))
}

#[test]
fn positions_numbers_and_random_terms_are_accepted() {
    assert_eq!(
        with(
            "V_m: -70 mV + 5 mV * x / 1 mm, V_th: uniform(-55 mV, -50 mV),
             I_e: if(y > 0 mm, 10 pA * exp(-x / 200 um), 0 pA), tau_m: lognormal(2.3, 0.1),
             C_m: 200 pF + exponential(50 pF), V_reset: clip(normal(-70 mV, 2 mV), -75 mV, -65 mV)"
        ),
        vec![]
    );
}

#[test]
fn a_wrong_dimension_names_the_parameter_and_both_units() {
    let d = with("V_th: -55 mV + 3 pA * x / 1 mm");
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].0.contains("cannot add"), "{d:?}");
    let d = with("V_m: 5 pA * x / 1 mm");
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].0.contains("`V_m`") && d[0].0.contains("voltage") && d[0].0.contains("current"),
        "{d:?}"
    );
    assert_eq!(d[0].1, 3, "{d:?}");
}

#[test]
fn names_outside_the_model_and_the_neurons_position_are_errors() {
    assert!(with("V_x: -70 mV")[0].0.contains("V_x"));
    assert!(with("V_m: -70 mV + 1 mV * z / 1 mm")[0]
        .0
        .contains("reads the z coordinate"));
    assert!(with("V_m: -70 mV + 1 mV * distance / 1 mm")[0]
        .0
        .contains("unknown name `distance`"));
    assert!(with("V_m: -70 mV + 1 mV * source.x / 1 mm")[0]
        .0
        .contains("its own position"));
    let d = diagnostics(
        "neuron Cell = iaf_psc_alpha;
         population plain = Cell[3] with { V_m: -70 mV + 1 mV * x / 1 mm };",
    );
    assert!(d[0].0.contains("has none"), "{d:?}");
}
