//! The builder estimates the memory of every part before allocating it and refuses a
//! network that does not fit with an `Error::Resources` giving the estimate and the
//! limit, instead of being killed for lack of memory.

use network_core::connect::{ConnSpec, Rule};
use network_core::*;

const GB: u64 = 1_000_000_000;

fn builder(limit: u64) -> NetworkBuilder {
    NetworkBuilder::new(Resolution::default(), Seed(1)).memory_limit(limit)
}

fn model() -> Model<IafPscAlpha> {
    Model::nest(IafPscAlpha::default()).unwrap()
}

fn resources_error<T>(r: Result<T>) -> String {
    match r {
        Err(e @ Error::Resources(_)) => e.to_string(),
        Err(e) => panic!("expected a resources error, got: {e}"),
        Ok(_) => panic!("expected a resources error, got a success"),
    }
}

#[test]
fn ten_billion_synapses_are_an_error_not_an_oom_kill() {
    // A machine of 24 GB: 10^10 synapses take 20 GB of storage plus 40 GB while drawn.
    let mut b = builder(24 * GB);
    let a = b.population("a", &model(), Dyn(100_000)).unwrap();
    let e = resources_error(b.connect(
        "a->a",
        &a,
        &a,
        &ConnSpec::new(Rule::FixedTotalNumber(10_000_000_000)),
        StaticSynapse::new(1.0, 1.0),
    ));
    assert!(
        e.contains("a->a") && e.contains("fixed_total_number") && e.contains("24.00 GB"),
        "{e}"
    );
    assert!(e.contains("10000000000 synapses"), "{e}");
    // The refused projection left the builder usable.
    b.connect(
        "a->a",
        &a,
        &a,
        &ConnSpec::new(Rule::FixedIndegree(2)),
        StaticSynapse::new(1.0, 1.0),
    )
    .unwrap();
}

#[test]
fn every_rule_is_estimated_before_it_draws() {
    let limit = 4_000_000;
    let mut b = builder(limit);
    let a = b.population("a", &model(), Dyn(2000)).unwrap();
    let c = b.population("c", &model(), Dyn(2000)).unwrap();
    let synapse = StaticSynapse::new(1.0, 1.0);
    // 4 M synapses at 6 bytes while drawn each: far over 4 MB.
    for (i, rule) in [
        Rule::AllToAll,
        Rule::FixedIndegree(2000),
        Rule::FixedOutdegree(2000),
        Rule::FixedTotalNumber(4_000_000),
        Rule::PairwiseBernoulli(0.9),
    ]
    .into_iter()
    .enumerate()
    {
        let e =
            resources_error(b.connect(&format!("p{i}"), &a, &c, &ConnSpec::new(rule), &synapse));
        assert!(e.contains(rule.name()) && e.contains("4.00 MB"), "{e}");
    }
    // A sparse one fits, and one_to_one always does here.
    b.connect(
        "sparse",
        &a,
        &c,
        &ConnSpec::new(Rule::PairwiseBernoulli(0.01)),
        &synapse,
    )
    .unwrap();
    b.connect("diag", &a, &c, &ConnSpec::new(Rule::OneToOne), &synapse)
        .unwrap();
}

#[test]
fn random_weights_and_delays_cost_eight_bytes_per_synapse() {
    // 300 k synapses: 0.6 MB with constant weight and delay; 2.4 MB with random ones
    // (a 2-byte word, a 4-byte weight kept at single precision, a 2-byte delay, before
    // delays are packed into the words), and while the synapses are assembled 1.2 MB for
    // the drawn sources and 1.2 MB for the staged target words (4 bytes each, the block
    // holding them all). 12 bytes per synapse (an f64 weight) would not fit in 5.9 MB.
    let random = StaticSynapse::new(
        Value::Uniform { min: 0.0, max: 1.0 },
        Value::Uniform { min: 1.0, max: 2.0 },
    );
    let constant = StaticSynapse::new(1.0, 1.0);
    let rule = ConnSpec::new(Rule::FixedIndegree(300));
    for (limit, fits) in [(5_000_000, false), (5_900_000, true)] {
        let mut b = builder(limit);
        let a = b.population("a", &model(), Dyn(1000)).unwrap();
        b.connect("constant", &a, &a, &rule, &constant).unwrap();
        let connected = b.connect("random", &a, &a, &rule, &random);
        if fits {
            connected.unwrap();
        } else {
            let e = resources_error(connected);
            assert!(e.contains("random"), "{e}");
        }
    }
}

#[test]
fn a_huge_population_is_refused_before_allocation() {
    let mut b = builder(GB);
    let e = resources_error(b.population("huge", &model(), Dyn(1_000_000_000)));
    assert!(e.contains("huge") && e.contains("1.00 GB"), "{e}");
    let e = resources_error(b.population("too_many", &model(), Dyn(5_000_000_000)));
    assert!(e.contains("2^32"), "{e}");
    // A failed population leaves its name free.
    b.population("huge", &model(), Dyn(10)).unwrap();
}

#[test]
fn ring_buffers_for_long_delays_are_counted() {
    // 20 one-neuron populations with a 6 s delay: 60,016 ring slots of 24 kB each per
    // population (a block's rows are always 1024 neurons wide), about 29 GB.
    let mut b = builder(16 * GB);
    let mut handles = Vec::new();
    for i in 0..20 {
        handles.push(b.population(&format!("p{i}"), &model(), Dyn(1)).unwrap());
    }
    b.connect(
        "long",
        &handles[0],
        &handles[1],
        &ConnSpec::new(Rule::AllToAll),
        StaticSynapse::new(1.0, 6000.0),
    )
    .unwrap();
    let e = resources_error(b.build());
    assert!(e.contains("ring buffers") && e.contains("16.00 GB"), "{e}");
}

#[test]
fn the_estimate_covers_what_is_allocated() {
    let mut b = builder(GB);
    let a = b.population("a", &model(), Dyn(3000)).unwrap();
    let c = b.population("c", &model(), Dyn(1500)).unwrap();
    let random = StaticSynapse::new(Value::Uniform { min: 0.0, max: 1.0 }, 1.5);
    b.connect(
        "a->c",
        &a,
        &c,
        &ConnSpec::new(Rule::PairwiseBernoulli(0.1)),
        &random,
    )
    .unwrap();
    b.connect(
        "c->a",
        &c,
        &a,
        &ConnSpec::new(Rule::FixedOutdegree(50)),
        StaticSynapse::new(1.0, 1.0),
    )
    .unwrap();
    let estimate = b.memory_estimate();
    let net = b.build().unwrap();
    let synapse_bytes: usize = net.projections().iter().map(|p| p.bytes).sum();
    assert!(synapse_bytes > 0);
    assert!(
        estimate >= synapse_bytes as u64,
        "estimate {estimate} below the synapse storage {synapse_bytes}"
    );
    // Neurons: iaf_psc_alpha keeps fewer than 16 state arrays.
    assert!(estimate < synapse_bytes as u64 + 4500 * 16 * 8 + 1000);
}

#[test]
fn the_default_limit_is_the_machine_s_available_memory() {
    let available = network_core::network::available_memory();
    if cfg!(target_os = "linux") {
        let available = available.expect("Linux reports MemAvailable");
        assert!(available > 0);
    }
    // The default builder accepts an ordinary network.
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let a = b.population("a", &model(), Dyn(100)).unwrap();
    b.connect(
        "a->a",
        &a,
        &a,
        &ConnSpec::new(Rule::FixedIndegree(10)),
        StaticSynapse::new(1.0, 1.0),
    )
    .unwrap();
    b.build().unwrap();
}
