//! Delivery at arrival (the default; `NETWORK_DELIVERY=sending` keeps the rings:
//! bench/PERF.md, twenty-fourth and twenty-fifth rounds) on a balanced network with drawn weights and delays spanning
//! several blocks of one arrival group. The oracles: the same spikes on one thread as
//! on two (its sums are taken in a fixed order), and the ring path's spikes (the same
//! synapses summed in another order: the rates must agree, and here every spike does).
//! Weights set between runs take the projection back to delivery at sending, the spikes
//! in flight arriving with the weights they were sent with (the ring path's spikes
//! again); the drive's rate set then applies to the counts sent from then on, not to
//! those on their way (a block drawing them when they arrive has drawn them by the end
//! of the run). The synapses read back (`connections`, rebuilt from the arrival groups) are
//! those the rings keep, in the same order. Twice: with delays from one step (slices of
//! one step, whose sums the blocks read from the caches) and from 3 ms (slices of 30
//! steps, whose sums go to the rings where they would not fit the caches: the
//! excitatory population's 5 blocks; the inhibitory block's fit). One test, so that the
//! environment variable is set and cleared on one thread.

use network_core::connect::{ConnSpec, Rule};
use network_core::*;

/// A synapse as `connections` reads it: source, target, weight and delay (bits).
type Synapse = (u32, u32, u64, u64);

/// The E->E synapses after the first run, and every spike `(sender, step)` of 2 x 100 ms (with every E->E weight set to 50 pA
/// and the drive's rate to 7 kHz between the two runs where `set`) of a network of 4,200 excitatory and 1,000
/// inhibitory neurons (5 and 1 blocks), each receiving 150 excitatory and 40
/// inhibitory synapses with normal weights and delays of at least `shortest` ms, and a
/// Poisson drive.
fn spikes(threads: usize, set: bool, shortest: f64) -> (Vec<Synapse>, Vec<(u32, i64)>) {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(11)).threads(threads);
    let model = Model::nest(IafPscExp::default()).unwrap();
    let e = b.population("E", &model, Dyn(4200)).unwrap();
    let i = b.population("I", &model, Dyn(1000)).unwrap();
    let delay = Value::Normal {
        mean: shortest + 1.4,
        std: 0.75,
        min: Some(shortest),
        max: None,
    };
    let weight = |mean: f64| Value::Normal {
        mean,
        std: mean.abs() / 10.0,
        min: None,
        max: None,
    };
    let mut projections = Vec::new();
    for (name, source, target, k, w) in [
        ("EE", &e, &e, 150, 87.8),
        ("EI", &e, &i, 150, 87.8),
        ("IE", &i, &e, 40, -351.2),
        ("II", &i, &i, 40, -351.2),
    ] {
        let synapse = StaticSynapse::new(weight(w), delay.clone());
        let rule = ConnSpec::new(Rule::FixedIndegree(k));
        projections.push(b.connect(name, source, target, &rule, synapse).unwrap());
    }
    let drive = PoissonGenerator {
        rate: 9000.0,
        ..Default::default()
    };
    let drive = b
        .poisson_generator(
            "drive",
            drive,
            &[e.all(), i.all()],
            &StaticSynapse::new(87.8, shortest.max(1.5)),
        )
        .unwrap();
    let sr = b
        .spike_recorder("sr", SpikeRecorder::default(), &[e.all(), i.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(100.0).unwrap();
    let synapses = net
        .connections(&projections[0])
        .iter()
        .map(|c| (c.source, c.target, c.weight.to_bits(), c.delay.to_bits()))
        .collect();
    if set {
        net.set_weight(&projections[0], 50.0).unwrap();
        // The drive's counts sent before the change, still on their way, keep the rate
        // they were sent with.
        net.set_generator(&drive, "rate", 7000.0).unwrap();
    }
    net.simulate(100.0).unwrap();
    let events = net.spikes(&sr);
    let spikes = events
        .senders()
        .iter()
        .copied()
        .zip(events.steps().iter().copied())
        .collect();
    (synapses, spikes)
}

#[test]
fn delivery_at_arrival_gives_the_same_spikes_on_any_thread_count_and_the_rings_rates() {
    for shortest in [0.1, 3.0] {
        same_spikes_as_the_rings(shortest);
    }
}

fn same_spikes_as_the_rings(shortest: f64) {
    std::env::set_var("NETWORK_DELIVERY", "sending");
    let (ring_synapses, ring) = spikes(2, false, shortest);
    let (_, ring_set) = spikes(2, true, shortest);
    std::env::remove_var("NETWORK_DELIVERY");
    let (synapses, one) = spikes(1, false, shortest);
    let (_, two) = spikes(2, false, shortest);
    let (_, two_set) = spikes(2, true, shortest);
    assert_eq!(synapses.len(), 4200 * 150);
    assert_eq!(synapses, ring_synapses, "the synapses read back at arrival");
    assert!(
        ring.len() > 5_000,
        "the network is active: {} spikes",
        ring.len()
    );
    assert_ne!(ring, ring_set, "setting the weights changes the spikes");
    assert_eq!(one, two, "one thread and two");
    let rate = |s: &[(u32, i64)]| s.len() as f64 / 5_200.0 / 0.2;
    assert!(
        (rate(&two) - rate(&ring)).abs() < 0.01 * rate(&ring),
        "{} Hz at arrival, {} Hz through the rings",
        rate(&two),
        rate(&ring)
    );
    assert_eq!(two, ring, "delays from {shortest} ms");
    assert_eq!(two_set, ring_set, "weights and the rate set between runs");
}
