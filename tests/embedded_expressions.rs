//! A description with Rust expressions, embedded by `network!` for its export: the
//! expressions' values reach the exported script and their tokens the embedded
//! description, also where `network!` is written inside a `macro_rules!` (tokens such as
//! `$crate`, printed by rustc and read again by proc_macro2 when the program runs).

use network::export::ExportOptions;
use network::prelude::*;

/// The weight of the wrapped network's synapses, pA.
pub const WRAPPED_WEIGHT_PA: f64 = 12.5;

/// A network written by a `macro_rules!` macro, its weight an expression of `$crate`.
macro_rules! wrapped_network {
    () => {
        network! {
            pub struct Wrapped;
            neuron Cell = iaf_psc_alpha;
            population cells = Cell[10];
            connect cells -> cells: fixed_indegree(2),
                via static_synapse { weight: {$crate::WRAPPED_WEIGHT_PA * 2.0} pA, delay: 1 ms };
        }
    };
}

wrapped_network!();

network! {
    pub struct Plain;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    stimulate drive = poisson_generator { rate: {rate_hz()} Hz } -> cells
        via static_synapse { weight: 5 pA, delay: 1 ms };
}

fn rate_hz() -> f64 {
    250.0 + 0.5
}

#[test]
fn an_expressions_tokens_and_value_reach_the_description_and_the_script() {
    let d = Plain::description();
    assert_eq!(d.exprs.len(), 1);
    assert_eq!(d.exprs[0].tokens.to_string(), "rate_hz ()");
    let net = Plain::build(Seed(1)).unwrap();
    let script = net.export_pynest(&ExportOptions::default()).unwrap();
    assert!(script.contains("\"rate\": 250.5"), "{script}");
}

#[test]
fn a_network_written_by_a_macro_rules_exports_its_value() {
    let d = Wrapped::description();
    assert_eq!(d.exprs.len(), 1);
    assert_eq!(
        d.exprs[0].tokens.to_string(),
        "$ crate :: WRAPPED_WEIGHT_PA * 2.0"
    );
    let net = Wrapped::build(Seed(1)).unwrap();
    let script = net.export_pynest(&ExportOptions::default()).unwrap();
    assert!(script.contains("\"weight\": 25.0,"), "{script}");
}
