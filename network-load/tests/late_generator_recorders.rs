//! A spike recorder created between runs on a generator that draws one train per
//! target (issue 13): `inhomogeneous_poisson_generator`, individual
//! `sinusoidal_poisson_generator` and `sinusoidal_gamma_generator` trains,
//! `gamma_sup_generator`, `ppd_sup_generator`. As in NEST the recorder is one more
//! target from its creation on, with a train of its own. The loader's run against the
//! exported script run on NEST 3.10: no spike at or before the creation, every spike on
//! the grid, and the counts in each window of constant rate alike (the streams differ,
//! so the counts are compared, not the times).

use network_core::Seed;
use network_load::{build, parse, Inputs, Source};

mod common;
use common::{last_json, nest_python, pynest_script, run_python};

const NET: &str = "
    resolution = 0.1 ms;
    seed = 3;
    neuron Parrot = parrot_neuron;
    population parrots = Parrot[5];
    stimulate inh = inhomogeneous_poisson_generator { rate_times: [1, 600] ms, rate_values: [400, 800] Hz } -> parrots[0..1];
    stimulate sin = sinusoidal_poisson_generator { rate: 400 Hz, amplitude: 200 Hz, frequency: 10 Hz, phase: 0 deg } -> parrots[1..2];
    stimulate gsup = gamma_sup_generator { rate: 400 Hz, gamma_shape: 2, n_proc: 3 } -> parrots[2..3];
    stimulate ppd = ppd_sup_generator { rate: 400 Hz, dead_time: 2 ms, n_proc: 3, frequency: 10 Hz, relative_amplitude: 0.5 } -> parrots[3..4];
    stimulate sgam = sinusoidal_gamma_generator { rate: 400 Hz, amplitude: 200 Hz, frequency: 10 Hz, phase: 0 deg, order: 3 } -> parrots[4..5];
    protocol {
        simulate 100 ms;
        record r_inh = spike_recorder <- inh;
        record r_sin = spike_recorder <- sin;
        record r_gsup = spike_recorder <- gsup;
        record r_ppd = spike_recorder <- ppd;
        record r_sgam = spike_recorder <- sgam;
        simulate 1000 ms;
    }
";

const NAMES: [&str; 5] = ["r_inh", "r_sin", "r_gsup", "r_ppd", "r_sgam"];

/// The windows the counts are compared in (ms): the inhomogeneous generator's rate
/// changes at 600 ms.
const WINDOWS: [(f64, f64); 2] = [(100.0, 600.0), (600.0, 1100.0)];

fn counts(times: &[f64]) -> Vec<usize> {
    WINDOWS
        .iter()
        .map(|(a, b)| times.iter().filter(|t| **t > *a && **t <= *b).count())
        .collect()
}

#[test]
fn recorders_created_between_runs_get_trains_as_nest_s() {
    let parsed = parse(&Source::new("late.net", NET)).unwrap_or_else(|e| panic!("{e:?}"));
    let mut loaded = build(&parsed.description, Seed(3), &Inputs::default()).unwrap();
    let script = pynest_script(&parsed, &loaded, "late");
    assert!(script.contains("nest.Connect(sgam, r_sgam)"), "{script}");
    loaded.run_protocol().unwrap();
    let ours: Vec<Vec<f64>> = NAMES
        .iter()
        .map(|n| {
            let (_, h) = loaded.spike_recorders.iter().find(|(m, _)| m == n).unwrap();
            loaded.network.spikes(h).times()
        })
        .collect();
    // The mean counts in closed form: the rate per process times the processes (the
    // sines run whole periods in each window), times 0.5 s.
    let means = [
        [200.0, 400.0],
        [200.0, 200.0],
        [600.0, 600.0],
        [600.0, 600.0],
        [200.0, 200.0],
    ];
    for ((n, times), mean) in NAMES.iter().zip(&ours).zip(means) {
        for (x, m) in counts(times).iter().zip(mean) {
            // 5 standard deviations of a Poisson count: false alarm < 6e-7 per window.
            assert!(
                (*x as f64 - m).abs() <= 5.0 * f64::sqrt(m),
                "{n}: {x} for mean {m}"
            );
        }
        assert!(times.iter().all(|t| *t > 100.0 && *t <= 1100.0), "{n}");
        assert!(
            times
                .iter()
                .all(|t| ((t * 10.0).round() - t * 10.0).abs() < 1e-9),
            "{n}"
        );
    }
    let Some(python) = nest_python("late generator recorders") else {
        return;
    };
    let names = NAMES.join(", ");
    let probe = format!(
        "{script}\nimport json\nprint(json.dumps({{'times': [r.events['times'].tolist() for r in [{names}]]}}))\n"
    );
    let nest = last_json("late", &run_python(&python, "late", &probe));
    let theirs: Vec<Vec<f64>> = serde_json::from_value(nest["times"].clone()).unwrap();
    for ((n, a), b) in NAMES.iter().zip(&ours).zip(&theirs) {
        assert!(
            b.iter().all(|t| *t > 100.0),
            "{n}: NEST recorded before the creation"
        );
        // Each count has at most a Poisson count's variance (the gamma, dead-time and
        // order-3 trains less): a difference beyond 5 standard deviations of the
        // difference has probability < 6e-7 per window (the false-alarm rate: < 6e-6
        // over the 10 windows).
        for ((x, y), w) in counts(a).iter().zip(counts(b)).zip(WINDOWS) {
            let bound = 5.0 * ((x + y) as f64).sqrt();
            assert!(
                (*x as f64 - y as f64).abs() <= bound,
                "{n} in {w:?} ms: {x} spikes here, {y} in NEST"
            );
        }
    }
}
