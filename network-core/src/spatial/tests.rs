//! Tests of layouts, masks and the index, with reference values from NEST 3.10
//! (`nest.GetPosition`, `nest.SelectNodesByMask` on grids with 0.1 mm spacing), made by
//! `conformance/spatial_reference.py` into `conformance/reference/spatial.json`.

use super::Displacement;
use crate::spatial::MaskGeometry;
use crate::spatial::Place;

use super::*;
use crate::rng::Seed;

fn grid(shape: &[usize], edge_wrap: bool) -> Space {
    let n = shape.iter().product();
    let extent = Some(shape.iter().map(|s| *s as f64 * 0.1).collect());
    Layout::Grid {
        shape: shape.to_vec(),
        extent,
        center: None,
        edge_wrap,
    }
    .place("pop", n, Seed(1), 0)
    .unwrap()
}

/// NEST 3.10's values, made by `conformance/spatial_reference.py` (diffed by
/// `conformance/check_fresh.sh`).
fn reference() -> serde_json::Value {
    serde_json::from_str(include_str!("../../../conformance/reference/spatial.json")).unwrap()
}

fn floats(v: &serde_json::Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

/// Every reference grid of `dims` dimensions, placed by the engine, at NEST's positions
/// to the bit, in NEST's node order.
fn grids_match_nest(dims: usize) {
    let r = reference();
    let mut checked = 0;
    for g in r["grids"].as_array().unwrap() {
        let shape: Vec<usize> = floats(&g["shape"]).iter().map(|&x| x as usize).collect();
        if shape.len() != dims {
            continue;
        }
        let n = shape.iter().product();
        let optional = |v: &serde_json::Value| (!v.is_null()).then(|| floats(v));
        let s = Layout::Grid {
            shape: shape.clone(),
            extent: optional(&g["extent"]),
            center: optional(&g["center"]),
            edge_wrap: false,
        }
        .place("pop", n, Seed(1), 0)
        .unwrap();
        assert_eq!(s.dims(), dims);
        let want = g["positions"].as_array().unwrap();
        assert_eq!(s.positions().len(), want.len());
        for (lid, (p, w)) in s.positions().iter().zip(want).enumerate() {
            let mut w = floats(w);
            w.resize(3, 0.0);
            assert_eq!([p.x, p.y, p.z], w[..], "grid {shape:?}, lid {lid}");
        }
        checked += 1;
    }
    assert!(checked > 0, "no {dims}D grid in the reference");
}

#[test]
fn grid_positions_are_nest_bit_exact() {
    grids_match_nest(2);
}

#[test]
fn grid_3d_positions_are_nest_bit_exact() {
    grids_match_nest(3);
}

#[test]
fn grid_shape_must_match_population() {
    let e = Layout::Grid {
        shape: vec![3, 2],
        extent: None,
        center: None,
        edge_wrap: false,
    }
    .place("l23pyr", 7, Seed(1), 0)
    .unwrap_err();
    assert!(
        e.to_string().contains("l23pyr") && e.to_string().contains("shape"),
        "{e}"
    );
}

#[test]
fn free_layer_center_and_extent_follow_nest() {
    let r = reference();
    let free = &r["free"];
    let layout = Layout::FreeList {
        positions: free["positions"]
            .as_array()
            .unwrap()
            .iter()
            .map(floats)
            .collect(),
        extent: None,
        edge_wrap: false,
    };
    let s = layout.place("pop", 3, Seed(1), 0).unwrap();
    // NEST: center [0.75, 0.30000000000000004], extent [2, 2].
    assert_eq!(vec![s.center().x, s.center().y], floats(&free["center"]));
    assert_eq!(vec![s.extent().x, s.extent().y], floats(&free["extent"]));

    let one = Layout::FreeList {
        positions: vec![vec![0.0, 0.0]],
        extent: None,
        edge_wrap: false,
    };
    assert!(one
        .place("pop", 1, Seed(1), 0)
        .unwrap_err()
        .to_string()
        .contains("extent"));
    let outside = Layout::FreeList {
        positions: vec![vec![0.0, 0.0], vec![1.0, 0.0]],
        extent: Some(vec![0.5, 0.5]),
        edge_wrap: false,
    };
    let e = outside.place("pop", 2, Seed(1), 0).unwrap_err().to_string();
    assert!(e.contains("outside of layer"), "{e}");
}

#[test]
fn free_uniform_draws_inside_the_box() {
    let layout = Layout::FreeUniform {
        lower_left: vec![-0.5, -0.5, 0.0],
        upper_right: vec![0.5, 0.5, 2.0],
        edge_wrap: false,
    };
    let s = layout.place("pop", 1000, Seed(7), 3).unwrap();
    assert_eq!(s, layout.place("pop", 1000, Seed(7), 3).unwrap());
    assert_ne!(s, layout.place("pop", 1000, Seed(7), 4).unwrap());
    assert_eq!(s.dims(), 3);
    assert_eq!(*s.center(), Point::new(0.0, 0.0, 1.0));
    assert_eq!(*s.extent(), Displacement::new(1.0, 1.0, 2.0));
    assert!(s
        .positions()
        .iter()
        .all(|p| p.x >= -0.5 && p.x < 0.5 && p.z >= 0.0 && p.z < 2.0));
}

#[test]
fn wrapped_displacement_takes_the_nearest_image() {
    let s = grid(&[10, 10], true);
    let a = Point::new(-0.45, 0.45, 0.0);
    let b = Point::new(0.45, -0.45, 0.0);
    let d = s.displacement(&a, &b);
    assert!(
        (d.x + 0.1).abs() < 1e-12 && (d.y - 0.1).abs() < 1e-12,
        "{d:?}"
    );
    assert!((s.distance(&a, &b) - 0.02f64.sqrt()).abs() < 1e-12);
    let open = grid(&[10, 10], false);
    assert!((open.displacement(&a, &b).x - 0.9).abs() < 1e-12);
}

/// NEST's selection of the reference's mask `k` (in the script's `MASKS` order).
fn nest_selection(r: &serde_json::Value, k: usize) -> Vec<u32> {
    r["masks"][k]["selected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as u32)
        .collect()
}

#[test]
fn masks_select_what_nest_selects() {
    let g2 = grid(&[11, 11], false);
    let g3 = grid(&[7, 7, 7], false);
    let o = Point::origin();
    let r = reference();
    let want = |k: usize, kind: &str| {
        assert!(
            r["masks"][k]["mask"].get(kind).is_some(),
            "mask {k} is {kind}"
        );
        nest_selection(&r, k)
    };
    let cases: Vec<(&Space, Mask, Vec<u32>)> = vec![
        (
            &g2,
            Mask::new(MaskShape::Rectangle {
                lower_left: [-0.1, -0.25],
                upper_right: [0.32, 0.12],
                azimuth_angle: 30.0,
            }),
            want(0, "rectangular"),
        ),
        (
            &g2,
            Mask::new(MaskShape::Ellipse {
                major_axis: 0.6,
                minor_axis: 0.3,
                azimuth_angle: 40.0,
            }),
            want(1, "elliptical"),
        ),
        (
            &g2,
            Mask::new(MaskShape::Ellipse {
                major_axis: 0.6,
                minor_axis: 0.3,
                azimuth_angle: 40.0,
            })
            .with_anchor(Displacement::new(0.1, -0.05, 0.0).into()),
            want(2, "elliptical"),
        ),
        (&g2, Mask::circle(0.2), want(3, "circular")),
        (&g2, Mask::doughnut(0.1, 0.25), want(4, "doughnut")),
        (
            &g3,
            Mask::new(MaskShape::Box {
                lower_left: [-0.1, -0.2, -0.05],
                upper_right: [0.3, 0.1, 0.2],
                azimuth_angle: 25.0,
                polar_angle: 35.0,
            }),
            want(5, "box"),
        ),
        (
            &g3,
            Mask::new(MaskShape::Ellipsoid {
                major_axis: 0.5,
                minor_axis: 0.3,
                polar_axis: 0.4,
                azimuth_angle: 25.0,
                polar_angle: 35.0,
            }),
            want(6, "ellipsoidal"),
        ),
        (&g3, Mask::sphere(0.2), want(7, "spherical")),
    ];
    for (space, mask, want) in cases {
        check_compatible("test", &mask, space).unwrap();
        assert_eq!(select(space, &mask, &o), want, "{:?}", mask.shape());
        // The index agrees with the linear scan, whatever the cell size.
        for cell in [0.05, 0.1, 0.37, 10.0] {
            let mut out = vec![u32::MAX];
            SpatialIndex::new(space, cell).query(&o, &mask, &mut out);
            assert_eq!(&out[1..], &want[..], "cell {cell} {:?}", mask.shape());
        }
    }
}

#[test]
fn doughnut_excludes_self_even_with_zero_inner_radius() {
    let m = Mask::doughnut(0.0, 0.3);
    m.validate("t").unwrap();
    assert!(!m.contains(&Displacement::zeros()));
    assert!(m.contains(&Displacement::new(0.3, 0.0, 0.0)));
    assert!(!m.contains(&Displacement::new(0.3, 0.01, 0.0)));
    assert!(m.contains(&Displacement::new(0.1, 0.1, 0.1)));
    assert_eq!(m.dims(), None);
}

#[test]
fn anchor_shifts_the_mask() {
    let m = Mask::sphere(0.1).with_anchor(Displacement::new(0.5, 0.0, 0.0).into());
    assert!(m.contains(&Displacement::new(0.55, 0.0, 0.0)));
    assert!(!m.contains(&Displacement::zeros()));
}

#[test]
fn invalid_masks_and_kernels_are_errors() {
    assert!(Mask::sphere(0.0).validate("p").is_err());
    assert!(Mask::doughnut(0.3, 0.3).validate("p").is_err());
    assert!(Mask::rectangle([0.0, 0.0], [0.0, 1.0])
        .validate("p")
        .is_err());
    let e = Mask::new(MaskShape::Ellipse {
        major_axis: 0.1,
        minor_axis: 0.2,
        azimuth_angle: 0.0,
    })
    .validate("proj")
    .unwrap_err()
    .to_string();
    assert!(e.contains("proj") && e.contains("major_axis"), "{e}");
    assert!(Kernel::Gaussian {
        p0: 1.0,
        mean: 0.0,
        std: 0.0
    }
    .validate("p")
    .is_err());
    assert!(Kernel::Exponential {
        p0: 1.0,
        beta: -1.0
    }
    .validate("p")
    .is_err());
    let k = Kernel::Gaussian {
        p0: 0.5,
        mean: 0.1,
        std: 0.2,
    };
    assert_eq!(k.value(0.1), 0.5);
    assert!((k.value(0.3) - 0.5 * (-0.5f64).exp()).abs() < 1e-15);
}

#[test]
fn mask_dims_must_match_layer() {
    let g3 = grid(&[3, 3, 3], false);
    let e = check_compatible("proj", &Mask::circle(0.1), &g3)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("mask is incompatible with layer") && e.contains("2D mask on a 3D layer"),
        "{e}"
    );
    check_compatible("proj", &Mask::doughnut(0.0, 0.1), &g3).unwrap();
}

#[test]
fn oversized_masks_on_wrapped_layers_are_errors() {
    let g = grid(&[5, 5], true);
    assert!(check_compatible("p", &Mask::circle(0.25), &g).is_ok());
    let e = check_compatible("p", &Mask::circle(0.26), &g)
        .unwrap_err()
        .to_string();
    assert!(e.contains("must not exceed layer size"), "{e}");
}

#[test]
fn wrapped_queries_find_each_neighbour_once() {
    // 5x5 wrapped grid, spacing 0.1: every node has the same neighbourhood.
    let g = grid(&[5, 5], true);
    let mask = Mask::circle(0.25);
    let index = SpatialIndex::for_mask(&g, &mask);
    let mut counts = Vec::new();
    for p in g.positions() {
        let mut out = Vec::new();
        index.query(p, &mask, &mut out);
        let mut dedup = out.clone();
        dedup.dedup();
        assert_eq!(out, dedup);
        assert_eq!(out, select(&g, &mask, p));
        counts.push(out.len());
    }
    // Offsets (dx, dy) with |d| <= 0.25 on a 0.1 grid, images folded mod 5: 21.
    assert!(counts.iter().all(|c| *c == 21), "{counts:?}");

    // An asymmetric rectangle reaching across the boundary.
    let rect = Mask::rectangle([0.05, -0.01], [0.35, 0.01]);
    check_compatible("p", &rect, &g).unwrap();
    let corner = g.positions()[20]; // rightmost column, top row
    let mut out = Vec::new();
    SpatialIndex::for_mask(&g, &rect).query(&corner, &rect, &mut out);
    assert_eq!(out, vec![0, 5, 10]); // wraps to the first three columns
    let mut conv = Vec::new();
    SpatialIndex::for_mask(&g, &rect).query_converse(&corner, &rect, &mut conv);
    assert_eq!(conv, vec![5, 10, 15]);
}

#[test]
fn stencil_queries_equal_brute_force() {
    let layouts = [
        (vec![0.0, 0.0, 0.0], vec![1.0, 0.8, 0.6]),
        (vec![-0.5, -0.5], vec![0.5, 0.7]),
    ];
    for (ll, ur) in layouts {
        for wrap in [false, true] {
            let dims = ll.len();
            let layout = Layout::FreeUniform {
                lower_left: ll.clone(),
                upper_right: ur.clone(),
                edge_wrap: wrap,
            };
            let s = layout.place("pop", 3000, Seed(5), 2).unwrap();
            let a = Displacement::new(0.03, -0.02, if dims == 3 { 0.01 } else { 0.0 });
            let masks = if dims == 3 {
                vec![
                    Mask::sphere(0.15),
                    Mask::sphere(0.1).with_anchor(a.into()),
                    Mask::doughnut(0.05, 0.2).with_anchor(a.into()),
                    Mask::new(MaskShape::Box {
                        lower_left: [-0.1, -0.05, -0.2],
                        upper_right: [0.2, 0.1, 0.05],
                        azimuth_angle: 20.0,
                        polar_angle: 10.0,
                    }),
                    Mask::new(MaskShape::Ellipsoid {
                        major_axis: 0.4,
                        minor_axis: 0.2,
                        polar_axis: 0.3,
                        azimuth_angle: 30.0,
                        polar_angle: 0.0,
                    })
                    .with_anchor(a.into()),
                    Mask::sphere(0.29), // nearly the whole period in z: no stencil
                ]
            } else {
                vec![
                    Mask::circle(0.12),
                    Mask::circle(0.1).with_anchor(a.into()),
                    Mask::doughnut(0.0, 0.2),
                    Mask::rectangle([-0.3, 0.0], [0.1, 0.05]),
                    Mask::new(MaskShape::Ellipse {
                        major_axis: 0.3,
                        minor_axis: 0.1,
                        azimuth_angle: 45.0,
                    }),
                ]
            };
            let brute = SpatialIndex::new(&s, f64::INFINITY);
            for m in &masks {
                check_compatible("t", m, &s).unwrap();
                let fast = SpatialIndex::for_mask(&s, m);
                for c in s.positions().iter().step_by(7) {
                    let (mut x, mut y) = (Vec::new(), Vec::new());
                    fast.query(c, m, &mut x);
                    brute.query(c, m, &mut y);
                    assert_eq!(x, y, "{:?} wrap {wrap}", m.shape());
                    x.clear();
                    y.clear();
                    fast.query_converse(c, m, &mut x);
                    brute.query_converse(c, m, &mut y);
                    assert_eq!(x, y, "converse {:?} wrap {wrap}", m.shape());
                }
            }
        }
    }
}
