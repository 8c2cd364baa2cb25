//! Expressions of space with random parts, statistically: a connection probability
//! given as an expression of distance connects each distance as often as the closed form
//! says, a random term in a weight has its distribution, and both depend on the seed
//! alone (not on the number of threads).
//!
//! Bounds are 5 standard deviations of the count or mean under the closed form: a
//! correct engine fails one with probability below 1e-6 each.

use network_core::connect::{ConnSpec, Rule};
use network_core::spatial::{Kernel, Layout};
use network_core::spec::expression::{Arith, Expression as E, Function, Random};
use network_core::*;
use std::sync::Arc;

/// A periodic 30 x 30 grid of 1 mm.
fn sheet() -> Layout {
    Layout::Grid {
        shape: vec![30, 30],
        extent: Some(vec![1.0, 1.0]),
        center: None,
        edge_wrap: true,
    }
}

/// `0.8 · exp(−d² / (2 · 0.1²))`, d in mm, as the checker builds it from
/// `0.8 * exp(-distance^2 / (2 * (100 um)^2))`.
fn gaussian_p() -> E {
    let squared = E::Pow(Box::new(E::Distance), 2.0);
    let exponent = E::Arith(
        Arith::Div,
        Box::new(E::Neg(Box::new(squared))),
        Box::new(E::Number(2.0 * 0.1f64.powf(2.0))),
    );
    E::Arith(
        Arith::Mul,
        Box::new(E::Number(0.8)),
        Box::new(E::Function(Function::Exp, Box::new(exponent))),
    )
}

fn build(threads: usize, weight: Value) -> (Network, ProjectionHandle) {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(11)).threads(threads);
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    let pop = b
        .spatial_population("sheet", &m, Dyn(900), &sheet())
        .unwrap();
    let spec = ConnSpec::new(Rule::PairwiseBernoulli(1.0))
        .with_kernel(Kernel::Expression(Arc::new(gaussian_p())));
    let p = b
        .connect(
            "sheet -> sheet",
            &pop,
            &pop,
            &spec,
            StaticSynapse::new(weight, 1.0),
        )
        .unwrap();
    (b.build().unwrap(), p)
}

/// The random weight `5 pA + exponential(beta: 2 pA)`.
fn exponential_weight() -> Value {
    Value::Expression(Arc::new(E::Arith(
        Arith::Add,
        Box::new(E::Number(5.0)),
        Box::new(E::Random(Random::Exponential { beta: 2.0 })),
    )))
}

#[test]
fn probability_of_distance_connects_as_the_closed_form_says() {
    let (net, p) = build(2, Value::Constant(1.0));
    let space = net.populations()[0].space.clone().unwrap();
    // Per distance bin of 10 um: pairs, connections, and the expected count and its
    // variance under p(d).
    let bins = 40;
    let mut observed = vec![0.0; bins];
    let mut expected = vec![0.0; bins];
    let mut variance = vec![0.0; bins];
    let closed_form = |d: f64| 0.8 * (-d * d / 0.02).exp();
    let bin = |d: f64| ((d / 0.01) as usize).min(bins - 1);
    let pos = space.positions();
    for s in 0..pos.len() {
        for t in 0..pos.len() {
            let d = space.distance(&pos[s], &pos[t]);
            let q = closed_form(d);
            expected[bin(d)] += q;
            variance[bin(d)] += q * (1.0 - q);
        }
    }
    let connections = net.connections(&p);
    for c in &connections {
        let d = space.distance(&pos[c.source as usize], &pos[c.target as usize]);
        observed[bin(d)] += 1.0;
    }
    let mut tested = 0;
    for k in 0..bins {
        if expected[k] < 20.0 {
            continue;
        }
        tested += 1;
        let z = (observed[k] - expected[k]) / variance[k].sqrt();
        assert!(
            z.abs() < 5.0,
            "distance {}..{} um: {} connections, expected {:.1} (z = {z:.2})",
            k * 10,
            k * 10 + 10,
            observed[k],
            expected[k]
        );
    }
    assert!(tested >= 15, "{tested} bins tested");
    let total: f64 = expected.iter().sum();
    let z = (connections.len() as f64 - total) / variance.iter().sum::<f64>().sqrt();
    assert!(
        z.abs() < 5.0,
        "{} connections, expected {total:.0}",
        connections.len()
    );
}

#[test]
fn random_term_has_its_distribution() {
    let (net, p) = build(2, exponential_weight());
    let w: Vec<f64> = net.connections(&p).iter().map(|c| c.weight - 5.0).collect();
    let n = w.len() as f64;
    assert!(n > 5000.0, "{n} synapses");
    assert!(w.iter().all(|x| *x >= 0.0));
    // Exponential with beta = 2: mean 2, standard deviation 2; median 2 ln 2.
    let mean = w.iter().sum::<f64>() / n;
    assert!((mean - 2.0).abs() < 5.0 * 2.0 / n.sqrt(), "mean {mean}");
    let below = w.iter().filter(|x| **x < 2.0 * 2f64.ln()).count() as f64 / n;
    assert!(
        (below - 0.5).abs() < 5.0 * 0.5 / n.sqrt(),
        "{below} below the median"
    );
}

#[test]
fn results_depend_on_the_seed_alone() {
    let (one, p1) = build(1, exponential_weight());
    let (four, p4) = build(4, exponential_weight());
    assert_eq!(one.connections(&p1), four.connections(&p4));
}
