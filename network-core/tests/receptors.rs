//! Receptor ports: connections name the port of a multisynapse target as NEST's
//! `receptor_type`, and every port NEST would reject is an error naming the connection.

use network_core::*;

fn builder() -> NetworkBuilder {
    NetworkBuilder::new(Resolution::default(), Seed(1))
}

fn multisynapse(ports: &[f64]) -> Model<IafPscExpMultisynapse> {
    Model::nest(IafPscExpMultisynapse {
        tau_syn: ports.to_vec(),
        ..Default::default()
    })
    .unwrap()
}

#[test]
fn ports_out_of_range_name_the_projection_and_the_port() {
    let mut b = builder();
    let src = b
        .population("src", &Model::nest(IafPscAlpha::default()).unwrap(), Dyn(2))
        .unwrap();
    let tgt = b
        .population("tgt", &multisynapse(&[2.0, 100.0]), Dyn(2))
        .unwrap();
    let spec = connect::ConnSpec::new(connect::Rule::OneToOne);
    let e = b
        .connect(
            "src -> tgt",
            &src,
            &tgt,
            &spec,
            StaticSynapse::new(5.0, 1.0).receptor(3),
        )
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("src -> tgt") && e.contains("receptor_type") && e.contains('3'),
        "{e}"
    );
    assert!(e.contains("1..=2"), "{e}");
    let e = b
        .connect("zero", &src, &tgt, &spec, StaticSynapse::new(5.0, 1.0))
        .unwrap_err()
        .to_string();
    assert!(e.contains("zero") && e.contains("receptor_type"), "{e}");
    b.connect(
        "ok",
        &src,
        &tgt,
        &spec,
        StaticSynapse::new(-5.0, 1.0).receptor(2),
    )
    .unwrap();
    let e = b
        .connect(
            "back",
            &tgt,
            &src,
            &spec,
            StaticSynapse::new(5.0, 1.0).receptor(1),
        )
        .unwrap_err()
        .to_string();
    assert!(e.contains("back") && e.contains("no receptor ports"), "{e}");
}

#[test]
fn current_generators_take_receptor_zero_only() {
    let mut b = builder();
    let tgt = b.population("tgt", &multisynapse(&[2.0]), Dyn(1)).unwrap();
    let dc = DcGenerator {
        amplitude: 100.0,
        window: Window::default(),
    };
    let e = b
        .dc_generator(
            "dc",
            dc.clone(),
            &[tgt.all()],
            &StaticSynapse::new(1.0, 1.0).receptor(1),
        )
        .unwrap_err()
        .to_string();
    assert!(e.contains("dc") && e.contains("receptor type 0"), "{e}");
    b.dc_generator("dc", dc, &[tgt.all()], &StaticSynapse::default())
        .unwrap();
}

#[test]
fn multimeters_record_only_existing_ports() {
    let mut b = builder();
    let tgt = b
        .population("tgt", &multisynapse(&[2.0, 5.0]), Dyn(1))
        .unwrap();
    let rec = |k| Multimeter::new(1.0, &[Recordable::V_m, Recordable::I_syn_port(k)]);
    let e = b
        .multimeter("mm", rec(3), &[tgt.all()])
        .unwrap_err()
        .to_string();
    assert!(e.contains("I_syn_3") && e.contains("I_syn_2"), "{e}");
    b.multimeter("mm", rec(2), &[tgt.all()]).unwrap();
}

#[test]
fn each_port_integrates_its_own_weights() {
    // Two ports with the same time constant receive weights +w and −w in the same step:
    // the total synaptic current stays zero while each port carries its own PSC.
    let mut b = builder();
    let tgt = b
        .population("tgt", &multisynapse(&[3.0, 3.0]), Dyn(1))
        .unwrap();
    let times = SpikeGenerator {
        spike_times: vec![5.0],
        ..Default::default()
    };
    for (k, w) in [(1, 200.0), (2, -200.0)] {
        b.spike_generator(
            &format!("sg{k}"),
            times.clone(),
            &[tgt.all()],
            &StaticSynapse::new(w, 1.0).receptor(k),
        )
        .unwrap();
    }
    let all = [
        Recordable::V_m,
        Recordable::I_syn,
        Recordable::I_syn_port(1),
        Recordable::I_syn_port(2),
    ];
    let mm = b
        .multimeter("mm", Multimeter::new(0.1, &all), &[tgt.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(20.0).unwrap();
    let s = net.samples(&mm);
    let (i1, i2) = (
        s.values(Recordable::I_syn_port(1)).unwrap(),
        s.values(Recordable::I_syn_port(2)).unwrap(),
    );
    assert_eq!(i1[59], 200.0, "the PSC of port 1 jumps by w at 6.0 ms");
    assert!(i1.iter().zip(&i2).all(|(a, b)| *a == -*b));
    assert!(s
        .values(Recordable::I_syn)
        .unwrap()
        .iter()
        .all(|&x| x == 0.0));
    assert!(s
        .values(Recordable::V_m)
        .unwrap()
        .iter()
        .all(|&v| v == -70.0));
}
