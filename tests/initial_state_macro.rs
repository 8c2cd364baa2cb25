//! `population .. with { .. }` through the `network!` macro: the same values per neuron
//! as the loader gives for network-load/tests/data/initial_state.net (whose values
//! network-load/tests/initial_state.rs compares with NEST), on 1 and 2 threads.

use network::prelude::*;
use network_load::{build, parse, Inputs, Source};

network! {
    pub struct Initial;

    resolution = 0.1 ms;
    seed = 7;

    neuron Cell = iaf_psc_alpha;

    population sheet = Cell[80] on grid([10, 8], extent: [1.0, 0.8] mm, center: [0.1, -0.05] mm) with {
        V_m: -70 mV + 5 mV * x / 1 mm,
        V_th: -55 mV + 3 mV * cos(y / 0.1 mm),
        I_e: if(x > 0.1 mm, 380 pA + 100 pA * x / 1 mm, 360 pA),
        tau_m: 10 ms + 5 ms * pow(y / 1 mm, 2),
        V_reset: clip(-75 mV + 20 mV * x / 1 mm, -80 mV, -66 mV),
    };

    population noisy = Cell[2000] with {
        V_m: uniform(-70 mV, -55 mV),
        I_e: normal(mean: 100 pA, std: 20 pA),
        tau_m: lognormal(2.3, 0.1),
        C_m: 200 pF + exponential(50 pF),
        V_th: redraw(normal(-50 mV, 2 mV), -52 mV, -47 mV),
    };

    record spikes = spike_recorder <- sheet;
    record trace = multimeter { interval: 0.1 ms, record_from: [V_m] } <- sheet[0, 7, 33, 79];
}

const NET_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/network-load/tests/data/initial_state.net"
);

#[test]
fn macro_and_loader_give_every_neuron_the_same_values_on_any_thread_count() {
    let source = Source::read(NET_FILE.as_ref()).unwrap();
    let parsed = parse(&source).unwrap_or_else(|e| panic!("{e:?}"));
    let mut loaded = build(&parsed.description, Seed(7), &Inputs::default()).unwrap();
    for threads in [1, 2] {
        let mut by_macro = Initial::build_with_threads(Seed(7), Some(threads)).unwrap();
        let net = by_macro.network_mut();
        for (p, len) in [(0, 80), (1, 2000)] {
            for name in ["V_m", "V_th", "I_e", "tau_m", "V_reset", "C_m"] {
                for i in 0..len {
                    let (a, b) = (
                        net.neuron_value(p, i, name).unwrap(),
                        loaded.network.neuron_value(p, i, name).unwrap(),
                    );
                    assert_eq!(a.to_bits(), b.to_bits(), "{name} of {p}/{i}: {a} vs {b}");
                }
            }
        }
        // The random values differ between neurons.
        let v: Vec<f64> = (0..10)
            .map(|i| net.neuron_value(1, i, "V_th").unwrap())
            .collect();
        assert!(v.windows(2).all(|w| w[0] != w[1]), "{v:?}");
    }
}
