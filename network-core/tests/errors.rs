//! Bad input gives an error value naming the entity, the parameter and the value — never
//! a panic.

use network_core::devices::Window;
use network_core::*;

fn message<T>(r: Result<T>) -> String {
    match r {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

fn contains_all(msg: &str, parts: &[&str]) {
    for p in parts {
        assert!(msg.contains(p), "`{msg}` should mention `{p}`");
    }
}

#[test]
fn invalid_model_parameters() {
    let cases: Vec<(String, &[&str])> = vec![
        (
            message(Model::variant(
                "PV",
                IafPscAlpha {
                    C_m: 0.0,
                    ..Default::default()
                },
            )),
            &["PV", "C_m", "= 0 pF", "> 0 pF"],
        ),
        (
            message(Model::variant(
                "PV",
                IafPscAlpha {
                    tau_m: -1.0,
                    ..Default::default()
                },
            )),
            &["tau_m", "= -1 ms"],
        ),
        (
            message(Model::nest(IafPscAlpha {
                tau_syn_in: 0.0,
                ..Default::default()
            })),
            &["iaf_psc_alpha", "tau_syn_in"],
        ),
        (
            message(Model::nest(IafPscExp {
                t_ref: -0.5,
                ..Default::default()
            })),
            &["iaf_psc_exp", "t_ref", "= -0.5 ms", ">= 0"],
        ),
        (
            message(Model::nest(IafPscDelta {
                V_reset: -50.0,
                ..Default::default()
            })),
            &["V_reset", "= -50 mV", "V_th"],
        ),
        (
            message(Model::nest(IafPscExp {
                delta: -1.0,
                ..Default::default()
            })),
            &["delta", "= -1 mV"],
        ),
        (
            message(Model::nest(IafPscAlpha {
                E_L: f64::NAN,
                ..Default::default()
            })),
            &["E_L", "NaN"],
        ),
    ];
    for (msg, parts) in cases {
        contains_all(&msg, parts);
    }
}

#[test]
fn unknown_parameter_suggests_the_closest() {
    let mut p = IafPscAlpha::default();
    let msg = message(p.set("PV", "tau_n", 1.0));
    contains_all(&msg, &["PV", "tau_n", "did you mean `tau_m`"]);
    assert_eq!(p.get("V_th"), Some(-55.0));
}

fn builder() -> (NetworkBuilder, PopulationHandle<Const<10>>) {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    let p = b.population("pop", &m, Const::<10>).unwrap();
    (b, p)
}

#[test]
fn device_parameters() {
    let (mut b, p) = builder();
    let syn = StaticSynapse::default();
    let bad_rate = PoissonGenerator {
        rate: -1.0,
        window: Window::default(),
    };
    contains_all(
        &message(b.poisson_generator("noise", bad_rate, &[p.all()], &syn)),
        &["noise", "rate", "-1.0"],
    );
    let backwards = DcGenerator {
        amplitude: 1.0,
        window: Window::new(10.0, 5.0),
    };
    contains_all(
        &message(b.dc_generator("dc", backwards, &[p.all()], &syn)),
        &["dc", "stop", "5.0", "start"],
    );
    let off_grid = DcGenerator {
        amplitude: 1.0,
        window: Window::new(10.05, 20.0),
    };
    contains_all(
        &message(b.dc_generator("dc", off_grid, &[p.all()], &syn)),
        &["dc", "start", "10.05", "resolution"],
    );
    let short = StaticSynapse::new(1.0, 0.01);
    let dc = DcGenerator {
        amplitude: 1.0,
        window: Window::default(),
    };
    contains_all(
        &message(b.dc_generator("dc", dc, &[p.all()], &short)),
        &["dc", "delay", "0.01"],
    );
    let unsorted = SpikeGenerator {
        spike_times: vec![5.0, 2.0],
        ..Default::default()
    };
    contains_all(
        &message(b.spike_generator("sg", unsorted, &[p.all()], &syn)),
        &["sg", "spike_times", "sorted"],
    );
    let zero = SpikeGenerator {
        spike_times: vec![0.0],
        ..Default::default()
    };
    contains_all(
        &message(b.spike_generator("sg", zero, &[p.all()], &syn)),
        &["sg", "spike_times", "> 0"],
    );
    let meter = Multimeter {
        interval: 0.0,
        ..Multimeter::voltmeter(1.0)
    };
    contains_all(
        &message(b.multimeter("vm", meter, &[p.all()])),
        &["vm", "interval"],
    );
    contains_all(
        &message(b.spike_recorder("rec", SpikeRecorder::default(), &[p.range(5..12)])),
        &["rec", "10 neurons"],
    );
    contains_all(
        &message(b.spike_recorder("rec", SpikeRecorder::default(), &[p.range(3..3)])),
        &["rec", "no neuron"],
    );
}

#[test]
fn names_and_sizes() {
    let (mut b, p) = builder();
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    contains_all(
        &message(b.population("pop", &m, Dyn(3))),
        &["duplicate", "pop"],
    );
    contains_all(
        &message(b.population("empty", &m, Dyn(0))),
        &["empty", "size"],
    );
    contains_all(
        &message(b.within(&p, &spatial::Mask::sphere(1.0), [0.0; 3])),
        &["pop", "not spatial"],
    );
    contains_all(
        &message(b.connect_pairs("p", &p, &p, &[(0, 10)], StaticSynapse::default())),
        &["p", "pairs"],
    );
    assert!(Resolution::new(0.0).is_err());
    let mut net = b.build().unwrap();
    contains_all(&message(net.simulate(0.05)), &["simulate", "0.05"]);
}
