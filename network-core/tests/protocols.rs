//! Protocols against NEST 3.10: networks changed between `simulate` calls (neuron
//! parameters and V_m, generator parameters, a recorder's window, multimeters added
//! after a run, synapse weights, receptors and plastic state read and set), replayed from
//! `conformance/reference/protocols/` (generated in NEST by
//! `conformance/cases_protocols.py` through `run_nest.py`). Spike times must be the
//! same, traces, weights and synapse state bit-identical (the release sites `a` of
//! `quantal_stp_synapse`, drawn at random, only in range), lengths equal.

use network_core::*;
use serde_json::{Map, Value as Json};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../conformance/reference/protocols")
}

fn num(v: &Json) -> f64 {
    match v {
        Json::Null => f64::INFINITY,
        v => v
            .as_f64()
            .unwrap_or_else(|| panic!("number expected, got {v}")),
    }
}

fn floats(v: &Json) -> Vec<f64> {
    v.as_array().unwrap().iter().map(num).collect()
}

fn indices(v: &Json) -> Option<Vec<u32>> {
    v.as_array()
        .map(|a| a.iter().map(|i| i.as_u64().unwrap() as u32).collect())
}

fn population<M: NeuronModel>(
    b: &mut NetworkBuilder,
    name: &str,
    params: &Map<String, Json>,
    n: usize,
) -> PopulationHandle<Dyn> {
    let mut m = M::default();
    for (k, v) in params {
        match v {
            Json::Array(_) => m.set_list("case", k, &floats(v)),
            v => m.set("case", k, num(v)),
        }
        .unwrap();
    }
    b.population(name, &Model::nest(m).unwrap(), Dyn(n))
        .unwrap()
}

fn select(pops: &[PopulationHandle<Dyn>], p: &Json, which: &Json) -> Selection {
    let pop = &pops[p.as_u64().unwrap() as usize];
    match indices(which) {
        None => pop.all(),
        Some(list) => pop.indices(&list),
    }
}

fn meter_params(m: &Json) -> Multimeter {
    Multimeter {
        interval: num(&m["interval"]),
        offset: num(&m["offset"]),
        record_from: m["record_from"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| Recordable::from_name(v.as_str().unwrap()).unwrap())
            .collect(),
        ..Multimeter::default()
    }
}

/// Senders, times, and per recordable its values.
type SampleTable = (Vec<u32>, Vec<f64>, Vec<(String, Vec<f64>)>);

/// One synapse as read: source, target, weight, delay, receptor and the state by name.
type Read = (u32, u32, f64, f64, u16, Vec<(String, f64)>);

/// What the engine produced: spikes `(sender index, time)`, per multimeter its table,
/// and each read of connections.
struct Outcome {
    spikes: Vec<(u32, f64)>,
    meters: Vec<SampleTable>,
    reads: Vec<Vec<Read>>,
    /// The messages of the sets refused, as NEST refuses them.
    refused: Vec<String>,
}

/// The synapse of a connection set: its model with the case's parameters and receptor.
fn synapse(conn: &Json) -> Synapse {
    let (w, d) = (num(&conn["weight"]), num(&conn["delay"]));
    let params = conn["syn_params"].as_object().unwrap();
    let receptor = params
        .get("receptor_type")
        .map_or(0, |r| u16::try_from(r.as_u64().unwrap()).unwrap());
    macro_rules! with_params {
        ($syn:expr) => {{
            let mut s = $syn.receptor(receptor);
            for (k, v) in params.iter().filter(|(k, _)| *k != "receptor_type") {
                s.set("case", k, num(v)).unwrap();
            }
            Synapse::from(s)
        }};
    }
    match conn["synapse_model"].as_str().unwrap() {
        "static_synapse" => with_params!(StaticSynapse::new(w, d)),
        "stdp_synapse" => with_params!(StdpSynapse::new(w, d)),
        "stdp_synapse_hom" => with_params!(StdpSynapseHom::new(w, d)),
        "stdp_triplet_synapse" => with_params!(StdpTripletSynapse::new(w, d)),
        "vogels_sprekeler_synapse" => with_params!(VogelsSprekelerSynapse::new(w, d)),
        "tsodyks_synapse" => with_params!(TsodyksSynapse::new(w, d)),
        "tsodyks2_synapse" => with_params!(Tsodyks2Synapse::new(w, d)),
        "quantal_stp_synapse" => with_params!(QuantalStpSynapse::new(w, d)),
        other => panic!("synapse {other} not supported by the harness"),
    }
}

fn run(case: &Json) -> Outcome {
    let res = Resolution::new(num(&case["resolution"])).unwrap();
    let mut b = NetworkBuilder::new(res, Seed::default());
    // NEST's kernel min_delay and max_delay, when the case sets them.
    if let Some(k) = case.get("kernel") {
        b = b
            .delay_extrema(num(&k["min_delay"]), num(&k["max_delay"]))
            .unwrap();
    }
    let mut pops = Vec::new();
    for (i, n) in case["neurons"].as_array().unwrap().iter().enumerate() {
        let params = n["params"].as_object().unwrap();
        let size = n["n"].as_u64().unwrap() as usize;
        let name = format!("p{i}");
        pops.push(match n["model"].as_str().unwrap() {
            "iaf_psc_alpha" => population::<IafPscAlpha>(&mut b, &name, params, size),
            "iaf_psc_exp" => population::<IafPscExp>(&mut b, &name, params, size),
            "iaf_psc_delta" => population::<IafPscDelta>(&mut b, &name, params, size),
            "iaf_psc_exp_multisynapse" => {
                population::<IafPscExpMultisynapse>(&mut b, &name, params, size)
            }
            other => panic!("model {other} not supported by the harness"),
        });
    }
    let mut gens = Vec::new();
    for (g, gen) in case["generators"].as_array().unwrap().iter().enumerate() {
        let p = gen["params"].as_object().unwrap();
        let target = [select(&pops, &gen["pop"], &gen["indices"])];
        let syn = StaticSynapse::new(num(&gen["weight"]), num(&gen["delay"]));
        let window = Window {
            start: p.get("start").map_or(0.0, num),
            stop: p.get("stop").map_or(f64::INFINITY, num),
            origin: p.get("origin").map_or(0.0, num),
        };
        let name = format!("g{g}");
        gens.push(match gen["model"].as_str().unwrap() {
            "dc_generator" => {
                let params = DcGenerator {
                    amplitude: num(&p["amplitude"]),
                    window,
                };
                b.dc_generator(&name, params, &target, &syn).unwrap()
            }
            "spike_generator" => {
                let params = SpikeGenerator {
                    spike_times: floats(&p["spike_times"]),
                    window,
                    ..SpikeGenerator::default()
                };
                b.spike_generator(&name, params, &target, &syn).unwrap()
            }
            "step_current_generator" => {
                let params = StepCurrentGenerator { window, ..table(p) };
                b.step_current_generator(&name, params, &target, &syn)
                    .unwrap()
            }
            "ac_generator" => {
                let params = AcGenerator { window, ..table(p) };
                b.ac_generator(&name, params, &target, &syn).unwrap()
            }
            "pulsepacket_generator" => {
                let params = PulsepacketGenerator { window, ..table(p) };
                b.pulsepacket_generator(&name, params, &target, &syn)
                    .unwrap()
            }
            other => panic!("generator {other} not supported by the harness"),
        });
    }
    let mut projections = Vec::new();
    for (c, conn) in case["connections"].as_array().unwrap().iter().enumerate() {
        let synapse = synapse(conn);
        let pairs: Vec<(u32, u32)> = conn["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_u64().unwrap() as u32, p[1].as_u64().unwrap() as u32))
            .collect();
        let (s, t) = (
            &pops[conn["source"].as_u64().unwrap() as usize],
            &pops[conn["target"].as_u64().unwrap() as usize],
        );
        projections.push(
            b.connect_pairs(&format!("c{c}"), s, t, &pairs, synapse)
                .unwrap(),
        );
    }
    let mut meters = Vec::new();
    if let Some(m) = case["record"].as_object() {
        let m = Json::Object(m.clone());
        let target = [select(&pops, &m["pop"], &Json::Null)];
        meters.push(b.multimeter("meter", meter_params(&m), &target).unwrap());
    }
    let all: Vec<Selection> = pops.iter().map(PopulationHandle::all).collect();
    let recorder = b
        .spike_recorder("spikes", SpikeRecorder::default(), &all)
        .unwrap();
    let mut net = b.build().unwrap();
    net.set_progress(false);
    let mut reads = Vec::new();
    let mut refused = Vec::new();
    for step in case["steps"].as_array().unwrap() {
        let projection = |k: &Json| projections[k.as_u64().unwrap() as usize];
        match step[0].as_str().unwrap() {
            "simulate" => net.simulate(num(&step[1])).unwrap(),
            "set_neurons" => {
                let selection = select(&pops, &step[1], &step[2]);
                for (name, v) in step[3].as_object().unwrap() {
                    net.set_neurons(&selection, name, num(v)).unwrap();
                }
            }
            "set_generator" => {
                let g = gens[step[1].as_u64().unwrap() as usize];
                for (name, v) in step[2].as_object().unwrap() {
                    let value = match v {
                        Json::Array(_) => Setting::List(floats(v)),
                        v => Setting::Number(num(v)),
                    };
                    net.set_generator(&g, name, value).unwrap();
                }
            }
            "set_spike_recorder" => {
                for (name, v) in step[1].as_object().unwrap() {
                    net.set_spike_recorder(&recorder, name, num(v)).unwrap();
                }
            }
            "add_multimeter" => {
                let target = [select(&pops, &step[1]["pop"], &Json::Null)];
                let name = format!("added{}", meters.len());
                let params = meter_params(&step[1]);
                meters.push(net.add_multimeter(&name, params, &target).unwrap());
            }
            "read_connections" => reads.push(
                net.connections(&projection(&step[1]))
                    .iter()
                    .map(|c| {
                        let state = c.state.iter().map(|&(k, v)| (k.to_string(), v)).collect();
                        (c.source, c.target, c.weight, c.delay, c.receptor, state)
                    })
                    .collect(),
            ),
            "set_synapses" => {
                net.set_synapse_states(&projection(&step[1]), &settings(&step[2]))
                    .unwrap();
            }
            "set_synapses_refused" => {
                let values = settings(&step[2]);
                let projection = projection(&step[1]);
                let before = net.connections(&projection);
                let err = net
                    .set_synapse_states(&projection, &values)
                    .expect_err("NEST refuses this set");
                assert_eq!(net.connections(&projection), before, "refused: {err}");
                refused.push(err.to_string());
            }
            "set_weights" => match &step[2] {
                Json::Array(_) => net
                    .set_weights(&projection(&step[1]), &floats(&step[2]))
                    .unwrap(),
                w => net.set_weight(&projection(&step[1]), num(w)).unwrap(),
            },
            other => panic!("step {other} not supported by the harness"),
        }
    }
    let spikes = net
        .spikes(&recorder)
        .iter()
        .map(|(s, t)| (s - 1, t))
        .collect();
    let meters = meters
        .iter()
        .map(|m| {
            let s = net.samples(m);
            let values = s
                .record_from()
                .iter()
                .map(|&v| (v.name().to_string(), s.values(v).unwrap()))
                .collect();
            (
                s.senders().iter().map(|&x| x - 1).collect(),
                s.times(),
                values,
            )
        })
        .collect();
    Outcome {
        spikes,
        meters,
        reads,
        refused,
    }
}

/// A table-declared generator with the case's parameters besides the window.
fn table<M: spec::Parameters + Default>(p: &Map<String, Json>) -> M {
    let mut m = M::default();
    for (k, v) in p {
        if ["start", "stop", "origin"].contains(&k.as_str()) {
            continue;
        }
        match v {
            Json::Array(_) => m.set_list("case", k, &floats(v)),
            v => m.set("case", k, num(v)),
        }
        .unwrap();
    }
    m
}

fn bits(v: &[f64]) -> Vec<u64> {
    v.iter().map(|x| x.to_bits()).collect()
}

#[test]
fn protocols_match_nest() {
    let index: Json =
        serde_json::from_str(&std::fs::read_to_string(dir().join("index.json")).unwrap()).unwrap();
    let names = index["cases"].as_array().unwrap();
    assert!(
        names.len() >= 5,
        "expected the protocol cases, found {}",
        names.len()
    );
    let (mut spikes, mut samples, mut weights, mut states) = (0, 0, 0, 0);
    for name in names {
        let name = name.as_str().unwrap();
        let case: Json = serde_json::from_str(
            &std::fs::read_to_string(dir().join(format!("{name}.json"))).unwrap(),
        )
        .unwrap();
        let out = run(&case);
        let want = &case["expected"];
        let senders = want["spikes"]["senders"].as_array().unwrap();
        let times = floats(&want["spikes"]["times"]);
        let nest: Vec<(u32, f64)> = senders
            .iter()
            .map(|s| s.as_u64().unwrap() as u32)
            .zip(times)
            .collect();
        assert_eq!(out.spikes, nest, "{name}: spikes differ");
        spikes += nest.len();
        let want_meters = want["meters"].as_array().unwrap();
        assert_eq!(out.meters.len(), want_meters.len(), "{name}: multimeters");
        for (k, ((senders, times, values), m)) in out.meters.iter().zip(want_meters).enumerate() {
            let nest_senders: Vec<u32> = m["senders"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_u64().unwrap() as u32)
                .collect();
            assert_eq!(senders, &nest_senders, "{name}: multimeter {k} senders");
            assert_eq!(
                bits(times),
                bits(&floats(&m["times"])),
                "{name}: multimeter {k} times"
            );
            for (var, v) in values {
                assert_eq!(
                    bits(v),
                    bits(&floats(&m[var])),
                    "{name}: multimeter {k} {var}"
                );
                samples += v.len();
            }
        }
        let nest_refused = want["refused"].as_array().map_or(0, Vec::len);
        assert_eq!(
            out.refused.len(),
            nest_refused,
            "{name}: sets NEST refuses ({:?})",
            want["refused"]
        );
        for message in &out.refused {
            eprintln!("{name}: refused as NEST refuses it: {message}");
        }
        let want_reads = want["reads"].as_array().unwrap();
        assert_eq!(out.reads.len(), want_reads.len(), "{name}: reads");
        for (k, (got, read)) in out.reads.iter().zip(want_reads).enumerate() {
            let read = read.as_array().unwrap();
            assert_eq!(got.len(), read.len(), "{name}: read {k}: synapses");
            for (j, (g, r)) in got.iter().zip(read).enumerate() {
                let at = format!("{name}: read {k}, synapse {j}");
                let (source, target) = (r[0].as_u64().unwrap(), r[1].as_u64().unwrap());
                assert_eq!(
                    (u64::from(g.0), u64::from(g.1)),
                    (source, target),
                    "{at}: source, target"
                );
                assert_eq!(g.2.to_bits(), num(&r[2]).to_bits(), "{at}: weight");
                assert_eq!(g.3.to_bits(), num(&r[3]).to_bits(), "{at}: delay");
                assert_eq!(u64::from(g.4), r[4].as_u64().unwrap(), "{at}: receptor");
                let want = r[5].as_object().unwrap();
                let mut names: Vec<&str> = g.5.iter().map(|(n, _)| n.as_str()).collect();
                let mut want_names: Vec<&str> = want.keys().map(String::as_str).collect();
                names.sort_unstable();
                want_names.sort_unstable();
                assert_eq!(names, want_names, "{at}: state names");
                for (n, v) in &g.5 {
                    if n == "a" {
                        // released sites are drawn at random: NEST's draws differ
                        let sites = case["connections"][step_connection(&case, name, k)]
                            ["syn_params"]["n"]
                            .as_f64()
                            .unwrap_or(1.0);
                        assert!((0.0..=sites).contains(v), "{at}: a = {v}");
                    } else {
                        assert_eq!(v.to_bits(), num(&want[n]).to_bits(), "{at}: {n}");
                        states += 1;
                    }
                }
            }
            weights += read.len();
        }
    }
    eprintln!(
        "protocols: {} cases, {spikes} spikes, {samples} samples, {weights} connections and \
         {states} synapse state values identical to NEST",
        names.len()
    );
    assert!(spikes > 0 && samples > 0 && weights > 0 && states > 0);
}

/// The connection set read by the case's `k`-th `read_connections` step.
fn step_connection(case: &Json, name: &str, k: usize) -> usize {
    case["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s[0] == "read_connections")
        .nth(k)
        .unwrap_or_else(|| panic!("{name}: read {k} has no step"))[1]
        .as_u64()
        .unwrap() as usize
}

/// A `poisson_generator`'s rate raised between runs (0, 400, 800 Hz onto 200 parrots):
/// per window, the engine's spike count and NEST's differ by less than five standard
/// deviations of their difference (Poisson counts: variance = mean, twice).
#[test]
fn poisson_rate_raised_between_runs_matches_nest_counts() {
    let case: Json =
        serde_json::from_str(&std::fs::read_to_string(dir().join("poisson_rate.json")).unwrap())
            .unwrap();
    let n = case["n"].as_u64().unwrap() as usize;
    let mut b = NetworkBuilder::new(Resolution::new(0.1).unwrap(), Seed(7));
    let parrots = b
        .population(
            "parrots",
            &Model::nest(ParrotNeuron::default()).unwrap(),
            Dyn(n),
        )
        .unwrap();
    let syn = StaticSynapse::new(num(&case["weight"]), num(&case["delay"]));
    let pg = b
        .poisson_generator("pg", PoissonGenerator::default(), &[parrots.all()], &syn)
        .unwrap();
    let recorder = b
        .spike_recorder("spikes", SpikeRecorder::default(), &[parrots.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    net.set_progress(false);
    let nest_counts = floats(&case["expected"]["counts"]);
    let mut before = 0;
    for (window, nest) in case["windows"].as_array().unwrap().iter().zip(nest_counts) {
        let (duration, rate) = (num(&window[0]), num(&window[1]));
        net.set_generator(&pg, "rate", rate).unwrap();
        net.simulate(duration).unwrap();
        let count = net.spikes(&recorder).len() - before;
        before += count;
        let mean = rate * 1e-3 * duration * n as f64;
        let tolerance = 5.0 * (2.0 * mean).sqrt();
        assert!(
            (count as f64 - nest).abs() <= tolerance,
            "rate {rate} Hz: {count} spikes, NEST {nest} (tolerance {tolerance:.0})"
        );
        if rate == 0.0 {
            assert_eq!((count, nest), (0, 0.0));
        }
    }
}

/// A rule parameter set per synapse reads back per synapse (NEST keeps every parameter
/// per synapse), one shared value reads back as one; what the engine tells when a set is
/// refused: the projection, the parameter, the value with its unit and the fix; nothing
/// changes when a set is refused.
#[test]
fn synapse_parameter_sets_read_back_and_refusals_name_the_fix() {
    let mut b = NetworkBuilder::new(Resolution::new(0.1).unwrap(), Seed::default());
    let no_params = Map::new();
    let src = population::<IafPscAlpha>(&mut b, "src", &no_params, 2);
    let tgt = population::<IafPscAlpha>(&mut b, "tgt", &no_params, 2);
    let mut syn = TsodyksSynapse::new(100.0, 1.0);
    syn.U = 0.4;
    let c = b
        .connect_pairs("tso", &src, &tgt, &[(0, 0), (1, 1)], Synapse::from(syn))
        .unwrap();
    let mut net = b.build().unwrap();
    let before = net.connections(&c);
    // one value per synapse, in the order of `connections`: each keeps its own (its
    // memory counted in the estimate)
    let estimate = net.memory_estimate();
    net.set_synapse_state(&c, "tau_rec", Setting::List(vec![100.0, 200.0]))
        .unwrap();
    assert!(net.memory_estimate() > estimate);
    assert_eq!(
        net.synapse_parameters(&c, "tau_rec").unwrap(),
        [100.0, 200.0]
    );
    assert_eq!(net.synapse_parameters(&c, "U").unwrap(), [0.4, 0.4]);
    let err = net
        .synapse_parameter(&c, "tau_rec")
        .unwrap_err()
        .to_string();
    assert!(err.contains("differs between synapses"), "{err}");
    // a value NEST refuses on one synapse names that synapse; nothing changes
    let err = net
        .set_synapse_state(&c, "U", Setting::List(vec![0.5, 1.5]))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("synapse 1") && err.contains("`U` = 1.5") && err.contains("[0, 1]"),
        "{err}"
    );
    assert_eq!(net.synapse_parameters(&c, "U").unwrap(), [0.4, 0.4]);
    // one number for all sets every synapse's own rule
    net.set_synapse_state(&c, "tau_rec", 300.0).unwrap();
    assert_eq!(net.synapse_parameter(&c, "tau_rec").unwrap(), 300.0);
    net.set_synapse_state(&c, "tau_rec", 800.0).unwrap();
    let err = net.set_synapse_state(&c, "tau_ref", 5.0).unwrap_err();
    assert!(err.to_string().contains("tau_rec"), "{err}");
    let err = net
        .set_synapse_states(
            &c,
            &[
                ("U", Setting::Number(0.2)),
                ("tau_psc", Setting::Number(-1.0)),
            ],
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("tau_psc") && err.contains("-1 ms"), "{err}");
    assert_eq!(
        net.synapse_parameter(&c, "U").unwrap(),
        0.4,
        "refused: unchanged"
    );
    assert_eq!(net.connections(&c), before);
    net.set_synapse_state(&c, "U", 0.2).unwrap();
    assert_eq!(net.synapse_parameter(&c, "U").unwrap(), 0.2);
}

/// A step's `{name: value}`, each value one number or a list (one per synapse).
fn settings(values: &Json) -> Vec<(&str, Setting)> {
    values
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| {
            let value = match v {
                Json::Array(_) => Setting::List(floats(v)),
                v => Setting::Number(num(v)),
            };
            (k.as_str(), value)
        })
        .collect()
}
