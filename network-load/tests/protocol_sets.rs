//! A protocol's `set` with values per neuron and on a mask selection, and recorders
//! created between runs (network-load/tests/data/protocol_sets.net), against NEST 3.10
//! (conformance/protocol_sets.py, reference/protocol_sets.json): the values read back
//! after the sets, every spike and every sample of the recorders the protocol creates
//! (at 10, 110 and 250 ms, NEST's sampling-time rules; a weight recorder at 110 ms), and
//! the transmissions of two weight recorders whose windows the protocol sets, are
//! NEST's bit for bit, as are the spikes a recorder connected to a spike generator at
//! 110 ms records (one connected to a Poisson generator: its own train at the rates the
//! protocol sets); random
//! values follow NEST's distributions (two-sample Kolmogorov-Smirnov over 2,000
//! neurons). The export, run on NEST, gives the engine's spikes and samples.

use network_core::{Network, Recordable, Seed};
use network_load::{build, parse, Inputs, Loaded, Parsed, Source};
use serde_json::Value as Json;
use std::collections::BTreeMap;

mod common;
use common::{ks_two_sample, last_json, nest_python, repo, run_python};

const SHEET: [&str; 4] = ["V_m", "V_th", "I_e", "tau_m"];
const RANDOM: [&str; 2] = ["V_th", "V_m"];

fn load() -> (Parsed, Loaded) {
    let source = Source::read(&repo().join("network-load/tests/data/protocol_sets.net")).unwrap();
    let parsed = parse(&source).unwrap_or_else(|e| panic!("{e:?}"));
    let loaded = build(
        &parsed.description,
        Seed(parsed.description.seed),
        &Inputs::default(),
    )
    .unwrap();
    (parsed, loaded)
}

fn reference() -> Json {
    let path = repo().join("conformance/reference/protocol_sets.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn floats(v: &Json) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

/// Values of population `p`'s first `len` neurons, by parameter name.
type Values = BTreeMap<String, Vec<f64>>;

fn values(net: &mut Network, p: usize, len: usize, names: &[&str]) -> Values {
    names
        .iter()
        .map(|n| {
            let v = (0..len)
                .map(|i| net.neuron_value(p, i, n).unwrap())
                .collect();
            (n.to_string(), v)
        })
        .collect()
}

/// Runs the protocol; returns the sheet's and the noisy population's values as they are
/// when the third `simulate` begins (after the sets at 110 ms).
fn run(loaded: &mut Loaded) -> (Values, Values) {
    let (mut calls, mut read) = (0, None);
    loaded
        .run_protocol_with(|net, t| {
            if calls == 2 {
                read = Some((values(net, 0, 80, &SHEET), values(net, 1, 2000, &RANDOM)));
            }
            calls += 1;
            net.simulate(t)
        })
        .unwrap();
    assert_eq!(calls, 4);
    read.unwrap()
}

/// A recorder's spikes as `[neuron (0-based), time ms]`, sorted, up to `t_ms`.
fn spikes(loaded: &Loaded, name: &str, t_ms: f64) -> Vec<(u32, f64)> {
    let net = &loaded.network;
    let first = net.populations()[0].first_node_id;
    let (_, h) = loaded
        .spike_recorders
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no spike recorder `{name}`"));
    let mut out: Vec<(u32, f64)> = net
        .spikes(h)
        .iter()
        .filter(|(_, t)| *t <= t_ms)
        .map(|(s, t)| (s - first, t))
        .collect();
    out.sort_by(|a, b| a.partial_cmp(b).unwrap());
    out
}

/// A multimeter's rows `(time, neuron, values)` sorted, up to `t_ms`.
type Rows = Vec<(f64, u32, Vec<f64>)>;

fn samples(loaded: &Loaded, name: &str, keys: &[&str], t_ms: f64) -> Rows {
    let net = &loaded.network;
    // The probe's multimeters count their senders from the probe's first neuron.
    let population = usize::from(name.starts_with("probe"));
    let first = net.populations()[population * 2].first_node_id;
    let (_, h) = loaded
        .multimeters
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no multimeter `{name}`"));
    let s = net.samples(h);
    let columns: Vec<Vec<f64>> = keys
        .iter()
        .map(|k| s.values(Recordable::from_name(k).unwrap()).unwrap())
        .collect();
    let mut rows: Rows = s
        .times()
        .iter()
        .zip(s.senders())
        .enumerate()
        .filter(|(_, (t, _))| **t <= t_ms + 1e-9)
        .map(|(i, (t, sender))| (*t, sender - first, columns.iter().map(|c| c[i]).collect()))
        .collect();
    rows.sort_by(|a, b| (a.0, a.1).partial_cmp(&(b.0, b.1)).unwrap());
    rows
}

/// NEST's rows of multimeter `name` in a JSON table.
fn nest_rows(table: &Json, keys: &[&str]) -> Rows {
    let times = floats(&table["times"]);
    let senders: Vec<u32> = table["senders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_u64().unwrap() as u32)
        .collect();
    let columns: Vec<Vec<f64>> = keys.iter().map(|k| floats(&table[*k])).collect();
    (0..times.len())
        .map(|i| (times[i], senders[i], columns.iter().map(|c| c[i]).collect()))
        .collect()
}

/// A weight recorder's transmissions as `(sender, target (0-based in their
/// populations), time ms, weight pA)`, sorted, up to `t_ms`.
type Transmissions = Vec<(u32, u32, f64, f64)>;

fn transmissions(loaded: &Loaded, name: &str, t_ms: f64) -> Transmissions {
    let net = &loaded.network;
    let (sheet, noisy) = (
        net.populations()[0].first_node_id,
        net.populations()[1].first_node_id,
    );
    let (_, h) = loaded
        .weight_recorders
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no weight recorder `{name}`"));
    let w = net.weights_recorded(h);
    let times = w.times();
    let mut rows: Transmissions = (0..w.len())
        .filter(|&i| times[i] <= t_ms + 1e-9)
        .map(|i| {
            (
                w.senders()[i] - sheet,
                w.targets()[i] - noisy,
                times[i],
                w.weights()[i],
            )
        })
        .collect();
    rows.sort_by(|a, b| a.partial_cmp(b).unwrap());
    rows
}

fn nest_transmissions(v: &Json) -> Transmissions {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let f = floats(r);
            (f[0] as u32, f[1] as u32, f[2], f[3])
        })
        .collect()
}

/// The same transmissions: senders, targets and weights exactly, times to a tic.
fn same_transmissions(got: &Transmissions, want: &Transmissions) {
    assert!(!want.is_empty());
    assert_eq!(got.len(), want.len(), "transmissions");
    for (a, b) in got.iter().zip(want) {
        assert_eq!(
            (a.0, a.1, a.3.to_bits()),
            (b.0, b.1, b.3.to_bits()),
            "{a:?} vs NEST {b:?}"
        );
        assert!((a.2 - b.2).abs() < 1e-6, "{a:?} vs NEST {b:?}");
    }
}

fn nest_spikes(v: &Json) -> Vec<(u32, f64)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_u64().unwrap() as u32, p[1].as_f64().unwrap()))
        .collect()
}

/// The times a spike recorder on a generator recorded, sorted, up to `t_ms`.
fn generator_times(loaded: &Loaded, name: &str, t_ms: f64) -> Vec<f64> {
    let (_, h) = loaded
        .spike_recorders
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no spike recorder `{name}`"));
    let mut out: Vec<f64> = loaded
        .network
        .spikes(h)
        .iter()
        .map(|(_, t)| t)
        .filter(|t| *t <= t_ms)
        .collect();
    out.sort_by(f64::total_cmp);
    out
}

/// The spike recorders connected at 110 ms to a spike generator (NEST's times exactly:
/// its spikes after 110 ms) and to a Poisson generator (a train of its own: nothing
/// before 110 ms, 800 Hz to 250 ms and 200 Hz after, each count within 5 standard
/// deviations of its mean, as NEST's are).
fn same_generator_spikes(loaded: &Loaded, nest: &Json, t_ms: f64) {
    let listed = generator_times(loaded, "listed_spikes", t_ms);
    assert_eq!(listed, floats(&nest["listed_spikes"]), "listed_spikes");
    let counts = |times: &[f64]| {
        assert!(times.iter().all(|t| *t > 110.0), "{times:?}");
        let early = times.iter().filter(|t| **t <= 250.0 + 1e-9).count();
        (early, times.len() - early)
    };
    let within = |(early, late): (usize, usize), what: &str| {
        for (n, mean) in [(early, 800.0 * 0.140), (late, 200.0 * 0.050)] {
            let n = n as f64;
            assert!(
                (n - mean).abs() < 5.0 * f64::sqrt(mean),
                "{what}: {n} spikes, mean {mean}"
            );
        }
    };
    within(
        counts(&generator_times(loaded, "drive_spikes", t_ms)),
        "engine",
    );
    within(counts(&floats(&nest["drive_spikes"])), "NEST");
}

/// The weight recorders: one the protocol creates at 110 ms, one made with the network;
/// the protocol sets the windows of both.
const WEIGHT_RECORDERS: [&str; 2] = ["weights", "side_weights"];

const METERS: [(&str, &[&str]); 5] = [
    ("early", &["V_m"]),
    ("middle", &["V_m", "I_syn_ex"]),
    ("last", &["V_m"]),
    // Made with the network, their `start`, `stop` and `origin` set between runs.
    ("probe_v", &["V_m"]),
    ("probe_fine", &["V_m"]),
];

/// The spikes of the probe (its first neuron counted 0), whose spike recorder's `start`
/// and `origin` the protocol sets, driven by generators whose windows and parameters it
/// sets: NEST's exactly.
fn probe_spikes(loaded: &Loaded, t_ms: f64) -> Vec<(u32, f64)> {
    let net = &loaded.network;
    let (sheet, probe) = (
        net.populations()[0].first_node_id,
        net.populations()[2].first_node_id,
    );
    spikes(loaded, "probe_spikes", t_ms)
        .into_iter()
        .map(|(n, t)| (n + sheet - probe, t))
        .collect()
}

/// The trains whose parameters the protocol sets at 110 ms, recorded from the
/// generators themselves: per train, the expected counts in `(0, 110]` and `(110, 300]`
/// ms (the rates integrated: `inhomogeneous_poisson_generator` 2000 Hz from 10 ms,
/// 400 Hz from 60 ms, then 1000 Hz from 120 ms and 3000 Hz from 200 ms, the rate before
/// 120 ms counted as NEST's own; the sinusoids' modulation over whole periods but a few
/// spikes; `mip_generator` rate times p_copy; the superpositions `n_proc` times `rate`).
const TRAINS: [(&str, f64, f64); 6] = [
    (
        "pinh_spikes",
        2000.0 * 0.050 + 400.0 * 0.050,
        1000.0 * 0.080 + 3000.0 * 0.100,
    ),
    ("psin_spikes", 1000.0 * 0.110, 2000.0 * 0.190),
    ("pmip_spikes", 400.0 * 0.5 * 0.110, 1200.0 * 0.25 * 0.190),
    ("pgam_spikes", 500.0 * 0.110, 1500.0 * 0.190),
    ("pppd_spikes", 500.0 * 0.110, 1000.0 * 0.190),
    ("psg_spikes", 500.0 * 0.110, 1500.0 * 0.190),
];

/// Each train's counts before and after 110 ms within 5 Poisson standard deviations
/// (plus the 10 ms between 110 and 120 ms of the inhomogeneous train, and the
/// sinusoids' part periods: 10 spikes) of the expected, the engine's and NEST's alike.
fn same_train_counts(loaded: &Loaded, nest: &Json, t_ms: f64) {
    for (name, early, late) in TRAINS {
        let within = |times: &[f64], what: &str| {
            let before = times.iter().filter(|t| **t <= 110.0 + 1e-9).count();
            let after = times.len() - before;
            for (n, mean) in [(before, early), (after, late)] {
                let n = n as f64;
                assert!(
                    (n - mean).abs() < 5.0 * mean.sqrt() + 10.0,
                    "{name} ({what}): {n} spikes, mean {mean}"
                );
            }
        };
        within(&generator_times(loaded, name, t_ms), "engine");
        let key = name.trim_end_matches("_spikes");
        within(&floats(&nest[key]), "NEST");
    }
}

/// Compares rows bit for bit, naming the meter and the row.
fn same_rows(name: &str, got: &Rows, want: &Rows) {
    assert_eq!(got.len(), want.len(), "{name}: samples");
    for (k, (a, b)) in got.iter().zip(want).enumerate() {
        assert_eq!(
            (a.0.to_bits(), a.1),
            (b.0.to_bits(), b.1),
            "{name} row {k}: {a:?} vs NEST {b:?}"
        );
        for (x, y) in a.2.iter().zip(&b.2) {
            assert_eq!(
                x.to_bits(),
                y.to_bits(),
                "{name} row {k}: {a:?} vs NEST {b:?}"
            );
        }
    }
}

/// alpha = 0.001: c = 1.949, two samples of `n`.
fn ks_limit(n: usize) -> f64 {
    1.949 * (2.0 / n as f64).sqrt()
}

#[test]
fn values_spikes_and_samples_are_nests() {
    let (_, mut loaded) = load();
    let nest = reference();
    let (sheet, noisy) = run(&mut loaded);
    for name in SHEET {
        let want = floats(&nest["values"][name]);
        assert_eq!(want.len(), 80);
        for (i, (a, b)) in sheet[name].iter().zip(&want).enumerate() {
            assert_eq!(
                a.to_bits(),
                b.to_bits(),
                "{name} of neuron {i}: {a} vs NEST {b}"
            );
        }
    }
    // The mask selection (16 neurons within 0.25 mm) has its own I_e.
    assert_eq!(sheet["I_e"].iter().filter(|v| **v == 500.0).count(), 16);
    for name in RANDOM {
        let want = floats(&nest["random"][name]);
        let d = ks_two_sample(&noisy[name], &want);
        assert!(d < ks_limit(want.len()), "{name}: KS distance {d}");
    }
    assert!(noisy["V_th"].iter().all(|v| (-55.0..-50.0).contains(v)));
    let t = nest["time_ms"].as_f64().unwrap();
    for name in ["spikes", "late"] {
        let (got, want) = (spikes(&loaded, name, t), nest_spikes(&nest["spikes"][name]));
        assert!(!want.is_empty(), "{name}");
        assert_eq!(got, want, "{name}");
    }
    for (name, keys) in METERS {
        let got = samples(&loaded, name, keys, t);
        same_rows(name, &got, &nest_rows(&nest["meters"][name], keys));
    }
    for name in WEIGHT_RECORDERS {
        let got = transmissions(&loaded, name, t);
        same_transmissions(&got, &nest_transmissions(&nest[name]));
    }
    same_generator_spikes(&loaded, &nest["generator_spikes"], t);
    let probe = probe_spikes(&loaded, t);
    assert!(probe.len() > 20, "{probe:?}");
    assert_eq!(probe, nest_spikes(&nest["probe_spikes"]), "probe_spikes");
    same_train_counts(&loaded, &nest["train_spikes"], t);
}

#[test]
fn random_sets_depend_on_the_seed_alone() {
    let run_with = |threads| {
        let (parsed, _) = load();
        let inputs = Inputs {
            threads: Some(threads),
            ..Inputs::default()
        };
        let mut loaded = build(&parsed.description, Seed(11), &inputs).unwrap();
        run(&mut loaded).1
    };
    let (one, two) = (run_with(1), run_with(2));
    assert_eq!(one, two);
    // A different seed draws other values.
    let (parsed, _) = load();
    let mut other = build(&parsed.description, Seed(12), &Inputs::default()).unwrap();
    assert_ne!(run(&mut other).1["V_th"], one["V_th"]);
}

/// The export (`sheet.set(V_m=.. nest.spatial.pos.x ..)`, `SelectNodesByMask(..).set(..)`,
/// `nest.random.*`, recorders created between `Simulate` calls) run on NEST: the
/// engine's spikes and samples bit for bit, its random values' distributions.
#[test]
fn the_export_on_nest_records_what_the_engine_records() {
    let Some(python) = nest_python("protocol_sets") else {
        return;
    };
    let (parsed, mut loaded) = load();
    let options = network_load::export::ExportOptions {
        time_ms: 1.0, // replaced by the protocol's own time
        threads: 1,
    };
    let cells = network_load::export::cells(
        &parsed.description,
        &loaded.network,
        &[],
        "protocol_sets",
        &parsed.docs,
        &options,
    )
    .unwrap();
    let mut script = network_load::export::pynest(&cells);
    for needle in [
        "nest.spatial.pos.x",
        "SelectNodesByMask",
        "nest.random.uniform",
    ] {
        assert!(script.contains(needle), "{needle}:\n{script}");
    }
    // NEST hands a multimeter's last min_delay over at the next Simulate.
    script.push_str(
        "\nnest.Simulate(2.0)\n\
         _first = populations['sheet'][0].global_id\n\
         def _spikes(r):\n\
         \x20   ev = r.get('events')\n\
         \x20   return sorted([int(s) - _first, float(t)] for s, t in zip(ev['senders'], ev['times']) if t <= T_SIM + 1e-9)\n\
         _probe = populations['probe'][0].global_id\n\
         def _meter(m, keys, base=None):\n\
         \x20   ev = m.get('events')\n\
         \x20   base = _first if base is None else base\n\
         \x20   rows = sorted((float(ev['times'][i]), int(ev['senders'][i]) - base, [float(ev[k][i]) for k in keys]) for i in range(len(ev['times'])) if ev['times'][i] <= T_SIM + 1e-9)\n\
         \x20   out = {'times': [r[0] for r in rows], 'senders': [r[1] for r in rows]}\n\
         \x20   for j, k in enumerate(keys):\n\
         \x20       out[k] = [r[2][j] for r in rows]\n\
         \x20   return out\n\
         _noisy = populations['noisy'][0].global_id\n\
         def _weights(r):\n\
         \x20   ev = r.get('events')\n\
         \x20   return sorted([int(s) - _first, int(t) - _noisy, float(tm), float(w)] for s, t, tm, w in zip(ev['senders'], ev['targets'], ev['times'], ev['weights']) if tm <= T_SIM + 1e-9)\n\
         print(json.dumps({'spikes': {n: _spikes(recorders[n]) for n in ['spikes', 'late']},\n\
         \x20                 'meters': {'early': _meter(multimeters['early'], ['V_m']), 'middle': _meter(multimeters['middle'], ['V_m', 'I_syn_ex']), 'last': _meter(multimeters['last'], ['V_m']), 'probe_v': _meter(multimeters['probe_v'], ['V_m'], _probe), 'probe_fine': _meter(multimeters['probe_fine'], ['V_m'], _probe)},\n\
         \x20                 'probe_spikes': sorted([int(s) - _probe, float(t)] for s, t in zip(recorders['probe_spikes'].get('events')['senders'], recorders['probe_spikes'].get('events')['times']) if t <= T_SIM + 1e-9),\n\
         \x20                 'train_spikes': {n: sorted(float(t) for t in recorders[n + '_spikes'].get('events')['times'] if t <= T_SIM + 1e-9) for n in ['pinh', 'psin', 'pmip', 'pgam', 'pppd', 'psg']},\n\
         \x20                 'weights': _weights(recorders['weights']), 'side_weights': _weights(recorders['side_weights']),\n\
         \x20                 'generator_spikes': {n: sorted(float(t) for t in recorders[n].get('events')['times'] if t <= T_SIM + 1e-9) for n in ['listed_spikes', 'drive_spikes']},\n\
         \x20                 'V_th': [float(v) for v in populations['noisy'].get('V_th')]}))\n",
    );
    let nest = last_json(
        "protocol_sets",
        &run_python(&python, "protocol_sets", &script),
    );
    let (_, noisy) = run(&mut loaded);
    let t = loaded.protocol_ms().unwrap();
    for name in ["spikes", "late"] {
        let (got, want) = (spikes(&loaded, name, t), nest_spikes(&nest["spikes"][name]));
        assert!(!want.is_empty(), "{name}");
        assert_eq!(got, want, "{name}");
    }
    for (name, keys) in METERS {
        let got = samples(&loaded, name, keys, t);
        same_rows(name, &got, &nest_rows(&nest["meters"][name], keys));
    }
    for name in WEIGHT_RECORDERS {
        let got = transmissions(&loaded, name, t);
        same_transmissions(&got, &nest_transmissions(&nest[name]));
    }
    same_generator_spikes(&loaded, &nest["generator_spikes"], t);
    assert_eq!(
        probe_spikes(&loaded, t),
        nest_spikes(&nest["probe_spikes"]),
        "probe_spikes"
    );
    same_train_counts(&loaded, &nest["train_spikes"], t);
    for needle in [
        "pstep.set(amplitude_times=[50.0, 140.0, 180.0], amplitude_values=[100.0, 500.0, 200.0])",
        "ppk.set(activity=5)",
        "pac.set(phase=45.0)",
    ] {
        assert!(script.contains(needle), "{needle}");
    }
    let want = floats(&nest["V_th"]);
    let d = ks_two_sample(&noisy["V_th"], &want);
    assert!(d < ks_limit(want.len()), "V_th: KS distance {d}");
}
