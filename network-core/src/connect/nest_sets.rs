//! Exact connection sets against NEST 3.10: `pairwise_bernoulli` with p = 1 and a mask
//! on grid and free layers, periodic and not, with masks whose edges fall on nodes
//! (issue 13's bugs: a mask exactly as wide as a periodic layer, a circle of radius a
//! whole number of grid spacings), and NEST's grid mask on grid layers of one or two
//! spacings, with the layers NEST refuses it on. The pairs are NEST's, made by
//! `conformance/spatial_connections.py` into
//! `conformance/reference/spatial_connections.json`; repeated pairs count.

use serde_json::Value;

use super::*;
use crate::spatial::{Layout, MaskShape, Place};

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn pair2(v: &Value) -> [f64; 2] {
    let f = floats(v);
    [f[0], f[1]]
}

fn pair3(v: &Value) -> [f64; 3] {
    let f = floats(v);
    [f[0], f[1], f[2]]
}

/// The engine's layer for a case's `layer` entry.
fn layer(spec: &Value) -> Space {
    let edge_wrap = spec["edge_wrap"].as_bool().unwrap();
    let extent = Some(floats(&spec["extent"]));
    let (layout, n) = if let Some(shape) = spec.get("grid") {
        let shape: Vec<usize> = floats(shape).iter().map(|x| *x as usize).collect();
        let n = shape.iter().product();
        let center = spec.get("center").map(floats);
        (
            Layout::Grid {
                shape,
                extent,
                center,
                edge_wrap,
            },
            n,
        )
    } else {
        let positions: Vec<Vec<f64>> = spec["free"]
            .as_array()
            .unwrap()
            .iter()
            .map(floats)
            .collect();
        let n = positions.len();
        (
            Layout::FreeList {
                positions,
                extent,
                edge_wrap,
            },
            n,
        )
    };
    layout.place("layer", n, Seed(1), 0).unwrap()
}

/// The engine's mask for a NEST mask specification.
fn mask(spec: &Value) -> Mask {
    if let Some(g) = spec.get("grid") {
        // NEST's grid mask: shape and a sibling anchor, in grid cells.
        let shape = floats(&g["shape"]);
        let mut anchor = [0.0; 3];
        if let Some(a) = spec.get("anchor") {
            anchor[..2].copy_from_slice(&floats(a)[..2]);
        }
        return Mask::grid([shape[0] as u64, shape[1] as u64]).with_anchor(anchor);
    }
    let (kind, p) = spec.as_object().unwrap().iter().next().unwrap();
    let f = |k: &str| p[k].as_f64().unwrap();
    let shape = match kind.as_str() {
        "circular" => MaskShape::Circle {
            radius: f("radius"),
        },
        "spherical" => MaskShape::Sphere {
            radius: f("radius"),
        },
        "doughnut" => MaskShape::Doughnut {
            inner_radius: f("inner_radius"),
            outer_radius: f("outer_radius"),
        },
        "rectangular" => MaskShape::Rectangle {
            lower_left: pair2(&p["lower_left"]),
            upper_right: pair2(&p["upper_right"]),
            azimuth_angle: 0.0,
        },
        "box" => MaskShape::Box {
            lower_left: pair3(&p["lower_left"]),
            upper_right: pair3(&p["upper_right"]),
            azimuth_angle: 0.0,
            polar_angle: 0.0,
        },
        "elliptical" => MaskShape::Ellipse {
            major_axis: f("major_axis"),
            minor_axis: f("minor_axis"),
            azimuth_angle: 0.0,
        },
        other => panic!("mask kind {other} not in this test"),
    };
    let mut anchor = [0.0; 3];
    if let Some(a) = p.get("anchor") {
        for (i, x) in floats(a).into_iter().enumerate() {
            anchor[i] = x;
        }
    }
    Mask::new(shape).with_anchor(anchor)
}

#[test]
fn deterministic_mask_connections_are_nests_pairs() {
    let text = include_str!("../../../conformance/reference/spatial_connections.json");
    let reference: Value = serde_json::from_str(text).unwrap();
    let cases = reference["cases"].as_array().unwrap();
    assert!(cases.len() >= 29);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let space = layer(&case["layer"]);
        let target = case.get("target_layer").map(layer);
        let target_space = target.as_ref().unwrap_or(&space);
        let mut spec = ConnSpec::new(Rule::PairwiseBernoulli(1.0)).with_mask(mask(&case["mask"]));
        if case["use_on_source"].as_bool().unwrap() {
            spec = spec.on_source();
        }
        let ends = Endpoints {
            n_sources: space.len(),
            n_targets: target_space.len(),
            same: SameNeurons::of(target.is_none()),
            source_space: Some(&space),
            target_space: Some(target_space),
        };
        let got = connect(name, &spec, &ends, Seed(3), 1);
        if let Some(nest_error) = case.get("error") {
            let err = got.expect_err(name).to_string().to_lowercase();
            let nest_error = nest_error.as_str().unwrap().to_lowercase();
            // The engine's message starts with NEST's words.
            let words = nest_error.split(';').next().unwrap().trim_end_matches('.');
            assert!(
                err.contains(words),
                "{name}: engine `{err}`, NEST `{nest_error}`"
            );
            continue;
        }
        let got = got.unwrap();
        let n = target_space.len() as u64;
        let mut pairs: Vec<u64> = got.edges().map(|(s, t)| s as u64 * n + t as u64).collect();
        pairs.sort_unstable();
        let nest: Vec<u64> = case["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap())
            .collect();
        if pairs != nest {
            let only = |a: &[u64], b: &[u64]| {
                let mut b = b.to_vec();
                a.iter()
                    .filter(|x| match b.iter().position(|y| y == *x) {
                        Some(i) => {
                            b.swap_remove(i);
                            false
                        }
                        None => true,
                    })
                    .take(5)
                    .map(|x| (x / n, x % n))
                    .collect::<Vec<_>>()
            };
            panic!(
                "{name}: engine {} pairs, NEST {}; engine only (source, target): {:?}; \
                 NEST only: {:?}",
                pairs.len(),
                nest.len(),
                only(&pairs, &nest),
                only(&nest, &pairs)
            );
        }
    }
}
