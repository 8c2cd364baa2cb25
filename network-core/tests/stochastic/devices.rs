//! The rate generators of issue 13 against NEST's statistics
//! (`conformance/stochastic_devices.py`): `inhomogeneous_poisson_generator`,
//! `sinusoidal_poisson_generator` (individual and shared trains) and `mip_generator`.
//!
//! Each generator drives 100 parrots (weight 1, delay 1 ms); a parrot repeats its
//! train. Over 10 engine seeds and NEST's 10 seeds, per target: the spike count in each
//! of the case's time bins (the rate law over time), the spikes shared by targets 2k
//! and 2k + 1 (the copies of mip's parent train, or a train shared by all), and the
//! coefficient of variation of the inter-spike intervals. Means are compared by
//! Welch's t-test, each check at the file's false-alarm rate (p > 1e-5); a bin empty in
//! both must be empty in both. Where targets share spikes (mip's copies of one parent
//! train, a train shared by all), a seed's targets are not independent: the samples
//! are then the 10 per-seed means over the targets. A shared train must reach every
//! target alike (asserted exactly).

use super::*;

/// One case's per-target statistics: counts per bin, coincidences per pair, ISI CVs,
/// in seed order.
pub(super) struct Trains {
    seeds: usize,
    pub(super) counts: Vec<Vec<f64>>,
    coincident: Vec<f64>,
    cv: Vec<f64>,
    /// The mean CV of each seed.
    cv_seed: Vec<f64>,
}

impl Trains {
    /// No seed yet; `seeds` will be added.
    pub(super) fn new(seeds: usize) -> Self {
        Trains {
            seeds,
            counts: Vec::new(),
            coincident: Vec::new(),
            cv: Vec::new(),
            cv_seed: Vec::new(),
        }
    }

    /// Adds one seed's trains (spike times, ms, per target): counts in `bins`, ISI CVs,
    /// spikes shared by targets 2k and 2k + 1.
    pub(super) fn add_seed(&mut self, trains: &[Vec<f64>], bins: &[f64]) {
        let out = self;
        let n = trains.len();
        let first_cv = out.cv.len();
        for tr in trains {
            let mut c = vec![0.0; bins.len() - 1];
            for &t in tr {
                if let Some(k) = bins.windows(2).position(|w| w[0] <= t && t < w[1]) {
                    c[k] += 1.0;
                }
            }
            out.counts.push(c);
            if tr.len() >= 3 {
                let isi: Vec<f64> = tr.windows(2).map(|w| w[1] - w[0]).collect();
                let (m, v) = mean_var(&isi);
                if m > 0.0 {
                    out.cv.push(v.sqrt() / m);
                }
            }
        }
        out.cv_seed.push(mean_var(&out.cv[first_cv..]).0);
        for k in (0..n - 1).step_by(2) {
            let steps = |tr: &[f64]| -> std::collections::BTreeSet<i64> {
                tr.iter().map(|t| (t * 10.0).round() as i64).collect()
            };
            let shared = steps(&trains[k])
                .intersection(&steps(&trains[k + 1]))
                .count();
            out.coincident.push(shared as f64);
        }
    }
}

pub(super) fn nest_trains(r: &Json) -> Trains {
    let list = |v: &Json| -> Vec<f64> { v.as_array().unwrap().iter().map(f).collect() };
    Trains {
        seeds: r["seeds"].as_array().unwrap().len(),
        counts: r["counts"].as_array().unwrap().iter().map(list).collect(),
        coincident: list(&r["coincident"]),
        cv: list(&r["cv"]),
        cv_seed: list(&r["cv_per_seed"]),
    }
}

/// The engine's statistics for the case `r`; `add` adds the generator (named `g`).
pub(super) fn engine_trains(
    r: &Json,
    seeds: std::ops::Range<u64>,
    add: impl Fn(&mut NetworkBuilder, &[Selection], &StaticSynapse),
) -> Trains {
    let p = &r["params"];
    let n = p["n_targets"].as_u64().unwrap() as usize;
    let bins: Vec<f64> = p["bins"].as_array().unwrap().iter().map(f).collect();
    let parrot = Model::nest(ParrotNeuron::default()).unwrap();
    let mut out = Trains::new(seeds.clone().count());
    for seed in seeds {
        let mut b = NetworkBuilder::new(Resolution::new(f(&p["resolution"])).unwrap(), Seed(seed));
        let post = b.population("post", &parrot, Dyn(n)).unwrap();
        add(&mut b, &[post.all()], &StaticSynapse::new(1.0, 1.0));
        let sr = b
            .spike_recorder("sr", SpikeRecorder::default(), &[post.all()])
            .unwrap();
        let mut net = b.build().unwrap();
        net.simulate(f(&p["simulate"])).unwrap();
        let mut trains = vec![Vec::new(); n];
        for (s, t) in net.spikes(&sr).iter() {
            trains[s as usize - 1].push(t);
        }
        out.add_seed(&trains, &bins);
    }
    out
}

fn same_mean(what: &str, engine: &[f64], nest: &[f64]) {
    let (me, ve) = mean_var(engine);
    let (mn, vn) = mean_var(nest);
    if ve == 0.0 && vn == 0.0 {
        assert_eq!(me, mn, "{what}: constant in both, engine {me}, NEST {mn}");
        return;
    }
    let (t, df, pv) = welch(engine, nest);
    check_p(
        &format!("{what} vs NEST"),
        pv,
        format!("t {t:.3} df {df:.1}; engine {me:.4} (var {ve:.3}), NEST {mn:.4} (var {vn:.3})"),
    );
}

/// The per-seed means of `values` (`seeds` equal runs of values in seed order).
fn per_seed(values: &[f64], seeds: usize) -> Vec<f64> {
    values
        .chunks(values.len().div_ceil(seeds).max(1))
        .map(|c| mean_var(c).0)
        .collect()
}

/// Compares the statistics; `dependent`: the targets of a seed share spikes, so each
/// seed gives one sample (the mean over its targets).
pub(super) fn compare(name: &str, engine: &Trains, nest: &Trains, dependent: bool) {
    let samples = |t: &Trains, v: Vec<f64>| if dependent { per_seed(&v, t.seeds) } else { v };
    let bins = nest.counts[0].len();
    for k in 0..bins {
        let column = |t: &Trains| samples(t, t.counts.iter().map(|c| c[k]).collect());
        same_mean(
            &format!("{name}: count in bin {k}"),
            &column(engine),
            &column(nest),
        );
    }
    same_mean(
        &format!("{name}: spikes shared by two targets"),
        &samples(engine, engine.coincident.clone()),
        &samples(nest, nest.coincident.clone()),
    );
    // A CV needs 3 spikes, so seeds hold different numbers of them: per seed, their mean.
    let cv = |t: &Trains| {
        if dependent {
            t.cv_seed.clone()
        } else {
            t.cv.clone()
        }
    };
    same_mean(&format!("{name}: ISI CV"), &cv(engine), &cv(nest));
}

pub(super) fn window(g: &Json) -> Window {
    Window {
        start: g.get("start").map_or(0.0, f),
        stop: g.get("stop").map_or(f64::INFINITY, f),
        origin: 0.0,
    }
}

#[test]
fn inhomogeneous_poisson_rates_over_time() {
    let r = load("devices_inhomogeneous");
    let g = r["params"]["generator"].clone();
    let list = |k: &str| -> Vec<f64> { g[k].as_array().unwrap().iter().map(f).collect() };
    let params = InhomogeneousPoissonGenerator {
        rate_times: list("rate_times"),
        rate_values: list("rate_values"),
        allow_offgrid_times: g["allow_offgrid_times"].as_bool().unwrap(),
        window: window(&g),
    };
    let engine = engine_trains(&r, 601..611, |b, t, s| {
        b.inhomogeneous_poisson_generator("g", params.clone(), t, s)
            .unwrap();
    });
    compare(
        "inhomogeneous_poisson_generator",
        &engine,
        &nest_trains(&r),
        false,
    );
}

#[test]
fn sinusoidal_poisson_modulation_and_shared_trains() {
    for name in ["devices_sinusoidal_individual", "devices_sinusoidal_shared"] {
        let r = load(name);
        let g = r["params"]["generator"].clone();
        let mut params = SinusoidalPoissonGenerator {
            window: window(&g),
            ..Default::default()
        };
        for k in ["rate", "amplitude", "frequency", "phase"] {
            if let Some(v) = g.get(k) {
                params.set(name, k, f(v)).unwrap();
            }
        }
        if let Some(v) = r["params"]["defaults"].get("individual_spike_trains") {
            params.individual_spike_trains = v.as_bool().unwrap();
        }
        let engine = engine_trains(&r, 701..711, |b, t, s| {
            b.sinusoidal_poisson_generator("g", params.clone(), t, s)
                .unwrap();
        });
        let shared = !params.individual_spike_trains;
        if shared {
            // One train for all: every target of a seed counts the same in every bin.
            let n = r["params"]["n_targets"].as_u64().unwrap() as usize;
            for seed in engine.counts.chunks(n) {
                assert!(seed.iter().all(|c| c == &seed[0]), "{name}: targets differ");
            }
        }
        compare(name, &engine, &nest_trains(&r), shared);
    }
}

#[test]
fn mip_shared_spikes() {
    let r = load("devices_mip");
    let g = r["params"]["generator"].clone();
    let params = MipGenerator {
        rate: f(&g["rate"]),
        p_copy: f(&g["p_copy"]),
        window: window(&g),
    };
    let engine = engine_trains(&r, 801..811, |b, t, s| {
        b.mip_generator("g", params.clone(), t, s).unwrap();
    });
    compare("mip_generator", &engine, &nest_trains(&r), true);
}
