//! Weights drawn from a distribution are kept at single precision (4 bytes a synapse),
//! inside the distribution's support; constant weights and weights set between runs
//! read back exactly as given (docs/fidelity.md, "Deliberate differences"). The oracles
//! are properties of the numbers themselves: an `f64` is a single-precision number when
//! converting it to `f32` and back gives the same bits.

use network_core::connect::{ConnSpec, Rule};
use network_core::*;

fn is_single(w: f64) -> bool {
    f64::from(w as f32).to_bits() == w.to_bits()
}

/// 400 neurons, each receiving 200 synapses through each of three projections: normal
/// weights redrawn below 0, uniform weights in [0, 0.1) (0.1 is not an `f32`: the
/// nearest one lies above it), and the constant 87.8 pA.
fn build() -> (Network, [ProjectionHandle; 3]) {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(3));
    let model = Model::nest(IafPscExp::default()).unwrap();
    let cells = b.population("cells", &model, Dyn(400)).unwrap();
    let rule = ConnSpec::new(Rule::FixedIndegree(200));
    let normal = Value::Normal {
        mean: 87.8,
        std: 60.0,
        min: Some(0.0),
        max: None,
    };
    let uniform = Value::Uniform { min: 0.0, max: 0.1 };
    let mut connect = |name: &str, weight: Value| {
        b.connect(name, &cells, &cells, &rule, StaticSynapse::new(weight, 1.5))
            .unwrap()
    };
    let handles = [
        connect("normal", normal),
        connect("uniform", uniform),
        connect("constant", Value::Constant(87.8)),
    ];
    (b.build().unwrap(), handles)
}

#[test]
fn drawn_weights_are_single_precision_numbers_inside_their_support() {
    let (net, [normal, uniform, constant]) = build();
    let normal = net.weights(&normal);
    assert_eq!(normal.len(), 80_000);
    assert!(normal.iter().all(|&(_, _, w)| is_single(w) && w >= 0.0));
    // Still a normal redrawn below 0: mean and spread near the truncated normal's
    // (87.8 and 60 truncated at 0: mean 96.64, sd 52.40 by scipy.stats.truncnorm; 5
    // standard errors: 0.93 for the mean, about 1.1 for the sd).
    let n = normal.len() as f64;
    let mean = normal.iter().map(|&(_, _, w)| w).sum::<f64>() / n;
    let sd = (normal
        .iter()
        .map(|&(_, _, w)| (w - mean).powi(2))
        .sum::<f64>()
        / n)
        .sqrt();
    assert!((mean - 96.64).abs() < 0.93, "mean {mean}");
    assert!((sd - 52.40).abs() < 1.1, "sd {sd}");
    let uniform = net.weights(&uniform);
    assert!(uniform
        .iter()
        .all(|&(_, _, w)| is_single(w) && (0.0..0.1).contains(&w)));
    // 87.8 is not a single-precision number: a constant is kept as given.
    assert!(net
        .weights(&constant)
        .iter()
        .all(|&(_, _, w)| w.to_bits() == 87.8f64.to_bits()));
}

#[test]
fn drawn_weights_take_four_bytes_and_weights_set_read_back_exactly() {
    let (mut net, [normal, ..]) = build();
    // 80,000 words of 2 bytes and weights of 4 (the delay is constant), and the rows
    // (401 u32 bounds per block of targets).
    assert_eq!(net.projection(&normal).bytes, 80_000 * 6 + 401 * 4);
    net.simulate(5.0).unwrap();
    let mut weights: Vec<f64> = net.connections(&normal).iter().map(|c| c.weight).collect();
    weights[7] = 87.8;
    weights[8] = -1.0 / 3.0;
    net.set_weights(&normal, &weights).unwrap();
    let back: Vec<f64> = net.connections(&normal).iter().map(|c| c.weight).collect();
    assert_eq!(
        back.iter().map(|w| w.to_bits()).collect::<Vec<_>>(),
        weights.iter().map(|w| w.to_bits()).collect::<Vec<_>>()
    );
    net.simulate(5.0).unwrap();
}
