//! NEST's grid mask in the language: `grid(shape: [columns, rows], anchor: [c, r])` is
//! checked where NEST 3.10 refuses it (a layer with free positions: "Grid masks can only
//! be used with grid layers"; a 3D grid: "Mask is incompatible with layer"; a mask of
//! more cells than a periodic layer: "Mask size must not exceed layer size"; NEST's
//! messages, conformance/reference/spatial_connections.json), each error at the mask's
//! tokens, before anything is built.

use network_syntax::parse;
use proc_macro2::TokenStream;

/// `(message, text at the error's span)` of each diagnostic.
fn diagnostics(text: &str) -> Vec<(String, String)> {
    let tokens: TokenStream = text.parse().expect("the text lexes");
    match parse(tokens) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics
            .into_iter()
            .map(|d| {
                let at = d.span.start.start().line;
                (d.message, format!("line {at}"))
            })
            .collect(),
    }
}

fn layers(rest: &str) -> String {
    format!(
        "neuron Cell = iaf_psc_alpha;
         population sheet = Cell[20] on grid([5, 4], extent: [1, 1] mm, periodic);
         population cube = Cell[24] on grid([4, 3, 2], extent: [1, 1, 1] mm);
         population cloud = Cell[10] in box(lower_left: [0, 0] mm, upper_right: [1, 1] mm);
         {rest}"
    )
}

#[test]
fn a_grid_mask_on_a_grid_layer_is_accepted_with_nests_anchors() {
    let d = diagnostics(&layers(
        "connect a = sheet -> sheet: pairwise_bernoulli(1) in grid(shape: [3, 3]);
         connect b = sheet -> sheet: pairwise_bernoulli(1) in grid([5, 4], anchor: [-1, 2]),
             use_on_source;
         connect c = sheet -> sheet: fixed_indegree(2) in grid(shape: [2, 2], anchor: [0, 0]);",
    ));
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn a_grid_mask_on_free_positions_is_nests_error_at_the_mask() {
    let d = diagnostics(&layers(
        "connect a = cloud -> cloud: pairwise_bernoulli(1)\nin grid(shape: [3, 3]);",
    ));
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].0
            .contains("grid masks can only be used with grid layers"),
        "{d:?}"
    );
    assert_eq!(d[0].1, "line 6", "{d:?}");
}

#[test]
fn a_grid_mask_on_a_3d_grid_is_incompatible() {
    let d = diagnostics(&layers(
        "connect a = cube -> cube: pairwise_bernoulli(1) in grid(shape: [3, 3]);",
    ));
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].0.contains("2D mask") || d[0].0.contains("incompatible"),
        "{d:?}"
    );
}

#[test]
fn a_grid_mask_larger_than_a_periodic_layer_is_an_error() {
    // The layer has 5 columns and 4 rows; NEST accepts a mask exactly as large.
    let wide = diagnostics(&layers(
        "connect a = sheet -> sheet: pairwise_bernoulli(1) in grid(shape: [6, 3]);",
    ));
    assert_eq!(wide.len(), 1, "{wide:?}");
    assert!(
        wide[0]
            .0
            .contains("6 cells in dimension 0, the layer has 5"),
        "{wide:?}"
    );
    let full = diagnostics(&layers(
        "connect a = sheet -> sheet: pairwise_bernoulli(1) in grid(shape: [5, 4]);",
    ));
    assert!(full.is_empty(), "{full:?}");
}

#[test]
fn the_mask_is_sized_on_the_layer_nest_applies_it_to() {
    // pairwise_bernoulli resolves the mask on the target layer (5 x 4 cells), with
    // use_on_source and fixed_indegree on the source layer (here 4 x 3 x 2, 3D).
    let text = |rule: &str, options: &str| {
        layers(&format!(
            "population small = Cell[4] on grid([2, 2], extent: [1, 1] mm, periodic);
             connect a = small -> sheet: {rule} in grid(shape: [3, 3]){options};"
        ))
    };
    assert!(diagnostics(&text("pairwise_bernoulli(1)", "")).is_empty());
    let d = diagnostics(&text("pairwise_bernoulli(1)", ", use_on_source"));
    let d2 = diagnostics(&text("fixed_indegree(1)", ""));
    for d in [d, d2] {
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].0.contains("3 cells in dimension 0, the layer has 2"),
            "{d:?}"
        );
    }
}

#[test]
fn shape_and_anchor_are_whole_cells_in_2d() {
    for (mask, words) in [
        ("grid(shape: [3, 3, 1])", "two whole numbers >= 1"),
        ("grid(shape: [0, 3])", "two whole numbers >= 1"),
        ("grid(shape: [2.5, 3])", "two whole numbers >= 1"),
        (
            "grid(shape: [3, 3], anchor: [0.5, 1])",
            "`anchor` is [column, row]",
        ),
    ] {
        let d = diagnostics(&layers(&format!(
            "connect a = sheet -> sheet: pairwise_bernoulli(1) in {mask};"
        )));
        assert_eq!(d.len(), 1, "{mask}: {d:?}");
        assert!(d[0].0.contains(words), "{mask}: {d:?}");
    }
}
