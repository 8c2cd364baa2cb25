//! Recording without bound (issue 17): a multimeter on 1,000 cells at 0.1 ms for 100 s
//! once aborted on a failed 1 GB allocation after writing 2.8 GB to its file. Recorded
//! data is now estimated before every `simulate` call (an error before the run when it
//! cannot fit), and data recorded to a file can stream there without a memory copy.

use network_core::*;
use std::path::PathBuf;

const MB: u64 = 1_000_000;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("network-recmem-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn cells(b: &mut NetworkBuilder, n: usize) -> PopulationHandle<Dyn> {
    let m = Model::nest(IafPscAlpha {
        I_e: 400.0,
        ..Default::default()
    })
    .unwrap();
    b.population("cells", &m, Dyn(n)).unwrap()
}

fn resources_error(r: Result<()>) -> String {
    match r {
        Err(e @ Error::Resources(_)) => e.to_string(),
        Err(e) => panic!("expected a resources error, got: {e}"),
        Ok(()) => panic!("expected a resources error, got a success"),
    }
}

#[test]
fn the_issues_multimeter_is_refused_before_it_runs() {
    // 10^6 stamps x 1,000 cells x (12 + 8) bytes = 20 GB, against a 1 GB limit.
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1)).memory_limit(1_000 * MB);
    let pop = cells(&mut b, 1000);
    b.multimeter("mm", Multimeter::voltmeter(0.1), &[pop.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    let e = resources_error(net.simulate(100_000.0));
    assert!(e.contains("multimeter `mm`"), "{e}");
    assert!(e.contains("20.00 GB") && e.contains("1.00 GB"), "{e}");
    assert_eq!(net.time(), 0.0, "nothing ran");
    // A run that fits is still allowed afterwards: 10 ms is 100 x 1,000 x 20 B = 2 MB.
    net.simulate(10.0).unwrap();
    assert_eq!(
        net.samples(&net.multimeter_handle("mm").unwrap()).len(),
        100_000
    );
}

#[test]
fn a_spike_recorder_is_estimated_at_the_assumed_rate() {
    // 1,000 cells x 10^4 s x 100 Hz x 12 B = 12 GB.
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1)).memory_limit(100 * MB);
    let pop = cells(&mut b, 1000);
    b.spike_recorder("spikes", SpikeRecorder::default(), &[pop.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    let e = resources_error(net.simulate(1e7));
    assert!(
        e.contains("spike recorder `spikes`") && e.contains("12.00 GB"),
        "{e}"
    );
    // A window bounds the estimate: 1 s of recording is 1.2 MB however long the run
    // (refused here only because the limit is 1 MB).
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1)).memory_limit(MB);
    let pop = cells(&mut b, 1000);
    b.spike_recorder("spikes", SpikeRecorder::window(0.0, 1000.0), &[pop.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    let e = resources_error(net.simulate(1e9));
    assert!(e.contains("1.20 MB"), "a refused run: {e}");
}

#[test]
fn files_only_streams_samples_and_takes_no_memory() {
    // 200 ms x 10 samples/ms x 500 cells x 20 B = 20 MB in memory, over a 16 MB limit;
    // streamed to the file only, the same run fits.
    let dir = scratch("stream");
    let build = || {
        let mut b = NetworkBuilder::new(Resolution::default(), Seed(1))
            .memory_limit(16 * MB)
            .data_path(&dir);
        let pop = cells(&mut b, 500);
        let meter = Multimeter::voltmeter(0.1).record_to(RecordTo::ascii());
        let mm = b.multimeter("mm", meter, &[pop.all()]).unwrap();
        let rec = SpikeRecorder {
            record_to: RecordTo::ascii(),
            ..Default::default()
        };
        let sr = b.spike_recorder("spikes", rec, &[pop.all()]).unwrap();
        (b.build().unwrap(), mm, sr)
    };
    let (mut net, _, _) = build();
    let e = resources_error(net.simulate(200.0));
    assert!(
        e.contains("multimeter `mm`") && e.contains("record_files_only"),
        "{e}"
    );

    let (mut net, mm, sr) = build();
    net.record_files_only(true);
    net.simulate(200.0).unwrap();
    assert!(net.samples(&mm).is_empty() && net.spikes(&sr).is_empty());
    assert_eq!(net.samples_recorded(&mm), 2000 * 500);
    let text = std::fs::read_to_string(dir.join("mm.dat")).unwrap();
    assert_eq!(
        text.lines().count(),
        3 + 2000 * 500,
        "NEST's 3 header lines, then rows"
    );
    let spikes = std::fs::read_to_string(dir.join("spikes.dat")).unwrap();
    assert!(net.recorded(&sr) > 0, "driven cells fire");
    assert_eq!(spikes.lines().count() as u64, 3 + net.recorded(&sr));
    // The report counts what went to the files too (it said 0 events before).
    let report = net.report();
    let events = |name: &str| {
        report
            .devices
            .iter()
            .find(|d| d.name == name)
            .and_then(|d| d.events)
    };
    assert_eq!(events("mm"), Some(2000 * 500));
    assert_eq!(events("spikes").map(|e| e as u64), Some(net.recorded(&sr)));
    std::fs::remove_dir_all(dir).unwrap();
}
