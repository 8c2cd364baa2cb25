//! Spike recorders write NEST's ASCII format when asked.

use network_core::*;
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("network-ascii-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn driven_neuron(b: &mut NetworkBuilder) -> PopulationHandle<Const<2>> {
    let m = Model::nest(IafPscAlpha {
        I_e: 500.0,
        ..Default::default()
    })
    .unwrap();
    b.population("pop", &m, Const::<2>).unwrap()
}

#[test]
fn writes_nest_header_and_rows_after_each_simulate() {
    let dir = scratch("rows");
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let pop = driven_neuron(&mut b);
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
    assert_eq!(
        first,
        "# NEST version: 3.10.0\n# RecordingBackendASCII version: 2\nsender\ttime_ms\n1\t13.900\n2\t13.900\n"
    );
    net.simulate(20.0).unwrap();
    let second = std::fs::read_to_string(&path).unwrap();
    assert!(
        second.starts_with(&first) && second.ends_with("1\t29.800\n2\t29.800\n"),
        "{second}"
    );
    let mut memory = Vec::new();
    net.spikes(&rec).write_ascii(&mut memory).unwrap();
    assert_eq!(String::from_utf8(memory).unwrap(), second);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn missing_directory_and_existing_file_are_errors() {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let pop = driven_neuron(&mut b);
    let missing = std::env::temp_dir().join("network-ascii-does-not-exist/deeper");
    let e = b
        .spike_recorder(
            "spikes",
            SpikeRecorder::default().to_ascii(&missing),
            &[pop.all()],
        )
        .unwrap_err()
        .to_string();
    assert!(e.contains("spikes") && e.contains("does not exist"), "{e}");

    let dir = scratch("existing");
    std::fs::write(dir.join("spikes.dat"), "old").unwrap();
    let keep = SpikeRecorder {
        record_to: RecordTo::Ascii {
            directory: dir.clone(),
            prefix: String::new(),
            overwrite: false,
        },
        ..Default::default()
    };
    let e = b
        .spike_recorder("spikes", keep, &[pop.all()])
        .unwrap_err()
        .to_string();
    assert!(e.contains("spikes.dat"), "{e}");
    std::fs::remove_dir_all(dir).unwrap();
}
