//! `stdp_synapse` under Poisson input: the mean final weight against NEST's.
//!
//! 100 parrots repeat independent 10 Hz Poisson trains onto 10 `iaf_psc_alpha` through
//! all-to-all `stdp_synapse` (weight 20 pA → about 28.5 pA after 2 s in NEST). Synapses
//! onto one neuron share its spikes, so their weights are not independent; the unit of
//! the test is a seed: the mean final weight per seed (1000 synapses) is compared across
//! 10 engine seeds and NEST's 10 seeds with a Welch t-test. Stated bound: two-sided
//! p > 1e-5, i.e. |t| below about 7 for these sample sizes; per-seed means spread with a
//! standard deviation of about 0.4 pA (40 seeds: NEST 28.41 ± 0.40 pA, engine
//! 28.39 ± 0.45 pA), so the test fails when the means differ by more than about 1.3 pA
//! (4.5 % of the mean). The post rates are compared the same way (40 seeds: NEST
//! 42.8 ± 1.5 Hz, engine 42.8 ± 1.6 Hz).

use super::*;
use network_core::connect::{ConnSpec, Rule};

#[test]
fn stdp_poisson_mean_weight() {
    let r = load("stdp_poisson_weights");
    let p = &r["params"];
    let h = f(&p["resolution"]);
    let n_pre = p["pre"]["n"].as_u64().unwrap() as usize;
    let n_post = p["post"]["n"].as_u64().unwrap() as usize;
    let rate = f(&p["generator"]["rate"]);
    let c = &p["connection"];
    let t_sim = f(&p["simulate"]);
    let mut stdp = StdpSynapse::new(f(&c["weight"]), f(&c["delay"]));
    for name in ["tau_plus", "lambda", "alpha", "mu_plus", "mu_minus", "Wmax"] {
        stdp.set("stdp", name, f(&c[name])).unwrap();
    }
    let post = Model::nest(IafPscAlpha {
        I_e: f(&p["post"]["params"]["I_e"]),
        tau_minus: f(&p["post"]["params"]["tau_minus"]),
        ..Default::default()
    })
    .unwrap();
    let parrot = Model::nest(ParrotNeuron::default()).unwrap();
    let (mut means, mut rates) = (Vec::new(), Vec::new());
    for seed in 301..311 {
        let mut b = NetworkBuilder::new(Resolution::new(h).unwrap(), Seed(seed));
        let pre = b.population("pre", &parrot, Dyn(n_pre)).unwrap();
        let cells = b.population("cells", &post, Dyn(n_post)).unwrap();
        let gen = PoissonGenerator {
            rate,
            window: Window::default(),
        };
        b.poisson_generator("pg", gen, &[pre.all()], &StaticSynapse::new(1.0, 1.0))
            .unwrap();
        let all = ConnSpec::new(Rule::AllToAll);
        let proj = b.connect("stdp", &pre, &cells, &all, &stdp).unwrap();
        let sr = b
            .spike_recorder("sr", SpikeRecorder::default(), &[cells.all()])
            .unwrap();
        let mut net = b.build().unwrap();
        net.simulate(t_sim).unwrap();
        let w = net.weights(&proj);
        assert_eq!(w.len(), n_pre * n_post);
        means.push(w.iter().map(|x| x.2).sum::<f64>() / w.len() as f64);
        rates.push(net.spikes(&sr).senders().len() as f64 / n_post as f64 / (t_sim * 1e-3));
    }
    let per_seed = r["per_seed"].as_array().unwrap();
    let nest_means: Vec<f64> = per_seed.iter().map(|s| f(&s["weight"]["mean"])).collect();
    let nest_rates: Vec<f64> = per_seed.iter().map(|s| f(&s["post_rate"])).collect();
    let (t, df, pv) = welch(&means, &nest_means);
    check_p(
        "stdp under Poisson input: mean final weight vs NEST",
        pv,
        format!("t {t:.3} df {df:.1}, engine {means:?}, NEST {nest_means:?}"),
    );
    let (t, df, pv) = welch(&rates, &nest_rates);
    check_p(
        "stdp under Poisson input: post rate vs NEST",
        pv,
        format!("t {t:.3} df {df:.1}, engine {rates:?}, NEST {nest_rates:?}"),
    );
}
