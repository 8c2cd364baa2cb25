//! Tests of layouts, masks and the index, with reference values from NEST 3.10
//! (`nest.GetPosition`, `nest.SelectNodesByMask` on grids with 0.1 mm spacing).

use crate::spatial::MaskGeometry;
use crate::spatial::Place;
use nalgebra::Vector3;

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

#[test]
fn grid_positions_are_nest_bit_exact() {
    let s = Layout::Grid {
        shape: vec![3, 2],
        extent: None,
        center: None,
        edge_wrap: false,
    }
    .place("pop", 6, Seed(1), 0)
    .unwrap();
    let x: Vec<f64> = s.positions().iter().map(|p| p.x).collect();
    let y: Vec<f64> = s.positions().iter().map(|p| p.y).collect();
    let xs = [
        -0.33333333333333337,
        -2.7755575615628914e-17,
        0.33333333333333326,
    ];
    assert_eq!(x, [xs[0], xs[0], xs[1], xs[1], xs[2], xs[2]]);
    assert_eq!(y, [0.25, -0.25, 0.25, -0.25, 0.25, -0.25]);
    assert_eq!(s.dims(), 2);
    assert!(s.positions().iter().all(|p| p.z == 0.0));

    // shape [4,3], extent [2, 1.5], center [0.3, -0.7]
    let s = Layout::Grid {
        shape: vec![4, 3],
        extent: Some(vec![2.0, 1.5]),
        center: Some(vec![0.3, -0.7]),
        edge_wrap: false,
    }
    .place("pop", 12, Seed(1), 0)
    .unwrap();
    let xs = [-0.44999999999999996, 0.050000000000000044, 0.55, 1.05];
    let ys = [-0.19999999999999996, -0.7, -1.2];
    for (lid, p) in s.positions().iter().enumerate() {
        assert_eq!((p.x, p.y), (xs[lid / 3], ys[lid % 3]), "lid {lid}");
    }
}

#[test]
fn grid_3d_positions_are_nest_bit_exact() {
    let s = Layout::Grid {
        shape: vec![2, 3, 4],
        extent: Some(vec![1.0, 0.7, 1.3]),
        center: Some(vec![0.1, 0.2, 0.3]),
        edge_wrap: false,
    }
    .place("pop", 24, Seed(1), 0)
    .unwrap();
    let xs = [-0.15000000000000002, 0.35];
    let ys = [
        0.4333333333333334,
        0.20000000000000012,
        -0.03333333333333323,
    ];
    let zs = [-0.18750000000000003, 0.13749999999999998, 0.4625, 0.7875];
    for (lid, p) in s.positions().iter().enumerate() {
        assert_eq!(
            (p.x, p.y, p.z),
            (xs[lid / 12], ys[lid / 4 % 3], zs[lid % 4]),
            "lid {lid}"
        );
    }
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
    let layout = Layout::FreeList {
        positions: vec![vec![0.1, 0.2], vec![1.4, -0.3], vec![0.5, 0.9]],
        extent: None,
        edge_wrap: false,
    };
    let s = layout.place("pop", 3, Seed(1), 0).unwrap();
    // NEST: center [0.75, 0.30000000000000004], extent [2, 2].
    assert_eq!((s.center().x, s.center().y), (0.75, 0.30000000000000004));
    assert_eq!((s.extent().x, s.extent().y), (2.0, 2.0));

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
    assert_eq!(*s.extent(), Vector3::new(1.0, 1.0, 2.0));
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
        "{d}"
    );
    assert!((s.distance(&a, &b) - 0.02f64.sqrt()).abs() < 1e-12);
    let open = grid(&[10, 10], false);
    assert!((open.displacement(&a, &b).x - 0.9).abs() < 1e-12);
}

const RECT_ROT: &[u32] = &[49, 50, 60, 61, 62, 70, 71, 72, 73, 81, 82, 83, 84, 93, 94];
const ELL: &[u32] = &[
    38, 39, 40, 48, 49, 50, 51, 59, 60, 61, 69, 70, 71, 72, 80, 81, 82,
];
const ELL_ANCH: &[u32] = &[50, 51, 60, 61, 62, 70, 71, 72, 73, 81, 82, 83, 92, 93];
const CIRC: &[u32] = &[38, 48, 49, 50, 58, 59, 60, 61, 62, 70, 71, 72, 82];
const DOUGH: &[u32] = &[
    37, 38, 39, 47, 48, 49, 50, 51, 58, 59, 61, 62, 69, 70, 71, 72, 73, 81, 82, 83,
];
const BOX_ROT: &[u32] = &[
    123, 130, 171, 172, 173, 179, 180, 186, 187, 212, 213, 214, 220, 221, 222, 227, 228, 229, 234,
    235, 236, 262, 263, 268, 269, 270, 275, 276, 277, 325, 326,
];
const ELLZ: &[u32] = &[
    73, 80, 81, 115, 121, 122, 123, 124, 128, 129, 130, 163, 164, 165, 169, 170, 171, 172, 173,
    177, 178, 179, 212, 213, 214, 218, 219, 220, 221, 227, 261, 262, 269,
];
const SPH: &[u32] = &[
    73, 114, 115, 116, 121, 122, 123, 128, 129, 130, 157, 163, 164, 165, 169, 170, 171, 172, 173,
    177, 178, 179, 185, 212, 213, 214, 219, 220, 221, 226, 227, 228, 269,
];

#[test]
fn masks_select_what_nest_selects() {
    let g2 = grid(&[11, 11], false);
    let g3 = grid(&[7, 7, 7], false);
    let o = Point::origin();
    let cases: Vec<(&Space, Mask, &[u32])> = vec![
        (
            &g2,
            Mask::new(MaskShape::Rectangle {
                lower_left: [-0.1, -0.25],
                upper_right: [0.32, 0.12],
                azimuth_angle: 30.0,
            }),
            RECT_ROT,
        ),
        (
            &g2,
            Mask::new(MaskShape::Ellipse {
                major_axis: 0.6,
                minor_axis: 0.3,
                azimuth_angle: 40.0,
            }),
            ELL,
        ),
        (
            &g2,
            Mask::new(MaskShape::Ellipse {
                major_axis: 0.6,
                minor_axis: 0.3,
                azimuth_angle: 40.0,
            })
            .with_anchor(Vector3::new(0.1, -0.05, 0.0).into()),
            ELL_ANCH,
        ),
        (&g2, Mask::circle(0.2), CIRC),
        (&g2, Mask::doughnut(0.1, 0.25), DOUGH),
        (
            &g3,
            Mask::new(MaskShape::Box {
                lower_left: [-0.1, -0.2, -0.05],
                upper_right: [0.3, 0.1, 0.2],
                azimuth_angle: 25.0,
                polar_angle: 35.0,
            }),
            BOX_ROT,
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
            ELLZ,
        ),
        (&g3, Mask::sphere(0.2), SPH),
    ];
    for (space, mask, want) in cases {
        check_compatible("test", &mask, space).unwrap();
        assert_eq!(select(space, &mask, &o), want, "{:?}", mask.shape());
        // The index agrees with the linear scan, whatever the cell size.
        for cell in [0.05, 0.1, 0.37, 10.0] {
            let mut out = vec![u32::MAX];
            SpatialIndex::new(space, cell).query(&o, &mask, &mut out);
            assert_eq!(&out[1..], want, "cell {cell} {:?}", mask.shape());
        }
    }
}

#[test]
fn doughnut_excludes_self_even_with_zero_inner_radius() {
    let m = Mask::doughnut(0.0, 0.3);
    m.validate("t").unwrap();
    assert!(!m.contains(&Vector3::zeros()));
    assert!(m.contains(&Vector3::new(0.3, 0.0, 0.0)));
    assert!(!m.contains(&Vector3::new(0.3, 0.01, 0.0)));
    assert!(m.contains(&Vector3::new(0.1, 0.1, 0.1)));
    assert_eq!(m.dims(), None);
}

#[test]
fn anchor_shifts_the_mask() {
    let m = Mask::sphere(0.1).with_anchor(Vector3::new(0.5, 0.0, 0.0).into());
    assert!(m.contains(&Vector3::new(0.55, 0.0, 0.0)));
    assert!(!m.contains(&Vector3::zeros()));
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
            let a = Vector3::new(0.03, -0.02, if dims == 3 { 0.01 } else { 0.0 });
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
