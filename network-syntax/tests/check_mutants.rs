//! Tests written against the mutants of `check/` that survived network-syntax's other
//! tests (issue 17, `scripts/mutants.sh checks`). Each states the contract the mutant
//! broke; the expected texts are written out by hand from the language reference.

use network_spec::expression::{Expression, Medians, Pair};
use network_syntax::description::{Value, ValueDesc, Wiring};
use network_syntax::rate::RateRuleDesc;
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

/// The weight of a connection, as checked.
fn weight(d: &Description) -> network_syntax::description::ValueDesc {
    d.wiring
        .iter()
        .find_map(|w| match w {
            Wiring::Projection(p) => Some(p.synapse.weight.clone()),
            _ => None,
        })
        .expect("a connection")
}

/// The value of an expression of space at a pair `d` mm apart along x.
fn at_distance(e: &Expression, d: f64) -> f64 {
    let pair = Pair {
        source: [0.0; 3],
        target: [d, 0.0, 0.0],
        displacement: [d, 0.0, 0.0],
        dims: 2,
    };
    e.value(&pair, &mut Medians).expect("a value")
}

const LAYER: &str = "neuron n = iaf_psc_alpha {};
     population s = n[25] on grid([5, 5], extent: [1, 1] mm);";

/// Numbers in an expression of space are read in NEST's units (docs/language.md:
/// lengths in mm): `2 pA * exp(-distance / 150 um)` is 2 pA · e⁻¹ at 0.15 mm. Mutants
/// adding the unit's factor instead of multiplying (`150 um` read as 150.001 mm) and
/// forgetting the function `exp` passed.
#[test]
fn an_expression_reads_its_numbers_in_nest_units_and_knows_exp() {
    let d = accepted(&format!(
        "{LAYER} connect s -> s: pairwise_bernoulli(1.0),
             via static_synapse {{ weight: 2 pA * exp(-distance / 150 um), delay: 1 ms }};"
    ));
    let ValueDesc::Known(Value::Expression(e)) = weight(&d) else {
        panic!("an expression: {:?}", weight(&d))
    };
    let w = at_distance(&e, 0.15);
    assert!((w - 2.0 * (-1.0f64).exp()).abs() < 1e-12, "{w}");
    assert!((at_distance(&e, 0.0) - 2.0).abs() < 1e-12);
}

/// `!=` is one of the comparisons (docs/language.md, expressions of distance: `<`, `<=`,
/// `==`, `!=`, `>=`, `>`, each 1 where it holds, else 0). A mutant reading `!=` as `>`
/// passed: `dx != 0 mm` at dx = -0.2 mm holds (1) and `>` does not (0).
#[test]
fn not_equal_holds_on_both_sides() {
    let d = accepted(&format!(
        "{LAYER} connect s -> s: pairwise_bernoulli(1.0),
             via static_synapse {{ weight: 3 pA * (dx != 0 mm) + 1 pA, delay: 1 ms }};"
    ));
    let ValueDesc::Known(Value::Expression(e)) = weight(&d) else {
        panic!("an expression: {:?}", weight(&d))
    };
    assert_eq!(at_distance(&e, -0.2), 4.0);
    assert_eq!(at_distance(&e, 0.2), 4.0);
    assert_eq!(at_distance(&e, 0.0), 1.0);
}

/// `p` of `pairwise_bernoulli(..)` may be an expression of distance (docs/language.md:
/// NEST's `p` computed per pair): it becomes the connection's kernel. A mutant looking
/// for it in every rule but `pairwise_bernoulli` passed.
#[test]
fn an_expression_as_pairwise_bernoulli_p_is_the_kernel() {
    let d = accepted(&format!(
        "{LAYER} connect s -> s: pairwise_bernoulli(0.5 * exp(-distance / 0.2 mm)),
             via static_synapse {{ weight: 1 pA, delay: 1 ms }};"
    ));
    let kernel = d
        .wiring
        .iter()
        .find_map(|w| match w {
            Wiring::Projection(p) => Some(p.kernel.clone()),
            _ => None,
        })
        .expect("a connection")
        .expect("a kernel");
    let e = kernel.expression().expect("an expression kernel");
    let p = at_distance(e, 0.2);
    assert!((p - 0.5 * (-1.0f64).exp()).abs() < 1e-12, "{p}");
}

/// `min_delay` and `max_delay` set together are NEST's kernel settings (docs/language.md,
/// settings). A mutant ignoring `max_delay` (then "NEST needs both") passed: the only
/// case checked set `min_delay` alone.
#[test]
fn min_and_max_delay_together_are_kept() {
    let d = accepted(
        "min_delay = 0.5 ms; max_delay = 20 ms;
         neuron n = iaf_psc_alpha {}; population p = n[10];",
    );
    assert_eq!(d.delay_extrema, Some((0.5, 20.0)));
}

/// A parameter set by the transmitters that NEST rejects is reported at the
/// `transmitters` block that set it (tau_syn = tau_m = 2 ms on iaf_psc_exp_multisynapse),
/// not at another field of `where { .. }`. A mutant pointing at the first other field
/// passed.
#[test]
fn a_bad_tau_syn_from_transmitters_is_reported_at_the_transmitters() {
    let text = "neuron m = iaf_psc_exp_multisynapse { tau_m: 2 ms } where { class: excitatory, transmitters: { AMPA: 2 ms } }; population p = m[10];";
    let tokens: TokenStream = text.parse().unwrap();
    let diagnostics = parse(tokens).expect_err("tau_syn = tau_m is refused");
    let d = diagnostics
        .iter()
        .find(|d| d.message.contains("tau_syn = tau_m"))
        .unwrap_or_else(|| {
            panic!(
                "{:?}",
                diagnostics.iter().map(|d| d.text()).collect::<Vec<_>>()
            )
        });
    let column = d.span.start.start().column;
    let want = text.find("{ AMPA").expect("in the text");
    assert_eq!(column, want, "{}", d.text());
}

/// A current generator's weight scales its current, so it is a pure number
/// (docs/language.md, `stimulate`): a weight in pA is refused with that reason. A
/// mutant giving the neurons' reason instead passed.
#[test]
fn a_current_generator_weight_with_a_unit_is_refused_with_its_reason() {
    let e = errors(
        "neuron n = iaf_psc_alpha {}; population p = n[10];
         stimulate dc = dc_generator { amplitude: 100 pA } -> p
             via static_synapse { weight: 2 pA, delay: 1 ms };",
    );
    assert!(
        e.iter().any(|e| e
            == "the weight is a current, but it must be a pure number\n= help: this generator's weight scales its current: write a pure number"),
        "{e:?}"
    );
}

/// `psp(..)` picks the target's input by the sign of the height's typical value, for
/// `uniform(min, max)` the midpoint (docs/language.md, `psp(height)`): heights uniform
/// in [-1, 3] mV are excitatory (midpoint 1 mV), so each bound is scaled like a
/// constant 1 mV PSP, and a normal's bounds scale with its mean. Mutants taking the
/// product of the bounds (negative: inhibitory) or dividing the bounds by the factor
/// passed.
#[test]
fn psp_heights_of_a_distribution_scale_like_a_constant_of_their_sign() {
    let amplitude = |height: &str| {
        let d = accepted(&format!(
            "neuron n = iaf_psc_alpha {{ tau_syn_ex: 2 ms, tau_syn_in: 8 ms }};
             population p = n[10];
             connect p -> p: all_to_all, via static_synapse {{ weight: psp({height}), delay: 1 ms }};"
        ));
        match weight(&d) {
            ValueDesc::Known(v) => v,
            other => panic!("{other:?}"),
        }
    };
    let Value::Constant(one) = amplitude("1 mV") else {
        panic!("a constant")
    };
    let Value::Constant(minus_one) = amplitude("-1 mV") else {
        panic!("a constant")
    };
    assert!(one > 0.0 && minus_one < 0.0);
    assert!(
        (one + minus_one).abs() > 1e-9 * one,
        "tau_syn_ex and tau_syn_in differ, so the factors differ"
    );
    let Value::Uniform { min, max } = amplitude("uniform(min: -1 mV, max: 3 mV)") else {
        panic!("a uniform")
    };
    assert!((min + one).abs() < 1e-12 * one, "{min} vs -{one}");
    assert!((max - 3.0 * one).abs() < 1e-12 * one, "{max} vs 3 * {one}");
    let Value::Normal {
        mean,
        std,
        min,
        max,
    } = amplitude("normal(mean: 1 mV, std: 0.2 mV, min: 0.5 mV, max: 2 mV)")
    else {
        panic!("a normal")
    };
    assert!((mean - one).abs() < 1e-12 * one);
    assert!((std - 0.2 * one).abs() < 1e-12 * one);
    assert!((min.expect("min") - 0.5 * one).abs() < 1e-12 * one);
    assert!((max.expect("max") - 2.0 * one).abs() < 1e-12 * one);
}

/// `pairs([[s, t], ..])` connects rate neurons by index, in order (docs/language.md, rate
/// connections). A mutant refusing every pair ("an index must be below 2^32") passed.
#[test]
fn rate_pairs_are_kept_in_order() {
    let d = accepted(
        "neuron r = lin_rate_ipn {}; population p = r[3];
         connect p -> p: pairs([[0, 1], [2, 0], [1, 1]]) via rate_connection_instantaneous { weight: 0.2 };",
    );
    assert_eq!(
        d.rate.connections[0].rule,
        RateRuleDesc::Pairs(vec![(0, 1), (2, 0), (1, 1)])
    );
}

/// A multisynapse target needs a receptor port on every connection, but a current
/// generator has none (docs/language.md, receptor ports). A mutant asking the port of
/// generators instead of connections passed.
#[test]
fn connections_onto_ports_need_a_receptor_and_currents_do_not() {
    let target =
        "neuron m = iaf_psc_exp_multisynapse { tau_syn: [2, 5] ms }; population p = m[10];";
    let e = errors(&format!(
        "{target} connect p -> p: all_to_all, via static_synapse {{ weight: 1 pA, delay: 1 ms }};"
    ));
    assert!(
        e.iter().any(|e| e.starts_with(
            "`p` (iaf_psc_exp_multisynapse) needs a receptor port for each connection"
        )),
        "{e:?}"
    );
    let e = errors(&format!(
        "{target} stimulate dc = dc_generator {{ amplitude: 100 pA }} -> p;"
    ));
    assert!(e.is_empty(), "{e:?}");
}

/// A `tsodyks_synapse` onto `iaf_psc_exp` needs `tau_psc` equal to the time constant of
/// the input its weight's sign picks (NEST's check; docs/language.md): 10 pA with the
/// default tau_psc 3 ms onto the default tau_syn_ex 2 ms of the target's model `n` is
/// refused, naming the fix.
/// A mutant skipping the check for positive weights passed.
#[test]
fn tsodyks_onto_iaf_psc_exp_needs_tau_psc_of_the_excitatory_input() {
    let e = errors(
        "neuron n = iaf_psc_exp {}; population p = n[10];
         connect p -> p: all_to_all, via tsodyks_synapse { weight: 10 pA, delay: 1 ms };",
    );
    assert!(
        e.iter().any(|e| e
            == "tsodyks_synapse's tau_psc (3 ms) differs from tau_syn_ex of `n` (2 ms)\n= help: NEST requires them equal onto iaf_psc_exp: write `tau_psc: 2 ms`"),
        "{e:?}"
    );
}

/// The generators of trains that are not Poisson are checked with their tables
/// (docs/language.md, `pulsepacket_generator`, ..): a pulse packet with a negative
/// `sdev` is refused, one with valid fields accepted. A mutant not handling them passed.
#[test]
fn a_pulse_packet_generator_is_checked_with_its_table() {
    let net = |fields: &str| {
        format!(
            "neuron n = iaf_psc_delta {{}}; population p = n[10];
             stimulate packets = pulsepacket_generator {{ {fields} }} -> p
                 via static_synapse {{ weight: 0.5 mV, delay: 1 ms }};"
        )
    };
    let e = errors(&net("pulse_times: [5, 2] ms, activity: 3, sdev: 0.5 ms"));
    assert!(e.is_empty(), "{e:?}");
    let e = errors(&net("pulse_times: [5, 2] ms, activity: 3, sdev: -0.5 ms"));
    assert!(e.iter().any(|e| e.contains("sdev")), "{e:?}");
}

/// A population whose statement has errors is reported once: a weight recorder's
/// `senders` naming it adds no error of its own (docs/language.md, diagnostics: every
/// mistake once). A mutant letting the poisoned population through reported it again
/// as sending through none of the recorded connections.
#[test]
fn a_poisoned_population_among_senders_is_not_reported_again() {
    let e = errors(
        "neuron n = iaf_psc_alpha {}; population q = n[10]; population bad = nope[10];
         connect c = q -> q: all_to_all, via static_synapse { weight: 1 pA, delay: 1 ms };
         record w = weight_recorder { senders: bad } <- c;",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("`nope`"), "{e:?}");
}

/// A bare flag such as `periodic` fills the argument of that name, anywhere among the
/// positional ones (docs/language.md, layouts); another bare word is an ordinary
/// positional argument, reported as a bad value, never a crash. A mutant taking every
/// bare word for a flag panicked on the second.
#[test]
fn a_bare_word_is_a_flag_only_when_it_names_one() {
    let net = |word: &str| {
        format!(
            "neuron n = iaf_psc_alpha {{}};
             population s = n[25] on grid([5, 5], [1, 1] mm, {word});"
        )
    };
    let d = accepted(&net("periodic"));
    assert_eq!(d.populations.len(), 1);
    let e = errors(&net("wrapped"));
    assert!(!e.is_empty());
}
