//! A `.net` file's spike recorders on generators (`record listed = spike_recorder <-
//! listed_drive, packets;`) built by the loader: the events of the listed spikes at
//! their times (hand-written oracle: the file's `spike_times`), the packets' 2 x 5
//! spikes, each with its generator's node id (after the 50 neurons, in declaration
//! order), and a recorder on neurons and a generator together. The same file is run in
//! NEST by `nest_export.rs`.

use network_core::Seed;
use network_load::{build, parse, Inputs, Source};

#[test]
fn recorders_on_generators_get_their_trains() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/generator_recorders.net"
    );
    let source = Source::read(std::path::Path::new(path)).unwrap();
    let parsed = parse(&source).unwrap_or_else(|e| panic!("{e:?}"));
    let mut loaded = build(&parsed.description, Seed(1), &Inputs::default()).unwrap();
    loaded.network.simulate(500.0).unwrap();
    let net = &loaded.network;
    let generator = |name: &str| {
        let (_, g) = loaded.generators.iter().find(|(n, _)| n == name).unwrap();
        net.generator_node_id(g)
    };
    let recorder = |name: &str| {
        let (_, r) = loaded
            .spike_recorders
            .iter()
            .find(|(n, _)| n == name)
            .unwrap();
        net.spikes(r)
    };
    assert_eq!(
        (
            generator("listed_drive"),
            generator("drive"),
            generator("packets")
        ),
        (51, 52, 53)
    );
    let listed = recorder("listed");
    let of = |id: u32| -> Vec<f64> { listed.iter().filter(|e| e.0 == id).map(|e| e.1).collect() };
    assert_eq!(of(51), [1.0, 2.5, 4.0, 250.0]);
    assert_eq!(of(53).len(), 10);
    assert_eq!(listed.len(), 14);
    // 800 Hz from 100 ms to 400 ms: 240 expected (sd 15.5).
    let drawn = recorder("drawn");
    assert!(drawn.senders().iter().all(|&s| s == 52));
    assert!((170..=310).contains(&drawn.len()), "{}", drawn.len());
    assert!(drawn.times().iter().all(|&t| t > 100.0 && t <= 400.1));
    // Neurons and the generator in one recorder, sorted by time then node id.
    let both = recorder("both");
    assert!(both.senders().contains(&52));
    assert!(both.senders().iter().any(|&s| s <= 50));
    let steps = both.steps();
    assert!(steps.windows(2).all(|w| w[0] <= w[1]));
}
