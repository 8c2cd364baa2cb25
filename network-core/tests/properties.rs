//! Property tests of every connection rule (`network_core::connect::connect`), with and
//! without masks and kernels, on populations, flags and parameters drawn by proptest:
//!
//! - exact facts, asserted for every case: the rule succeeds exactly when the request
//!   can be met, indegrees / outdegrees / totals are exact, no autapse or repeated pair
//!   where forbidden, every synapse inside its mask (periodic boundaries included, the
//!   mask centred on the side the rule says), and with `p = 1` every pair inside the
//!   mask is connected;
//! - statistics: the number of synapses per distance bin against the kernel, with a
//!   Bernstein bound (valid for any sum of independent variables bounded by 1, no normal
//!   approximation) at a false-alarm rate of 1e-6 per bin; the file makes at most
//!   `2 · STAT_CASES · BINS + NONSPATIAL_CASES = 584` such checks (the last for the
//!   total of unmasked `pairwise_bernoulli`), so a correct engine fails a run with
//!   probability below 6e-4. Proptest's seed is fixed, so a run is reproducible. The
//!   checks catch a kernel read at 1.05 times the distance;
//! - delays: converted to whole steps as NEST does, never below one step.

use network_core::connect::{connect, ByTarget, ConnSpec, Endpoints, Rule};
use network_core::spatial::{Kernel, Layout, Mask, MaskGeometry, MaskShape, Place, Space};
use network_core::synapse::delay_steps;
use network_core::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

/// False-alarm rate of one statistical check.
const ALPHA: f64 = 1e-6;
/// Distance bins of the kernel checks.
const BINS: usize = 8;
const NONSPATIAL_CASES: u32 = 200;
const SPATIAL_CASES: u32 = 150;
const STAT_CASES: u32 = 24;

fn config(cases: u32) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(0x6e65_7374),
        failure_persistence: None,
        ..Config::default()
    }
}

/// The largest deviation `|O − E|` a sum of independent variables in [0, 1] with
/// variance `var` shows with probability `ALPHA` (Bernstein's inequality:
/// `P(|O − E| ≥ t) ≤ 2·exp(−t² / (2·var + 2t/3))`).
fn bernstein(var: f64) -> f64 {
    let l = (2.0 / ALPHA).ln();
    l / 3.0 + ((l / 3.0).powi(2) + 2.0 * var * l).sqrt()
}

fn check_count(what: &str, observed: f64, expected: f64, var: f64) -> Result<(), TestCaseError> {
    let bound = bernstein(var);
    prop_assert!(
        (observed - expected).abs() < bound,
        "{what}: observed {observed}, expected {expected} (variance {var}): \
         |O − E| must stay below {bound} at alpha = {ALPHA}"
    );
    Ok(())
}

/// Autapses and repeated pairs where they are forbidden, and sources in range.
fn check_flags(bt: &ByTarget, spec: &ConnSpec, ends: &Endpoints) -> Result<(), TestCaseError> {
    prop_assert_eq!(bt.offsets.len(), ends.n_targets + 1);
    for t in 0..ends.n_targets {
        let mut sources = bt.sources_of(t).to_vec();
        prop_assert!(sources.iter().all(|&s| (s as usize) < ends.n_sources));
        if ends.same_population && !spec.allow_autapses {
            prop_assert!(!sources.contains(&(t as u32)), "autapse on {}", t);
        }
        if !spec.allow_multapses {
            sources.sort_unstable();
            prop_assert!(
                sources.windows(2).all(|w| w[0] != w[1]),
                "repeated pair onto target {}",
                t
            );
        }
    }
    Ok(())
}

/// Whether the rule refused an impossible request with a proper error (a neuron without
/// enough partners, or a degree above the partners there are).
fn refused(drawn: &Result<ByTarget>) -> bool {
    matches!(
        drawn,
        Err(Error::Connection { .. } | Error::InvalidParameter { .. })
    )
}

fn outdegrees(bt: &ByTarget, n_sources: usize) -> Vec<usize> {
    let mut out = vec![0; n_sources];
    for &s in &bt.sources {
        out[s as usize] += 1;
    }
    out
}

#[derive(Debug, Clone)]
struct Flat {
    n_sources: usize,
    n_targets: usize,
    same: bool,
    autapses: bool,
    multapses: bool,
    rule: Rule,
    seed: u64,
}

fn flat() -> impl Strategy<Value = Flat> {
    (
        1usize..120,
        1usize..120,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        0u8..6,
        0usize..140,
        prop_oneof![Just(0.0), Just(1.0), 0.0..1.0f64],
        any::<u64>(),
    )
        .prop_map(|(ns, nt, same, autapses, multapses, kind, k, p, seed)| {
            let nt = if same { ns } else { nt };
            let rule = match kind {
                0 => Rule::AllToAll,
                1 => Rule::OneToOne,
                2 => Rule::FixedIndegree(k),
                3 => Rule::FixedOutdegree(k),
                4 => Rule::FixedTotalNumber(k * 20),
                _ => Rule::PairwiseBernoulli(p),
            };
            Flat {
                n_sources: ns,
                n_targets: nt,
                same,
                autapses,
                multapses,
                rule,
                seed,
            }
        })
}

fn spec_of(rule: Rule, autapses: bool, multapses: bool) -> ConnSpec {
    let mut spec = ConnSpec::new(rule);
    spec.allow_autapses = autapses;
    spec.allow_multapses = multapses;
    spec
}

proptest! {
    #![proptest_config(config(NONSPATIAL_CASES))]

    /// Every rule without space: it succeeds exactly when the request can be met, and
    /// then gives exact degrees and totals and respects the flags.
    #[test]
    fn rules_without_space(c in flat()) {
        let spec = spec_of(c.rule, c.autapses, c.multapses);
        let ends = Endpoints {
            n_sources: c.n_sources,
            n_targets: c.n_targets,
            same_population: c.same,
            source_space: None,
            target_space: None,
        };
        let drawn = connect("p", &spec, &ends, Seed(c.seed), 3);
        let self_ex = c.same && !c.autapses;
        let (ns, nt) = (c.n_sources, c.n_targets);
        // Partners of one neuron and allowed pairs, the neuron itself excluded.
        let sources_per_target = ns - usize::from(self_ex);
        let targets_per_source = nt - usize::from(self_ex);
        let pairs = ns * nt - if self_ex { ns } else { 0 };
        let feasible = |k: usize, m: usize| k == 0 || (m > 0 && (c.multapses || k <= m));
        match c.rule {
            Rule::AllToAll => {
                let bt = drawn.unwrap();
                check_flags(&bt, &spec, &ends)?;
                for t in 0..nt {
                    let mut s = bt.sources_of(t).to_vec();
                    s.sort_unstable();
                    let all: Vec<u32> =
                        (0..ns as u32).filter(|&i| !(self_ex && i as usize == t)).collect();
                    prop_assert_eq!(s, all);
                }
            }
            Rule::OneToOne => {
                if ns != nt {
                    prop_assert!(matches!(drawn, Err(Error::InvalidParameter { .. })), "{:?}", drawn);
                } else {
                    let bt = drawn.unwrap();
                    let expected: Vec<(u32, u32)> = if self_ex {
                        Vec::new()
                    } else {
                        (0..nt as u32).map(|i| (i, i)).collect()
                    };
                    prop_assert_eq!(bt.edges().collect::<Vec<_>>(), expected);
                }
            }
            Rule::FixedIndegree(k) => {
                if feasible(k, sources_per_target) {
                    let bt = drawn.unwrap();
                    check_flags(&bt, &spec, &ends)?;
                    prop_assert!((0..nt).all(|t| bt.sources_of(t).len() == k));
                } else {
                    prop_assert!(refused(&drawn), "{:?}", drawn);
                }
            }
            Rule::FixedOutdegree(k) => {
                if feasible(k, targets_per_source) {
                    let bt = drawn.unwrap();
                    check_flags(&bt, &spec, &ends)?;
                    prop_assert!(outdegrees(&bt, ns).iter().all(|&d| d == k));
                } else {
                    prop_assert!(refused(&drawn), "{:?}", drawn);
                }
            }
            Rule::FixedTotalNumber(n) => {
                if feasible(n, pairs) {
                    let bt = drawn.unwrap();
                    check_flags(&bt, &spec, &ends)?;
                    prop_assert_eq!(bt.len(), n);
                } else {
                    prop_assert!(drawn.is_err(), "{} of {} pairs drawn", n, pairs);
                }
            }
            Rule::PairwiseBernoulli(p) => {
                let bt = drawn.unwrap();
                // Never a repeated pair, whatever the flag says.
                check_flags(&bt, &spec_of(c.rule, c.autapses, false), &ends)?;
                match p {
                    0.0 => prop_assert!(bt.is_empty()),
                    1.0 => prop_assert_eq!(bt.len(), pairs),
                    _ => check_count(
                        "pairwise_bernoulli total",
                        bt.len() as f64,
                        pairs as f64 * p,
                        pairs as f64 * p * (1.0 - p),
                    )?,
                }
            }
        }
    }
}

/// A layer and its mask, drawn together so that the mask fits the layer (an oversized
/// mask on a periodic layer is an error, tested in `stochastic/spatial.rs`).
#[derive(Debug, Clone)]
struct Layered {
    dims: usize,
    edge_wrap: bool,
    n_sources: usize,
    n_targets: usize,
    same: bool,
    grid: bool,
    mask: Mask,
    seed: u64,
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

fn layered() -> impl Strategy<Value = Layered> {
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
fn layer(l: &Layered, n: usize, id: u64) -> Space {
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
fn inside(spec: &ConnSpec, src: &Space, tgt: &Space, s: usize, t: usize) -> bool {
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
            same_population: l.same,
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

fn kernel() -> impl Strategy<Value = Kernel> {
    prop_oneof![
        (0.2..1.0f64).prop_map(|p| Kernel::Constant { p }),
        (0.5..1.5f64, -3.0..-0.5f64).prop_map(|(p0, slope)| Kernel::Linear { p0, slope }),
        (0.3..2.0f64, 0.05..0.5f64).prop_map(|(p0, beta)| Kernel::Exponential { p0, beta }),
        (0.3..2.0f64, 0.0..0.2f64, 0.05..0.3f64).prop_map(|(p0, mean, std)| Kernel::Gaussian {
            p0,
            mean,
            std
        }),
    ]
}

/// Observed and expected synapse counts per distance bin, with the variance of each.
#[derive(Default)]
struct Bins {
    observed: [f64; BINS],
    expected: [f64; BINS],
    variance: [f64; BINS],
}

impl Bins {
    fn bin(d: f64, max: f64) -> usize {
        ((d / max * BINS as f64) as usize).min(BINS - 1)
    }

    fn check(&self, what: &str) -> Result<(), TestCaseError> {
        for b in 0..BINS {
            check_count(
                &format!("{what}, distance bin {b}"),
                self.observed[b],
                self.expected[b],
                self.variance[b],
            )?;
        }
        Ok(())
    }
}

proptest! {
    #![proptest_config(config(STAT_CASES))]

    /// `pairwise_bernoulli` with a kernel (and a mask or not): per distance bin, the
    /// number of synapses is a sum of independent Bernoulli(p·kernel(d)) over the pairs.
    #[test]
    fn pairwise_bernoulli_follows_its_kernel(
        l in layered(),
        k in kernel(),
        p in 0.3..1.0f64,
        masked in any::<bool>(),
    ) {
        let l = Layered { n_sources: 400, n_targets: 300, same: false, grid: false, ..l };
        let src = layer(&l, l.n_sources, 0);
        let tgt = layer(&l, l.n_targets, 1);
        let mut spec = ConnSpec::new(Rule::PairwiseBernoulli(p)).with_kernel(k);
        if masked {
            spec.mask = Some(l.mask.clone());
        }
        let ends = Endpoints {
            n_sources: 400,
            n_targets: 300,
            same_population: false,
            source_space: Some(&src),
            target_space: Some(&tgt),
        };
        let bt = connect("p", &spec, &ends, Seed(l.seed), 9).unwrap();
        let max = (l.dims as f64).sqrt();
        let mut bins = Bins::default();
        let mut connected = vec![false; 400 * 300];
        for (s, t) in bt.edges() {
            connected[t as usize * 400 + s as usize] = true;
        }
        for t in 0..300 {
            for s in 0..400 {
                if masked && !inside(&spec, &src, &tgt, s, t) {
                    prop_assert!(!connected[t * 400 + s]);
                    continue;
                }
                let d = src.distance(&tgt.positions()[t], &src.positions()[s]);
                let q = (p * k.value(d)).clamp(0.0, 1.0);
                let b = Bins::bin(d, max);
                bins.expected[b] += q;
                bins.variance[b] += q * (1.0 - q);
                bins.observed[b] += f64::from(u8::from(connected[t * 400 + s]));
            }
        }
        bins.check("pairwise_bernoulli")?;
    }

    /// `fixed_indegree` and `fixed_outdegree` with a kernel and multapses: each of the
    /// `k` draws of a neuron picks a partner with probability proportional to the
    /// kernel at its distance, among the candidates inside the mask.
    #[test]
    fn degree_rules_sample_by_their_kernel(
        l in layered(),
        k in kernel(),
        outdegree in any::<bool>(),
        masked in any::<bool>(),
        autapses in any::<bool>(),
    ) {
        let n = 300;
        let degree = 40;
        let l = Layered { n_sources: n, n_targets: n, same: true, grid: false, ..l };
        let space = layer(&l, n, 0);
        let rule = if outdegree { Rule::FixedOutdegree(degree) } else { Rule::FixedIndegree(degree) };
        let mut spec = spec_of(rule, autapses, true).with_kernel(k);
        if masked {
            spec.mask = Some(l.mask.clone());
        }
        let ends = Endpoints {
            n_sources: n,
            n_targets: n,
            same_population: true,
            source_space: Some(&space),
            target_space: Some(&space),
        };
        let drawn = connect("p", &spec, &ends, Seed(l.seed), 11);
        let max = (l.dims as f64).sqrt();
        let mut bins = Bins::default();
        // Per centre neuron: the candidates' weights, summed per bin.
        for c in 0..n {
            let mut weight = [0.0; BINS];
            for j in 0..n {
                let (s, t) = if outdegree { (c, j) } else { (j, c) };
                if (!autapses && j == c) || (masked && !inside(&spec, &space, &space, s, t)) {
                    continue;
                }
                let d = space.distance(&space.positions()[c], &space.positions()[j]);
                weight[Bins::bin(d, max)] += k.value(d).max(0.0);
            }
            let total: f64 = weight.iter().sum();
            if total == 0.0 {
                // No candidate with a positive weight: the rule must refuse.
                prop_assert!(refused(&drawn), "{:?}", drawn);
                return Ok(());
            }
            for (b, w) in weight.iter().enumerate() {
                let q = w / total;
                bins.expected[b] += degree as f64 * q;
                bins.variance[b] += degree as f64 * q * (1.0 - q);
            }
        }
        let bt = drawn.unwrap();
        check_flags(&bt, &spec, &ends)?;
        for (s, t) in bt.edges() {
            let (s, t) = (s as usize, t as usize);
            if masked {
                prop_assert!(inside(&spec, &space, &space, s, t));
            }
            let d = space.distance(&space.positions()[t], &space.positions()[s]);
            bins.observed[Bins::bin(d, max)] += 1.0;
        }
        bins.check(rule.name())?;
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// A delay becomes a whole number of steps, NEST's `floor(d/h + 0.5)`, at least
    /// one; a delay that rounds to zero steps is an error.
    #[test]
    fn delays_are_whole_steps_of_at_least_one(
        h in prop::sample::select(vec![0.001, 0.01, 0.025, 0.1, 0.125, 0.3, 0.7, 1.0]),
        d in prop_oneof![0.0..3.0f64, 0.0..200.0f64],
    ) {
        let res = Resolution::new(h).unwrap();
        match delay_steps("p", d, &res) {
            Ok(steps) => {
                prop_assert!(steps >= 1);
                prop_assert!((f64::from(steps) * h - d).abs() <= h / 2.0 + 1e-9 * d.max(1.0));
            }
            Err(e) => {
                prop_assert!(d < h / 2.0 + 1e-9 || d / h > 65535.0, "{} ms at h = {}: {}", d, h, e);
            }
        }
    }

    /// Random delays in a built network: the shortest delay, which sets the
    /// communication interval, is whole steps and at least one.
    #[test]
    fn random_delays_keep_min_delay_on_the_grid(
        h in prop::sample::select(vec![0.01, 0.1, 0.25, 1.0]),
        lo in 0.0..3.0f64,
        width in 0.01..3.0f64,
        seed in any::<u64>(),
    ) {
        let res = Resolution::new(h).unwrap();
        let mut b = NetworkBuilder::new(res, Seed(seed));
        let model = Model::nest(IafPscAlpha::default()).unwrap();
        let a = b.population("a", &model, Dyn(50)).unwrap();
        let delay = Value::Uniform { min: lo, max: lo + width };
        let result = b.connect(
            "a->a",
            &a,
            &a,
            &ConnSpec::new(Rule::FixedIndegree(20)),
            StaticSynapse::new(1.0, delay),
        );
        if lo + width < h / 2.0 {
            prop_assert!(result.is_err(), "every delay rounds to zero steps");
            return Ok(());
        }
        match result {
            // Some draw fell below half a step: an error naming the projection.
            Err(e) => prop_assert!(lo < h / 2.0 && e.to_string().contains("a->a"), "{}", e),
            Ok(_) => {
                let net = b.build().unwrap();
                let min = net.min_delay_steps();
                prop_assert!(min >= 1);
                prop_assert!(min >= res.delay_steps(lo).max(1));
                prop_assert!(min <= res.delay_steps(lo + width));
            }
        }
    }
}
