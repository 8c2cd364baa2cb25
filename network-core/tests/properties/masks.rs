//! Every rule with masks, periodic boundaries included: every synapse inside its mask,
//! and with `p = 1` every pair inside it connected.

use super::*;

/// A layer and its mask, drawn together so that the mask fits the layer (an oversized
/// mask on a periodic layer is an error, tested in `stochastic/spatial.rs`).
#[derive(Debug, Clone)]
pub(super) struct Layered {
    pub(super) dims: usize,
    pub(super) edge_wrap: bool,
    pub(super) n_sources: usize,
    pub(super) n_targets: usize,
    pub(super) same: bool,
    pub(super) grid: bool,
    pub(super) mask: Mask,
    pub(super) seed: u64,
}

fn mask_shape(dims: usize) -> BoxedStrategy<MaskShape> {
    let circle = if dims == 2 {
        (0.05..0.45f64)
            .prop_map(|radius| MaskShape::Circle { radius })
            .boxed()
    } else {
        (0.05..0.45f64)
            .prop_map(|radius| MaskShape::Sphere { radius })
            .boxed()
    };
    let doughnut = (0.0..0.2f64, 0.05..0.25f64).prop_map(|(inner, w)| MaskShape::Doughnut {
        inner_radius: inner,
        outer_radius: inner + w,
    });
    let corner = prop::array::uniform3(-0.4..0.0f64);
    let size = prop::array::uniform3(0.05..0.4f64);
    let boxed = if dims == 2 {
        (corner, size, -180.0..180.0f64)
            .prop_map(|(ll, s, az)| MaskShape::Rectangle {
                lower_left: [ll[0], ll[1]],
                upper_right: [ll[0] + s[0], ll[1] + s[1]],
                azimuth_angle: az,
            })
            .boxed()
    } else {
        (corner, size, -180.0..180.0f64, -90.0..90.0f64)
            .prop_map(|(ll, s, az, pol)| MaskShape::Box {
                lower_left: ll,
                upper_right: [ll[0] + s[0], ll[1] + s[1], ll[2] + s[2]],
                azimuth_angle: az,
                polar_angle: pol,
            })
            .boxed()
    };
    let ellipse = if dims == 2 {
        (0.1..0.8f64, 0.2..1.0f64, -180.0..180.0f64)
            .prop_map(|(major, ratio, az)| MaskShape::Ellipse {
                major_axis: major,
                minor_axis: major * ratio,
                azimuth_angle: az,
            })
            .boxed()
    } else {
        (
            0.1..0.8f64,
            0.2..1.0f64,
            0.1..0.8f64,
            -180.0..180.0f64,
            -90.0..90.0f64,
        )
            .prop_map(|(major, ratio, polar, az, pol)| MaskShape::Ellipsoid {
                major_axis: major,
                minor_axis: major * ratio,
                polar_axis: polar,
                azimuth_angle: az,
                polar_angle: pol,
            })
            .boxed()
    };
    prop_oneof![circle, doughnut, boxed, ellipse].boxed()
}

pub(super) fn layered() -> impl Strategy<Value = Layered> {
    (2usize..4, any::<bool>())
        .prop_flat_map(|(dims, edge_wrap)| {
            (
                Just(dims),
                Just(edge_wrap),
                mask_shape(dims),
                prop::option::of(prop::array::uniform3(-0.05..0.05f64)),
                1usize..260,
                1usize..260,
                any::<bool>(),
                any::<bool>(),
                any::<u64>(),
            )
        })
        .prop_map(
            |(dims, edge_wrap, shape, anchor, ns, nt, same, grid, seed)| {
                let mut mask = Mask::new(shape);
                if let Some(a) = anchor {
                    let z = if dims == 2 { 0.0 } else { a[2] };
                    mask = mask.with_anchor([a[0], a[1], z]);
                }
                Layered {
                    dims,
                    edge_wrap,
                    n_sources: ns,
                    n_targets: if same { ns } else { nt },
                    same,
                    grid,
                    mask,
                    seed,
                }
            },
        )
}

/// A layer of `n` neurons in the unit square or cube centred on the origin: a grid
/// (as square as `n` allows) or uniform random positions.
pub(super) fn layer(l: &Layered, n: usize, id: u64) -> Space {
    let layout = if l.grid {
        let side = (n as f64).powf(1.0 / l.dims as f64).floor().max(1.0) as usize;
        let mut shape = vec![side; l.dims];
        shape[0] = n / side.pow(l.dims as u32 - 1);
        // The grid holds shape's product of neurons; the rest of the cases stay free.
        if shape.iter().product::<usize>() == n {
            Some(Layout::Grid {
                shape,
                extent: Some(vec![1.0; l.dims]),
                center: None,
                edge_wrap: l.edge_wrap,
            })
        } else {
            None
        }
    } else {
        None
    };
    let layout = layout.unwrap_or(Layout::FreeUniform {
        lower_left: vec![-0.5; l.dims],
        upper_right: vec![0.5; l.dims],
        edge_wrap: l.edge_wrap,
    });
    layout.place("layer", n, Seed(l.seed), id).unwrap()
}

/// Whether the pair (source `s`, target `t`) lies inside the mask as `rule` applies it.
pub(super) fn inside(spec: &ConnSpec, src: &Space, tgt: &Space, s: usize, t: usize) -> bool {
    let (ps, pt) = (&src.positions()[s], &tgt.positions()[t]);
    let mask = spec.mask.as_ref().unwrap();
    let d = match spec.rule {
        // Centred on the target, tests source − target.
        Rule::FixedIndegree(_) => src.displacement(pt, ps),
        // Centred on the source, tests target − source.
        Rule::FixedOutdegree(_) => tgt.displacement(ps, pt),
        Rule::PairwiseBernoulli(_) if spec.use_on_source => src.displacement(pt, ps),
        _ => src.displacement(ps, pt),
    };
    mask.contains(&d)
}

proptest! {
    #![proptest_config(config(SPATIAL_CASES))]

    /// Masked `fixed_indegree`, `fixed_outdegree` and `pairwise_bernoulli` on 2D and 3D,
    /// periodic or not, grid or free layers: every synapse inside the mask, exact
    /// degrees, the flags respected, and an error exactly when a neuron has too few
    /// candidates inside its mask.
    #[test]
    fn rules_with_masks(
        l in layered(),
        kind in 0u8..3,
        k in 0usize..12,
        p_one in any::<bool>(),
        autapses in any::<bool>(),
        multapses in any::<bool>(),
        use_on_source in any::<bool>(),
    ) {
        let src = layer(&l, l.n_sources, 0);
        let tgt = if l.same { src.clone() } else { layer(&l, l.n_targets, 1) };
        let rule = match kind {
            0 => Rule::FixedIndegree(k),
            1 => Rule::FixedOutdegree(k),
            _ => Rule::PairwiseBernoulli(if p_one { 1.0 } else { 0.3 }),
        };
        let mut spec = spec_of(rule, autapses, multapses).with_mask(l.mask.clone());
        spec.use_on_source = use_on_source && kind == 2;
        let ends = Endpoints {
            n_sources: l.n_sources,
            n_targets: l.n_targets,
            same: SameNeurons::of(l.same),
            source_space: Some(&src),
            target_space: Some(&tgt),
        };
        let drawn = connect("p", &spec, &ends, Seed(l.seed ^ 7), 5);
        let self_ex = l.same && !autapses;
        let allowed =
            |s: usize, t: usize| !(self_ex && s == t) && inside(&spec, &src, &tgt, s, t);
        let feasible = |m: usize| k == 0 || (m > 0 && (multapses || k <= m));
        match rule {
            Rule::FixedIndegree(_) => {
                let ok = (0..l.n_targets)
                    .all(|t| feasible((0..l.n_sources).filter(|&s| allowed(s, t)).count()));
                if !ok {
                    prop_assert!(refused(&drawn), "{:?}", drawn);
                    return Ok(());
                }
                let bt = drawn.unwrap();
                check_flags(&bt, &spec, &ends)?;
                for t in 0..l.n_targets {
                    prop_assert_eq!(bt.sources_of(t).len(), k);
                }
                for (s, t) in bt.edges() {
                    prop_assert!(allowed(s as usize, t as usize), "{} -> {} outside the mask", s, t);
                }
            }
            Rule::FixedOutdegree(_) => {
                let ok = (0..l.n_sources)
                    .all(|s| feasible((0..l.n_targets).filter(|&t| allowed(s, t)).count()));
                if !ok {
                    prop_assert!(refused(&drawn), "{:?}", drawn);
                    return Ok(());
                }
                let bt = drawn.unwrap();
                check_flags(&bt, &spec, &ends)?;
                prop_assert!(outdegrees(&bt, l.n_sources).iter().all(|&d| d == k));
                for (s, t) in bt.edges() {
                    prop_assert!(allowed(s as usize, t as usize), "{} -> {} outside the mask", s, t);
                }
            }
            _ => {
                let bt = drawn.unwrap();
                check_flags(&bt, &spec_of(rule, autapses, false), &ends)?;
                for (s, t) in bt.edges() {
                    prop_assert!(allowed(s as usize, t as usize), "{} -> {} outside the mask", s, t);
                }
                if p_one {
                    // Every pair inside the mask, and only those.
                    let mut all = Vec::new();
                    for t in 0..l.n_targets {
                        all.extend((0..l.n_sources).filter(|&s| allowed(s, t)).map(|s| (s as u32, t as u32)));
                    }
                    let mut got: Vec<_> = bt.edges().collect();
                    got.sort_unstable_by_key(|&(s, t)| (t, s));
                    prop_assert_eq!(got, all);
                }
            }
        }
    }
}
