//! Recorders against NEST 3.10: `weight_recorder` on static, STDP and Tsodyks synapses
//! (filters, window, several projections, ASCII file), and `time_in_steps` on spike
//! recorders and multimeters, in memory and in files. The reference is
//! `conformance/reference/recorders.json`, generated in NEST by
//! `conformance/recorders.py`, whose docstrings describe each network; this test builds
//! the same networks. Times, weights and values must be bit-identical.

use network_core::connect::{ConnSpec, Rule};
use network_core::*;
use serde_json::Value as Json;
use std::path::PathBuf;

fn reference() -> Json {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../conformance/reference/recorders.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("network-recorders-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn floats(v: &Json) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn ints(v: &Json) -> Vec<i64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_i64().unwrap())
        .collect()
}

fn strings(v: &Json) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

const PRE_TIMES: [&[f64]; 2] = [
    &[10.0, 30.0, 50.0, 70.0, 90.0, 110.0],
    &[15.0, 33.0, 61.0, 84.0, 101.0],
];

/// Two parrots, each driven by a spike generator at `PRE_TIMES` (weight 1, delay 1 ms).
fn parrots(b: &mut NetworkBuilder) -> PopulationHandle<Dyn> {
    let pre = b
        .population(
            "pre",
            &Model::nest(ParrotNeuron::default()).unwrap(),
            Dyn(2),
        )
        .unwrap();
    for (k, times) in PRE_TIMES.iter().enumerate() {
        let params = SpikeGenerator {
            spike_times: times.to_vec(),
            ..SpikeGenerator::default()
        };
        let syn = StaticSynapse::new(1.0, 1.0);
        b.spike_generator(&format!("sg{k}"), params, &[pre.indices(&[k as u32])], &syn)
            .unwrap();
    }
    pre
}

/// The events as NEST's script writes them: neuron indices (node id − 1), sorted by
/// (time, sender, target, receptor, port).
fn table(events: &WeightEvents, in_steps: bool) -> Json {
    let times: Vec<f64> = if in_steps {
        events.steps().iter().map(|&s| s as f64).collect()
    } else {
        events.times()
    };
    let mut rows: Vec<(f64, u32, u32, u16, u32, f64)> = (0..events.len())
        .map(|k| {
            (
                times[k],
                events.senders()[k] - 1,
                events.targets()[k] - 1,
                events.receptors()[k],
                events.ports()[k],
                events.weights()[k],
            )
        })
        .collect();
    rows.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let mut out = serde_json::json!({
        "times": rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        "senders": rows.iter().map(|r| r.1).collect::<Vec<_>>(),
        "targets": rows.iter().map(|r| r.2).collect::<Vec<_>>(),
        "receptors": rows.iter().map(|r| r.3).collect::<Vec<_>>(),
        "ports": rows.iter().map(|r| r.4).collect::<Vec<_>>(),
        "weights": rows.iter().map(|r| r.5).collect::<Vec<_>>(),
    });
    if in_steps {
        out["offsets"] = serde_json::json!(events.offsets());
    }
    out
}

fn assert_events(case: &str, got: &Json, expected: &Json) {
    let expected = expected.as_object().unwrap();
    assert!(
        !floats(&expected["times"]).is_empty(),
        "{case}: NEST recorded nothing"
    );
    for (key, want) in expected {
        let got = &got[key];
        if key == "weights" || key == "times" || key == "offsets" {
            let (g, w) = (floats(got), floats(want));
            assert_eq!(g.len(), w.len(), "{case}: {key} lengths");
            for (k, (a, b)) in g.iter().zip(&w).enumerate() {
                assert_eq!(
                    a.to_bits(),
                    b.to_bits(),
                    "{case}: {key}[{k}]: {a} vs NEST {b}"
                );
            }
        } else {
            assert_eq!(ints(got), ints(want), "{case}: {key}");
        }
    }
}

fn alpha(i_e: f64) -> Model<IafPscAlpha> {
    Model::nest(IafPscAlpha {
        I_e: i_e,
        ..Default::default()
    })
    .unwrap()
}

#[test]
fn weight_recorder_on_stdp_matches_nest() {
    let r = reference();
    let case = &r["stdp_all_to_all"];
    let mut b = NetworkBuilder::new(Resolution::default(), Seed::default());
    let pre = parrots(&mut b);
    let post = b.population("post", &alpha(376.0), Dyn(3)).unwrap();
    let mut syn = StdpSynapse::new(50.0, 1.5);
    syn.set("case", "Wmax", 100.0).unwrap();
    syn.set("case", "lambda", 0.05).unwrap();
    let proj = b
        .connect("stdp", &pre, &post, &ConnSpec::new(Rule::AllToAll), syn)
        .unwrap();
    let wr = b
        .weight_recorder("wr", WeightRecorder::default(), &[proj], &[], &[])
        .unwrap();
    let mut net = b.build().unwrap();
    for t in floats(&case["simulate"]) {
        net.simulate(t).unwrap();
    }
    let got = table(net.weights_recorded(&wr), false);
    assert_events("stdp_all_to_all", &got, &case["weight_recorder"]);
}

#[test]
fn weight_recorder_on_tsodyks_with_filters_and_window_matches_nest() {
    let r = reference();
    let case = &r["tsodyks_filtered"];
    let mut b = NetworkBuilder::new(Resolution::default(), Seed::default());
    let pre = parrots(&mut b);
    let exp = Model::nest(IafPscExp {
        tau_syn_ex: 2.0,
        ..Default::default()
    })
    .unwrap();
    let post = b.population("post", &exp, Dyn(2)).unwrap();
    let mut syn = TsodyksSynapse::new(80.0, 1.0);
    for (k, v) in [
        ("U", 0.4),
        ("tau_rec", 100.0),
        ("tau_fac", 50.0),
        ("tau_psc", 2.0),
    ] {
        syn.set("case", k, v).unwrap();
    }
    let proj = b
        .connect("tsodyks", &pre, &post, &ConnSpec::new(Rule::AllToAll), syn)
        .unwrap();
    let params = WeightRecorder::window(20.0, 100.0).in_steps();
    let wr = b
        .weight_recorder(
            "wr",
            params,
            &[proj],
            &[pre.indices(&[0])],
            &[post.indices(&[1])],
        )
        .unwrap();
    let mut net = b.build().unwrap();
    for t in floats(&case["simulate"]) {
        net.simulate(t).unwrap();
    }
    assert!(net.weights_recorded(&wr).time_in_steps());
    let got = table(net.weights_recorded(&wr), true);
    assert_events("tsodyks_filtered", &got, &case["weight_recorder"]);
}

/// The network of `static_two_projections`, its weight recorder writing to `record_to`.
fn static_network(record_to: RecordTo) -> (Network, WeightRecorderHandle) {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed::default());
    let pre = parrots(&mut b);
    let multi = Model::nest(IafPscExpMultisynapse {
        tau_syn: vec![2.0, 5.0],
        ..Default::default()
    })
    .unwrap();
    let multi = b.population("multi", &multi, Dyn(2)).unwrap();
    let single = b.population("alpha", &alpha(0.0), Dyn(1)).unwrap();
    let a = b
        .connect(
            "to_multi",
            &pre,
            &multi,
            &ConnSpec::new(Rule::OneToOne),
            StaticSynapse::new(30.0, 1.0).receptor(2),
        )
        .unwrap();
    let c = b
        .connect(
            "to_alpha",
            &pre,
            &single,
            &ConnSpec::new(Rule::AllToAll),
            StaticSynapse::new(-20.0, 2.0),
        )
        .unwrap();
    let params = WeightRecorder::default().record_to(record_to);
    let wr = b.weight_recorder("wr", params, &[a, c], &[], &[]).unwrap();
    (b.build().unwrap(), wr)
}

#[test]
fn weight_recorder_on_two_static_projections_matches_nest() {
    let r = reference();
    let case = &r["static_two_projections"];
    let (mut net, wr) = static_network(RecordTo::Memory);
    for t in floats(&case["simulate"]) {
        net.simulate(t).unwrap();
    }
    let got = table(net.weights_recorded(&wr), false);
    assert_events("static_two_projections", &got, &case["weight_recorder"]);
}

/// The rows of a recorder file after its two comment lines and its header, with the
/// sender (and, with `target_column`, that column) as neuron indices (node id − 1).
fn file_rows(path: &std::path::Path, target_column: Option<usize>) -> (String, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let rows = lines[3..]
        .iter()
        .map(|line| {
            let mut cells: Vec<String> = line.split('\t').map(str::to_string).collect();
            for c in std::iter::once(0).chain(target_column) {
                cells[c] = (cells[c].parse::<u32>().unwrap() - 1).to_string();
            }
            cells.join("\t")
        })
        .collect();
    (lines[2].to_string(), rows)
}

#[test]
fn weight_recorder_file_has_nests_columns_and_rows() {
    let r = reference();
    let case = &r["static_to_file"];
    let dir = scratch("weights");
    let (mut net, _) = static_network(RecordTo::Ascii {
        directory: Some(dir.clone()),
    });
    for t in floats(&case["simulate"]) {
        net.simulate(t).unwrap();
    }
    let (header, mut rows) = file_rows(&dir.join("wr.dat"), Some(3));
    rows.sort();
    assert_eq!(header, case["file"]["header"].as_str().unwrap());
    assert_eq!(rows, strings(&case["file"]["rows"]));
}

/// Three populations of one `iaf_psc_alpha` (I_e 376, 400, 420 pA), a spike recorder
/// and a multimeter (V_m every 5 ms), both in steps, stopping at `stop` ms.
fn steps_network(
    record_to: RecordTo,
    stop: f64,
) -> (Network, SpikeRecorderHandle, MultimeterHandle) {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed::default());
    let cells: Vec<Selection> = [376.0, 400.0, 420.0]
        .iter()
        .enumerate()
        .map(|(k, &i_e)| {
            b.population(&format!("c{k}"), &alpha(i_e), Dyn(1))
                .unwrap()
                .all()
        })
        .collect();
    let sr = SpikeRecorder {
        record_to: record_to.clone(),
        ..SpikeRecorder::window(0.0, stop)
    }
    .in_steps();
    let sr = b.spike_recorder("sr", sr, &cells).unwrap();
    let mm = Multimeter {
        window: Window::new(0.0, stop),
        ..Multimeter::voltmeter(5.0).record_to(record_to).in_steps()
    };
    let mm = b.multimeter("mm", mm, &cells).unwrap();
    (b.build().unwrap(), sr, mm)
}

#[test]
fn time_in_steps_in_memory_matches_nest() {
    let r = reference();
    let case = &r["time_in_steps"];
    let (mut net, sr, mm) = steps_network(RecordTo::Memory, f64::INFINITY);
    for t in floats(&case["simulate"]) {
        net.simulate(t).unwrap();
    }
    let spikes = net.spikes(&sr);
    assert!(spikes.time_in_steps());
    let mut rows: Vec<(i64, u32)> = spikes
        .steps()
        .iter()
        .zip(spikes.senders())
        .map(|(&s, &n)| (s, n - 1))
        .collect();
    rows.sort_unstable();
    let want = &case["spikes"];
    assert_eq!(
        rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        ints(&want["steps"])
    );
    assert_eq!(
        rows.iter().map(|r| i64::from(r.1)).collect::<Vec<_>>(),
        ints(&want["senders"])
    );
    assert_eq!(spikes.offsets(), floats(&want["offsets"]));
    let samples = net.samples(&mm);
    assert!(samples.time_in_steps());
    let v = samples.values(Recordable::V_m).unwrap();
    let mut rows: Vec<(i64, u32, f64)> = (0..samples.len())
        .map(|k| (samples.steps()[k], samples.senders()[k] - 1, v[k]))
        .collect();
    rows.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let want = &case["samples"];
    assert_eq!(
        rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        ints(&want["steps"])
    );
    assert_eq!(
        rows.iter().map(|r| i64::from(r.1)).collect::<Vec<_>>(),
        ints(&want["senders"])
    );
    assert_eq!(samples.offsets(), floats(&want["offsets"]));
    let nest_v = floats(&want["V_m"]);
    assert_eq!(rows.len(), nest_v.len());
    for (k, (r, w)) in rows.iter().zip(&nest_v).enumerate() {
        assert_eq!(r.2.to_bits(), w.to_bits(), "V_m[{k}]: {} vs NEST {w}", r.2);
    }
}

#[test]
fn time_in_steps_files_have_nests_columns_and_rows() {
    let r = reference();
    let case = &r["time_in_steps_files"];
    let dir = scratch("steps");
    // NEST's script stops both recorders at 99 ms, before the slice whose events NEST
    // hands them only in a later run.
    let (mut net, _, _) = steps_network(
        RecordTo::Ascii {
            directory: Some(dir.clone()),
        },
        99.0,
    );
    for t in floats(&case["simulate"]) {
        net.simulate(t).unwrap();
    }
    for label in ["sr", "mm"] {
        let (header, rows) = file_rows(&dir.join(format!("{label}.dat")), None);
        let want = &case["files"][label];
        assert_eq!(header, want["header"].as_str().unwrap(), "{label}");
        assert_eq!(rows, strings(&want["rows"]), "{label}");
    }
}
