//! Recorder files: NEST's ASCII format and CSV, with provenance in comment lines that
//! NEST's readers skip, settable directory and prefix, complete lines after an error or
//! a panic, and clear errors for directories that cannot hold them.

use network_core::*;
use std::path::{Path, PathBuf};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("network-files-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn driven_neurons(b: &mut NetworkBuilder) -> PopulationHandle<Const<2>> {
    let m = Model::nest(IafPscAlpha {
        I_e: 500.0,
        ..Default::default()
    })
    .unwrap();
    b.population("pop", &m, Const::<2>).unwrap()
}

/// What NEST's own readers do with an ASCII file (`nest.raster_plot.from_file_numpy`
/// is `numpy.loadtxt(f, skiprows=3)`, `from_file_pandas` is
/// `pandas.read_table(f, header=2)`): the third line holds the column names, the data
/// follow; `#` lines after it are skipped, as numpy's `loadtxt` skips them.
fn nest_reader(text: &str) -> (Vec<String>, Vec<Vec<f64>>) {
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with('#') && lines[1].starts_with('#'),
        "{text}"
    );
    let columns = lines[2].split('\t').map(str::to_string).collect();
    let rows = lines[3..]
        .iter()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split_whitespace().map(|x| x.parse().unwrap()).collect())
        .collect();
    (columns, rows)
}

/// `pandas.read_csv(f, comment='#')`: `#` lines are skipped, the first other line
/// names the columns.
fn csv_reader(text: &str) -> (Vec<String>, Vec<Vec<f64>>) {
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let columns = lines
        .next()
        .unwrap()
        .split(',')
        .map(str::to_string)
        .collect();
    let rows = lines
        .map(|l| l.split(',').map(|x| x.parse().unwrap()).collect())
        .collect();
    (columns, rows)
}

fn provenance_in(text: &str, net: &Network) {
    let p = net.provenance();
    for (key, value) in p.fields() {
        assert!(
            text.contains(&format!("{key}: {value}")),
            "{key} missing in\n{text}"
        );
    }
}

#[test]
fn ascii_spikes_keep_nests_header_and_rows_after_each_simulate() {
    let dir = scratch("rows");
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let pop = driven_neurons(&mut b);
    let rec = b
        .spike_recorder(
            "spikes",
            SpikeRecorder::default().to_ascii(&dir),
            &[pop.all()],
        )
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(20.0).unwrap();
    let path = dir.join("spikes.dat");
    let first = std::fs::read_to_string(&path).unwrap();
    let header = format!(
        "# NEST version: 3.10.0\n# RecordingBackendASCII version: 2; {}\nsender\ttime_ms\n",
        net.provenance().one_line()
    );
    assert_eq!(first, format!("{header}1\t13.900\n2\t13.900\n"));
    provenance_in(&first, &net);
    net.simulate(20.0).unwrap();
    let second = std::fs::read_to_string(&path).unwrap();
    assert!(
        second.starts_with(&first) && second.ends_with("1\t29.800\n2\t29.800\n"),
        "{second}"
    );
    let (columns, rows) = nest_reader(&second);
    assert_eq!(columns, ["sender", "time_ms"]);
    assert_eq!(rows, [[1.0, 13.9], [2.0, 13.9], [1.0, 29.8], [2.0, 29.8]]);
    let mut memory = Vec::new();
    net.spikes(&rec).write_ascii(&mut memory).unwrap();
    assert_eq!(
        nest_reader(&String::from_utf8(memory).unwrap()).1,
        rows,
        "the file holds what memory holds"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn data_path_prefix_csv_and_multimeter_files() {
    let dir = scratch("settings");
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(5))
        .data_path(&dir)
        .data_prefix("run1-");
    let pop = driven_neurons(&mut b);
    let spikes = SpikeRecorder {
        record_to: RecordTo::csv(),
        ..Default::default()
    };
    b.spike_recorder("spikes", spikes, &[pop.all()]).unwrap();
    let meter = Multimeter::new(5.0, &[Recordable::V_m, Recordable::I_syn_ex]);
    b.multimeter(
        "mm",
        meter.clone().record_to(RecordTo::ascii()),
        &[pop.all()],
    )
    .unwrap();
    b.multimeter("mm_csv", meter.record_to(RecordTo::csv()), &[pop.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(20.0).unwrap();
    let names: Vec<String> = net
        .output_files()
        .iter()
        .map(|(_, p)| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["run1-spikes.csv", "run1-mm.dat", "run1-mm_csv.csv"]);

    let csv = std::fs::read_to_string(dir.join("run1-spikes.csv")).unwrap();
    provenance_in(&csv, &net);
    assert!(csv.starts_with("# software: network "), "{csv}");
    let (columns, rows) = csv_reader(&csv);
    assert_eq!(columns, ["sender", "time_ms"]);
    assert_eq!(rows, [[1.0, 13.9], [2.0, 13.9]]);

    // NEST 3.10 writes these rows for the same neurons (multimeter, interval 5 ms,
    // record_from V_m and I_syn_ex, `Simulate(20)`); the sample at 20 ms follows (NEST
    // withholds the last slice's samples until the next call, see the README).
    let dat = std::fs::read_to_string(dir.join("run1-mm.dat")).unwrap();
    let expected = "sender\ttime_ms\tV_m\tI_syn_ex\n1\t5.000\t-62.131\t0.000\n2\t5.000\t-62.131\t0.000\n1\t10.000\t-57.358\t0.000\n2\t10.000\t-57.358\t0.000\n1\t15.000\t-70.000\t0.000\n2\t15.000\t-70.000\t0.000\n";
    assert!(dat.contains(expected), "{dat}");
    assert_eq!(nest_reader(&dat).1.len(), 8);
    let (columns, rows) =
        csv_reader(&std::fs::read_to_string(dir.join("run1-mm_csv.csv")).unwrap());
    assert_eq!(columns, ["sender", "time_ms", "V_m", "I_syn_ex"]);
    let meter = net_meter(&net);
    let memory = net.samples(&meter);
    let v: Vec<f64> = rows.iter().map(|r| r[2]).collect();
    assert_eq!(
        v,
        memory.values(Recordable::V_m).unwrap(),
        "CSV keeps full precision"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// The `mm_csv` multimeter's handle, found again by name.
fn net_meter(net: &Network) -> MultimeterHandle {
    net.multimeter_handle("mm_csv").unwrap()
}

/// A `simulate` call that fails (here: a time off the grid) leaves the file with
/// complete lines for everything recorded before; so does a panic that drops the
/// network mid-way.
#[test]
fn files_hold_complete_lines_after_an_error_or_a_panic() {
    let dir = scratch("crash");
    let build = |prefix: &str| {
        let mut b = NetworkBuilder::new(Resolution::default(), Seed(1))
            .data_path(&dir)
            .data_prefix(prefix);
        let pop = driven_neurons(&mut b);
        let rec = SpikeRecorder {
            record_to: RecordTo::ascii(),
            ..Default::default()
        };
        let rec = b.spike_recorder("spikes", rec, &[pop.all()]).unwrap();
        (b.build().unwrap(), rec)
    };
    let (mut net, rec) = build("error-");
    net.simulate(100.0).unwrap();
    assert!(net.simulate(0.05).is_err());
    let text = std::fs::read_to_string(dir.join("error-spikes.dat")).unwrap();
    assert!(text.ends_with('\n'));
    let (_, rows) = nest_reader(&text);
    assert_eq!(rows.len(), net.spikes(&rec).len());
    assert!(rows.iter().all(|r| r.len() == 2));

    let result = std::panic::catch_unwind(|| {
        let (mut net, _) = build("panic-");
        net.simulate(100.0).unwrap();
        net.simulate(100.0).unwrap();
        panic!("a crash after the run");
    });
    assert!(result.is_err());
    let text = std::fs::read_to_string(dir.join("panic-spikes.dat")).unwrap();
    let (_, rows) = nest_reader(&text);
    // 13.9 + 15.9 k <= 200 ms for k = 0..=11.
    assert_eq!(rows.len(), 2 * 12, "12 spikes per neuron in 200 ms: {text}");
    std::fs::remove_dir_all(dir).unwrap();
}

fn build_error(directory: &Path, overwrite: bool) -> String {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1))
        .data_path(directory)
        .overwrite_files(overwrite);
    let pop = driven_neurons(&mut b);
    let rec = SpikeRecorder {
        record_to: RecordTo::ascii(),
        ..Default::default()
    };
    b.spike_recorder("spikes", rec, &[pop.all()]).unwrap();
    match b.build() {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn unusable_directories_and_existing_files_are_errors_naming_recorder_and_path() {
    let missing = std::env::temp_dir().join("network-files-does-not-exist/deeper");
    let e = build_error(&missing, true);
    assert!(
        e.contains("spikes")
            && e.contains(&missing.display().to_string())
            && e.contains("does not exist"),
        "{e}"
    );

    // A directory nobody can write into, even root: a path below a regular file.
    let dir = scratch("unwritable");
    let file = dir.join("plain-file");
    std::fs::write(&file, "").unwrap();
    let below = file.join("out");
    let e = build_error(&below, true);
    assert!(
        e.contains("spikes") && e.contains(&below.display().to_string()),
        "{e}"
    );
    let e = build_error(&file, true);
    assert!(e.contains("not a directory"), "{e}");

    std::fs::write(dir.join("spikes.dat"), "old").unwrap();
    let e = build_error(&dir, false);
    assert!(
        e.contains("spikes.dat") && e.contains("overwrite_files"),
        "{e}"
    );
    assert_eq!(build_error(&dir, true), "");
    std::fs::remove_dir_all(dir).unwrap();
}
