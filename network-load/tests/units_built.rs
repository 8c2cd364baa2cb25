//! A network written in um, nA, kHz and s builds the network its hand-converted twin in
//! mm, pA, Hz and ms describes (issue 17: a unit factor wrong by 10x passed every test
//! but one snapshot). The oracle is the conversion done by hand below, and counts and
//! positions worked out by hand from the geometry.

use network_core::Seed;
use network_load::{build, parse, Inputs, Loaded, Source};

const WRITTEN: &str = "
neuron Cell = iaf_psc_alpha { t_ref: 0.002 s, I_e: 0.35 nA, C_m: 0.25 nF };
population cells = Cell[4] at positions([[0, 0], [100, 0], [0, 150], [400, 400]] um, extent: [1, 1] mm);
mask near = circle(radius: 120 um);
stimulate drive = poisson_generator { rate: 0.4 kHz, stop: 0.05 s } -> cells
    via static_synapse { weight: 0.02 nA, delay: 0.001 s };
connect cells -> cells: pairwise_bernoulli(1) in near, no autapses,
    via static_synapse { weight: -0.5 nA, delay: 0.002 s };
record spikes = spike_recorder <- cells;
";

const CONVERTED: &str = "
neuron Cell = iaf_psc_alpha { t_ref: 2 ms, I_e: 350 pA, C_m: 250 pF };
population cells = Cell[4] at positions([[0, 0], [0.1, 0], [0, 0.15], [0.4, 0.4]] mm, extent: [1, 1] mm);
mask near = circle(radius: 0.12 mm);
stimulate drive = poisson_generator { rate: 400 Hz, stop: 50 ms } -> cells
    via static_synapse { weight: 20 pA, delay: 1 ms };
connect cells -> cells: pairwise_bernoulli(1) in near, no autapses,
    via static_synapse { weight: -500 pA, delay: 2 ms };
record spikes = spike_recorder <- cells;
";

fn run(text: &str) -> Loaded {
    let parsed = parse(&Source::new("units.net", text)).unwrap_or_else(|e| panic!("{e:?}"));
    let mut loaded = build(&parsed.description, Seed(3), &Inputs::default()).unwrap();
    loaded.network.simulate(100.0).unwrap();
    loaded
}

#[test]
fn um_na_khz_and_s_build_what_their_conversion_builds() {
    let (written, converted) = (run(WRITTEN), run(CONVERTED));
    let (a, b) = (&written.network, &converted.network);

    let space = a.populations()[0].space.as_ref().expect("positions");
    let xy: Vec<(f64, f64)> = space.positions().iter().map(|p| (p[0], p[1])).collect();
    assert_eq!(xy, [(0.0, 0.0), (0.1, 0.0), (0.0, 0.15), (0.4, 0.4)], "mm");

    // Only cells 0 and 1 lie within 120 um of each other (100 um; the others are 150
    // um and more apart): two (inhibitory, so the drive alone sets the spikes) synapses of -500 pA.
    let (_, projection) = &written.projections[0];
    let weights = a.weights(projection);
    let pairs: Vec<(u32, u32)> = weights.iter().map(|w| (w.0, w.1)).collect();
    assert_eq!(pairs.len(), 2, "{pairs:?}");
    assert!(weights.iter().all(|w| w.2 == -500.0), "{weights:?}");
    assert_eq!(weights, b.weights(&converted.projections[0].1));

    let (_, rec) = &written.spike_recorders[0];
    let spikes: Vec<(u32, f64)> = a.spikes(rec).iter().collect();
    assert!(!spikes.is_empty(), "the drive makes the cells fire");
    assert_eq!(
        spikes,
        b.spikes(&converted.spike_recorders[0].1)
            .iter()
            .collect::<Vec<_>>()
    );
    // 350 pA into 250 pF with tau_m 10 ms settles 14 mV above rest, below threshold
    // (15 mV): the spikes need the 20 pA Poisson drive, stopped at 50 ms (plus the
    // refractory and synaptic tail), so none comes late.
    assert!(spikes.iter().all(|s| s.1 <= 60.0), "{spikes:?}");
}
