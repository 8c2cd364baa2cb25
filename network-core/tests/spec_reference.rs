//! The reference values of shared/spec/nest-semantics.md §8 (NEST 3.10.0, h = 0.1 ms).

use network_core::*;

fn single<M: NeuronModel>(params: M) -> (NetworkBuilder, PopulationHandle<Const<1>>) {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed::default());
    let model = Model::nest(params).unwrap();
    let pop = b.population("n", &model, Const::<1>).unwrap();
    (b, pop)
}

#[test]
fn constant_current_spike_times() {
    let (mut b, pop) = single(IafPscAlpha {
        I_e: 376.0,
        ..Default::default()
    });
    let rec = b
        .spike_recorder("rec", SpikeRecorder::default(), &[pop.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(1000.0).unwrap();
    let times = net.spikes(&rec).times();
    assert_eq!(times.len(), 16);
    assert_eq!(
        &times[..5],
        &[
            59.300000000000004,
            120.60000000000001,
            181.9,
            243.20000000000002,
            304.5
        ]
    );
}

#[test]
fn single_spike_psp_trace() {
    let (mut b, pop) = single(IafPscAlpha::default());
    let sg = SpikeGenerator {
        spike_times: vec![10.0],
        ..Default::default()
    };
    b.spike_generator("sg", sg, &[pop.all()], &StaticSynapse::new(100.0, 1.0))
        .unwrap();
    let vm = b
        .multimeter(
            "vm",
            Multimeter::new(0.1, &[Recordable::V_m, Recordable::I_syn_ex]),
            &[pop.all()],
        )
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(50.0).unwrap();
    let s = net.samples(&vm);
    let t = s.times();
    let v = s.values(Recordable::V_m).unwrap();
    let at = |ms: f64| v[t.iter().position(|&x| (x - ms).abs() < 1e-9).unwrap()];
    assert_eq!(at(11.0), -70.0);
    assert_eq!(at(11.1), -69.99737946667402);
    assert_eq!(at(11.2), -69.9898938976501);
    assert_eq!(at(12.0), -69.81075833477904);
    assert_eq!(at(20.0), -68.79217130708378);
    assert_eq!(at(30.0), -69.49397521029111);
    let i = s.values(Recordable::I_syn_ex).unwrap();
    assert_eq!(
        i[t.iter().position(|&x| (x - 13.0).abs() < 1e-9).unwrap()],
        100.00000000000003
    );
}

#[test]
fn dc_window() {
    let (mut b, pop) = single(IafPscAlpha::default());
    let dc = DcGenerator {
        amplitude: 1000.0,
        window: Window::new(100.0, 200.0),
    };
    b.dc_generator("dc", dc, &[pop.all()], &StaticSynapse::default())
        .unwrap();
    let rec = b
        .spike_recorder("rec", SpikeRecorder::default(), &[pop.all()])
        .unwrap();
    let vm = b
        .multimeter("vm", Multimeter::voltmeter(0.1), &[pop.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(300.0).unwrap();
    let times = net.spikes(&rec).times();
    assert_eq!(times.len(), 15);
    assert_eq!(times[0], 105.8);
    assert_eq!(times[14], 201.0);
    let s = net.samples(&vm);
    let v = s.values(Recordable::V_m).unwrap();
    let first = v.iter().position(|&x| x != -70.0).unwrap();
    // NEST reports tics·0.001: 101.10000000000001 (verified with NEST 3.10.0).
    assert_eq!(s.times()[first], 101.10000000000001);
    assert_eq!(v[first], -69.60199334996672);
}
