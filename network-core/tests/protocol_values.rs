//! Neurons set between runs by value and by place (`Network::set_neurons_to`,
//! `Network::within`), against hand computations: an expression of position gives each
//! neuron `-70 + 5 · x` in NEST's operation order, a mask selection holds the neurons a
//! distance test picks, random values stay in their range, differ between neurons and
//! between sets, and depend on the seed alone (not on the thread count).

use network_core::spatial::{Layout, Mask, MaskShape};
use network_core::spec::expression::{Arith, End, Expression};
use network_core::*;
use std::sync::Arc;

/// A 5 x 4 grid layer, 1 mm x 1 mm, and a population without positions.
fn build(threads: usize, seed: u64) -> (Network, PopulationHandle<Dyn>, PopulationHandle<Dyn>) {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(seed)).threads(threads);
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    let layout = Layout::Grid {
        shape: vec![5, 4],
        extent: Some(vec![1.0, 1.0]),
        center: None,
        edge_wrap: false,
    };
    let sheet = b.spatial_population("sheet", &m, Dyn(20), &layout).unwrap();
    let plain = b.population("plain", &m, Dyn(10)).unwrap();
    (b.build().unwrap(), sheet, plain)
}

/// `-70 mV + 5 mV * x / 1 mm`, as the language writes it.
fn v_m_of_x() -> Value {
    let n = |v| Box::new(Expression::Number(v));
    let x = Box::new(Expression::Position(End::Target, 0));
    let slope = Expression::Arith(Arith::Mul, n(5.0), x);
    let slope = Expression::Arith(Arith::Div, Box::new(slope), n(1.0));
    Value::Expression(Arc::new(Expression::Arith(
        Arith::Add,
        n(-70.0),
        Box::new(slope),
    )))
}

fn positions(net: &Network) -> Vec<(f64, f64)> {
    let space = net.populations()[0].space.as_ref().unwrap();
    space.positions().iter().map(|p| (p.x, p.y)).collect()
}

#[test]
fn an_expression_of_position_gives_each_neuron_its_value() {
    let (mut net, sheet, _) = build(1, 1);
    net.simulate(10.0).unwrap();
    net.set_neurons_to(&sheet.all(), "V_m", &v_m_of_x())
        .unwrap();
    // V_th from -72 to -68 mV is not above every V_reset (-70 mV): NEST's check refuses it.
    net.set_neurons_to(&sheet.all(), "V_th", &v_m_of_x())
        .unwrap_err();
    for (i, (x, _)) in positions(&net).into_iter().enumerate() {
        let want = -70.0 + 5.0 * x / 1.0;
        let got = net.neuron_value(0, i, "V_m").unwrap();
        assert_eq!(got.to_bits(), want.to_bits(), "neuron {i} at x = {x}");
    }
}

#[test]
fn a_mask_selection_holds_the_neurons_inside_it() {
    let (mut net, sheet, plain) = build(1, 1);
    let mask = Mask::new(MaskShape::Circle { radius: 0.3 });
    let sel = net.within(&sheet, &mask, [0.1, 0.0, 0.0]).unwrap();
    let want: Vec<u32> = positions(&net)
        .into_iter()
        .enumerate()
        .filter(|(_, (x, y))| ((x - 0.1).powi(2) + y * y).sqrt() <= 0.3)
        .map(|(i, _)| i as u32)
        .collect();
    assert!(want.len() >= 4 && want.len() < 20, "{want:?}");
    let mut got = sel.indices().unwrap().to_vec();
    got.sort_unstable();
    assert_eq!(got, want);
    net.set_neurons(&sel, "I_e", 500.0).unwrap();
    for i in 0..20 {
        let expected = if want.contains(&(i as u32)) {
            500.0
        } else {
            0.0
        };
        assert_eq!(net.neuron_value(0, i, "I_e"), Some(expected), "neuron {i}");
    }
    // A population without positions has nothing to select, and no `x`.
    let e = net.within(&plain, &mask, [0.0; 3]).unwrap_err().to_string();
    assert!(e.contains("plain") && e.contains("not spatial"), "{e}");
    let e = net
        .set_neurons_to(&plain.all(), "V_m", &v_m_of_x())
        .unwrap_err()
        .to_string();
    assert!(e.contains("plain") && e.contains("no positions"), "{e}");
}

/// `I_e` drawn uniformly in [100, 200) pA on the neurons 2..8 of `plain`, at 10 ms.
fn random_i_e(threads: usize, seed: u64) -> Vec<f64> {
    let (mut net, _, plain) = build(threads, seed);
    net.simulate(10.0).unwrap();
    let uniform = Value::Uniform {
        min: 100.0,
        max: 200.0,
    };
    net.set_neurons_to(&plain.range(2..8), "I_e", &uniform)
        .unwrap();
    (0..10)
        .map(|i| net.neuron_value(1, i, "I_e").unwrap())
        .collect()
}

#[test]
fn random_values_depend_on_the_seed_alone() {
    let one = random_i_e(1, 5);
    assert_eq!(one, random_i_e(2, 5));
    assert_ne!(one, random_i_e(1, 6));
    assert_eq!((one[0], one[1], one[8], one[9]), (0.0, 0.0, 0.0, 0.0));
    let drawn = &one[2..8];
    assert!(
        drawn.iter().all(|v| (100.0..200.0).contains(v)),
        "{drawn:?}"
    );
    let mut distinct = drawn.to_vec();
    distinct.sort_by(f64::total_cmp);
    distinct.dedup();
    assert_eq!(distinct.len(), 6);
    // A second set at a later step draws anew.
    let (mut net, _, plain) = build(1, 5);
    net.simulate(10.0).unwrap();
    let uniform = Value::Uniform {
        min: 100.0,
        max: 200.0,
    };
    net.set_neurons_to(&plain.range(2..8), "I_e", &uniform)
        .unwrap();
    net.simulate(10.0).unwrap();
    net.set_neurons_to(&plain.range(2..8), "I_e", &uniform)
        .unwrap();
    assert_ne!(net.neuron_value(1, 2, "I_e").unwrap(), one[2]);
}
