//! Rate neurons from the `network!` macro and from a `.net` file: the example
//! `examples/rate_network.rs` (NEST's conformance case `rate_instantaneous_loose`:
//! instantaneous rate connections under waveform relaxation with the kernel's settings,
//! `pairs`, and a delayed connection) gives NEST 3.10's traces bit for bit
//! (`conformance/reference/rate/`), and `examples/rate_network.net`, read at run time,
//! gives the same samples and the same description hash.

#[allow(dead_code)]
#[path = "../examples/rate_network.rs"]
mod rate_example;

use network::{Recordable, Samples, Seed};
use network_load::{build, parse, Inputs, Source};
use rate_example::RateNetwork;
use serde_json::Value as Json;

const NET_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/rate_network.net");
const RS_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/rate_network.rs");
const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/conformance/reference/rate/rate_instantaneous_loose.json"
);

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

#[test]
fn the_macro_built_rate_network_gives_nests_bits() {
    let mut net = RateNetwork::build(Seed(1)).unwrap();
    net.simulate(40.0).unwrap();
    let got = rows([
        net.rate_samples(&net.lin_rates),
        net.rate_samples(&net.tanh_rates),
        net.rate_samples(&net.sigmoid_rates),
    ]);
    let case: Json = serde_json::from_str(&std::fs::read_to_string(REFERENCE).unwrap()).unwrap();
    let want = &case["expected"]["samples"];
    let times = want["times"].as_array().unwrap();
    assert_eq!(got.len(), times.len(), "samples");
    assert_eq!(got.len(), 7 * 400);
    for (k, (t, sender, rate, noise)) in got.iter().enumerate() {
        assert_eq!(*t, times[k].as_f64().unwrap(), "time of sample {k}");
        assert_eq!(
            *sender,
            want["senders"][k].as_u64().unwrap(),
            "sender of sample {k}"
        );
        let r = want["rate"][k].as_f64().unwrap();
        assert_eq!(
            rate.to_bits(),
            r.to_bits(),
            "rate of sample {k}: {rate} vs NEST {r}"
        );
        // NEST's noise with sigma 0 is `0 · ξ`, whose sign of zero is its own draw's.
        assert_eq!(
            *noise,
            want["noise"][k].as_f64().unwrap(),
            "noise of sample {k}"
        );
    }
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
