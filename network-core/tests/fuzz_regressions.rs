//! Inputs that once panicked (found by fuzzing the builder, `fuzz/`, or while writing
//! its harness): each is now an error value naming the device and the parameter.

use network_core::*;

fn builder(h: f64) -> (NetworkBuilder, PopulationHandle<Dyn>) {
    let mut b = NetworkBuilder::new(Resolution::new(h).unwrap(), Seed(1));
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    let p = b.population("pop", &m, Dyn(3)).unwrap();
    (b, p)
}

fn error_naming<T>(r: Result<T>, parts: &[&str]) {
    let e = match r {
        Ok(_) => panic!("expected an error naming {parts:?}"),
        Err(e) => e.to_string(),
    };
    for p in parts {
        assert!(e.contains(p), "`{e}` should mention `{p}`");
    }
}

#[test]
fn huge_off_grid_spike_times_are_errors() {
    // ms_to_tics saturates at i64::MAX; rounding up to the next step overflowed.
    let (mut b, p) = builder(0.1);
    for t in [1e300, 9.3e15] {
        let sg = SpikeGenerator {
            spike_times: vec![t],
            allow_offgrid_times: true,
            ..SpikeGenerator::default()
        };
        error_naming(
            b.spike_generator("sg", sg, &[p.all()], &StaticSynapse::default()),
            &["sg", "spike_times"],
        );
    }
}

#[test]
fn device_times_whose_sum_overflows_are_errors() {
    // origin + start in steps overflowed i64 at h = 0.001 ms.
    let (mut b, p) = builder(0.001);
    let window = Window {
        start: 5e15,
        stop: f64::INFINITY,
        origin: 5e15,
    };
    let dc = DcGenerator {
        amplitude: 1.0,
        window,
    };
    error_naming(
        b.dc_generator("dc", dc, &[p.all()], &StaticSynapse::default()),
        &["dc", "origin", "longest time"],
    );
    let rec = SpikeRecorder {
        window,
        ..SpikeRecorder::default()
    };
    error_naming(b.spike_recorder("rec", rec, &[p.all()]), &["rec", "origin"]);
    // The largest times that are accepted add up without overflow.
    let window = Window {
        start: 1e15,
        stop: f64::INFINITY,
        origin: 1e15,
    };
    let dc = DcGenerator {
        amplitude: 1.0,
        window,
    };
    b.dc_generator("dc", dc, &[p.all()], &StaticSynapse::default())
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(1.0).unwrap();
}

#[test]
fn simulating_past_the_longest_time_is_an_error() {
    let (b, _) = builder(0.001);
    let mut net = b.build().unwrap();
    error_naming(net.simulate(5e15), &["simulate", "time"]);
}

#[test]
fn refractory_periods_beyond_32_bit_step_counts_are_errors() {
    // steps_ceil(1e300) overflowed; found by fuzzing build_network.
    let mut b = NetworkBuilder::new(Resolution::new(0.1).unwrap(), Seed(1));
    for t_ref in [1e300, 5e8] {
        let m = Model::variant(
            "Silent",
            IafPscDelta {
                t_ref,
                ..Default::default()
            },
        )
        .unwrap();
        error_naming(b.population("pop", &m, Dyn(3)), &["Silent", "t_ref"]);
    }
    // The longest that fits, 2^32 − 1 steps of 0.1 ms, is accepted.
    let m = Model::nest(IafPscAlpha {
        t_ref: 4e8,
        ..Default::default()
    })
    .unwrap();
    b.population("pop", &m, Dyn(3)).unwrap();
}
