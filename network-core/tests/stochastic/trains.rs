//! The generators whose trains are not Poisson against NEST's statistics
//! (`conformance/stochastic_trains.py`): `pulsepacket_generator` (spikes per packet,
//! NEST's loss of the spikes before the slice a packet is drawn in),
//! `gamma_sup_generator` and `ppd_sup_generator` (rates over time, ISI CVs of a
//! component and of superpositions, a modulated dead-time process) and
//! `sinusoidal_gamma_generator` (individual and shared trains). Same statistics, tests
//! and false-alarm rate as `devices.rs`: 100 parrots, 10 engine seeds against NEST's 10.

use super::devices::{compare, engine_trains, nest_trains, window};
use super::*;
use network_core::spec::Parameters;

/// Table `M` with the case's generator parameters (and defaults), by NEST name.
fn table<M: Parameters + Default>(r: &Json, window_of: impl Fn(&mut M, Window)) -> M {
    let g = &r["params"]["generator"];
    let mut m = M::default();
    window_of(&mut m, window(g));
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

/// Whether every target of each seed counts the same in every bin (a shared train).
fn shared_alike(r: &Json, counts: &[Vec<f64>]) -> bool {
    let n = r["params"]["n_targets"].as_u64().unwrap() as usize;
    counts
        .chunks(n)
        .all(|seed| seed.iter().all(|c| c == &seed[0]))
}

#[test]
fn pulse_packets_per_packet_counts() {
    for (name, seeds) in [
        ("devices_pulsepacket", 901..911),
        ("devices_pulsepacket_slices", 911..921),
    ] {
        let r = load(name);
        let params = table(&r, |m: &mut PulsepacketGenerator, w| m.window = w);
        let engine = engine_trains(&r, seeds, |b, t, s| {
            b.pulsepacket_generator("g", params.clone(), t, s).unwrap();
        });
        // One train for all targets.
        assert!(shared_alike(&r, &engine.counts), "{name}: targets differ");
        compare(name, &engine, &nest_trains(&r), true);
    }
}

#[test]
fn gamma_superpositions() {
    for (name, seeds) in [
        ("devices_gamma_sup", 921..931),
        ("devices_gamma_sup_many", 931..941),
    ] {
        let r = load(name);
        let params = table(&r, |m: &mut GammaSupGenerator, w| m.window = w);
        let engine = engine_trains(&r, seeds, |b, t, s| {
            b.gamma_sup_generator("g", params.clone(), t, s).unwrap();
        });
        compare(name, &engine, &nest_trains(&r), false);
    }
}

#[test]
fn dead_time_superpositions() {
    for (name, seeds) in [
        ("devices_ppd_sup", 941..951),
        ("devices_ppd_sup_modulated", 951..961),
    ] {
        let r = load(name);
        let params = table(&r, |m: &mut PpdSupGenerator, w| m.window = w);
        let engine = engine_trains(&r, seeds, |b, t, s| {
            b.ppd_sup_generator("g", params.clone(), t, s).unwrap();
        });
        compare(name, &engine, &nest_trains(&r), false);
    }
}

#[test]
fn sinusoidal_gamma_trains() {
    for (name, seeds) in [
        ("devices_sinusoidal_gamma", 961..971),
        ("devices_sinusoidal_gamma_shared", 971..981),
    ] {
        let r = load(name);
        let params = table(&r, |m: &mut SinusoidalGammaGenerator, w| m.window = w);
        let engine = engine_trains(&r, seeds, |b, t, s| {
            b.sinusoidal_gamma_generator("g", params.clone(), t, s)
                .unwrap();
        });
        let shared = !params.individual_spike_trains;
        if shared {
            assert!(shared_alike(&r, &engine.counts), "{name}: targets differ");
        }
        compare(name, &engine, &nest_trains(&r), shared);
    }
}
