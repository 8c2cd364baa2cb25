//! A mask wider than a periodic layer is a check-time error (NEST: "mask size must not
//! exceed layer size with edge_wrap"), found before anything is built. Oracle: the
//! widths by hand (a circle of radius r is 2r wide; the grid's extent is written).

use network_syntax::parse;
use proc_macro2::TokenStream;

fn messages(text: &str) -> Vec<String> {
    let tokens: TokenStream = text.parse().expect("the text lexes");
    match parse(tokens) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics.into_iter().map(|d| d.message).collect(),
    }
}

fn sheet(periodic: &str, rest: &str) -> String {
    format!(
        "neuron Cell = iaf_psc_alpha;
         population sheet = Cell[25] on grid([5, 5], extent: [1, 1] mm{periodic});
         {rest}"
    )
}

#[test]
fn a_mask_wider_than_a_periodic_layer_is_an_error() {
    let m = messages(&sheet(
        ", periodic",
        "connect sheet -> sheet: pairwise_bernoulli(0.1) in circle(radius: 0.6 mm);",
    ));
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].contains("1.2 mm wide along x") && m[0].contains("(1 mm)"),
        "{m:?}"
    );
}

#[test]
fn a_mask_as_wide_as_the_layer_is_accepted_as_nest_accepts_it() {
    let m = messages(&sheet(
        ", periodic",
        "connect sheet -> sheet: pairwise_bernoulli(0.1) in circle(radius: 0.5 mm);",
    ));
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn without_periodic_boundaries_any_mask_fits() {
    let m = messages(&sheet(
        "",
        "connect sheet -> sheet: pairwise_bernoulli(0.1) in circle(radius: 3 mm);",
    ));
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn the_rotated_box_and_a_within_selection_are_checked_too() {
    // A 0.8 mm square turned 45 degrees is 0.8·√2 ≈ 1.13 mm wide.
    let m = messages(&sheet(
        ", periodic",
        "connect sheet -> sheet: fixed_outdegree(2) in rectangle(lower_left: [-0.4, -0.4] mm, \
         upper_right: [0.4, 0.4] mm, azimuth_angle: 45 deg);
         record r = spike_recorder <- sheet within circle(radius: 0.7 mm);",
    ));
    assert_eq!(m.len(), 2, "{m:?}");
    assert!(
        m.iter()
            .all(|m| m.contains("wider than the periodic layer")),
        "{m:?}"
    );
}

#[test]
fn listed_positions_use_nests_default_extent() {
    // Positions spanning 0.4 mm get NEST's extent ceil(0.4) = 1 mm.
    let text = "neuron Cell = iaf_psc_alpha;
        population p = Cell[2] at positions([[0, 0], [0.4, 0.4]] mm, periodic);
        connect p -> p: pairwise_bernoulli(0.1) in circle(radius: 0.51 mm);";
    let m = messages(text);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("1.02 mm wide"), "{m:?}");
}

#[test]
fn between_layers_the_mask_fits_the_layer_nest_checks_it_on() {
    // pairwise_bernoulli centred on the source: NEST checks the mask on the target
    // layer (it reads the sources in the target's geometry); with use_on_source, on
    // the source layer. `free` does not wrap, `sheet` does (1 mm).
    let layers = |rest: &str| {
        sheet(
            ", periodic",
            &format!("population free = Cell[30] in box([0, 0] mm, [1, 1] mm);\n{rest}"),
        )
    };
    let wide = "pairwise_bernoulli(0.1) in circle(radius: 0.6 mm)";
    let m = messages(&layers(&format!("connect free -> sheet: {wide};")));
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("1.2 mm wide along x"), "{m:?}");
    assert!(messages(&layers(&format!("connect sheet -> free: {wide};"))).is_empty());
    assert!(messages(&layers(&format!(
        "connect free -> sheet: {wide}, use_on_source;"
    )))
    .is_empty());
    assert_eq!(
        messages(&layers(&format!(
            "connect sheet -> free: {wide}, use_on_source;"
        )))
        .len(),
        1
    );
}
