//! The devices of issue 13 and the kernel's delay settings refuse what NEST refuses
//! (NEST 3.10's messages, checked by hand with PyNEST) and accept what it accepts, with
//! errors naming the entity, the parameter and the value.

use network_core::*;

fn builder() -> (NetworkBuilder, PopulationHandle<Dyn>) {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let model = Model::nest(IafPscAlpha::default()).unwrap();
    let p = b.population("cells", &model, Dyn(4)).unwrap();
    (b, p)
}

fn error_mentions<T>(r: Result<T>, parts: &[&str]) {
    let msg = match r {
        Ok(_) => panic!("expected an error mentioning {parts:?}"),
        Err(e) => e.to_string(),
    };
    for p in parts {
        assert!(msg.contains(p), "`{msg}` should mention `{p}`");
    }
}

fn syn() -> StaticSynapse {
    StaticSynapse::new(100.0, 1.0)
}

#[test]
fn spike_times_follow_nests_tic_rules() {
    let (mut b, p) = builder();
    let times = |t: &[f64]| SpikeGenerator {
        spike_times: t.to_vec(),
        ..Default::default()
    };
    // NEST: [2.9999] is 3.0 (within half a tic); 2.9994 is "not representable"; 0 is
    // refused unless shift_now_spikes.
    b.spike_generator("near", times(&[2.9999]), &[p.all()], &syn())
        .unwrap();
    error_mentions(
        b.spike_generator("off", times(&[2.9994]), &[p.all()], &syn()),
        &["off", "spike_times", "2.9994", "grid"],
    );
    error_mentions(
        b.spike_generator("zero", times(&[0.0]), &[p.all()], &syn()),
        &["zero", "spike_times", "shift_now_spikes"],
    );
    let shifted = SpikeGenerator {
        shift_now_spikes: true,
        ..times(&[0.0, 1.0])
    };
    b.spike_generator("shifted", shifted, &[p.all()], &syn())
        .unwrap();
    let precise = SpikeGenerator {
        precise_times: true,
        ..times(&[2.95, 3.0])
    };
    b.spike_generator("precise", precise, &[p.all()], &syn())
        .unwrap();
}

#[test]
fn step_current_and_rate_generators_check_as_nest() {
    let (mut b, p) = builder();
    let steps = StepCurrentGenerator {
        amplitude_times: vec![10.0, 20.0],
        amplitude_values: vec![300.0],
        ..Default::default()
    };
    error_mentions(
        b.step_current_generator("steps", steps, &[p.all()], &syn()),
        &["steps", "amplitude_values", "one value per time"],
    );
    let rates = InhomogeneousPoissonGenerator {
        rate_times: vec![10.0],
        rate_values: vec![-5.0],
        ..Default::default()
    };
    error_mentions(
        b.inhomogeneous_poisson_generator("rates", rates, &[p.all()], &syn()),
        &["rates", "rate_values", "-5", ">= 0"],
    );
    let mip = MipGenerator {
        rate: 10.0,
        p_copy: 1.5,
        ..Default::default()
    };
    error_mentions(
        b.mip_generator("copies", mip, &[p.all()], &syn()),
        &["copies", "p_copy", "1.5", "[0, 1]"],
    );
}

#[test]
fn kernel_delays_bound_every_connection() {
    // NEST: "min_delay must be greater than or equal to resolution" (0.05 ms rounds to
    // 0 steps) and "min_delay must be smaller than or equal to max_delay".
    let (b, _) = builder();
    error_mentions(b.delay_extrema(0.05, 3.0), &["min_delay", "resolution"]);
    let (b, _) = builder();
    error_mentions(b.delay_extrema(3.0, 2.0), &["min_delay", "max_delay"]);
    // NEST: a delay of 0.2 ms under min_delay 0.5 is "greater than or equal to
    // min_delay"; one of 5 ms under max_delay 3 "smaller than or equal to max_delay".
    for (delay, rule) in [(0.2, "min_delay"), (5.0, "max_delay")] {
        let (b, p) = builder();
        let mut b = b.delay_extrema(0.5, 3.0).unwrap();
        let g = SpikeGenerator {
            spike_times: vec![1.0],
            ..Default::default()
        };
        b.spike_generator("sg", g, &[p.all()], &StaticSynapse::new(100.0, delay))
            .unwrap();
        error_mentions(b.build(), &["sg", "delay", rule]);
    }
    let (b, p) = builder();
    let mut b = b.delay_extrema(0.5, 3.0).unwrap();
    let conn = connect::ConnSpec::new(connect::Rule::AllToAll);
    b.connect("recurrent", &p, &p, &conn, StaticSynapse::new(10.0, 2.5))
        .unwrap();
    let net = b.build().unwrap();
    assert_eq!(net.min_delay_steps(), 5);
}

#[test]
fn infinite_threshold_is_accepted_and_never_fires() {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let never = Model::nest(IafPscAlpha {
        V_th: f64::INFINITY,
        I_e: 5000.0,
        ..Default::default()
    })
    .unwrap();
    let p = b.population("never", &never, Dyn(2)).unwrap();
    let sr = b
        .spike_recorder("sr", SpikeRecorder::default(), &[p.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(100.0).unwrap();
    assert_eq!(net.spikes(&sr).len(), 0);
    // NaN is not a number NEST computes with.
    assert!(Model::nest(IafPscAlpha {
        V_th: f64::NAN,
        ..Default::default()
    })
    .is_err());
}
