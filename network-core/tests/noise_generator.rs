//! `noise_generator`: each target gets its own Gaussian current, mean + std·N(0,1),
//! redrawn every `dt` and held in between (NEST's semantics). The currents are read back
//! exactly from integrating `iaf_psc_delta` neurons.

use network_core::*;

const C_M: f64 = 250.0;
const TAU_M: f64 = 1e6;

#[test]
fn amplitudes_have_the_right_mean_spread_and_hold_time() {
    let (mean, std, dt) = (100.0, 50.0, 1.0);
    let res = Resolution::default();
    let h = res.ms();
    let mut b = NetworkBuilder::new(res, Seed(11)).threads(2);
    let integrator = Model::nest(IafPscDelta {
        C_m: C_M,
        tau_m: TAU_M,
        t_ref: 0.0,
        E_L: 0.0,
        V_reset: 0.0,
        V_th: 1e12,
        V_m: 0.0,
        ..Default::default()
    })
    .unwrap();
    let pop = b
        .population("integrators", &integrator, Const::<2000>)
        .unwrap();
    let noise = NoiseGenerator {
        mean,
        std,
        dt,
        ..Default::default()
    };
    b.noise_generator("noise", noise, &[pop.all()], &StaticSynapse::default())
        .unwrap();
    let vm = b
        .multimeter("vm", Multimeter::voltmeter(h), &[pop.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(100.0).unwrap();

    // Invert the exact propagation V' = P30·I + P33·V to recover each step's current.
    let p33 = (-h / TAU_M).exp();
    let p30 = 1.0 / C_M * (1.0 - p33) * TAU_M;
    let samples = net.samples(&vm);
    let v = samples.values(Recordable::V_m).unwrap();
    let n = 2000;
    let steps = v.len() / n;
    let trace = |i: usize| -> Vec<f64> { (0..steps).map(|k| v[k * n + i]).collect() };
    let mut amplitudes = Vec::new();
    for i in 0..n {
        let t = trace(i);
        let current: Vec<f64> = t.windows(2).map(|w| (w[1] - p33 * w[0]) / p30).collect();
        // The first nonzero current starts at step 1 + delay (10 steps) + 1: dc timing.
        let first = current.iter().position(|&c| c.abs() > 1e-6).unwrap();
        assert_eq!(
            first, 10,
            "current should start flowing after the 1 ms delay"
        );
        for chunk in current[first..].chunks_exact(10) {
            for c in chunk {
                assert!(
                    (c - chunk[0]).abs() < 1e-6 * chunk[0].abs().max(1.0),
                    "held for dt"
                );
            }
            amplitudes.push(chunk[0]);
        }
    }
    let m = amplitudes.len() as f64;
    let sample_mean = amplitudes.iter().sum::<f64>() / m;
    let var = amplitudes
        .iter()
        .map(|a| (a - sample_mean).powi(2))
        .sum::<f64>()
        / (m - 1.0);
    // z-tests at |z| < 5 (two-sided false-alarm rate 6e-7): the mean has standard error
    // std/sqrt(m), the variance std²·sqrt(2/(m−1)) for Gaussian samples.
    let z_mean = (sample_mean - mean) / (std / m.sqrt());
    let z_var = (var - std * std) / (std * std * (2.0 / (m - 1.0)).sqrt());
    assert!(z_mean.abs() < 5.0, "mean {sample_mean} (z = {z_mean})");
    assert!(z_var.abs() < 5.0, "variance {var} (z = {z_var})");
    // Independent targets: neighbours' first amplitudes are uncorrelated.
    let per_target = amplitudes.len() / n;
    let firsts: Vec<f64> = (0..n).map(|i| amplitudes[i * per_target]).collect();
    let corr = firsts
        .windows(2)
        .map(|w| (w[0] - mean) * (w[1] - mean))
        .sum::<f64>()
        / ((n - 1) as f64 * std * std);
    assert!(
        corr.abs() < 5.0 / ((n - 1) as f64).sqrt(),
        "correlation {corr}"
    );
}
