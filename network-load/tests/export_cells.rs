//! The PyNEST statements of small descriptions (moved from the export's unit tests when
//! the export became its own crate, `network-export`: they need a built network).

use network_load::export::{cells, Cell, ExportOptions};
use network_load::{build, parse, Inputs, Source};

fn cells_of(text: &str) -> Vec<Cell> {
    let parsed = parse(&Source::new("t.net", text)).unwrap();
    let loaded = build(
        &parsed.description,
        network_core::Seed(1),
        &Inputs::default(),
    )
    .unwrap();
    cells(
        &parsed.description,
        &loaded.network,
        &[],
        "t",
        &[],
        &ExportOptions::default(),
    )
    .unwrap()
}

#[test]
fn flags_are_python_booleans() {
    let cells = cells_of("neuron Cell = iaf_psc_delta { refractory_input: 1, t_ref: 3 ms };\npopulation cells = Cell[2];");
    assert!(
        cells[1]
            .code
            .contains("{\"refractory_input\": True, \"t_ref\": 3.0}"),
        "{}",
        cells[1].code
    );
}

#[test]
fn grids_kernels_and_random_weights_use_nest_names() {
    let cells = cells_of(
        "neuron Cell = iaf_psc_alpha;
         population a = Cell[9] on grid(shape: [3, 3], extent: [1, 1] mm);
         connect a -> a: pairwise_bernoulli(0.5) in circle(radius: 0.4 mm), with p = gaussian(std: 0.2 mm),
             via static_synapse { weight: uniform(1 pA, 2 pA), delay: 1 ms };",
    );
    let all: String = cells.iter().map(|c| c.code.clone()).collect();
    assert!(all.contains("nest.spatial.grid(shape=[3, 3], extent=[1.0, 1.0], center=[0.0, 0.0], edge_wrap=False)"), "{all}");
    assert!(all.contains("\"p\": 0.5 * 1.0 * nest.spatial_distributions.gaussian(nest.spatial.distance, mean=0.0, std=0.2)"), "{all}");
    assert!(
        all.contains("\"mask\": {\"circular\": {\"radius\": 0.4}}"),
        "{all}"
    );
    assert!(
        all.contains("\"weight\": nest.random.uniform(min=1.0, max=2.0)"),
        "{all}"
    );
}
