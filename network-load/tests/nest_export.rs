//! The exported PyNEST script, run on NEST 3.10, builds the same network as the engine:
//! the seed network and Brunel's network at a small scale (1,000 neurons) are exported,
//! simulated by NEST with the same seed, and compared with the engine's run.
//!
//! - Synapse counts must be equal: `fixed_indegree` creates exactly indegree × targets
//!   synapses in both (inside masks too, since both use the same positions).
//! - Spike counts are random (NEST draws connections and Poisson trains with its own
//!   generator), so they are compared with a two-sample bound: for counts `a` and `b`,
//!   `|a − b| <= 4·sqrt(F·(a + b))`, the standard deviation of the difference when both
//!   counts vary as NEST's do, with `F` the largest Fano factor of a population's count
//!   over NEST's own seeds (positions fixed, as exported), measured with rng_seed 1..8:
//!   - seed network: every count identical over 6 seeds (its spikes come from a DC step
//!     on the cells the engine placed in the corner), so F = 0: the counts must be equal;
//!   - Brunel (800 + 200, 500 ms): exc 11,474..11,929 (F = 1.8), inh F = 0.3; F = 3;
//!   - plastic synapses and receptor ports: pyr F = 1.7, others <= 1.05; F = 3.
//!
//!   With F at 3 against a measured 1.8 (z = 5.2 in effect), a correct engine fails a
//!   comparison with probability below 1e-6.
//!
//! Networks driven deterministically (spike and DC generators only) are compared event
//! for event instead: `protocol.net` (spikes and synapses), `plastic_zoo.net` (spikes,
//! weight-recorder events, final weights and multimeter samples of
//! aeif_cond_beta_multisynapse, gif_cond_exp, stdp_triplet_synapse and
//! vogels_sprekeler_synapse), `gsl_deterministic.net` (the same of iaf_cond_beta,
//! hh_cond_exp_traub, hh_psc_alpha and aeif_psc_exp/alpha/delta) and `psp_weights.net`
//! (weights written as PSP heights onto alpha, exponential and delta PSCs and receptor
//! ports: the computed amplitudes must reach NEST bit for bit).
//!
//! NEST's python is found as `common/mod.rs` says (`$NEST_PYTHON`, else the repository's
//! `.venv`); without one the tests fail, naming what to install, unless
//! `NETWORK_SKIP_NEST=1` opts out explicitly: a missing NEST never passes silently.
//! The seed network's notebook is run too and must print the same summary as its
//! script. They add about 15 s.

use network_core::Seed;
use network_load::export::{self, ExportOptions};
use network_load::{build, parse, Inputs, Source};
use serde_json::Value;
use std::path::Path;

mod common;
use common::{last_json, nest_python, repo, run_python};

/// Runs the script on NEST and returns its JSON summary (the last JSON line of stdout:
/// the notebook prints its multimeter summary after it).
fn run_on_nest(python: &Path, name: &str, script: &str) -> Value {
    last_json(name, &run_python(python, name, script))
}

/// Builds `file` on the engine, exports it, runs both (and the notebook when asked),
/// and compares.
fn compare(file: &str, sizes: &[(&str, usize)], time_ms: f64, fano: f64, run_notebook: bool) {
    let _ = compare_summary(file, sizes, time_ms, fano, run_notebook);
}

/// [`compare`], returning NEST's summary (`None` where NEST is skipped).
fn compare_summary(
    file: &str,
    sizes: &[(&str, usize)],
    time_ms: f64,
    fano: f64,
    run_notebook: bool,
) -> Option<Value> {
    let python = nest_python(file)?;
    let source = Source::read(&repo().join(file)).unwrap();
    let parsed = parse(&source).unwrap();
    let seed = Seed(parsed.description.seed);
    let inputs = Inputs {
        sizes: sizes.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        ..Inputs::default()
    };
    let mut loaded = build(&parsed.description, seed, &inputs).unwrap();
    let options = ExportOptions {
        time_ms,
        threads: 1,
    };
    let title = parsed.name.clone().unwrap_or_default();
    let cells = export::cells(
        &parsed.description,
        &loaded.network,
        &[],
        &title,
        &parsed.docs,
        &options,
    )
    .unwrap();
    let nest = run_on_nest(&python, &title, &export::pynest(&cells));
    if run_notebook {
        // The notebook's code cells, run in order, are the same program.
        let runner = format!(
            "import json\nnb = json.loads({})\nfor cell in nb['cells']:\n    if cell['cell_type'] == 'code':\n        exec(''.join(cell['source']))\n",
            serde_json::to_string(&export::notebook(&cells)).unwrap()
        );
        assert_eq!(
            run_on_nest(&python, &format!("{title}-notebook"), &runner),
            nest
        );
    }
    loaded.network.simulate(time_ms).unwrap();
    let net = &loaded.network;

    assert_eq!(nest["rng_seed"], seed.0);
    for p in net.projections() {
        assert_eq!(
            nest["projections"][&p.name]["synapses"], p.synapses,
            "synapses of `{}`",
            p.name
        );
    }
    let agree = |what: &str, ours: usize, theirs: &Value| {
        let theirs = theirs
            .as_u64()
            .unwrap_or_else(|| panic!("{what}: {theirs}")) as f64;
        let ours = ours as f64;
        let bound = 4.0 * (fano * (ours + theirs)).sqrt();
        eprintln!("{what}: engine {ours}, NEST {theirs}, bound {bound:.0}");
        assert!(
            (ours - theirs).abs() <= bound,
            "{what}: engine {ours} spikes, NEST {theirs}; |difference| above 4 sd ({bound:.1})"
        );
    };
    let mut total = 0;
    for (p, info) in net.populations().iter().enumerate() {
        assert_eq!(nest["populations"][&info.name]["size"], info.len);
        agree(
            &format!("spikes of `{}`", info.name),
            net.spike_count(p),
            &nest["populations"][&info.name]["spikes"],
        );
        total += net.spike_count(p);
    }
    assert!(total > 40, "too few spikes to compare: {total}");
    for (name, handle) in &loaded.spike_recorders {
        agree(
            &format!("events of `{name}`"),
            net.spikes(handle).len(),
            &nest["recorders"][name]["events"],
        );
    }
    for (name, handle) in &loaded.weight_recorders {
        agree(
            &format!("events of weight recorder `{name}`"),
            net.weights_recorded(handle).len(),
            &nest["recorders"][name]["events"],
        );
    }
    Some(nest)
}

#[test]
fn spike_recorders_on_generators_on_nest_agree_with_the_engine() {
    // Each cell has its own Poisson train (F = 1), the recorders' Poisson trains are
    // their own draws (F = 1); F = 3 leaves room for the cells' shared drive.
    let Some(nest) = compare_summary(
        "network-load/tests/data/generator_recorders.net",
        &[],
        500.0,
        3.0,
        false,
    ) else {
        return;
    };
    // Deterministic: 4 listed spikes and 2 packets of 5 (sdev 0), in both.
    assert_eq!(nest["recorders"]["listed"]["events"], 14);
}

#[test]
fn weight_recorders_and_time_in_steps_on_nest_agree_with_the_engine() {
    // Deterministic (spike generators through parrots into STDP synapses): the same
    // spikes and the same number of weight-recorder events, exactly.
    compare(
        "network-load/tests/data/recorders.net",
        &[],
        600.0,
        0.0,
        false,
    );
}

#[test]
fn seed_network_on_nest_agrees_with_the_engine() {
    compare("examples/seed_network.net", &[], 1000.0, 0.0, true);
}

#[test]
fn small_brunel_on_nest_agrees_with_the_engine() {
    compare(
        "examples/brunel.net",
        &[("ne", 800), ("ni", 200)],
        500.0,
        3.0,
        false,
    );
}

#[test]
fn plastic_synapses_parrots_and_receptor_ports_on_nest_agree_with_the_engine() {
    // Independent Poisson trains through parrots (F = 0.5 measured), inflated by the
    // shared inputs of the driven cells (pyr: F = 1.7).
    compare(
        "network-load/tests/data/plastic_receptors.net",
        &[],
        1000.0,
        3.0,
        false,
    );
}

#[test]
fn issue_12_synapse_models_on_nest_agree_with_the_engine() {
    // stdp_pl_synapse_hom (a named variant and inline), stdp_synapse_hom,
    // static_synapse_hom_w (common parameters as CopyModels per projection),
    // bernoulli_synapse, quantal_stp_synapse and plastic synapses onto receptor ports:
    // the same synapse counts, and spike counts within the bound of `compare`.
    compare(
        "network-load/tests/data/synapse_models.net",
        &[],
        1000.0,
        5.0,
        false,
    );
}

#[test]
fn conductance_based_and_adaptive_models_on_nest_agree_with_the_engine() {
    // Independent Poisson drive onto each neuron (F = 1), inflated by the shared
    // recurrent inputs.
    compare(
        "network-load/tests/data/conductance.net",
        &[],
        1000.0,
        5.0,
        false,
    );
}

#[test]
fn hodgkin_huxley_beta_and_adaptive_current_models_on_nest_agree_with_the_engine() {
    compare(
        "network-load/tests/data/gsl_models.net",
        &[],
        1000.0,
        5.0,
        false,
    );
}

#[test]
fn exact_models_on_nest_agree_with_the_engine() {
    // izhikevich (both schemes), iaf_psc_exp_htum, mat2/amat2_psc_exp, gif_psc_exp and
    // pp_psc_delta with their list parameters, flags and recordables, under independent
    // Poisson trains and fixed_indegree input from one another (F as for the plastic
    // network: shared inputs inflate the counts' variance).
    compare(
        "network-load/tests/data/exact_models.net",
        &[],
        1000.0,
        5.0,
        false,
    );
}

#[test]
fn deterministic_devices_on_nest_agree_with_the_engine() {
    // Step and sine currents, listed spike times and a threshold of +inf: nothing is
    // random, so the counts must be equal (F = 0).
    compare(
        "network-load/tests/data/devices.net",
        &[],
        500.0,
        0.0,
        false,
    );
}

#[test]
fn rate_generators_on_nest_agree_with_the_engine() {
    // Poisson counts of independent trains (F = 1); a train shared by 2 parrots (F = 2)
    // and mip's copies to 4 parrots (F = 1 + 3 · 0.3 = 1.9): F = 3.
    compare(
        "network-load/tests/data/rate_generators.net",
        &[],
        1000.0,
        3.0,
        false,
    );
}

#[test]
fn train_generators_on_nest_agree_with_the_engine() {
    // Pulse packets: the same 80 spikes for each parrot (F = 0); gamma and dead-time
    // superpositions and gamma trains have F < 1; the gamma train shared by 2 parrots
    // F = 2.
    compare(
        "network-load/tests/data/train_generators.net",
        &[],
        1000.0,
        2.0,
        false,
    );
}

#[test]
fn masks_at_their_edges_and_per_axis_kernels_on_nest_agree_with_the_engine() {
    // Deterministic connections (p = 1 inside masks whose edges fall on grid nodes,
    // NEST's duplicate edge pairs included) under a constant current: the counts of
    // synapses and spikes must be NEST's exactly (F = 0); the kernel-weighted
    // fixed_indegree projections (weight 0) must run on NEST with NEST's counts.
    compare(
        "network-load/tests/data/spatial_edges.net",
        &[],
        300.0,
        0.0,
        false,
    );
}

#[test]
fn grid_masks_on_nest_agree_with_the_engine() {
    // NEST's grid mask with anchors, periodic and open, between grids of different
    // spacings and selecting a recorder's neurons: deterministic connections (p = 1),
    // so the counts of synapses and spikes must be NEST's exactly (F = 0).
    compare(
        "network-load/tests/data/grid_masks.net",
        &[],
        300.0,
        0.0,
        false,
    );
}

/// A `protocol` block (runs, neuron parameters on populations and slices, generator and
/// recorder parameters, weights) and connections between slices: the exported script
/// run on NEST records the same spikes (sender and time) and makes the same synapses
/// (source and target node ids) as the engine running the protocol; the randomly drawn
/// connections on slices (weight 0) have the same degrees and stay inside the slices.
#[test]
fn protocols_and_slices_on_nest_agree_spike_for_spike() {
    let Some(python) = nest_python("protocol.net") else {
        return;
    };
    let file = "network-load/tests/data/protocol.net";
    let parsed = parse(&Source::read(&repo().join(file)).unwrap()).unwrap();
    let seed = Seed(parsed.description.seed);
    let mut loaded = build(&parsed.description, seed, &Inputs::default()).unwrap();
    let options = ExportOptions {
        time_ms: 1.0, // replaced by the protocol's own time
        threads: 1,
    };
    let cells = export::cells(
        &parsed.description,
        &loaded.network,
        &[],
        "protocol",
        &[],
        &options,
    )
    .unwrap();
    let script = export::pynest(&cells);
    assert!(script.contains("T_SIM = 250.0"), "{script}");
    // After the summary: every recorder's events and every neuron-to-neuron synapse.
    let n_neurons: usize = loaded.network.populations().iter().map(|p| p.len).sum();
    let extra = format!(
        "\nevents = {{name: sorted(zip(rec.events['senders'].tolist(), [round(t * 10) for t in rec.events['times']])) for name, rec in recorders.items()}}\n\
         def pairs(model):\n    c = nest.GetConnections(synapse_model=model)\n    return sorted((s, t) for s, t in zip(c.source, c.target) if s <= {n_neurons} and t <= {n_neurons})\n\
         print(json.dumps({{\"events\": events, \"pairs\": pairs(\"static_synapse\"), \"random\": pairs(\"silent\")}}))\n"
    );
    let nest = run_on_nest(&python, "protocol", &(script + &extra));
    loaded.run_protocol().unwrap();
    let net = &loaded.network;
    for (name, h) in &loaded.spike_recorders {
        let spikes = net.spikes(h);
        let mut ours: Vec<(u32, i64)> = spikes
            .senders()
            .iter()
            .copied()
            .zip(spikes.steps().iter().copied())
            .collect();
        ours.sort_unstable();
        let theirs: Vec<(u32, i64)> = serde_json::from_value(nest["events"][name].clone()).unwrap();
        assert!(
            ours.len() > 20,
            "too few spikes in `{name}`: {}",
            ours.len()
        );
        assert_eq!(ours, theirs, "spikes of `{name}`");
    }
    let pops = net.populations();
    let mut ours: Vec<(u32, u32)> = Vec::new();
    let mut random: Vec<(u32, u32)> = Vec::new();
    for (i, (_, h)) in loaded.projections.iter().enumerate() {
        let info = &net.projections()[i];
        let (s0, t0) = (
            pops[info.source].first_node_id,
            pops[info.target].first_node_id,
        );
        let pairs = net
            .connections(h)
            .into_iter()
            .map(|c| (s0 + c.source, t0 + c.target));
        match i {
            0..=3 => ours.extend(pairs),
            _ => random.extend(pairs),
        }
    }
    ours.sort_unstable();
    let theirs: Vec<(u32, u32)> = serde_json::from_value(nest["pairs"].clone()).unwrap();
    assert_eq!(ours.len(), 10 + 9 + 20 + 90);
    assert_eq!(ours, theirs, "synapses");
    // fixed_indegree(3) from exc[5..15] (node ids 6..=15) onto inh[2..8] (ids 23..=28),
    // fixed_outdegree(2) from inh[0..4] (ids 21..=24) onto exc[10..] (ids 11..=20):
    // per target and per source the same degrees, every partner inside its slice.
    let theirs: Vec<(u32, u32)> = serde_json::from_value(nest["random"].clone()).unwrap();
    for pairs in [&random, &theirs] {
        let (indegree, outdegree): (Vec<&(u32, u32)>, Vec<_>) =
            pairs.iter().partition(|p| p.0 <= 20);
        let mut targets: Vec<u32> = indegree.iter().map(|p| p.1).collect();
        targets.sort_unstable();
        let expected: Vec<u32> = (23..=28).flat_map(|t| [t; 3]).collect();
        assert_eq!(targets, expected);
        assert!(indegree.iter().all(|p| (6..=15).contains(&p.0)));
        let mut sources: Vec<u32> = outdegree.iter().map(|p| p.0).collect();
        sources.sort_unstable();
        assert_eq!(
            sources,
            (21..=24).flat_map(|s| [s; 2]).collect::<Vec<u32>>()
        );
        assert!(outdegree.iter().all(|p| (11..=20).contains(&p.1)));
    }
}

/// What [`compare_event_for_event`] compared: spikes, synapses between neurons (of them
/// the weights plasticity moved away from integers), multimeter values and the
/// bit-identical ones among them.
struct Compared {
    spikes: usize,
    synapses: usize,
    plastic: usize,
    samples: usize,
    same_samples: usize,
}

/// Builds `file` on the engine, exports it, runs both for `time_ms` and compares them
/// event for event (the network must be driven deterministically): the same synapse
/// counts, every spike (sender, step) of every recorder identical (at least
/// `min_spikes` per recorder), every weight-recorder event (sender, target, step,
/// weight) identical, the final weight of every synapse between neurons bit-identical
/// (as the conformance cases find: docs/fidelity.md), and every multimeter sample within
/// 1e-6 relative of NEST's (the GSL-integrated models' bound in issue 12; the
/// bit-identical ones are counted). `None` where NEST is skipped.
fn compare_event_for_event(file: &str, time_ms: f64, min_spikes: usize) -> Option<Compared> {
    let python = nest_python(file)?;
    let title = Path::new(file).file_stem().unwrap().to_str().unwrap();
    let parsed = parse(&Source::read(&repo().join(file)).unwrap()).unwrap();
    let seed = Seed(parsed.description.seed);
    let mut loaded = build(&parsed.description, seed, &Inputs::default()).unwrap();
    let options = ExportOptions {
        time_ms,
        threads: 1,
    };
    let cells = export::cells(
        &parsed.description,
        &loaded.network,
        &[],
        title,
        &[],
        &options,
    )
    .unwrap();
    let n_neurons: usize = loaded.network.populations().iter().map(|p| p.len).sum();
    // After the summary: spikes and weight-recorder events in steps, the synapses between
    // neurons with their weights, every multimeter's samples by time and sender.
    let extra = format!(
        "\nsteps = lambda ts: [round(t * 10) for t in ts]\n\
         spikes = {{name: sorted(zip(rec.events['senders'].tolist(), steps(rec.events['times']))) for name, rec in recorders.items() if 'weights' not in rec.events}}\n\
         weights = {{name: sorted(zip(rec.events['senders'].tolist(), rec.events['targets'].tolist(), steps(rec.events['times']), rec.events['weights'].tolist())) for name, rec in recorders.items() if 'weights' in rec.events}}\n\
         c = nest.GetConnections()\n\
         synapses = sorted((s, t, w) for s, t, w in zip(c.source, c.target, c.weight) if s <= {n_neurons} and t <= {n_neurons})\n\
         def samples(m):\n    e = m.events\n    order = sorted(range(len(e['times'])), key=lambda i: (e['times'][i], e['senders'][i]))\n    return {{k: [float(e[k][i]) for i in order] for k in e.keys() if k not in ('times', 'senders')}} | {{'steps': [round(e['times'][i] * 10) for i in order], 'senders': [int(e['senders'][i]) for i in order]}}\n\
         print(json.dumps({{\"summary\": summary, \"spikes\": spikes, \"weights\": weights, \"synapses\": synapses, \"samples\": {{name: samples(m) for name, m in multimeters.items()}}}}))\n"
    );
    let nest = run_on_nest(&python, title, &(export::pynest(&cells) + &extra));
    loaded.network.simulate(time_ms).unwrap();
    let net = &loaded.network;

    let mut spikes = 0;
    for (name, h) in &loaded.spike_recorders {
        let s = net.spikes(h);
        let ours: Vec<(u32, i64)> = s
            .senders()
            .iter()
            .copied()
            .zip(s.steps().iter().copied())
            .collect();
        let mut sorted = ours.clone();
        sorted.sort_unstable();
        let theirs: Vec<(u32, i64)> = serde_json::from_value(nest["spikes"][name].clone()).unwrap();
        assert!(
            ours.len() >= min_spikes,
            "too few spikes in `{name}`: {}",
            ours.len()
        );
        assert_eq!(sorted, theirs, "spikes of `{name}`");
        spikes += ours.len();
    }
    eprintln!("{spikes} of {spikes} spikes identical (sender and step)");
    for (name, h) in &loaded.weight_recorders {
        let e = net.weights_recorded(h);
        let mut ours: Vec<(u32, u32, i64, f64)> = (0..e.len())
            .map(|i| (e.senders()[i], e.targets()[i], e.steps()[i], e.weights()[i]))
            .collect();
        ours.sort_by(|a, b| {
            (a.0, a.1, a.2)
                .cmp(&(b.0, b.1, b.2))
                .then(a.3.total_cmp(&b.3))
        });
        let theirs: Vec<(u32, u32, i64, f64)> =
            serde_json::from_value(nest["weights"][name].clone()).unwrap();
        assert!(ours.len() > 100, "`{name}`: {} events", ours.len());
        assert_eq!(ours.len(), theirs.len(), "events of `{name}`");
        for (a, b) in ours.iter().zip(&theirs) {
            assert_eq!((a.0, a.1, a.2), (b.0, b.1, b.2), "`{name}`");
            assert_eq!(
                a.3.to_bits(),
                b.3.to_bits(),
                "`{name}`: {a:?} vs NEST {b:?}"
            );
        }
        eprintln!(
            "`{name}`: {} of {} weight events bit-identical",
            ours.len(),
            theirs.len()
        );
    }

    let pops = net.populations();
    let mut ours: Vec<(u32, u32, f64)> = Vec::new();
    for (i, (_, h)) in loaded.projections.iter().enumerate() {
        let info = &net.projections()[i];
        assert_eq!(
            nest["summary"]["projections"][&info.name]["synapses"], info.synapses,
            "synapses of `{}`",
            info.name
        );
        let (s0, t0) = (
            pops[info.source].first_node_id,
            pops[info.target].first_node_id,
        );
        ours.extend(
            net.connections(h)
                .into_iter()
                .map(|c| (s0 + c.source, t0 + c.target, c.weight)),
        );
    }
    let key = |a: &(u32, u32, f64), b: &(u32, u32, f64)| {
        (a.0, a.1).cmp(&(b.0, b.1)).then(a.2.total_cmp(&b.2))
    };
    ours.sort_by(key);
    let mut theirs: Vec<(u32, u32, f64)> =
        serde_json::from_value(nest["synapses"].clone()).unwrap();
    theirs.sort_by(key);
    assert_eq!(ours.len(), theirs.len(), "synapses between neurons");
    let mut plastic = 0;
    for (a, b) in ours.iter().zip(&theirs) {
        assert_eq!((a.0, a.1), (b.0, b.1));
        assert_eq!(a.2.to_bits(), b.2.to_bits(), "weight {a:?} vs NEST {b:?}");
        plastic += usize::from(a.2.abs() % 1.0 != 0.0);
    }
    eprintln!(
        "{} of {} final weights bit-identical ({plastic} of them moved by plasticity)",
        ours.len(),
        theirs.len()
    );

    let (mut n, mut same) = (0, 0);
    for (name, h) in &loaded.multimeters {
        let s = net.samples(h);
        let e = &nest["samples"][name];
        let steps: Vec<i64> = serde_json::from_value(e["steps"].clone()).unwrap();
        let senders: Vec<u32> = serde_json::from_value(e["senders"].clone()).unwrap();
        // NEST holds the samples of the run's last step back (until a next run): the
        // engine's extra samples at the end, one per neuron, are not compared.
        let neurons: std::collections::BTreeSet<u32> = s.senders().iter().copied().collect();
        assert_eq!(
            s.len() - steps.len(),
            neurons.len(),
            "`{name}`: {} samples, NEST {}",
            s.len(),
            steps.len()
        );
        assert!(s.steps()[..steps.len()] == steps, "times of `{name}`");
        assert!(s.senders()[..steps.len()] == senders, "senders of `{name}`");
        for &var in s.record_from() {
            let ours = &s.values(var).unwrap()[..steps.len()];
            let theirs: Vec<f64> = serde_json::from_value(e[&*var.name()].clone()).unwrap();
            assert_eq!(ours.len(), theirs.len(), "`{name}`: {}", var.name());
            for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
                assert!(
                    (a - b).abs() <= 1e-6 * b.abs().max(1e-300),
                    "`{name}` {} at step {}, node {}: {a} vs NEST {b}",
                    var.name(),
                    steps[i],
                    senders[i]
                );
                n += 1;
                same += usize::from(a.to_bits() == b.to_bits());
            }
        }
    }
    assert!(n >= 1000, "{n} samples");
    eprintln!("{same} of {n} multimeter samples bit-identical to NEST, all within 1e-6");
    Some(Compared {
        spikes,
        synapses: ours.len(),
        plastic,
        samples: n,
        same_samples: same,
    })
}

/// `plastic_zoo.net` (issue 12's models whose front ends had no NEST test:
/// aeif_cond_beta_multisynapse with three ports fed by static, stdp and vogels_sprekeler
/// synapses, gif_cond_exp in the deterministic limit of its escape rule, stdp_triplet and
/// vogels_sprekeler synapses), driven only by spike generators and a DC step, run on
/// NEST for 400 ms and compared event for event. Measured: 225 of 225 spikes and 168 of
/// 168 weight events identical, 66 of 66 final weights (42 moved by plasticity) and
/// 11,970 of 11,970 samples bit-identical.
#[test]
fn plastic_zoo_on_nest_agrees_spike_for_spike_and_weight_for_weight() {
    let Some(c) = compare_event_for_event("network-load/tests/data/plastic_zoo.net", 400.0, 40)
    else {
        return;
    };
    // The plastic synapses moved away from their (integer) initial weights.
    assert!(c.plastic >= 30, "{} weights changed", c.plastic);
    assert_eq!(c.synapses, 66);
    assert!(c.spikes >= 200 && c.same_samples <= c.samples);
}

/// `gsl_deterministic.net`: iaf_cond_beta, hh_cond_exp_traub, hh_psc_alpha,
/// aeif_psc_exp, aeif_psc_alpha and aeif_psc_delta (compared in spike counts only under
/// Poisson drive by `hodgkin_huxley_beta_and_adaptive_current_models_on_nest_agree_with_the_engine`)
/// driven by listed spikes through parrots, DC steps and one another, run on NEST for
/// 300 ms and compared event for event. Measured: 221 of 221 spikes identical, 105 of
/// 105 final weights and 19,734 of 19,734 samples bit-identical.
#[test]
fn gsl_models_on_nest_agree_spike_for_spike_under_deterministic_drive() {
    let Some(c) =
        compare_event_for_event("network-load/tests/data/gsl_deterministic.net", 300.0, 15)
    else {
        return;
    };
    assert!(c.spikes >= 150 && c.synapses > 0 && c.same_samples <= c.samples);
}

/// `psp_weights.net`: weights written as PSP heights (`psp(..)`) onto iaf_psc_alpha,
/// iaf_psc_exp, iaf_psc_delta and the two ports of iaf_psc_exp_multisynapse (each its
/// own tau_syn), driven by listed spikes through parrots, run on NEST for 300 ms and
/// compared event for event: the computed amplitudes reach NEST as the engine's (every
/// weight bit-identical) and give the same spikes and membrane potentials.
#[test]
fn psp_weights_on_nest_agree_spike_for_spike() {
    let Some(c) = compare_event_for_event("network-load/tests/data/psp_weights.net", 300.0, 10)
    else {
        return;
    };
    assert_eq!(c.synapses, 6 + 6 + 12 + 12 + 6 + 6);
    assert!(c.spikes >= 40 && c.same_samples <= c.samples);
    eprintln!(
        "psp_weights: {} spikes, {} synapses, {} of {} samples bit-identical",
        c.spikes, c.synapses, c.same_samples, c.samples
    );
}

/// `infinite_traces.net`: `tau_minus` and `tau_minus_triplet` = inf ms (traces that
/// never decay, as NEST computes them with 1/tau = 0) on the targets of stdp,
/// stdp_triplet and stdp_pl_synapse_hom synapses, exported with the infinities, run on
/// NEST for 400 ms and compared event for event.
#[test]
fn infinite_trace_time_constants_on_nest_agree_spike_for_spike() {
    let Some(c) = compare_event_for_event("network-load/tests/data/infinite_traces.net", 400.0, 10)
    else {
        return;
    };
    assert_eq!(c.synapses, 4 * 3 * 2);
    assert!(c.plastic >= 15, "{} weights changed", c.plastic);
    eprintln!(
        "infinite_traces: {} spikes, {} synapses ({} moved), {} of {} samples bit-identical",
        c.spikes, c.synapses, c.plastic, c.same_samples, c.samples
    );
}
