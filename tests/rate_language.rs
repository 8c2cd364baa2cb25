//! Rate neurons from the `network!` macro and from a `.net` file: the example
//! `examples/rate_network.rs` (NEST's conformance case `rate_instantaneous_loose`:
//! instantaneous rate connections under waveform relaxation with the kernel's settings,
//! `pairs`, and a delayed connection) gives NEST 3.10's traces bit for bit
//! (`conformance/reference/rate/`), and `examples/rate_network.net`, read at run time,
//! gives the same samples and the same description hash. NEST's case
//! `rate_set_between_runs` written with `network!` gives NEST's bits too, its `set`s
//! between runs made by the description's `protocol` block or by the typed setters, and
//! its case `rate_spatial_grid` (rate populations on grids, masks, weights and delays of
//! distance) written with `network!` gives NEST's bits.

#[allow(dead_code)]
#[path = "../examples/rate_network.rs"]
mod rate_example;

use network::{Recordable, Samples, Seed};
use network_load::{build, parse, Inputs, Source};
use rate_example::RateNetwork;
use serde_json::Value as Json;

const NET_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/rate_network.net");
const RS_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/rate_network.rs");

#[test]
fn the_file_holds_the_macro_invocation_token_for_token() {
    let text = std::fs::read_to_string(RS_FILE).unwrap();
    let start = text.find("network! {").unwrap() + "network! {".len();
    let end = start + text[start..].find("\n}\n").unwrap();
    let body: proc_macro2::TokenStream = text[start..end].parse().unwrap();
    let file: proc_macro2::TokenStream =
        std::fs::read_to_string(NET_FILE).unwrap().parse().unwrap();
    assert_eq!(file.to_string(), body.to_string());
}

#[test]
fn the_description_the_macro_embedded_is_the_file() {
    let parsed = parse(&Source::read(NET_FILE.as_ref()).unwrap()).unwrap();
    assert_eq!(RateNetwork::description(), parsed.description);
}

/// (time, node id − 1, rate, noise) of some multimeters, sorted as NEST's reference.
fn rows<'a>(samples: impl IntoIterator<Item = &'a Samples>) -> Vec<(f64, u64, f64, f64)> {
    let mut out = Vec::new();
    for s in samples {
        let rate = s.values(Recordable::rate).unwrap();
        let noise = s.values(Recordable::noise).unwrap();
        for (k, (&t, &sender)) in s.times().iter().zip(s.senders()).enumerate() {
            out.push((t, u64::from(sender) - 1, rate[k], noise[k]));
        }
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    out
}

/// NEST's conformance case `rate_set_between_runs` (`conformance/cases_rate.py`):
/// `examples/rate_network.rs`'s populations and connections under NEST's default
/// waveform relaxation, with parameters and a neuron's `rate` set between runs.
#[allow(dead_code)] // the generated type's methods this test does not call
mod set_between_runs {
    use network::prelude::*;

    network! {
        pub struct SetRates;
        resolution = 0.1 ms;
        neuron N0 = lin_rate_ipn { mu: 1, tau: 4 ms, rate: 0.2, sigma: 0 };
        neuron N1 = tanh_rate_ipn { mu: 0.3, tau: 6 ms, g: 1.5, sigma: 0 };
        neuron N2 = sigmoid_rate_ipn { tau: 3 ms, beta: 2, linear_summation: false, sigma: 0 };
        population p0 = N0[3];
        population p1 = N1[2];
        population p2 = N2[2];
        connect p0 -> p1: all_to_all via rate_connection_instantaneous { weight: 0.7 };
        connect p1 -> p2: all_to_all via rate_connection_instantaneous { weight: -0.9 };
        connect p2 -> p0: pairs([[0, 0], [1, 2]]) via rate_connection_instantaneous { weight: 0.4 };
        connect p0 -> p0: pairs([[0, 1], [2, 1]]) via rate_connection_instantaneous { weight: -0.3 };
        connect p1 -> p0: all_to_all via rate_connection_delayed { weight: 0.5, delay: 2 ms };
        record m0 = multimeter { record_from: [rate, noise], interval: 0.1 ms } <- p0;
        record m1 = multimeter { record_from: [rate, noise], interval: 0.1 ms } <- p1;
        record m2 = multimeter { record_from: [rate, noise], interval: 0.1 ms } <- p2;
        protocol {
            simulate 10 ms;
            set p0.mu = 0.5;
            set p0.g = 1.2;
            set p1.theta = 0.3;
            set p1.tau = 4 ms;
            simulate 10.3 ms;
            set p2[1].rate = 0.9;
            set p0.lambda = 0.8;
            set p2.linear_summation = true;
            simulate 19.7 ms;
        }
    }
}

/// NEST's conformance case `rate_spatial_grid` (`conformance/cases_rate.py`): rate
/// populations on grids (one periodic) connected through a circular mask centred on the
/// source and a rectangle centred on the target, with weights and delays of distance.
#[allow(dead_code)] // the generated type's methods this test does not call
mod spatial {
    use network::prelude::*;

    network! {
        pub struct SpatialRates;
        resolution = 0.1 ms;
        neuron N0 = tanh_rate_ipn { g: 2.0, theta: 0.1, mu: 1.0, rate: 0.5, sigma: 0 };
        neuron N1 = lin_rate_ipn { g: 1.5, mu: 0.2, sigma: 0 };
        neuron N2 = sigmoid_rate_ipn { g: 1.3, beta: 3.0, theta: 0.4, mu: 0.3, sigma: 0 };
        population p0 = N0[16] on grid(shape: [4, 4], extent: [1, 1] mm);
        population p1 = N1[9] on grid(shape: [3, 3], extent: [1.2, 1.2] mm, center: [0.1, 0] mm);
        population p2 = N2[9] on grid(shape: [3, 3], extent: [1.2, 1.2] mm, periodic);
        connect p0 -> p1: pairwise_bernoulli(1.0) in circle(radius: 0.45 mm)
            via rate_connection_delayed { weight: 0.8 - distance / 1 mm, delay: 0.5 ms + 2 ms * distance / 1 mm };
        connect p1 -> p0: pairwise_bernoulli(1.0) in rectangle(lower_left: [-0.3, -0.3] mm, upper_right: [0.35, 0.3] mm), use_on_source
            via rate_connection_instantaneous { weight: distance / 1 mm * -0.3 };
        connect p2 -> p2: pairwise_bernoulli(1.0) in circle(radius: 0.5 mm)
            via rate_connection_delayed { weight: 0.2 + distance / 1 mm, delay: 1 ms };
        record m0 = multimeter { record_from: [rate, noise], interval: 0.5 ms } <- p0;
        record m1 = multimeter { record_from: [rate, noise], interval: 0.5 ms } <- p1;
        record m2 = multimeter { record_from: [rate, noise], interval: 0.5 ms } <- p2;
    }
}

#[test]
fn a_spatial_rate_network_from_the_macro_gives_nests_bits() {
    use spatial::SpatialRates;
    let mut net = SpatialRates::build(Seed(1)).unwrap();
    net.simulate(20.0).unwrap();
    let got = rows([
        net.rate_samples(&net.m0),
        net.rate_samples(&net.m1),
        net.rate_samples(&net.m2),
    ]);
    assert_nests_bits(&got, "rate_spatial_grid");
    // The positions NEST's grid has: column by column from the top left.
    let p = net.network().rate_positions(&net.p0).unwrap();
    assert_eq!((p[1].x, p[1].y), (-0.375, 0.125));
}

/// Every sample of `got` bit-identical (`rate`) or equal (`noise`) to NEST's reference
/// case `name` of `conformance/reference/rate/`.
fn assert_nests_bits(got: &[(f64, u64, f64, f64)], name: &str) {
    let path = format!(
        "{}/conformance/reference/rate/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let case: Json = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let want = &case["expected"]["samples"];
    let times = want["times"].as_array().unwrap();
    assert_eq!(got.len(), times.len(), "{name}: samples");
    for (k, (t, sender, rate, noise)) in got.iter().enumerate() {
        assert_eq!(*t, times[k].as_f64().unwrap(), "{name}: time of sample {k}");
        assert_eq!(
            *sender,
            want["senders"][k].as_u64().unwrap(),
            "{name}: sender of sample {k}"
        );
        let r = want["rate"][k].as_f64().unwrap();
        assert_eq!(
            rate.to_bits(),
            r.to_bits(),
            "{name}: rate of sample {k} at {t} ms: {rate} vs NEST {r}"
        );
        // NEST's noise with sigma 0 is `0 · ξ`, whose sign of zero is its own draw's.
        assert_eq!(
            *noise,
            want["noise"][k].as_f64().unwrap(),
            "{name}: noise of sample {k}"
        );
    }
}

#[test]
fn a_protocol_setting_rate_neurons_gives_nests_bits() {
    use set_between_runs::SetRates;
    let mut net = SetRates::build(Seed(1)).unwrap();
    assert_eq!(SetRates::PROTOCOL_MS, 40.0);
    net.run_protocol().unwrap();
    let got = rows([
        net.rate_samples(&net.m0),
        net.rate_samples(&net.m1),
        net.rate_samples(&net.m2),
    ]);
    assert_eq!(got.len(), 7 * 400);
    assert_nests_bits(&got, "rate_set_between_runs");
}

#[test]
fn the_typed_rate_setters_give_nests_bits() {
    use network::units::{ms, number};
    use set_between_runs::SetRates;
    let mut net = SetRates::build(Seed(1)).unwrap();
    net.simulate(10.0).unwrap();
    net.set_p0()
        .mu(number(0.5))
        .unwrap()
        .g(number(1.2))
        .unwrap();
    net.set_p1()
        .theta(number(0.3))
        .unwrap()
        .tau(ms(4.0))
        .unwrap();
    net.simulate(10.3).unwrap();
    net.set_p2_in(&[1]).rate(number(0.9)).unwrap();
    net.set_p0().lambda(number(0.8)).unwrap();
    net.set_p2().linear_summation(true).unwrap();
    net.simulate(19.7).unwrap();
    let got = rows([
        net.rate_samples(&net.m0),
        net.rate_samples(&net.m1),
        net.rate_samples(&net.m2),
    ]);
    assert_nests_bits(&got, "rate_set_between_runs");
    // NEST's checks run again: a negative `tau`, an index past the end.
    let tau = net.set_p1().tau(ms(-1.0)).err().unwrap().to_string();
    assert!(tau.contains("p1") && tau.contains("tau"), "{tau}");
    let index = net
        .set_p2_in(&[2])
        .rate(number(0.1))
        .err()
        .unwrap()
        .to_string();
    assert!(index.contains("p2") && index.contains('2'), "{index}");
}

#[test]
fn the_macro_built_rate_network_gives_nests_bits() {
    let mut net = RateNetwork::build(Seed(1)).unwrap();
    net.simulate(40.0).unwrap();
    let got = rows([
        net.rate_samples(&net.lin_rates),
        net.rate_samples(&net.tanh_rates),
        net.rate_samples(&net.sigmoid_rates),
    ]);
    assert_eq!(got.len(), 7 * 400);
    assert_nests_bits(&got, "rate_instantaneous_loose");
    // Three iterations at most per interval with tol 0.05: some intervals stop there.
    assert!(net.rate_iterations().0 >= 80, "{:?}", net.rate_iterations());
}

#[test]
fn the_file_read_at_run_time_builds_the_macros_network() {
    let parsed =
        parse(&Source::read(NET_FILE.as_ref()).unwrap()).unwrap_or_else(|e| panic!("{e:?}"));
    let mut loaded = build(&parsed.description, Seed(1), &Inputs::default()).unwrap();
    let mut by_macro = RateNetwork::build(Seed(1)).unwrap();
    loaded.network.simulate(40.0).unwrap();
    by_macro.simulate(40.0).unwrap();
    let names: Vec<&str> = loaded
        .rate
        .multimeters
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(names, ["lin_rates", "tanh_rates", "sigmoid_rates"]);
    let fields = [
        &by_macro.lin_rates,
        &by_macro.tanh_rates,
        &by_macro.sigmoid_rates,
    ];
    for (h, (name, lh)) in fields.into_iter().zip(&loaded.rate.multimeters) {
        let (a, b) = (by_macro.rate_samples(h), loaded.network.rate_samples(lh));
        assert_eq!(a.times(), b.times(), "{name}");
        for r in [Recordable::rate, Recordable::noise] {
            let bits = |s: &Samples| -> Vec<u64> {
                s.values(r).unwrap().iter().map(|v| v.to_bits()).collect()
            };
            assert_eq!(bits(a), bits(b), "{name} {}", r.name());
        }
    }
    let hash = |n: &network::Network| n.provenance().description_sha256;
    assert_eq!(hash(by_macro.network()), hash(&loaded.network));
    let canonical = network_syntax::lowering::lower(&parsed.description).canonical();
    assert_eq!(RateNetwork::CANONICAL, canonical);
    assert!(
        canonical.contains("rate Kernel([(\"wfr_comm_interval\", 0.5)"),
        "{canonical}"
    );
}
