//! `bernoulli_synapse` and `quantal_stp_synapse` against NEST's transmission statistics
//! (`conformance/stochastic_synapses.py`).
//!
//! A regular train of 200 spikes (every 5 ms) through one parrot reaches 100 parrots
//! through the stochastic synapse; each target parrot repeats what its synapse
//! transmits, so its spike count is the number of spikes transmitted (for
//! `quantal_stp_synapse`: with at least one release). Synapses draw independently, so
//! the 100 counts of a seed are independent draws; 10 engine seeds (1000 counts) are
//! compared with NEST's 10 seeds: the means by Welch's t-test, the distributions by a
//! two-sample chi-square test of the count histograms and, for bernoulli_synapse, the
//! total against the binomial law (z-test). Each check has the file's false-alarm rate
//! (two-sided p > 1e-5), so the 7 checks together fail a correct engine with
//! probability below 1e-4.

use super::*;
use network_core::connect::{ConnSpec, Rule};

/// The engine's per-target counts over `seeds` for the case's synapse.
fn engine_counts(r: &Json, synapse: Synapse, seeds: std::ops::Range<u64>) -> Vec<f64> {
    let p = &r["params"];
    let n_targets = p["n_targets"].as_u64().unwrap() as usize;
    let t_sim = f(&p["simulate"]);
    let parrot = Model::nest(ParrotNeuron::default()).unwrap();
    let mut counts = Vec::new();
    for seed in seeds {
        let mut b = NetworkBuilder::new(Resolution::new(f(&p["resolution"])).unwrap(), Seed(seed));
        let pre = b.population("pre", &parrot, Dyn(1)).unwrap();
        let post = b.population("post", &parrot, Dyn(n_targets)).unwrap();
        let train = SpikeGenerator {
            spike_times: (1..=200).map(|k| 5.0 * k as f64).collect(),
            ..Default::default()
        };
        b.spike_generator("sg", train, &[pre.all()], &StaticSynapse::new(1.0, 1.0))
            .unwrap();
        let all = ConnSpec::new(Rule::AllToAll);
        b.connect("syn", &pre, &post, &all, synapse.clone())
            .unwrap();
        let sr = b
            .spike_recorder("sr", SpikeRecorder::default(), &[post.all()])
            .unwrap();
        let mut net = b.build().unwrap();
        net.simulate(t_sim).unwrap();
        let mut per_target = vec![0.0; n_targets];
        for (s, _) in net.spikes(&sr).iter() {
            // Node ids count neurons from 1 in creation order: `pre` is 1.
            per_target[s as usize - 2] += 1.0;
        }
        counts.extend(per_target);
    }
    counts
}

/// NEST's pooled per-target counts (from the histogram).
fn nest_counts(r: &Json) -> Vec<f64> {
    int_hist(&r["pooled"]["hist"])
        .into_iter()
        .flat_map(|(v, c)| std::iter::repeat_n(v as f64, c as usize))
        .collect()
}

/// Means (Welch) and histograms (two-sample chi-square) of engine and NEST counts.
fn compare(what: &str, engine: &[f64], nest: &[f64]) {
    let (t, df, pv) = welch(engine, nest);
    let (me, ve) = mean_var(engine);
    let (mn, vn) = mean_var(nest);
    check_p(
        &format!("{what}: mean transmitted per synapse vs NEST"),
        pv,
        format!("t {t:.3} df {df:.1}; engine {me:.3} (var {ve:.2}), NEST {mn:.3} (var {vn:.2})"),
    );
    let (a, b) = aligned(
        &hist_of(engine.iter().map(|&x| x as i64)),
        &hist_of(nest.iter().map(|&x| x as i64)),
    );
    let (x2, df, pv) = two_sample_chi2(&a, &b);
    check_p(
        &format!("{what}: count histogram vs NEST"),
        pv,
        format!("chi2 {x2:.2} df {df}"),
    );
}

fn params(r: &Json) -> &serde_json::Map<String, Json> {
    r["params"]["connection"].as_object().unwrap()
}

#[test]
fn bernoulli_transmission_fraction() {
    let r = load("synapses_bernoulli_p0.3");
    let c = params(&r);
    let syn = BernoulliSynapse {
        p_transmit: f(&c["p_transmit"]),
        ..BernoulliSynapse::new(f(&c["weight"]), f(&c["delay"]))
    };
    let engine = engine_counts(&r, syn.clone().into(), 401..411);
    compare("bernoulli_synapse p 0.3", &engine, &nest_counts(&r));
    // The total of 1000 × 200 Bernoulli trials against the binomial law.
    let n = engine.len() as f64 * 200.0;
    let total: f64 = engine.iter().sum();
    let p = syn.p_transmit;
    let z = (total - n * p) / (n * p * (1.0 - p)).sqrt();
    check_z(
        "bernoulli_synapse p 0.3: transmitted fraction vs p",
        z,
        format!("{total} of {n}"),
    );
}

#[test]
fn quantal_release_statistics() {
    for name in [
        "synapses_quantal_depressing",
        "synapses_quantal_facilitating",
    ] {
        let r = load(name);
        let c = params(&r);
        let mut syn = QuantalStpSynapse::new(f(&c["weight"]), f(&c["delay"]));
        for k in ["U", "u", "tau_rec", "tau_fac", "n", "a"] {
            syn.set(name, k, f(&c[k])).unwrap();
        }
        let engine = engine_counts(&r, syn.into(), 501..511);
        compare(name, &engine, &nest_counts(&r));
    }
}
