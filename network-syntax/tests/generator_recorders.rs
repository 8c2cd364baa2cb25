//! A spike recorder on a generator itself in the language (`record r = spike_recorder
//! <- drive;`, NEST's `nest.Connect(drive, r)`): accepted for a spike-emitting generator
//! declared before it, lowered to the recorder's step with the generator's name; NEST
//! refuses a current generator ("The target node or synapse model does not support
//! current input."), and a generator has no indices or positions to select, each error
//! at the generator's name.

use network_syntax::lowering::{lower, Step};
use network_syntax::parse;
use proc_macro2::TokenStream;

/// `(message, line of the error)` of each diagnostic.
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

fn network(rest: &str) -> String {
    format!(
        "neuron Cell = iaf_psc_alpha;
         population cells = Cell[10];
         stimulate drive = poisson_generator {{ rate: 10 Hz }} -> cells;
         stimulate listed = spike_generator {{ spike_times: [1, 2] ms }} -> cells;
         stimulate dc = dc_generator {{ amplitude: 100 pA }} -> cells;
         {rest}"
    )
}

#[test]
fn a_spike_recorder_names_generators_beside_populations() {
    let text = network("record r = spike_recorder { start: 1 ms } <- drive, cells[0..2], listed;");
    let d = parse(text.parse().unwrap()).unwrap_or_else(|e| panic!("{e:?}"));
    let plan = lower(&d);
    let recorder = plan
        .steps
        .iter()
        .find_map(|s| match s {
            Step::SpikeRecorder(r) => Some(r),
            _ => None,
        })
        .unwrap();
    assert_eq!(recorder.generators, ["drive", "listed"]);
    assert_eq!(recorder.targets.len(), 1);
    // After the generators it records.
    let at = |name: &str| {
        plan.steps
            .iter()
            .position(|s| matches!(s, Step::Generator(g) if g.name == name))
            .unwrap()
    };
    let recorder_at = plan
        .steps
        .iter()
        .position(|s| matches!(s, Step::SpikeRecorder(_)))
        .unwrap();
    assert!(at("drive") < recorder_at && at("listed") < recorder_at);
    // The canonical text (the provenance hash) names them.
    assert!(plan
        .canonical()
        .contains("generators [\"drive\", \"listed\"]"));
}

#[test]
fn a_current_generator_is_nests_error_at_its_name() {
    let d = diagnostics(&network("record r = spike_recorder <- cells,\ndc;"));
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].0
            .contains("`dc` is a dc_generator, which sends current")
            && d[0].0.contains("does not support current input"),
        "{d:?}"
    );
    assert_eq!(d[0].1, 7, "{d:?}");
}

#[test]
fn a_generator_is_recorded_whole() {
    let d = diagnostics(&network("record r = spike_recorder <- drive[0..1];"));
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].0.contains("`drive` is a generator, one node"), "{d:?}");
}

#[test]
fn a_multimeter_samples_neurons_not_generators() {
    let d = diagnostics(&network("record v = voltmeter <- drive;"));
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].0.contains("`drive` is a stimulator"), "{d:?}");
}
