//! Weights and delays as expressions of distance, displacement and positions, against
//! NEST 3.10 bit for bit: `conformance/spatial_values.py` connects grid and free
//! layers (periodic and not, 2D and 3D, with and without masks, pairwise_bernoulli with
//! p = 1 and the degree rules taking every candidate) and records every connection's
//! weight and delay in `conformance/reference/spatial_values.json`; the engine builds
//! the same connections with the same expressions and must give the same numbers.

use network_core::connect::{ConnSpec, Rule};
use network_core::spatial::{Layout, Mask, MaskShape};
use network_core::spec::expression::{Arith, Comparison, End, Expression, Function};
use network_core::*;
use serde_json::Value as Json;
use std::sync::Arc;

fn floats(v: &Json) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

/// The engine's layout for a case's `layer` entry, and its size.
fn layout(spec: &Json) -> (Layout, usize) {
    let edge_wrap = spec["edge_wrap"].as_bool().unwrap();
    let extent = Some(floats(&spec["extent"]));
    if let Some(shape) = spec.get("grid") {
        let shape: Vec<usize> = floats(shape).iter().map(|x| *x as usize).collect();
        let n = shape.iter().product();
        let center = spec.get("center").map(floats);
        let grid = Layout::Grid {
            shape,
            extent,
            center,
            edge_wrap,
        };
        return (grid, n);
    }
    let positions: Vec<Vec<f64>> = spec["free"]
        .as_array()
        .unwrap()
        .iter()
        .map(floats)
        .collect();
    let n = positions.len();
    let free = Layout::FreeList {
        positions,
        extent,
        edge_wrap,
    };
    (free, n)
}

fn mask(spec: &Json) -> Mask {
    let (kind, p) = spec.as_object().unwrap().iter().next().unwrap();
    let r = || p["radius"].as_f64().unwrap();
    let shape = match kind.as_str() {
        "circular" => MaskShape::Circle { radius: r() },
        "spherical" => MaskShape::Sphere { radius: r() },
        "rectangular" => {
            let (ll, ur) = (floats(&p["lower_left"]), floats(&p["upper_right"]));
            MaskShape::Rectangle {
                lower_left: [ll[0], ll[1]],
                upper_right: [ur[0], ur[1]],
                azimuth_angle: 0.0,
            }
        }
        other => panic!("mask kind {other} not in this test"),
    };
    Mask::new(shape)
}

/// The script's EXPR as the engine's expression.
fn expression(e: &Json) -> Expression {
    if let Some(v) = e.as_f64() {
        return Expression::Number(v);
    }
    let a = e.as_array().unwrap();
    let arg = |i: usize| Box::new(expression(&a[i]));
    let axis = |i: usize| a[i].as_u64().unwrap() as usize;
    let number = |i: usize| a[i].as_f64().unwrap();
    let arith = |op| Expression::Arith(op, arg(1), arg(2));
    match a[0].as_str().unwrap() {
        "distance" => Expression::Distance,
        "dx" => Expression::Displacement(axis(1)),
        "pos" if a[1] == "source" => Expression::Position(End::Source, axis(2)),
        "pos" => Expression::Position(End::Target, axis(2)),
        "neg" => Expression::Neg(arg(1)),
        "add" => arith(Arith::Add),
        "sub" => arith(Arith::Sub),
        "mul" => arith(Arith::Mul),
        "div" => arith(Arith::Div),
        "pow" => Expression::Pow(arg(1), number(2)),
        "exp" => Expression::Function(Function::Exp, arg(1)),
        "sin" => Expression::Function(Function::Sin, arg(1)),
        "cos" => Expression::Function(Function::Cos, arg(1)),
        "min" => Expression::Min(arg(1), number(2)),
        "max" => Expression::Max(arg(1), number(2)),
        "cmp" => {
            let cmp = match a[1].as_str().unwrap() {
                "lt" => Comparison::Lt,
                "le" => Comparison::Le,
                "eq" => Comparison::Eq,
                "ne" => Comparison::Ne,
                "ge" => Comparison::Ge,
                _ => Comparison::Gt,
            };
            Expression::Compare(cmp, arg(2), arg(3))
        }
        "if" => Expression::Conditional(arg(1), arg(2), arg(3)),
        other => panic!("unknown op {other}"),
    }
}

#[test]
fn weights_and_delays_of_distance_are_nests() {
    let text = include_str!("../../conformance/reference/spatial_values.json");
    let reference: Json = serde_json::from_str(text).unwrap();
    let cases = reference["cases"].as_array().unwrap();
    assert!(cases.len() >= 9);
    let mut total = 0;
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let conn = &case["conn"];
        let (layout, n) = layout(&case["layer"]);
        let degree = || conn["degree"].as_u64().unwrap() as usize;
        let mut spec = match conn["rule"].as_str().unwrap() {
            "pairwise_bernoulli" => ConnSpec::new(Rule::PairwiseBernoulli(1.0)),
            "fixed_indegree" => ConnSpec::new(Rule::FixedIndegree(degree())).no_multapses(),
            _ => ConnSpec::new(Rule::FixedOutdegree(degree())).no_multapses(),
        };
        if let Some(m) = conn.get("mask") {
            spec = spec.with_mask(mask(m));
        }
        if conn.get("use_on_source").is_some_and(|v| v == true) {
            spec = spec.on_source();
        }
        let synapse = StaticSynapse::new(
            Value::Expression(Arc::new(expression(&case["weight"]))),
            Value::Expression(Arc::new(expression(&case["delay"]))),
        );
        let mut b = NetworkBuilder::new(Resolution::default(), Seed(7));
        let m = Model::nest(IafPscAlpha::default()).unwrap();
        let pop = b.spatial_population("layer", &m, Dyn(n), &layout).unwrap();
        let p = b.connect(name, &pop, &pop, &spec, synapse).unwrap();
        let net = b.build().unwrap();
        let mut ours: Vec<(u32, u32, f64, f64)> = net
            .connections(&p)
            .iter()
            .map(|c| (c.source, c.target, c.weight, c.delay))
            .collect();
        ours.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let nest: Vec<(u32, u32, f64, f64)> = case["connections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let f = floats(c);
                (f[0] as u32, f[1] as u32, f[2], f[3])
            })
            .collect();
        assert_eq!(ours.len(), nest.len(), "{name}: synapses");
        let differ: Vec<String> = ours
            .iter()
            .zip(&nest)
            .filter(|(a, b)| {
                (a.0, a.1) != (b.0, b.1) || a.2.to_bits() != b.2.to_bits() || a.3 != b.3
            })
            .take(5)
            .map(|(a, b)| format!("engine {a:?}, NEST {b:?}"))
            .collect();
        assert!(differ.is_empty(), "{name}: {}", differ.join("; "));
        total += ours.len();
    }
    eprintln!(
        "{} cases, {total} synapses: every weight and delay NEST's",
        cases.len()
    );
}
