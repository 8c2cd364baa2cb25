//! Connections read between runs (`read NAME = CONN { .. };` in a `protocol` block):
//! the loader's tables of `data/protocol_reads.net` against NEST 3.10 running its
//! export (`GetConnections(..).get([..])` at the same points), every value bit for bit;
//! the CSV files a run writes; and the checker's refusals.

use network_core::{ConnectionTable, Seed};
use network_load::{build, parse, Inputs, Source};
use serde_json::Value;

mod common;
use common::{last_json, nest_python, pynest_script, run_python};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/protocol_reads.net");

/// The columns each read of the file asks for, after `source` and `target`.
const READS: [(&str, &[&str]); 6] = [
    (
        "at_start",
        &[
            "weight", "delay", "receptor", "tau_plus", "lambda", "alpha", "mu_plus", "mu_minus",
            "Wmax", "Kplus",
        ],
    ),
    ("short_mid", &["x", "y", "u", "U", "weight"]),
    ("learn_mid", &["weight", "Kplus", "delay"]),
    (
        "learn_end",
        &[
            "weight", "delay", "receptor", "tau_plus", "lambda", "alpha", "mu_plus", "mu_minus",
            "Wmax", "Kplus",
        ],
    ),
    ("short_end", &["u", "x", "y", "U", "tau_rec"]),
    ("ports", &["receptor", "weight", "delay"]),
];

fn run(files: Option<&std::path::Path>) -> (network_load::Parsed, network_load::Loaded) {
    let parsed = parse(&Source::read(FILE.as_ref()).unwrap()).unwrap_or_else(|e| panic!("{e:?}"));
    let inputs = Inputs {
        record_to: files.map(std::path::Path::to_path_buf),
        ..Inputs::default()
    };
    let mut loaded = build(&parsed.description, Seed(3), &inputs).unwrap();
    loaded.run_protocol().unwrap();
    (parsed, loaded)
}

fn table<'a>(loaded: &'a network_load::Loaded, name: &str) -> &'a ConnectionTable {
    &loaded
        .connection_reads
        .iter()
        .find(|(n, _, _)| n == name)
        .unwrap_or_else(|| panic!("no read `{name}`"))
        .1
}

#[test]
fn reads_between_runs_give_nest_s_values_bit_for_bit() {
    let (parsed, fresh) = {
        let parsed =
            parse(&Source::read(FILE.as_ref()).unwrap()).unwrap_or_else(|e| panic!("{e:?}"));
        let loaded = build(&parsed.description, Seed(3), &Inputs::default()).unwrap();
        (parsed, loaded)
    };
    let script = pynest_script(&parsed, &fresh, "protocol_reads");
    assert!(
        script.contains(
            r#"short_mid = nest.GetConnections(pre, post[0:2], synapse_model="tsodyks_synapse").get(["source", "target", "x", "y", "u", "U", "weight"])"#
        ),
        "{script}"
    );
    let (_, loaded) = run(None);
    // The columns asked for, in order; every synapse of the connection in each.
    for (name, columns) in READS {
        let t = table(&loaded, name);
        let names: Vec<&str> = t.columns.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, columns, "{name}");
        let expected = if name == "ports" { 4 } else { 6 };
        assert_eq!(t.len(), expected, "{name}");
    }
    // Independent of NEST: the reads' times, the set taking effect, the trace set.
    assert_eq!(table(&loaded, "at_start").time_ms, 0.0);
    assert_eq!(table(&loaded, "short_mid").time_ms, 60.0);
    assert_eq!(table(&loaded, "short_end").time_ms, 140.0);
    assert!(table(&loaded, "short_mid")
        .column("U")
        .unwrap()
        .iter()
        .all(|&u| u == 0.3));
    // One value per synapse, in the order of the reads (sorted by source and target).
    assert_eq!(
        table(&loaded, "short_end").column("U").unwrap(),
        [0.6, 0.1, 0.9, 0.35, 0.6, 0.2]
    );
    assert_eq!(
        table(&loaded, "short_end").column("tau_rec").unwrap(),
        [100.0, 200.0, 300.0, 400.0, 500.0, 600.0]
    );
    assert!(table(&loaded, "learn_mid")
        .column("Kplus")
        .unwrap()
        .iter()
        .all(|&k| k == 0.5));
    assert!(table(&loaded, "ports")
        .column("receptor")
        .unwrap()
        .iter()
        .all(|&r| r == 2.0));
    assert_eq!(
        table(&loaded, "ports").column("weight").unwrap(),
        [10.0, 20.0, 30.0, 40.0]
    );
    // Delays set outside the kernel's extremes before the first run widened them.
    let delays = table(&loaded, "ports").column("delay").unwrap();
    assert!(delays.iter().all(|&d| d == 3.0), "{delays:?}");
    assert_eq!(
        (
            loaded.network.min_delay_steps(),
            loaded.network.max_delay_steps()
        ),
        (5, 30)
    );
    // Node ids: pre 1..=3, post 4..=7, pyr 8..=9 (the spike generator is created after
    // the populations, as the export creates it).
    assert_eq!(table(&loaded, "ports").sources, [2, 2, 3, 3]);
    assert_eq!(table(&loaded, "ports").targets, [8, 9, 8, 9]);
    assert_eq!(table(&loaded, "at_start").targets, [6, 7, 6, 7, 6, 7]);
    // The STDP weights moved from 150 pA during the runs.
    assert!(table(&loaded, "learn_end")
        .column("weight")
        .unwrap()
        .iter()
        .any(|&w| w != 150.0));

    let Some(python) = nest_python("protocol_reads") else {
        return;
    };
    let names: Vec<String> = READS.iter().map(|(n, _)| format!("'{n}': {n}")).collect();
    let probe = format!(
        "{script}\nimport json\nprint(json.dumps({{{}}}))\n",
        names.join(", ")
    );
    let nest = last_json(
        "protocol_reads",
        &run_python(&python, "protocol_reads", &probe),
    );
    for (name, columns) in READS {
        let ours = table(&loaded, name);
        let theirs = &nest[name];
        // NEST's rows in its own order: sorted by source and target (no pair repeats).
        let sources = u32s(&theirs["source"]);
        let targets = u32s(&theirs["target"]);
        let mut order: Vec<usize> = (0..sources.len()).collect();
        order.sort_by_key(|&i| (sources[i], targets[i]));
        let sorted = |v: &[u32]| order.iter().map(|&i| v[i]).collect::<Vec<_>>();
        assert_eq!(ours.sources, sorted(&sources), "{name}: sources");
        assert_eq!(ours.targets, sorted(&targets), "{name}: targets");
        for column in columns.iter() {
            let values = f64s(&theirs[*column]);
            let ours = ours.column(column).unwrap();
            for (row, &i) in order.iter().enumerate() {
                assert_eq!(
                    ours[row].to_bits(),
                    values[i].to_bits(),
                    "{name}.{column} of synapse {row}: {} here, {} in NEST",
                    ours[row],
                    values[i]
                );
            }
        }
    }
}

fn u32s(v: &Value) -> Vec<u32> {
    serde_json::from_value(v.clone()).unwrap()
}

fn f64s(v: &Value) -> Vec<f64> {
    serde_json::from_value(v.clone()).unwrap()
}

#[test]
fn a_run_that_writes_files_writes_each_read_as_csv() {
    let dir = std::env::temp_dir().join(format!("protocol_reads_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (_, loaded) = run(Some(&dir));
    for (name, _) in READS {
        let (_, t, file) = loaded
            .connection_reads
            .iter()
            .find(|(n, _, _)| n == name)
            .unwrap();
        assert_eq!(
            file.as_deref(),
            Some(dir.join(format!("{name}.csv")).as_path())
        );
        let text = std::fs::read_to_string(dir.join(format!("{name}.csv"))).unwrap();
        let mut lines = text.lines();
        assert!(lines.next().unwrap().starts_with('#'));
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        assert_eq!(header[..2], ["source", "target"]);
        let rows: Vec<Vec<f64>> = lines
            .map(|l| l.split(',').map(|v| v.parse().unwrap()).collect())
            .collect();
        assert_eq!(rows.len(), t.len(), "{name}");
        for (r, row) in rows.iter().enumerate() {
            assert_eq!(row[0], f64::from(t.sources[r]));
            assert_eq!(row[1], f64::from(t.targets[r]));
            for (j, (_, values)) in t.columns.iter().enumerate() {
                assert_eq!(row[2 + j].to_bits(), values[r].to_bits(), "{name} row {r}");
            }
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The description with `line` in place of the protocol's first read.
fn with_read(line: &str) -> Source {
    let text = std::fs::read_to_string(FILE).unwrap();
    Source::new(
        "protocol_reads.net",
        text.replace("read at_start = learn;", line),
    )
}

#[test]
fn reads_nest_cannot_make_are_refused_with_the_reason() {
    for (line, message, help) in [
        (
            "read a = learn { wieght };",
            "have no `wieght` to read",
            "did you mean `weight`?",
        ),
        ("read a = short { Kplus };", "have no `Kplus` to read", ""),
        ("read a = learn { source };", "`source` is read always", ""),
        (
            "read a = spikes;",
            "`spikes` is a recorder, not a connection",
            "",
        ),
        (
            "read a = lern;",
            "cannot find connection named `lern`",
            "did you mean `learn`?",
        ),
        ("read pre = learn;", "duplicate name `pre`", ""),
    ] {
        let errors = parse(&with_read(line)).unwrap_err();
        assert!(
            errors[0].message.contains(message),
            "{line}: {}",
            errors[0].message
        );
        if !help.is_empty() {
            assert_eq!(errors[0].help.as_deref(), Some(help), "{line}");
        }
        assert_eq!(errors[0].line, 29, "{line}");
    }
    let replaced = |from: &str, to: &str| {
        let text = std::fs::read_to_string(FILE).unwrap();
        assert!(text.contains(from), "{from}");
        parse(&Source::new("protocol_reads.net", text.replace(from, to))).unwrap_err()
    };
    // A read is not a thing to set.
    let errors = replaced("set short.U = [", "set short_mid.U = [");
    assert!(
        errors[0]
            .message
            .contains("`short_mid` is a connection read"),
        "{}",
        errors[0].message
    );
    // Each value of a list is checked as NEST checks it.
    let errors = replaced("[0.6, 0.1, 0.9,", "[0.6, 1.1, 0.9,");
    assert!(
        errors[0].message.contains("`U` = 1.1") && errors[0].message.contains("[0, 1]"),
        "{}",
        errors[0].message
    );
    let errors = replaced(
        "[100, 200, 300, 400, 500, 600] ms",
        "[100, 200, 300, 400, 500, 600] pA",
    );
    assert!(
        errors[0].message.contains("tau_rec"),
        "{}",
        errors[0].message
    );
    // A list of another length than the connection's synapses stops the protocol where
    // it runs, saying how many there are.
    let text = std::fs::read_to_string(FILE)
        .unwrap()
        .replace("[0.6, 0.1, 0.9, 0.35, 0.6, 0.2]", "[0.6, 0.1]");
    let parsed = parse(&Source::new("protocol_reads.net", text)).unwrap();
    let mut loaded = build(&parsed.description, Seed(3), &Inputs::default()).unwrap();
    let err = loaded.run_protocol().unwrap_err().to_string();
    assert!(
        err.contains("short") && err.contains("one value per synapse (6)"),
        "{err}"
    );
}
