//! Generators, recorder windows and synapses set between runs through the typed setters
//! `network!` generates (`net.set_drive().rate(Hz(20_000.0))?`, `net.set_e2i().U(..)`),
//! against the same changes written as the description's `protocol` block and run by
//! the loader (network-load; its protocol block is checked against NEST 3.10 in
//! network-load/tests/protocol_sets.rs, protocol_synapses.rs and protocol_noise.rs): the
//! same spikes, samples, weight events and synapses, bit for bit.

use network::units::{deg, ms, number, pA, Hz};
use network::{Error, Seed};
use network_load::{build, parse, Inputs, Loaded, Source};

mod parity;

network::network! {
    // Every kind of change between runs that has a typed setter: table-declared
    // generators (a step current's and an inhomogeneous Poisson generator's two lists
    // together, an ac generator's phase in degrees, a sinusoidal Poisson generator's
    // rate), the listed ones (noise, spike list, Poisson), recorder windows (spike
    // recorder, multimeter, weight recorder) and synapses (weight, delay, a rule
    // parameter, a plastic state, a weight-like parameter).
    pub struct Typed;

    resolution = 0.1 ms;
    seed = 11;

    neuron Parrot = parrot_neuron;
    neuron Cell = iaf_psc_alpha { tau_minus: 20 ms };
    population pre = Parrot[4];
    population cells = Cell[5];
    stimulate steps = step_current_generator { amplitude_times: [10, 30] ms, amplitude_values: [300, 420] pA } -> cells[0];
    stimulate wave = ac_generator { amplitude: 100 pA, offset: 330 pA, frequency: 10 Hz } -> cells[1];
    stimulate noise = noise_generator { mean: 350 pA, std: 50 pA, dt: 0.5 ms } -> cells[2];
    stimulate sin = sinusoidal_poisson_generator { rate: 1000 Hz, amplitude: 500 Hz, frequency: 20 Hz } -> pre[0] via static_synapse { weight: 1 pA, delay: 1 ms };
    stimulate inhom = inhomogeneous_poisson_generator { rate_times: [10, 40] ms, rate_values: [2000, 400] Hz } -> pre[1] via static_synapse { weight: 1 pA, delay: 1 ms };
    stimulate train = spike_generator { spike_times: [5, 12, 20, 21, 33] ms } -> pre[2] via static_synapse { weight: 1 pA, delay: 1 ms };
    stimulate drive = poisson_generator { rate: 300 Hz } -> pre[3] via static_synapse { weight: 1 pA, delay: 1 ms };
    record spikes = spike_recorder <- cells;
    record pre_spikes = spike_recorder <- pre;
    record vm = multimeter { interval: 0.5 ms, record_from: [V_m] } <- cells;
    connect e2i = pre -> cells[0..3]: all_to_all, via tsodyks2_synapse { weight: 200 pA, delay: 1 ms, U: 0.2, tau_rec: 200 ms, tau_fac: 20 ms };
    connect plastic = pre -> cells[3..5]: all_to_all, via stdp_synapse { weight: 150 pA, delay: 2 ms, lambda: 0.05, Wmax: 300 pA };
    record wr = weight_recorder { start: 5 ms } <- e2i;

    protocol {
        simulate 50 ms;
        set steps.amplitude_times = [60, 80] ms;
        set steps.amplitude_values = [400, 100] pA;
        set wave.phase = 90 deg;
        set wave.frequency = 20 Hz;
        set noise.std = 80 pA;
        set noise.dt = 0.2 ms;
        set sin.rate = 2000 Hz;
        set inhom.rate_times = [70, 90] ms;
        set inhom.rate_values = [1000, 3000] Hz;
        set train.spike_times = [55, 62, 75, 76] ms;
        set drive.rate = 2 kHz;
        set drive.stop = 90 ms;
        set e2i.U = 0.3;
        set e2i.delay = 2 ms;
        set plastic.Kplus = 0.5;
        set plastic.Wmax = 180 pA;
        set vm.stop = 80 ms;
        set vm.origin = 5 ms;
        set wr.stop = 70 ms;
        set spikes.start = 55 ms;
        simulate 50 ms;
        set e2i.weight = 300 pA;
        set plastic.lambda = 0.02;
        set wr.stop = 120 ms;
        simulate 50 ms;
    }
}

/// The protocol block above through the typed setters, statement for statement.
fn typed_protocol(net: &mut Typed) -> Result<(), Error> {
    net.simulate(50.0)?;
    net.set_steps()
        .amplitude_times_and_values(&[ms(60.0), ms(80.0)], &[pA(400.0), pA(100.0)])?;
    net.set_wave().phase(deg(90.0))?.frequency(Hz(20.0))?;
    net.set_noise().std(pA(80.0))?.dt(ms(0.2))?;
    net.set_sin().rate(Hz(2000.0))?;
    net.set_inhom()
        .rate_times_and_values(&[ms(70.0), ms(90.0)], &[Hz(1000.0), Hz(3000.0)])?;
    net.set_train()
        .spike_times(&[ms(55.0), ms(62.0), ms(75.0), ms(76.0)])?;
    net.set_drive().rate(Hz(2_000.0))?.stop(ms(90.0))?;
    net.set_e2i().U(number(0.3))?.delay(ms(2.0))?;
    net.set_plastic().Kplus(number(0.5))?.Wmax(pA(180.0))?;
    net.set_vm().stop(ms(80.0))?.origin(ms(5.0))?;
    net.set_wr().stop(ms(70.0))?;
    net.set_spikes().start(ms(55.0))?;
    net.simulate(50.0)?;
    net.set_e2i().weight(pA(300.0))?;
    net.set_plastic().lambda(number(0.02))?;
    net.set_wr().stop(ms(120.0))?;
    net.simulate(50.0)
}

/// The description of [`Typed`], protocol block included, read by the loader.
fn loaded() -> Loaded {
    let source = Source::new("typed.net", Typed::DESCRIPTION);
    let parsed = parse(&source).unwrap_or_else(|e| panic!("{e:?}"));
    build(&parsed.description, Seed(11), &Inputs::default()).unwrap()
}

#[test]
fn typed_setters_give_the_protocol_block_s_run_bit_for_bit() {
    let mut by_setters = Typed::build(Seed(11)).unwrap();
    typed_protocol(&mut by_setters).unwrap();
    let mut loaded = loaded();
    loaded.run_protocol().unwrap();
    let m = by_setters.network();
    let (spikes, samples, synapses) = parity::same_network(
        5,
        m,
        &[&by_setters.spikes, &by_setters.pre_spikes],
        &[&by_setters.vm],
        &[&by_setters.e2i, &by_setters.plastic],
        &loaded,
    );
    assert!(
        spikes > 50 && samples > 0 && synapses == 4 * 3 + 4 * 2,
        "{spikes} {samples} {synapses}"
    );
    // The weight recorder's events, window set twice.
    let (a, b) = (
        m.weights_recorded(&by_setters.wr),
        loaded
            .network
            .weights_recorded(parity::named(&loaded.weight_recorders, "wr")),
    );
    assert!(a.len() > 10, "{} weight events", a.len());
    assert_eq!(a.steps(), b.steps());
    assert_eq!(a.senders(), b.senders());
    assert_eq!(a.targets(), b.targets());
    let bits = |w: &[f64]| w.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(a.weights()), bits(b.weights()));
    // The window's stop of 120 ms after the first 70: events past 70 ms, none past 120.
    let times = a.times();
    assert!(times.iter().any(|&t| t > 70.0) && times.iter().all(|&t| t <= 120.0));
    // The sets took: read back as NEST's GetStatus would give them.
    assert_eq!(m.synapse_parameter(&by_setters.e2i, "U").unwrap(), 0.3);
    assert_eq!(
        m.synapse_parameter(&by_setters.plastic, "lambda").unwrap(),
        0.02
    );
    assert!(m
        .connections(&by_setters.e2i)
        .iter()
        .all(|c| c.delay == 2.0 && c.weight == 300.0));
    // The multimeter's window (origin 5 ms, stop 80 ms): no sample after 85 ms.
    let vm = m.samples(&by_setters.vm).times().to_vec();
    assert!(vm.iter().all(|&t| t <= 85.0) && vm.iter().any(|&t| t > 80.0));
}

/// A value NEST refuses comes back as the error the untyped call gives, and changes
/// nothing.
#[test]
fn values_nest_refuses_give_the_untyped_calls_errors() {
    let mut typed = Typed::build(Seed(11)).unwrap();
    let mut untyped = Typed::build(Seed(11)).unwrap();
    let (e2i, wave, vm, drive, steps) = (
        untyped.e2i,
        untyped.wave,
        untyped.vm,
        untyped.drive,
        untyped.steps,
    );
    let cases: [(Error, Error); 6] = [
        (
            typed.set_e2i().U(number(1.5)).map(drop).unwrap_err(),
            untyped
                .network_mut()
                .set_synapse_state(&e2i, "U", 1.5)
                .unwrap_err(),
        ),
        (
            typed.set_e2i().delay(ms(0.0)).map(drop).unwrap_err(),
            untyped
                .network_mut()
                .set_synapse_state(&e2i, "delay", 0.0)
                .unwrap_err(),
        ),
        (
            typed.set_wave().stop(ms(-1.0)).map(drop).unwrap_err(),
            untyped
                .network_mut()
                .set_generator(&wave, "stop", -1.0)
                .unwrap_err(),
        ),
        (
            typed.set_drive().rate(Hz(-5.0)).map(drop).unwrap_err(),
            untyped
                .network_mut()
                .set_generator(&drive, "rate", -5.0)
                .unwrap_err(),
        ),
        (
            typed.set_vm().origin(ms(0.05)).map(drop).unwrap_err(),
            untyped
                .network_mut()
                .set_multimeter(&vm, "origin", 0.05)
                .unwrap_err(),
        ),
        (
            typed
                .set_steps()
                .amplitude_times_and_values(&[ms(20.0), ms(10.0)], &[pA(1.0), pA(2.0)])
                .map(drop)
                .unwrap_err(),
            untyped
                .network_mut()
                .set_generator_params(
                    &steps,
                    &[
                        ("amplitude_times", vec![20.0, 10.0].into()),
                        ("amplitude_values", vec![1.0, 2.0].into()),
                    ],
                )
                .unwrap_err(),
        ),
    ];
    for (a, b) in &cases {
        assert_eq!(a.to_string(), b.to_string());
    }
    // Nothing changed: both runs still agree with one that never tried.
    let mut clean = Typed::build(Seed(11)).unwrap();
    for net in [&mut typed, &mut clean] {
        net.simulate(30.0).unwrap();
    }
    assert_eq!(
        typed.spikes(&typed.spikes).steps(),
        clean.spikes(&clean.spikes).steps()
    );
    assert_eq!(typed.synapse_parameter(&typed.e2i, "U").unwrap(), 0.2);
}
