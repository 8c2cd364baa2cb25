//! Statistical conformance with NEST 3.10: the engine, run with its own seeds (never
//! NEST's random streams), against the statistics in `conformance/reference/stochastic/`
//! (written by `conformance/stochastic.py` from NEST itself) and against exact theory.
//!
//! Every statistical check is a significance test with a stated false-alarm rate under
//! the hypothesis "the engine draws from the same distribution as NEST / as the theory".
//! The per-check threshold is a two-sided p-value of 1e-5 (for a z-test, |z| < 4.42);
//! the file makes about 100 such checks, so a correct engine fails one of them with
//! probability about 1e-3 for a given choice of engine seeds. The engine's seeds are
//! fixed, so the outcome is deterministic: a failure reproduces and deserves a look.
//! Deterministic facts (exact degrees, totals, activity windows, mask membership,
//! absence of forbidden autapses and multapses, the refused configuration) are asserted
//! exactly.
//!
//! Layout: this file holds the generator tests (Poisson input counts, firing rates);
//! `stochastic/rules.rs` the non-spatial connection rules, `stochastic/spatial.rs` the
//! spatial ones, `stochastic/plasticity.rs` STDP under Poisson input,
//! `stochastic/synapses.rs` the stochastic synapse models, `stochastic/devices.rs` the
//! rate generators (inhomogeneous, sinusoidal, mip), `stochastic/recorded.rs` spike
//! recorders on generators, `stochastic/rate.rs` the noisy rate neurons, and
//! `stochastic/stats.rs` the
//! distribution functions (tested against table values).

#[path = "stochastic/devices.rs"]
mod devices;
#[path = "stochastic/plasticity.rs"]
mod plasticity;
#[path = "stochastic/rate.rs"]
mod rate;
#[path = "stochastic/recorded.rs"]
mod recorded;
#[path = "stochastic/rules.rs"]
mod rules;
#[path = "stochastic/spatial.rs"]
mod spatial;
#[path = "stochastic/stats.rs"]
mod stats;
#[path = "stochastic/synapses.rs"]
mod synapses;
#[path = "stochastic/trains.rs"]
mod trains;
#[path = "stochastic/zoo.rs"]
mod zoo;

use network_core::*;
use serde_json::Value as Json;
use stats::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Per-check false-alarm rate (two-sided p-value threshold).
const ALPHA: f64 = 1e-5;

fn load(name: &str) -> Json {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../conformance/reference/stochastic")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn f(v: &Json) -> f64 {
    v.as_f64()
        .unwrap_or_else(|| panic!("number expected, got {v}"))
}

/// An integer histogram `{"value": count}` as sorted (value, count) pairs.
fn int_hist(v: &Json) -> BTreeMap<i64, f64> {
    v.as_object()
        .unwrap()
        .iter()
        .map(|(k, c)| (k.parse().unwrap(), f(c)))
        .collect()
}

fn hist_of(values: impl IntoIterator<Item = i64>) -> BTreeMap<i64, f64> {
    let mut h = BTreeMap::new();
    for v in values {
        *h.entry(v).or_insert(0.0) += 1.0;
    }
    h
}

/// Two integer histograms on their common support `lo..=hi`.
fn aligned(a: &BTreeMap<i64, f64>, b: &BTreeMap<i64, f64>) -> (Vec<f64>, Vec<f64>) {
    let lo = *a.keys().next().unwrap().min(b.keys().next().unwrap());
    let hi = *a.keys().last().unwrap().max(b.keys().last().unwrap());
    let get = |h: &BTreeMap<i64, f64>, k| h.get(&k).copied().unwrap_or(0.0);
    (
        (lo..=hi).map(|k| get(a, k)).collect(),
        (lo..=hi).map(|k| get(b, k)).collect(),
    )
}

/// Central moments m2 (unbiased) and m4 of a histogram.
fn hist_moments(h: &BTreeMap<i64, f64>) -> (f64, f64, f64, f64) {
    let n: f64 = h.values().sum();
    let mean = h.iter().map(|(&k, &c)| k as f64 * c).sum::<f64>() / n;
    let m = |p: i32| {
        h.iter()
            .map(|(&k, &c)| c * (k as f64 - mean).powi(p))
            .sum::<f64>()
            / n
    };
    (n, mean, m(2) * n / (n - 1.0), m(4))
}

/// Variance of the unbiased sample variance of `n` draws with variance `s2` and fourth
/// central moment `m4`.
fn var_of_var(n: f64, s2: f64, m4: f64) -> f64 {
    m4 / n - s2 * s2 * (n - 3.0) / (n * (n - 1.0))
}

fn check_p(what: &str, p: f64, detail: String) {
    eprintln!("{what}: p = {p:.3e} ({detail})");
    assert!(p > ALPHA, "{what}: p = {p:.3e} < {ALPHA:e} ({detail})");
}

fn check_z(what: &str, z: f64, detail: String) {
    check_p(what, normal_two_sided(z), format!("z = {z:.3}, {detail}"));
}

// ---------------------------------------------------------------------------
// 1. poisson_generator: input counts per target
// ---------------------------------------------------------------------------

/// An `iaf_psc_delta` that only integrates: E_L = 0, tau_m = 1e12 ms (decay 1e-13 per
/// step), no threshold in reach, t_ref 0. With weight 1 mV its V_m is the number of
/// input events received so far (multiplicities included), like a parrot's spike count.
fn counter() -> Model<IafPscDelta> {
    Model::nest(IafPscDelta {
        tau_m: 1e12,
        t_ref: 0.0,
        E_L: 0.0,
        V_m: 0.0,
        V_reset: -1.0,
        V_th: 1e9,
        ..IafPscDelta::default()
    })
    .unwrap()
}

const ENGINE_SEEDS_POISSON: [u64; 5] = [101, 102, 103, 104, 105];

fn poisson_case(name: &str) {
    let r = load(name);
    let p = &r["params"];
    let h = f(&p["resolution"]);
    let (rate, start, stop) = (
        f(&p["generator"]["rate"]),
        f(&p["generator"]["start"]),
        f(&p["generator"]["stop"]),
    );
    let delay = f(&p["connection"]["delay"]);
    let n = p["targets"]["n"].as_u64().unwrap() as usize;
    let t_sim = f(&p["simulate"]);
    let lambda = rate * (stop - start) * 1e-3;
    assert_eq!(lambda, f(&p["expected_mean"]));
    let step = |t: f64| (t / h).round() as i64;
    // Input arrives at generator spike time + delay, generator spikes in (start+h, stop+h]
    // on the grid: first possible arrival start + 2h + delay, last stop + h + delay.
    let (first, last) = (step(start + 2.0 * h + delay), step(stop + h + delay));
    assert_eq!(first, step(f(&r["pooled"]["earliest_parrot_spike"])));
    assert_eq!(last, step(f(&r["pooled"]["latest_parrot_spike"])));

    let mut counts = Vec::new();
    let (mut seen_first, mut seen_last) = (false, false);
    for seed in ENGINE_SEEDS_POISSON {
        let mut b = NetworkBuilder::new(Resolution::new(h).unwrap(), Seed(seed));
        let pop = b.population("targets", &counter(), Dyn(n)).unwrap();
        let gen = PoissonGenerator {
            rate,
            window: Window::new(start, stop),
        };
        b.poisson_generator("pg", gen, &[pop.all()], &StaticSynapse::new(1.0, delay))
            .unwrap();
        let vm = b
            .multimeter("vm", Multimeter::voltmeter(h), &[pop.all()])
            .unwrap();
        let mut net = b.build().unwrap();
        net.simulate(t_sim).unwrap();
        let s = net.samples(&vm);
        let v = s.values(Recordable::V_m).unwrap();
        let steps: Vec<i64> = s.times().iter().map(|&t| step(t)).collect();
        // traces[i][k]: V_m of neuron i at step k + 1
        let mut traces = vec![Vec::new(); n];
        for ((&sender, &st), &v) in s.senders().iter().zip(&steps).zip(&v) {
            let trace = &mut traces[sender as usize - 1];
            assert_eq!(st, trace.len() as i64 + 1, "one sample per step");
            trace.push(v);
        }
        for trace in &traces {
            assert_eq!(trace.len() as i64, step(t_sim));
            let at = |st: i64| trace[st as usize - 1];
            let total = *trace.last().unwrap();
            let count = total.round();
            assert!((total - count).abs() < 1e-6, "V_m {total} is not a count");
            // Window: nothing arrives before `first` or after `last` (V_m decays by a
            // relative 1e-13 per step, hence the tolerance).
            assert!(
                (1..first).all(|st| at(st) == 0.0),
                "{name} seed {seed}: input before {} ms",
                first as f64 * h
            );
            assert!(
                (last..=step(t_sim)).all(|st| (at(st) - total).abs() < 1e-6),
                "{name} seed {seed}: input after {} ms",
                last as f64 * h
            );
            seen_first |= at(first) > 0.5;
            seen_last |= at(last) - at(last - 1) > 0.5;
            counts.push(count as i64);
        }
    }
    if rate * h * 1e-3 * (n * ENGINE_SEEDS_POISSON.len()) as f64 > 50.0 {
        // P(no target receives input in the first/last possible step) = exp(-rate·h·N)
        // < exp(-50): the window edges must be reached, as in NEST.
        assert!(
            seen_first && seen_last,
            "{name}: window edges never reached"
        );
    }

    let engine = hist_of(counts.iter().copied());
    let (ne, mean_e, var_e, _) = hist_moments(&engine);
    let nest = int_hist(&r["pooled"]["hist"]);
    let (nn, mean_n, var_n, _) = hist_moments(&nest);
    assert!((mean_n - f(&r["pooled"]["mean"])).abs() < 1e-9 * mean_n);
    assert!((var_n - f(&r["pooled"]["var"])).abs() < 1e-9 * var_n);
    let detail = format!("engine mean {mean_e} var {var_e} (n {ne}), NEST mean {mean_n} var {var_n} (n {nn}), theory {lambda}");
    // Counts are exactly Poisson(lambda) (a sum of per-step Poisson draws) and
    // independent across targets: z-tests with the exact variance of the mean (lambda/n)
    // and of the sample variance (Poisson m4 = lambda + 3 lambda^2).
    check_z(
        &format!("{name}: mean vs theory"),
        (mean_e - lambda) / (lambda / ne).sqrt(),
        detail.clone(),
    );
    check_z(
        &format!("{name}: mean vs NEST"),
        (mean_e - mean_n) / (lambda / ne + lambda / nn).sqrt(),
        detail.clone(),
    );
    let m4 = lambda + 3.0 * lambda * lambda;
    let (vv_e, vv_n) = (var_of_var(ne, lambda, m4), var_of_var(nn, lambda, m4));
    check_z(
        &format!("{name}: variance vs theory"),
        (var_e - lambda) / vv_e.sqrt(),
        detail.clone(),
    );
    check_z(
        &format!("{name}: variance vs NEST"),
        (var_e - var_n) / (vv_e + vv_n).sqrt(),
        detail.clone(),
    );
    // Shape: chi-square goodness of fit to Poisson(lambda), and two-sample chi-square
    // against NEST's pooled count histogram.
    let (lo, hi) = (
        *engine.keys().next().unwrap(),
        *engine.keys().last().unwrap(),
    );
    let pmf = |k: i64| (k as f64 * lambda.ln() - lambda - ln_gamma(k as f64 + 1.0)).exp();
    let below: f64 = (0..lo).map(pmf).sum();
    let mid: Vec<f64> = (lo..=hi).map(|k| ne * pmf(k)).collect();
    let mut expected = vec![ne * below];
    expected.extend(&mid);
    expected.push(ne - expected.iter().sum::<f64>());
    let mut observed = vec![0.0];
    observed.extend((lo..=hi).map(|k| engine.get(&k).copied().unwrap_or(0.0)));
    observed.push(0.0);
    let (x2, df, pv) = chi2_gof(&observed, &expected, 0);
    check_p(
        &format!("{name}: counts ~ Poisson({lambda})"),
        pv,
        format!("chi2 {x2:.1} df {df}"),
    );
    let (a, b) = aligned(&engine, &nest);
    let (x2, df, pv) = two_sample_chi2(&a, &b);
    check_p(
        &format!("{name}: count histogram vs NEST"),
        pv,
        format!("chi2 {x2:.1} df {df}"),
    );
}

#[test]
fn poisson_generator_50hz_counts() {
    poisson_case("poisson_parrot_50Hz");
}

#[test]
fn poisson_generator_1000hz_counts() {
    poisson_case("poisson_parrot_1000Hz");
}

#[test]
fn poisson_generator_window_100_900_counts() {
    poisson_case("poisson_parrot_1000Hz_window_100_900");
}

// ---------------------------------------------------------------------------
// 2. firing rates of an iaf_psc_alpha population under Poisson drive
// ---------------------------------------------------------------------------

#[test]
fn alpha_population_rates() {
    let r = load("alpha_population_poisson_rates");
    let p = &r["params"];
    let h = f(&p["resolution"]);
    let n = p["neuron"]["n"].as_u64().unwrap() as usize;
    let rate = f(&p["generator"]["rate"]);
    let (w, d) = (f(&p["connection"]["weight"]), f(&p["connection"]["delay"]));
    let t_sim = f(&p["simulate"]);
    let model = Model::nest(IafPscAlpha::default()).unwrap();
    let mut rates = Vec::new();
    let mut seed_means = Vec::new();
    for seed in 201..211 {
        let mut b = NetworkBuilder::new(Resolution::new(h).unwrap(), Seed(seed));
        let pop = b.population("pop", &model, Dyn(n)).unwrap();
        let gen = PoissonGenerator {
            rate,
            window: Window::default(),
        };
        b.poisson_generator("pg", gen, &[pop.all()], &StaticSynapse::new(w, d))
            .unwrap();
        let sr = b
            .spike_recorder("sr", SpikeRecorder::default(), &[pop.all()])
            .unwrap();
        let mut net = b.build().unwrap();
        net.simulate(t_sim).unwrap();
        let mut counts = vec![0i64; n];
        for &s in net.spikes(&sr).senders() {
            counts[s as usize - 1] += 1;
        }
        assert_eq!(counts.iter().sum::<i64>() as usize, net.spike_count(0));
        // rate in Hz = count / (T/1000 s); T = 1000 ms, so the rate is the count
        assert_eq!(t_sim, 1000.0);
        seed_means.push(counts.iter().sum::<i64>() as f64 / n as f64);
        rates.extend(counts);
    }
    let engine = hist_of(rates.iter().copied());
    let (ne, mean_e, var_e, m4_e) = hist_moments(&engine);
    let nest = int_hist(&r["pooled"]["rate_hist"]);
    let (nn, mean_n, var_n, m4_n) = hist_moments(&nest);
    assert!((mean_n - f(&r["pooled"]["rate"]["mean"])).abs() < 1e-9 * mean_n);
    let detail = format!(
        "engine mean {mean_e:.4} Hz var {var_e:.4} (n {ne}), NEST mean {mean_n:.4} Hz var {var_n:.4} (n {nn})"
    );
    // Neurons are unconnected and their Poisson inputs independent, so per-neuron rates
    // are iid: two-sample z-test of the means with each side's own variance.
    check_z(
        "alpha rates: mean vs NEST",
        (mean_e - mean_n) / (var_e / ne + var_n / nn).sqrt(),
        detail.clone(),
    );
    // Spread across neurons: z-test of the variances, each with the variance of a sample
    // variance from its own fourth moment (robust to non-normality).
    check_z(
        "alpha rates: variance vs NEST",
        (var_e - var_n) / (var_of_var(ne, var_e, m4_e) + var_of_var(nn, var_n, m4_n)).sqrt(),
        detail.clone(),
    );
    // Across-seed population means: Welch t-test (each mean averages 200 neurons, so
    // normal); the t distribution makes the p-value exact for the small seed counts.
    let nest_means: Vec<f64> = r["per_seed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| f(&s["rate"]["mean"]))
        .collect();
    let (t, df, pv) = welch(&seed_means, &nest_means);
    check_p(
        "alpha rates: per-seed means vs NEST",
        pv,
        format!("t {t:.3} df {df:.1}, engine {seed_means:?}, NEST {nest_means:?}"),
    );
    // Shape of the rate distribution: two-sample chi-square against NEST's histogram.
    let (a, b) = aligned(&engine, &nest);
    let (x2, df, pv) = two_sample_chi2(&a, &b);
    check_p(
        "alpha rates: histogram vs NEST",
        pv,
        format!("chi2 {x2:.1} df {df}, {detail}"),
    );
}
