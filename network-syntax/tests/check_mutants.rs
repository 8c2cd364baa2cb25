//! Tests written against the mutants of `check/` that survived network-syntax's other
//! tests (issue 17, `scripts/mutants.sh checks`). Each states the contract the mutant
//! broke; the expected texts are written out by hand from the language reference.

use network_syntax::description::Wiring;
use network_syntax::{parse, Description};
use proc_macro2::TokenStream;

fn errors(text: &str) -> Vec<String> {
    let tokens: TokenStream = text.parse().expect("the text lexes");
    match parse(tokens) {
        Ok(_) => Vec::new(),
        Err(d) => d.into_iter().map(|d| d.text()).collect(),
    }
}

fn accepted(text: &str) -> Description {
    parse(text.parse().expect("the text lexes"))
        .unwrap_or_else(|e| panic!("{:?}", e.iter().map(|d| d.text()).collect::<Vec<_>>()))
}

/// A name's errors say what kind of thing each name is: a duplicate names the kind it
/// was declared as and the kind being declared; a name of the wrong kind names both;
/// an unknown name names the kind looked for. A mutant describing every kind as ""
/// left all of them passing (the messages then panicked or lost their nouns).
#[test]
fn name_errors_name_the_kinds_involved() {
    let duplicate = errors("neuron n = iaf_psc_alpha {}; population n = n[10];");
    assert!(
        duplicate.iter().any(|e| e
            == "duplicate name `n`: already declared as a neuron model\n= help: give this population another name"),
        "{duplicate:?}"
    );
    let wrong_kind =
        errors("neuron n = iaf_psc_alpha {}; population p = n[10]; connect p -> n: all_to_all;");
    assert!(
        wrong_kind
            .iter()
            .any(|e| e.starts_with("`n` is a neuron model, not a population; ")),
        "{wrong_kind:?}"
    );
    let unknown =
        errors("neuron n = iaf_psc_alpha {}; population p = n[10]; connect p -> q: all_to_all;");
    assert!(
        unknown
            .iter()
            .any(|e| e.starts_with("cannot find population named `q`")),
        "{unknown:?}"
    );
}

/// A connection's `where { .. }` metadata is kept as text, each value in its unit
/// (docs/language.md, "`where { .. }` of a connection": `axon_radius` a length in mm,
/// `projection` a percentage, `boutons` a pure number, `axon_organisation` a word). A
/// mutant returning one made-up entry for any metadata passed.
#[test]
fn connection_metadata_is_kept_as_text_in_its_units() {
    let d = accepted(
        "neuron n = iaf_psc_alpha {}; population p = n[10];
         connect c = p -> p: fixed_indegree(2)
             where { axon_organisation: local, axon_radius: 2 mm, projection: 10 %, boutons: 40 };",
    );
    let meta = d
        .wiring
        .iter()
        .find_map(|w| match w {
            Wiring::Projection(p) => Some(p.meta.clone()),
            _ => None,
        })
        .expect("the connection");
    let mut meta = meta;
    meta.sort();
    let text = |k: &str, v: &str| (k.to_string(), v.to_string());
    assert_eq!(
        meta,
        [
            text("axon_organisation", "local"),
            text("axon_radius", "2 mm"),
            text("boutons", "40"),
            text("projection", "10 %"),
        ]
    );
    // Without `where`, no metadata.
    let d = accepted(
        "neuron n = iaf_psc_alpha {}; population p = n[10];
         connect c = p -> p: fixed_indegree(2);",
    );
    let Some(Wiring::Projection(p)) = d.wiring.first() else {
        panic!("the connection")
    };
    assert!(p.meta.is_empty(), "{:?}", p.meta);
}

/// A connection whose populations have errors still has its delay checked (it depends
/// on the resolution alone): 0.04 ms is under one step of the default 0.1 ms, so
/// besides the unknown population the delay is reported too. A mutant skipping this
/// check left the other tests passing.
#[test]
fn the_delay_is_checked_when_a_population_is_unknown() {
    let e = errors(
        "neuron n = iaf_psc_alpha {}; population p = n[10];
         connect c = p -> q: all_to_all, via static_synapse { weight: 1 pA, delay: 0.04 ms };",
    );
    assert!(
        e.iter()
            .any(|e| e.starts_with("cannot find population named `q`")),
        "{e:?}"
    );
    assert!(
        e.iter()
            .any(|e| e.starts_with("c: delay 0.04 ms is below the resolution (0.1 ms)")),
        "{e:?}"
    );
}

/// A cell class fixes the sign of its synapses' weights (docs/language.md: "the sign
/// its synapses' weights must have"): a negative weight from an excitatory cell and a
/// positive one from an inhibitory cell are errors; zero has either sign's right and is
/// accepted from both (the determinism test silences inhibition with `weight: 0 pA`).
/// A mutant refusing 0 pA from an excitatory cell passed.
#[test]
fn a_cell_class_refuses_the_wrong_sign_and_accepts_zero() {
    let net = |class: &str, weight: &str| {
        format!(
            "neuron c = iaf_psc_alpha where {{ class: {class} }}; population p = c[10];
             neuron n = iaf_psc_alpha {{}}; population q = n[10];
             connect p -> q: all_to_all, via static_synapse {{ weight: {weight}, delay: 1 ms }};"
        )
    };
    for class in ["excitatory", "inhibitory"] {
        let e = errors(&net(class, "0 pA"));
        assert!(e.is_empty(), "{class}, 0 pA: {e:?}");
    }
    let e = errors(&net("excitatory", "-1 pA"));
    assert!(
        e.iter()
            .any(|e| e
                .starts_with("`c` is declared excitatory, so its synapses need positive weights")),
        "{e:?}"
    );
    let e = errors(&net("inhibitory", "1 pA"));
    assert!(
        e.iter()
            .any(|e| e
                .starts_with("`c` is declared inhibitory, so its synapses need negative weights")),
        "{e:?}"
    );
}

/// A multimeter samples on the time grid: its interval must be a whole number of steps
/// (0.15 ms is 1.5 steps of the default 0.1 ms, refused; 0.3 ms is 3 steps, accepted).
/// A mutant accepting any interval not exactly 1e-9 steps off the grid passed.
#[test]
fn a_multimeter_interval_off_the_time_grid_is_refused() {
    let net = |interval: &str| {
        format!(
            "neuron n = iaf_psc_alpha {{}}; population p = n[10];
             record m = multimeter {{ record_from: [V_m], interval: {interval} }} <- p;"
        )
    };
    let e = errors(&net("0.15 ms"));
    assert!(
        e.iter().any(|e| e
            .starts_with("interval 0.15 ms is not a positive multiple of the resolution (0.1 ms)")),
        "{e:?}"
    );
    let e = errors(&net("0.3 ms"));
    assert!(e.is_empty(), "{e:?}");
}

/// An expression of the wrong dimension is named by what it gives: a weight (a current)
/// written as `2 * distance` gives a length. A mutant naming the first dimension that
/// differs instead of the one that matches passed.
#[test]
fn an_expression_of_the_wrong_dimension_names_what_it_gives() {
    let e = errors(
        "neuron n = iaf_psc_alpha {};
         population s = n[25] on grid([5, 5], extent: [1, 1] mm);
         connect s -> s: pairwise_bernoulli(1.0),
             via static_synapse { weight: 2 * distance, delay: 1 ms };",
    );
    assert!(
        e.iter()
            .any(|e| e.starts_with("`weight` is a current, but this expression gives a length")),
        "{e:?}"
    );
}
