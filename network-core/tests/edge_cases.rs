//! Numerical and structural edge cases (issue 6) that are not replays of NEST traces:
//! very high Poisson rates against the Poisson law NEST draws from, and selections that
//! hold no neuron against NEST's own outcome (`conformance/empty_selections.py`).
//! Tiny, large and odd resolutions, delays equal to the resolution and the singular
//! propagators are NEST traces: `conformance/edge_cases.py`, replayed by
//! `tests/conformance.rs`.

use network_core::connect::{ConnSpec, Rule};
use network_core::spatial::{Layout, Mask};
use network_core::*;
use serde_json::Value as Json;

/// |z| above this has a two-sided probability of 1e-6 under the normal law.
const Z_1E6: f64 = 4.89;

/// Membrane potentials of `n` non-leaking, never-firing `iaf_psc_delta` neurons driven
/// by a `poisson_generator` of `rate` Hz through 1 mV synapses: each neuron's V_m
/// counts its input spikes. Returns per neuron the count between `t1` and `t2` (ms).
fn poisson_counts(rate: f64, n: usize, t1: f64, t2: f64) -> Vec<f64> {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(5));
    let counter = Model::nest(IafPscDelta {
        tau_m: 1e12,
        E_L: 0.0,
        V_m: 0.0,
        V_reset: -1.0,
        V_th: 1e15,
        ..Default::default()
    })
    .unwrap();
    let cells = b.population("cells", &counter, Dyn(n)).unwrap();
    let drive = PoissonGenerator {
        rate,
        window: Window::default(),
    };
    b.poisson_generator(
        "drive",
        drive,
        &[cells.all()],
        &StaticSynapse::new(1.0, 1.0),
    )
    .unwrap();
    let vm = b
        .multimeter("vm", Multimeter::voltmeter(t2 - t1), &[cells.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(t2 + 0.1).unwrap();
    let samples = net.samples(&vm);
    let at = |t: f64| -> Vec<f64> {
        let times = samples.times();
        let values = samples.values(Recordable::V_m).unwrap();
        times
            .iter()
            .zip(values)
            .filter(|(s, _)| (**s - t).abs() < 1e-9)
            .map(|(_, v)| v)
            .collect()
    };
    let (a, z) = (at(t1), at(t2));
    assert_eq!((a.len(), z.len()), (n, n), "one sample per neuron and time");
    // V_m still leaks by 1e-13 per step: counts are whole to within far less than 0.01.
    a.iter()
        .zip(&z)
        .map(|(a, z)| {
            let count = z - a;
            assert!(
                (count - count.round()).abs() < 0.01,
                "{count} is not a count"
            );
            count.round()
        })
        .collect()
}

#[test]
fn a_million_hertz_poisson_drive_has_poisson_counts() {
    // 1e6 Hz at h = 0.1 ms: 100 spikes per step on average, 20,000 over 20 ms. NEST
    // draws each step's count from Poisson(rate·h): the counts over 200 steps are
    // Poisson(20,000), independent across neurons (each has its own train).
    let (n, lambda) = (200, 20_000.0);
    let counts = poisson_counts(1e6, n, 20.0, 40.0);
    let mean = counts.iter().sum::<f64>() / n as f64;
    let var = counts.iter().map(|c| (c - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    let z_mean = (mean - lambda) / (lambda / n as f64).sqrt();
    assert!(
        z_mean.abs() < Z_1E6,
        "mean {mean}, expected {lambda} (z = {z_mean})"
    );
    // (n − 1)·s²/λ ~ χ²(n − 1), close to normal for n − 1 = 199.
    let df = (n - 1) as f64;
    let z_var = (df * var / lambda - df) / (2.0 * df).sqrt();
    assert!(
        z_var.abs() < Z_1E6 + 0.5,
        "variance {var}, expected {lambda} (z = {z_var})"
    );
}

#[test]
fn extreme_rates_are_values_or_errors_never_panics() {
    for rate in [1e9, 1e12] {
        let counts = poisson_counts(rate, 4, 2.0, 3.0);
        let lambda = rate * 1e-3;
        for c in counts {
            assert!(
                (c - lambda).abs() < 10.0 * lambda.sqrt() + 1.0,
                "{c} for {lambda}"
            );
        }
    }
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(5));
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    let cells = b.population("cells", &m, Dyn(3)).unwrap();
    // 1e14 Hz: 1e10 spikes per step, more than a 32-bit count holds.
    for rate in [f64::INFINITY, f64::NAN, -1.0, 1e300, 1e14] {
        let drive = PoissonGenerator {
            rate,
            window: Window::default(),
        };
        let r = b.poisson_generator("drive", drive, &[cells.all()], &StaticSynapse::default());
        let e = r.expect_err("an impossible rate is an error").to_string();
        assert!(e.contains("drive") && e.contains("rate"), "{e}");
    }
}

fn nest_outcomes() -> Json {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../conformance/reference/empty_selections.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The engine's outcome in NEST's terms: a number of connections, or an error.
fn outcome(r: Result<Option<usize>>) -> &'static str {
    match r {
        Ok(Some(0)) => "connections 0",
        Ok(_) => "connections > 0",
        Err(Error::EmptySelection { .. }) => "error",
        Err(Error::Connection { .. }) => "error",
        Err(e) => panic!("unexpected kind of error: {e}"),
    }
}

fn nest_outcome(cases: &Json, name: &str) -> &'static str {
    match &cases[name] {
        c if c.get("error").is_some() => "error",
        c if c["connections"] == 0 => "connections 0",
        c => panic!("{name}: unexpected NEST outcome {c}"),
    }
}

#[test]
fn selections_of_no_neuron_do_what_nest_does() {
    let nest = nest_outcomes();
    let cases = &nest["cases"];
    // As in the script: ten neurons on a line in a 4 x 4 mm layer, masks at (1.5, 1.5).
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    let layout = Layout::FreeList {
        positions: (0..10).map(|i| vec![0.1 * i as f64, 0.0]).collect(),
        extent: Some(vec![4.0, 4.0]),
        edge_wrap: false,
    };
    let a = b.spatial_population("a", &m, Dyn(10), &layout).unwrap();
    let t = b.spatial_population("t", &m, Dyn(10), &layout).unwrap();
    // Selecting by a mask that holds nobody is itself the error, naming the population
    // (NEST returns an empty collection and refuses it when it is connected).
    let e = b
        .within(&a, &Mask::circle(0.2), [1.5, 1.5, 0.0])
        .unwrap_err();
    assert!(matches!(e, Error::EmptySelection { .. }), "{e}");
    assert!(e.to_string().contains('a'), "{e}");
    assert_eq!(cases["selection_size"]["neurons"], 0);
    // An explicitly empty selection given to devices: NEST refuses the connection.
    let empty = a.indices(&[]);
    let recorder = b
        .spike_recorder(
            "rec",
            SpikeRecorder::default(),
            std::slice::from_ref(&empty),
        )
        .map(|_| None);
    assert_eq!(
        outcome(recorder),
        nest_outcome(cases, "spike_recorder_from_empty")
    );
    let pg = PoissonGenerator {
        rate: 10.0,
        window: Window::default(),
    };
    let generator = b
        .poisson_generator(
            "pg",
            pg,
            std::slice::from_ref(&empty),
            &StaticSynapse::default(),
        )
        .map(|_| None);
    assert_eq!(
        outcome(generator),
        nest_outcome(cases, "poisson_generator_to_empty")
    );
    let dc = DcGenerator {
        amplitude: 1.0,
        window: Window::default(),
    };
    let generator = b
        .dc_generator("dc", dc, &[a.range(3..3)], &StaticSynapse::default())
        .map(|_| None);
    assert_eq!(
        outcome(generator),
        nest_outcome(cases, "dc_generator_to_empty")
    );
    // Connection rules with a mask that holds no neuron.
    let far = Mask::circle(0.05).with_anchor([1.5, 1.5, 0.0]);
    let mut built = Vec::new();
    for (i, (rule, name)) in [
        (
            Rule::PairwiseBernoulli(1.0),
            "pairwise_bernoulli_empty_mask",
        ),
        (Rule::FixedIndegree(1), "fixed_indegree_empty_mask"),
        (Rule::FixedOutdegree(1), "fixed_outdegree_empty_mask"),
    ]
    .into_iter()
    .enumerate()
    {
        let spec = ConnSpec::new(rule).with_mask(far.clone());
        match b.connect(&format!("p{i}"), &a, &t, &spec, StaticSynapse::default()) {
            Ok(h) => built.push((name, h)),
            Err(e) => assert_eq!(outcome(Err(e)), nest_outcome(cases, name), "{name}"),
        }
    }
    // The network with the projections that NEST makes builds and runs.
    let mut net = b.build().unwrap();
    for (name, h) in &built {
        let synapses = net.projection(h).synapses;
        assert_eq!(
            outcome(Ok(Some(synapses))),
            nest_outcome(cases, name),
            "{name}"
        );
    }
    assert_eq!(
        built.len(),
        1,
        "only pairwise_bernoulli connects (nobody) in NEST"
    );
    net.simulate(10.0).unwrap();
}
