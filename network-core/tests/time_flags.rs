//! The time flags set between runs through the Rust API (`Network::set_generator_params`):
//! NEST 3.10's refusals, and the times the accepted changes give. Oracle: NEST 3.10 run
//! by hand (`spike_generator` with `spike_times=[1, 2]`, `Simulate(5)`, then
//! `set(allow_offgrid_times=True, spike_times=[6.05, 7.33])`: its recorder reads 1, 2,
//! 6.1, 7.4 ms; the refusals' messages are quoted in `network_spec::time_flags`).

use network_core::*;

fn net() -> (
    Network,
    GeneratorHandle,
    GeneratorHandle,
    SpikeRecorderHandle,
) {
    let mut b = NetworkBuilder::new(Resolution::new(0.1).unwrap(), Seed(1));
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    let cells = b.population("cells", &m, Dyn(1)).unwrap();
    let syn = StaticSynapse::new(1.0, 1.0);
    let listed = SpikeGenerator {
        spike_times: vec![1.0, 2.0],
        ..Default::default()
    };
    let listed = b
        .spike_generator("listed", listed, &[cells.all()], &syn)
        .unwrap();
    let steps = StepCurrentGenerator {
        amplitude_times: vec![1.0, 2.0],
        amplitude_values: vec![100.0, 0.0],
        ..Default::default()
    };
    let steps = b
        .step_current_generator("steps", steps, &[cells.all()], &syn)
        .unwrap();
    let rec = b
        .spike_recorder("rec", SpikeRecorder::default(), &[])
        .unwrap();
    b.record_generator(&rec, &listed).unwrap();
    let mut net = b.build().unwrap();
    net.set_progress(false);
    (net, listed, steps, rec)
}

#[test]
fn a_flag_without_its_times_is_refused_and_leaves_the_generator_as_it_was() {
    let (mut net, listed, steps, rec) = net();
    net.simulate(5.0).unwrap();
    for flag in ["allow_offgrid_times", "precise_times"] {
        let e = net.set_generator(&listed, flag, false).unwrap_err();
        assert!(e.to_string().contains("together with `spike_times`"), "{e}");
    }
    let e = net
        .set_generator_params(
            &listed,
            &[
                ("allow_offgrid_times", true.into()),
                ("precise_times", true.into()),
                ("spike_times", vec![6.0].into()),
            ],
        )
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("while `allow_offgrid_times` is true"),
        "{e}"
    );
    let e = net
        .set_generator(&listed, "precise_times", 0.5)
        .unwrap_err();
    assert!(e.to_string().contains("is a flag"), "{e}");
    let e = net
        .set_generator_params(
            &steps,
            &[
                ("allow_offgrid_times", true.into()),
                ("amplitude_times", vec![6.05].into()),
            ],
        )
        .unwrap_err();
    assert!(e.to_string().contains("before `amplitude_times`"), "{e}");
    // Off the grid without the flag: NEST's "Time point 6.05 is not representable".
    let e = net
        .set_generator(&listed, "spike_times", vec![6.05])
        .unwrap_err();
    assert!(e.to_string().contains("grid"), "{e}");
    net.simulate(5.0).unwrap();
    assert_eq!(net.spikes(&rec).times(), [1.0, 2.0]);
}

#[test]
fn a_flag_with_its_times_rounds_them_up_as_nest_does() {
    let (mut net, listed, steps, rec) = net();
    net.simulate(5.0).unwrap();
    net.set_generator_params(
        &listed,
        &[
            ("allow_offgrid_times", true.into()),
            ("spike_times", vec![6.05, 7.33].into()),
        ],
    )
    .unwrap();
    net.set_generator_params(
        &steps,
        &[
            ("allow_offgrid_times", true.into()),
            ("amplitude_times", vec![6.05].into()),
            ("amplitude_values", vec![50.0].into()),
        ],
    )
    .unwrap();
    net.simulate(5.0).unwrap();
    let times = net.spikes(&rec).times();
    assert_eq!(times.len(), 4);
    for (t, nest) in times.iter().zip([1.0, 2.0, 6.1, 7.4]) {
        assert!((t - nest).abs() < 1e-12, "{times:?}");
    }
    // With no spike times left, a flag alone is taken (NEST: "or if no spike times have
    // been set").
    net.set_generator(&listed, "spike_times", Vec::<f64>::new())
        .unwrap();
    net.set_generator(&listed, "allow_offgrid_times", false)
        .unwrap();
}
