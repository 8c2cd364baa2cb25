//! Protocols refuse what NEST refuses, or what the engine cannot do, with an error value
//! naming the entity, the parameter and the value; and `E_L` changes keep V_m, as NEST's
//! `State_::set` does.

use network_core::*;

fn small() -> (
    Network,
    PopulationHandle<Dyn>,
    ProjectionHandle,
    GeneratorHandle,
) {
    let mut b = NetworkBuilder::new(Resolution::new(0.1).unwrap(), Seed(1));
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    let exc = b.population("exc", &m, Dyn(4)).unwrap();
    let proj = b
        .connect_pairs(
            "pairs",
            &exc,
            &exc,
            &[(0, 1), (1, 2)],
            StaticSynapse::new(10.0, 1.0),
        )
        .unwrap();
    let dc = b
        .dc_generator(
            "dc",
            DcGenerator::default(),
            &[exc.all()],
            &StaticSynapse::new(1.0, 1.0),
        )
        .unwrap();
    let mut net = b.build().unwrap();
    net.set_progress(false);
    (net, exc, proj, dc)
}

#[test]
fn neuron_settings_are_checked_again() {
    let (mut net, exc, _, _) = small();
    net.simulate(10.0).unwrap();
    // NEST: V_reset must be below V_th (defaults: V_th -55 mV).
    let e = net.set_neurons(&exc.all(), "V_reset", -50.0).unwrap_err();
    assert!(e.to_string().contains("V_reset"), "{e}");
    let e = net.set_neurons(&exc.all(), "tau_x", 1.0).unwrap_err();
    assert!(e.to_string().contains("tau_x"), "{e}");
    // On part of a population the same checks run: V_reset >= V_th of neurons 0 and 1.
    let e = net
        .set_neurons(&exc.range(0..2), "V_reset", -50.0)
        .unwrap_err();
    assert!(e.to_string().contains("V_reset"), "{e}");
    net.set_neurons(&exc.range(0..2), "V_m", -60.0).unwrap();
    let e = net
        .set_neurons(&exc.indices(&[9]), "V_m", -60.0)
        .unwrap_err();
    assert!(e.to_string().contains("4 neurons"), "{e}");
    // A refused change leaves the parameter as it was.
    assert_eq!(net.neuron_param(exc.index(), "V_reset"), Some(-70.0));
    // The whole population, named by its indices, is the whole population.
    net.set_neurons(&exc.indices(&[3, 2, 1, 0]), "I_e", 100.0)
        .unwrap();
    assert_eq!(net.neuron_param(exc.index(), "I_e"), Some(100.0));
}

#[test]
fn device_and_weight_settings_are_checked() {
    let (mut net, exc, proj, dc) = small();
    let e = net.set_generator(&dc, "rate", 10.0).unwrap_err();
    assert!(e.to_string().contains("amplitude"), "{e}");
    let e = net.set_generator(&dc, "stop", -1.0).unwrap_err();
    assert!(e.to_string().contains("stop"), "{e}");
    let e = net.set_weights(&proj, &[1.0]).unwrap_err();
    assert!(e.to_string().contains("one weight per synapse (2)"), "{e}");
    let e = net
        .add_multimeter("pairs", Multimeter::voltmeter(1.0), &[exc.all()])
        .unwrap_err();
    assert!(e.to_string().contains("duplicate name `pairs`"), "{e}");
    let e = net
        .add_multimeter("m", Multimeter::new(1.0, &[Recordable::g_ex]), &[exc.all()])
        .unwrap_err();
    assert!(e.to_string().contains("record_from"), "{e}");
    // Per synapse, then all alike: the weights read back as set.
    net.set_weights(&proj, &[5.0, -3.0]).unwrap();
    let w: Vec<f64> = net.connections(&proj).iter().map(|c| c.weight).collect();
    assert_eq!(w, [5.0, -3.0]);
    net.set_weight(&proj, 7.0).unwrap();
    let c = net.connections(&proj);
    assert_eq!(
        c.iter()
            .map(|c| (c.source, c.target, c.weight, c.delay))
            .collect::<Vec<_>>(),
        [(0, 1, 7.0, 1.0), (1, 2, 7.0, 1.0)]
    );
}

#[test]
fn a_changed_e_l_keeps_v_m() {
    let (mut net, exc, _, _) = small();
    let meter = net
        .add_multimeter("v", Multimeter::voltmeter(0.1), &[exc.indices(&[0])])
        .unwrap();
    net.simulate(10.0).unwrap();
    net.set_neurons(&exc.all(), "E_L", -60.0).unwrap();
    net.simulate(50.0).unwrap();
    let v = net.samples(&meter).values(Recordable::V_m).unwrap();
    // At rest at -70 mV until 10 ms; then the same V_m, relaxing towards the new E_L
    // with tau_m = 10 ms (one step: -60 − 10·e^(−0.1/10) mV); after 50 ms, within 10 · e^-4.9 mV of -60 mV.
    assert_eq!(v[99], -70.0);
    let one_step = -60.0 - 10.0 * (-0.1f64 / 10.0).exp();
    assert!((v[100] - one_step).abs() < 1e-9, "{}", v[100]);
    assert!(
        (v[599] - -60.0).abs() < 10.0 * (-4.9f64).exp(),
        "{}",
        v[599]
    );
}

#[test]
fn tau_minus_of_an_stdp_target_stays_as_built() {
    let mut b = NetworkBuilder::new(Resolution::new(0.1).unwrap(), Seed(1));
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    let pre = b.population("pre", &m, Dyn(2)).unwrap();
    let post = b.population("post", &m, Dyn(2)).unwrap();
    b.connect_pairs("stdp", &pre, &post, &[(0, 1)], StdpSynapse::new(10.0, 1.0))
        .unwrap();
    let mut net = b.build().unwrap();
    let e = net.set_neurons(&post.all(), "tau_minus", 30.0).unwrap_err();
    assert!(e.to_string().contains("STDP"), "{e}");
    // The presynaptic population has no spike archive: its tau_minus may change.
    net.set_neurons(&pre.all(), "tau_minus", 30.0).unwrap();
}

/// A step current's times and values of a new length: refused one at a time (NEST's
/// `SetStatus` refuses one without the other), taken together by
/// `set_generator_params`, after which the current is the one a generator declared
/// with all the changes gives (the amplitude stays until the first new time).
#[test]
fn a_step_currents_lists_are_set_together() {
    let run = |times: Vec<f64>, values: Vec<f64>, later: bool| {
        let mut b = NetworkBuilder::new(Resolution::new(0.1).unwrap(), Seed(1));
        let m = Model::nest(IafPscAlpha::default()).unwrap();
        let exc = b.population("exc", &m, Dyn(1)).unwrap();
        let params = StepCurrentGenerator {
            amplitude_times: times,
            amplitude_values: values,
            ..StepCurrentGenerator::default()
        };
        let syn = StaticSynapse::new(1.0, 1.0);
        let g = b
            .step_current_generator("steps", params, &[exc.all()], &syn)
            .unwrap();
        let mut net = b.build().unwrap();
        net.set_progress(false);
        net.simulate(20.0).unwrap();
        if later {
            let e = net
                .set_generator(&g, "amplitude_times", vec![30.0, 40.0, 50.0])
                .unwrap_err();
            assert!(e.to_string().contains("amplitude"), "{e}");
            net.set_generator_params(
                &g,
                &[
                    ("amplitude_times", Setting::List(vec![30.0, 40.0, 50.0])),
                    ("amplitude_values", Setting::List(vec![100.0, 200.0, 300.0])),
                ],
            )
            .unwrap();
        }
        net.simulate(40.0).unwrap();
        net.neuron_value(0, 0, "V_m").unwrap()
    };
    let set = run(vec![10.0], vec![500.0], true);
    let declared = run(
        vec![10.0, 30.0, 40.0, 50.0],
        vec![500.0, 100.0, 200.0, 300.0],
        false,
    );
    assert_eq!(set.to_bits(), declared.to_bits(), "{set} vs {declared}");
}

/// Plastic state set between runs: NEST's checks, with errors naming the projection,
/// the parameter and the value; nothing changes when one value of a set is invalid.
#[test]
fn synapse_state_settings_are_checked() {
    let mut b = NetworkBuilder::new(Resolution::new(0.1).unwrap(), Seed(1));
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    let pre = b.population("pre", &m, Dyn(2)).unwrap();
    let post = b.population("post", &m, Dyn(2)).unwrap();
    let pairs = [(0, 0), (1, 1)];
    let stdp = b
        .connect_pairs("stdp", &pre, &post, &pairs, StdpSynapse::new(10.0, 1.0))
        .unwrap();
    let tsodyks = b
        .connect_pairs(
            "tsodyks",
            &pre,
            &post,
            &pairs,
            TsodyksSynapse::new(5.0, 1.0),
        )
        .unwrap();
    let tsodyks2 = b
        .connect_pairs(
            "tsodyks2",
            &pre,
            &post,
            &pairs,
            Tsodyks2Synapse::new(5.0, 1.0),
        )
        .unwrap();
    let quantal = b
        .connect_pairs(
            "quantal",
            &pre,
            &post,
            &pairs,
            QuantalStpSynapse::new(5.0, 1.0),
        )
        .unwrap();
    let fixed = b
        .connect_pairs("fixed", &pre, &post, &pairs, StaticSynapse::new(5.0, 1.0))
        .unwrap();
    let mut net = b.build().unwrap();
    net.set_progress(false);
    let err = |r: Result<()>| r.unwrap_err().to_string();

    // unknown names: the closest settable one is suggested
    let e = err(net.set_synapse_state(&stdp, "kplus", 1.0));
    assert!(
        e.contains("stdp") && e.contains("`kplus`") && e.contains("`Kplus`"),
        "{e}"
    );
    let e = err(net.set_synapse_state(&fixed, "u", 0.5));
    assert!(
        e.contains("fixed") && e.contains("`u`") && e.contains("weight"),
        "{e}"
    );
    // the rule's parameters are checked as when connecting
    let e = err(net.set_synapse_state(&tsodyks, "U", 1.5));
    assert!(
        e.contains("tsodyks") && e.contains("`U` = 1.5") && e.contains("[0, 1]"),
        "{e}"
    );
    // a delay outside the kernel's min_delay and max_delay (both 1 ms here) before the
    // first run widens them, as NEST's delay checker does; after it, it is refused
    net.set_synapse_state(&stdp, "delay", 2.0).unwrap();
    assert_eq!((net.min_delay_steps(), net.max_delay_steps()), (10, 20));
    net.set_synapse_state(&stdp, "delay", 1.0).unwrap();
    // NEST's ranges
    let e = err(net.set_synapse_state(&stdp, "Kplus", -0.5));
    assert!(
        e.contains("stdp") && e.contains("`Kplus` = -0.5") && e.contains("non-negative"),
        "{e}"
    );
    let e = err(net.set_synapse_state(&tsodyks, "u", 1.5));
    assert!(
        e.contains("tsodyks") && e.contains("`u` = 1.5") && e.contains("[0, 1]"),
        "{e}"
    );
    let e = err(net.set_synapse_state(&tsodyks2, "u", vec![0.5, -0.1]));
    assert!(e.contains("synapse 1") && e.contains("`u` = -0.1"), "{e}");
    let e = err(net.set_synapse_state(&quantal, "u", f64::NAN));
    assert!(e.contains("quantal") && e.contains("finite"), "{e}");
    let e = err(net.set_synapse_state(&quantal, "a", 1.5));
    assert!(e.contains("`a` = 1.5") && e.contains("integer"), "{e}");
    let e = err(net.set_synapse_state(&tsodyks, "y", 0.5));
    assert!(e.contains("`x + y`") && e.contains("<= 1"), "{e}");
    let e = err(net.set_synapse_state(&stdp, "Kplus", vec![1.0]));
    assert!(e.contains("one value per synapse (2)"), "{e}");
    // NEST's stdp_synapse: weight and Wmax of the same sign
    let e = err(net.set_weight(&stdp, -1.0));
    assert!(e.contains("stdp") && e.contains("Wmax"), "{e}");

    // x and y set together pass the check a set of x alone fails; an invalid value
    // leaves every synapse as it was
    let before = net.connections(&tsodyks);
    let e = err(net.set_synapse_states(
        &tsodyks,
        &[
            ("u", Setting::Number(0.2)),
            ("x", Setting::List(vec![0.5, 2.0])),
        ],
    ));
    assert!(e.contains("synapse 1"), "{e}");
    assert_eq!(net.connections(&tsodyks), before);
    net.set_synapse_states(
        &tsodyks,
        &[("y", Setting::Number(0.0)), ("x", Setting::Number(0.9))],
    )
    .unwrap();
    net.set_synapse_state(&tsodyks2, "x", vec![0.25, 0.75])
        .unwrap();
    net.set_synapse_state(&quantal, "a", 0.0).unwrap();
    net.set_synapse_states(
        &stdp,
        &[
            ("Kplus", Setting::Number(3.0)),
            ("weight", Setting::Number(20.0)),
        ],
    )
    .unwrap();
    let state = |p: &ProjectionHandle| -> Vec<Vec<(&'static str, f64)>> {
        net.connections(p).into_iter().map(|c| c.state).collect()
    };
    assert_eq!(state(&tsodyks)[1], [("x", 0.9), ("y", 0.0), ("u", 0.0)]);
    assert_eq!(state(&tsodyks2)[1], [("x", 0.75), ("u", 0.5)]);
    assert_eq!(state(&quantal)[0], [("u", 0.5), ("a", 0.0)]);
    assert_eq!(state(&stdp)[0], [("Kplus", 3.0)]);
    assert_eq!(net.connections(&stdp)[1].weight, 20.0);
    net.simulate(10.0).unwrap();
    let e = err(net.set_synapse_state(&stdp, "delay", 2.5));
    assert!(
        e.contains("`delay` = 2.5 ms")
            && e.contains("1 ms and 2 ms")
            && e.contains("cannot be changed after Simulate"),
        "{e}"
    );
}
