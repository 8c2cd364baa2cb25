//! A spike recorder on a `spike_generator` with `precise_times` (issue 13): NEST records
//! each spike at its precise time (the step's end less the spike's offset), in ms, or as
//! a step and an offset with `time_in_steps`, in memory and in its ASCII file, while a
//! grid-based target (a parrot) drops the offset. The loader's run against the exported
//! script run on NEST 3.10: times, steps and offsets bit for bit, and the files' rows to
//! the character, over a list declared before the first run and one set between runs,
//! with multiplicities and a window.

use network_core::Seed;
use network_load::{build, parse, Inputs, Source};
use serde_json::Value;
use std::path::Path;

mod common;
use common::{last_json, nest_python, pynest_script, run_python};

/// `n` increasing times from `from` ms, off the grid of 0.1 ms by varying amounts
/// (a few exactly on it), with four decimals.
fn times(from: f64, n: usize) -> Vec<String> {
    (0..n)
        .map(|k| {
            let t = from + 0.9173 * k as f64 + 0.0137 * ((k * k) % 7) as f64;
            let t = if k % 9 == 4 { t.round() } else { t };
            format!("{t:.4}")
        })
        .collect()
}

fn net() -> String {
    let (first, second) = (times(0.31, 28), times(31.07, 24));
    let multiplicities: Vec<&str> = (0..first.len())
        .map(|k| if k % 5 == 2 { "3" } else { "1" })
        .collect();
    format!(
        "
    resolution = 0.1 ms;
    seed = 1;
    neuron Parrot = parrot_neuron;
    population parrots = Parrot[1];
    stimulate precise = spike_generator {{ spike_times: [{}] ms, spike_multiplicities: [{}], precise_times: true, stop: 52 ms }} -> parrots;
    record in_ms = spike_recorder <- precise;
    record in_steps = spike_recorder {{ time_in_steps: true }} <- precise;
    record relayed = spike_recorder <- parrots;
    protocol {{
        simulate 30 ms;
        set precise.spike_multiplicities = [];
        set precise.spike_times = [{}] ms;
        simulate 30 ms;
    }}
",
        first.join(", "),
        multiplicities.join(", "),
        second.join(", ")
    )
}

fn floats(v: &Value) -> Vec<f64> {
    serde_json::from_value(v.clone()).unwrap()
}

/// The data rows of an ASCII recorder file (after its comment lines and column names).
fn rows(path: &Path) -> (String, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let columns = lines.next().unwrap().to_string();
    (columns, lines.map(String::from).collect())
}

#[test]
fn recorders_on_a_precise_generator_record_nest_s_precise_times() {
    let text = net();
    let parsed = parse(&Source::new("precise.net", &text)).unwrap_or_else(|e| panic!("{e:?}"));
    let dir = std::env::temp_dir().join(format!("precise_times-{}", std::process::id()));
    let (ours, theirs) = (dir.join("engine"), dir.join("nest"));
    std::fs::create_dir_all(&ours).unwrap();
    std::fs::create_dir_all(&theirs).unwrap();
    let inputs = Inputs {
        record_to: Some(ours.clone()),
        ..Inputs::default()
    };
    let mut loaded = build(&parsed.description, Seed(1), &inputs).unwrap();
    let script = pynest_script(&parsed, &loaded, "precise");
    loaded.run_protocol().unwrap();
    let recorder = |name: &str| {
        let (_, h) = loaded
            .spike_recorders
            .iter()
            .find(|(n, _)| n == name)
            .unwrap();
        loaded.network.spikes(h)
    };
    let (in_ms, in_steps, relayed) = (recorder("in_ms"), recorder("in_steps"), recorder("relayed"));
    // A hand check of the first spike, 0.31 ms: stamp 4 (0.4 ms), offset 0.4 - 0.31.
    assert_eq!(in_ms.times()[0], 0.31);
    assert_eq!(
        (in_steps.steps()[0], in_steps.offsets()[0]),
        (4, 0.4 - 0.31)
    );
    // The parrot relays on the grid, 1 ms later.
    assert_eq!(relayed.steps()[0], 14);
    assert!(in_ms.offsets().iter().all(|&o| (0.0..0.1).contains(&o)));
    // 28 spikes, 6 of them sent 3 times, then 24 spikes of which those after 52 ms are
    // outside the window.
    let kept = 24
        - times(31.07, 24)
            .iter()
            .filter(|t| t.parse::<f64>().unwrap() > 52.0)
            .count();
    assert_eq!(in_ms.len(), 28 + 6 * 2 + kept);

    let Some(python) = nest_python("precise_times_recorded") else {
        return;
    };
    let at = script.find("nest.Simulate(").expect("the script simulates");
    // The recorders write NEST's files (NEST resets `time_in_steps` when `record_to`
    // changes: both in one `set`); two more keep the events in memory.
    let files_on = format!(
        "nest.set(data_path={:?}, overwrite_files=True)\nfor _name in ['in_ms', 'in_steps']:\n    globals()[_name].set(record_to=\"ascii\", label=_name, time_in_steps=_name == 'in_steps')\nmem_ms = nest.Create('spike_recorder')\nmem_steps = nest.Create('spike_recorder', params={{'time_in_steps': True}})\nnest.Connect(precise, mem_ms)\nnest.Connect(precise, mem_steps)\n",
        theirs.display().to_string()
    );
    let probe = format!(
        "{}{files_on}{}\nimport json\nprint(json.dumps({{'ms': mem_ms.events['times'].tolist(), 'steps': mem_steps.events['times'].tolist(), 'offsets': mem_steps.events['offsets'].tolist(), 'relayed': relayed.events['times'].tolist()}}))\n",
        &script[..at],
        &script[at..]
    );
    let nest = last_json(
        "precise_times_recorded",
        &run_python(&python, "precise", &probe),
    );
    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(
        bits(&in_ms.times()),
        bits(&floats(&nest["ms"])),
        "times (ms)"
    );
    let steps: Vec<i64> = serde_json::from_value(nest["steps"].clone()).unwrap();
    assert_eq!(in_steps.steps(), steps, "steps");
    assert_eq!(
        bits(&in_steps.offsets()),
        bits(&floats(&nest["offsets"])),
        "offsets"
    );
    assert_eq!(
        relayed.times(),
        floats(&nest["relayed"]),
        "the parrot's spikes"
    );
    for name in ["in_ms", "in_steps"] {
        let nest_file = std::fs::read_dir(&theirs)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
            .unwrap_or_else(|| panic!("NEST wrote no file for {name}"));
        // NEST's ASCII backend opens its files again at every `Simulate`, so with
        // `overwrite_files` its file holds the last run's rows; the engine's holds the
        // whole protocol (docs/fidelity.md).
        let (columns, all) = rows(&ours.join(format!("{name}.dat")));
        assert_eq!(all.len(), in_ms.len(), "{name}.dat: every event");
        let last_run = |row: &&String| {
            let steps = row.split('\t').nth(1).unwrap();
            match name {
                "in_ms" => steps.parse::<f64>().unwrap() > 30.0,
                _ => steps.parse::<i64>().unwrap() > 300,
            }
        };
        let ours_last: Vec<String> = all.iter().filter(last_run).cloned().collect();
        assert_eq!((columns, ours_last), rows(&nest_file), "{name}.dat");
    }
    eprintln!(
        "{} precise spike events: times, steps and offsets bit-identical to NEST 3.10, files \
         row for row",
        in_ms.len()
    );
}
