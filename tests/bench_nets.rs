//! The benchmark networks' `.net` files (`examples/hpc_benchmark.net`, `coba.net`,
//! `cuba.net`) load, build and run, with the synapse counts of their rules and the
//! weights their examples compute.

use network::spec::psp::{weight_for_psp, PscShape};
use network::Seed;
use network_load::{build, parse, Inputs, Source};

fn load(file: &str, sizes: &[(&str, usize)]) -> network_load::Loaded {
    let path = format!("{}/examples/{file}", env!("CARGO_MANIFEST_DIR"));
    let parsed = parse(&Source::read(path.as_ref()).unwrap()).unwrap();
    let inputs = Inputs {
        sizes: sizes.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        ..Inputs::default()
    };
    build(&parsed.description, Seed(1), &inputs).unwrap()
}

fn synapses(built: &network_load::Loaded) -> usize {
    built.network.projections().iter().map(|p| p.synapses).sum()
}

#[test]
fn hpc_benchmark_file_has_fixed_indegrees_and_runs() {
    let (ne, ni) = (90, 22);
    let mut built = load("hpc_benchmark.net", &[("ne", ne), ("ni", ni)]);
    // Every neuron receives 9000 excitatory and 2250 inhibitory inputs at any scale.
    assert_eq!(synapses(&built), (ne + ni) * 11250);
    built.network.simulate(20.0).unwrap();
    // NEST's convert_synapse_weight for 0.14 mV (tau_m 10 ms, C_m 250 pF, the script's
    // tau_syn): the number the file writes.
    let je = weight_for_psp(0.14, PscShape::Alpha, 10.0, 250.0, 0.325_827_224_037_228_4);
    let text = std::fs::read_to_string(format!(
        "{}/examples/hpc_benchmark.net",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let written: f64 = text
        .split("J_E = ")
        .nth(1)
        .and_then(|s| s.split(" pA").next())
        .unwrap()
        .parse()
        .unwrap();
    assert!((written - je).abs() <= 1e-12 * je, "{written} vs {je}");
}

#[test]
fn coba_and_cuba_files_connect_with_probability_0_02_and_spike() {
    for file in ["coba.net", "cuba.net"] {
        let mut built = load(file, &[]);
        // 4000 x 4000 pairs at p = 0.02: mean 320,000, sd sqrt(n p (1 - p)) = 560.
        let n = synapses(&built) as f64;
        assert!((n - 320_000.0).abs() < 5.0 * 560.0, "{file}: {n} synapses");
        built.network.simulate(100.0).unwrap();
        let spikes: usize = built
            .spike_recorders
            .iter()
            .map(|(_, r)| built.network.spikes(r).len())
            .sum();
        // Both networks drive themselves (CUBA: E_L above threshold; COBA: 200 pA).
        assert!(spikes > 1000, "{file}: {spikes} spikes in 100 ms");
    }
}
