//! Spike recorders on generators themselves (`NetworkBuilder::record_generator`, NEST's
//! `nest.Connect(generator, spike_recorder)`) against NEST's statistics
//! (`conformance/stochastic_generator_recorders.py`): 100 recorders on one generator,
//! each receiving its own draw (Poisson, inhomogeneous Poisson, gamma and dead-time
//! superpositions), thinned copies of one parent train (`mip_generator`) or the one
//! shared train (`sinusoidal_poisson_generator` with `individual_spike_trains: false`).
//! Counts per bin of the recorded times, spikes shared by recorders 2k and 2k + 1 and
//! ISI CVs, over 10 engine seeds against NEST's 10, with the tests and false-alarm rate
//! of `devices.rs`.

use super::devices::{compare, nest_trains, window, Trains};
use super::*;
use network_core::spec::Parameters;

/// The engine's statistics of case `r`: `add` adds the generator, driving no neuron.
fn recorded_trains(
    r: &Json,
    seeds: std::ops::Range<u64>,
    add: impl Fn(&mut NetworkBuilder) -> GeneratorHandle,
) -> Trains {
    let p = &r["params"];
    let n = p["n_targets"].as_u64().unwrap() as usize;
    let bins: Vec<f64> = p["bins"].as_array().unwrap().iter().map(f).collect();
    let mut out = Trains::new(seeds.clone().count());
    for seed in seeds {
        let mut b = NetworkBuilder::new(Resolution::new(f(&p["resolution"])).unwrap(), Seed(seed));
        let g = add(&mut b);
        let recorders: Vec<_> = (0..n)
            .map(|k| {
                let sr = b
                    .spike_recorder(&format!("sr{k}"), SpikeRecorder::default(), &[])
                    .unwrap();
                b.record_generator(&sr, &g).unwrap();
                sr
            })
            .collect();
        let mut net = b.build().unwrap();
        net.simulate(f(&p["simulate"])).unwrap();
        let id = net.generator_node_id(&g);
        let trains: Vec<Vec<f64>> = recorders
            .iter()
            .map(|sr| {
                let events = net.spikes(sr);
                assert!(events.senders().iter().all(|&s| s == id));
                events.times()
            })
            .collect();
        out.add_seed(&trains, &bins);
    }
    out
}

/// Table `M` with the case's generator parameters (and defaults), by NEST name.
fn table<M: Parameters + Default>(r: &Json) -> M {
    let g = &r["params"]["generator"];
    let mut m = M::default();
    let defaults = r["params"]["defaults"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    for (k, v) in g.as_object().unwrap().iter().chain(defaults.iter()) {
        if ["start", "stop", "origin"].contains(&k.as_str()) {
            continue;
        }
        match v {
            Json::Array(a) => m.set_list("g", k, &a.iter().map(f).collect::<Vec<_>>()),
            Json::Bool(b) => m.set("g", k, f64::from(u8::from(*b))),
            v => m.set("g", k, f(v)),
        }
        .unwrap();
    }
    m
}

/// The generators' synapse (they drive no neuron here).
fn synapse() -> StaticSynapse {
    StaticSynapse::new(1.0, 1.0)
}

#[test]
fn poisson_and_inhomogeneous_poisson_trains_of_their_own() {
    let r = load("recorded_poisson");
    let g = &r["params"]["generator"];
    let params = PoissonGenerator {
        rate: f(&g["rate"]),
        window: window(g),
    };
    let engine = recorded_trains(&r, 1001..1011, |b| {
        b.poisson_generator("g", params.clone(), &[], &synapse())
            .unwrap()
    });
    compare(
        "recorded poisson_generator",
        &engine,
        &nest_trains(&r),
        false,
    );
    let r = load("recorded_inhomogeneous");
    let g = &r["params"]["generator"];
    let list = |k: &str| -> Vec<f64> { g[k].as_array().unwrap().iter().map(f).collect() };
    let params = InhomogeneousPoissonGenerator {
        rate_times: list("rate_times"),
        rate_values: list("rate_values"),
        ..Default::default()
    };
    let engine = recorded_trains(&r, 1011..1021, |b| {
        b.inhomogeneous_poisson_generator("g", params.clone(), &[], &synapse())
            .unwrap()
    });
    compare(
        "recorded inhomogeneous_poisson_generator",
        &engine,
        &nest_trains(&r),
        false,
    );
}

#[test]
fn mip_copies_share_their_parent_train() {
    let r = load("recorded_mip");
    let g = &r["params"]["generator"];
    let params = MipGenerator {
        rate: f(&g["rate"]),
        p_copy: f(&g["p_copy"]),
        window: window(g),
    };
    let engine = recorded_trains(&r, 1021..1031, |b| {
        b.mip_generator("g", params.clone(), &[], &synapse())
            .unwrap()
    });
    compare("recorded mip_generator", &engine, &nest_trains(&r), true);
}

#[test]
fn superpositions_of_their_own() {
    let r = load("recorded_gamma_sup");
    let params: GammaSupGenerator = table(&r);
    let engine = recorded_trains(&r, 1031..1041, |b| {
        b.gamma_sup_generator("g", params.clone(), &[], &synapse())
            .unwrap()
    });
    compare(
        "recorded gamma_sup_generator",
        &engine,
        &nest_trains(&r),
        false,
    );
    let r = load("recorded_ppd_sup");
    let params: PpdSupGenerator = table(&r);
    let engine = recorded_trains(&r, 1041..1051, |b| {
        b.ppd_sup_generator("g", params.clone(), &[], &synapse())
            .unwrap()
    });
    compare(
        "recorded ppd_sup_generator",
        &engine,
        &nest_trains(&r),
        false,
    );
}

#[test]
fn a_shared_train_reaches_every_recorder_alike() {
    let r = load("recorded_sinusoidal_shared");
    let g = &r["params"]["generator"];
    let mut params = SinusoidalPoissonGenerator::default();
    for k in ["rate", "amplitude", "frequency"] {
        params.set("g", k, f(&g[k])).unwrap();
    }
    params.individual_spike_trains = false;
    let engine = recorded_trains(&r, 1051..1061, |b| {
        b.sinusoidal_poisson_generator("g", params.clone(), &[], &synapse())
            .unwrap()
    });
    let n = r["params"]["n_targets"].as_u64().unwrap() as usize;
    for seed in engine.counts.chunks(n) {
        assert!(seed.iter().all(|c| c == &seed[0]), "recorders differ");
    }
    compare(
        "recorded sinusoidal_poisson_generator",
        &engine,
        &nest_trains(&r),
        true,
    );
}
