//! Distance kernels and weights and delays of distance with random terms, through the
//! language (network-load/tests/data/space_kernels.net), against NEST 3.10: the PyNEST
//! export is run once and each projection (its own synapse model, so NEST's
//! `GetConnections` tells them apart) is compared with the engine's.
//!
//! Kernels (b): the positions are the same on both sides (the export writes the
//! engine's), so each distance bin's count is, on either side, a sum of independent
//! Bernoulli draws with the same probabilities. Engine against NEST: per bin (0.025 mm,
//! adjacent bins merged until they hold 20 connections of the two together), the
//! engine's count given the two counts' sum is binomial(sum, 1/2) when both are
//! Poisson-like; the squared z-scores are summed into a chi-square with one degree per
//! bin (one fewer for the degree rules, whose totals are equal), conservative when
//! probabilities are large. Against the closed forms (gaussian, gaussian2d, gamma,
//! exponential, linear, an expression of distance, and between layers of different
//! periodicity): each side's counts per bin against the exact mean and variance of the
//! sum of Bernoulli draws, computed here from the positions, in a chi-square with one
//! degree per bin (bins merged until the variance is 10). Each test has a false-alarm
//! rate of 1e-5 (the chi-square's tail by the Wilson-Hilferty approximation); the
//! file makes 40 such checks, so a correct engine fails one with probability ~4e-4.
//!
//! Weights and delays (c): p = 1 inside a mask, so the pairs are NEST's exactly and
//! a deterministic delay is NEST's bit for bit per pair; the random parts (weight less,
//! or divided by, its deterministic part; drawn delays) are compared with NEST's by
//! two-sample Kolmogorov-Smirnov tests and, for the normal terms, with their closed
//! form by one-sample tests, each at a false-alarm rate of 1e-5 (asymptotic limits).
//!
//! NEST's python is found as `common/mod.rs` says; without one the NEST comparison fails
//! unless `NETWORK_SKIP_NEST=1` opts out explicitly.

use network_core::spatial::Space;
use network_load::export::{self, ExportOptions};
use network_load::{Loaded, Parsed};
use std::collections::BTreeMap;

mod common;
use common::{ks_two_sample, last_json, nest_python, run_python};

/// Per-check false-alarm rate.
const ALPHA: f64 = 1e-5;
/// Kolmogorov's c(ALPHA) = sqrt(-ln(ALPHA / 2) / 2).
const KS_C: f64 = 2.4699;

/// Kernel projections: name, source and target population indices, and whether the
/// rule fixes the total (the degree rules).
const KERNELS: [(&str, usize, usize, bool); 11] = [
    ("gauss", 0, 0, false),
    ("gauss2d", 0, 0, false),
    ("gam", 0, 0, false),
    ("gab", 0, 0, false),
    ("expo", 0, 0, false),
    ("lin", 0, 0, false),
    ("expr", 0, 0, false),
    ("wrapped", 0, 1, false),
    ("unwrapped", 1, 0, false),
    ("indeg", 0, 0, true),
    ("outdeg", 0, 0, true),
];
const WEIGHTS: [&str; 4] = ["noisy", "scaled", "bounded", "positive"];

/// (source, target, weight pA, delay ms), indices within the populations, sorted.
type Synapses = Vec<(u32, u32, f64, f64)>;

fn load() -> (network_load::Parsed, Loaded) {
    common::load_data("space_kernels.net")
}

fn sorted(mut s: Synapses) -> Synapses {
    s.sort_by(|a, b| a.partial_cmp(b).unwrap());
    s
}

fn engine(loaded: &Loaded) -> BTreeMap<String, Synapses> {
    loaded
        .projections
        .iter()
        .map(|(name, h)| {
            let s = loaded
                .network
                .connections(h)
                .iter()
                .map(|c| (c.source, c.target, c.weight, c.delay))
                .collect();
            (name.clone(), sorted(s))
        })
        .collect()
}

/// The export run on NEST: every projection's synapses, by its synapse model.
fn nest(parsed: &Parsed, loaded: &Loaded) -> BTreeMap<String, Synapses> {
    let python = nest_python("space_kernels").expect("checked by the caller");
    let options = ExportOptions {
        time_ms: 1.0,
        threads: 1,
    };
    let cells = export::cells(
        &parsed.description,
        &loaded.network,
        &[],
        "space_kernels",
        &parsed.docs,
        &options,
    )
    .unwrap();
    // Only the connections are needed.
    let cells: Vec<_> = cells
        .into_iter()
        .filter(|c| !c.code.contains("nest.Simulate("))
        .collect();
    let mut script = export::pynest(&cells);
    let names: Vec<String> = loaded
        .projections
        .iter()
        .map(|(n, _)| format!("'{n}'"))
        .collect();
    script.push_str(&format!(
        "\nimport json as _json\n_out = {{}}\n\
         _f0, _f1, _t0 = field[0].global_id, field[-1].global_id, torus[0].global_id\n\
         for _name in [{}]:\n\
         \x20   _c = nest.GetConnections(synapse_model='s_' + _name).get(['source', 'target', 'weight', 'delay'])\n\
         \x20   _first = lambda _id: _f0 if _id <= _f1 else _t0\n\
         \x20   _out[_name] = [[_s - _first(_s), _t - _first(_t), _w, _d] for _s, _t, _w, _d in zip(_c['source'], _c['target'], _c['weight'], _c['delay'])]\n\
         print(_json.dumps(_out))\n",
        names.join(", ")
    ));
    let stdout = run_python(&python, "space_kernels", &script);
    let out = last_json("space_kernels", &stdout);
    out.as_object()
        .unwrap()
        .iter()
        .map(|(name, list)| {
            let s = list
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    let f = |i: usize| c[i].as_f64().unwrap();
                    (f(0) as u32, f(1) as u32, f(2), f(3))
                })
                .collect();
            (name.clone(), sorted(s))
        })
        .collect()
}

/// The complementary error function (Numerical Recipes' erfcc: fractional error below
/// 1.2e-7 everywhere).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.26551223
        + t * (1.00002368
            + t * (0.37409196
                + t * (0.09678418
                    + t * (-0.18628806
                        + t * (0.27886807
                            + t * (-1.13520398
                                + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let r = t * poly.exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

/// The standard normal distribution function.
fn phi(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}

/// P(χ²_k > x), by the Wilson-Hilferty approximation.
fn chi2_sf(x: f64, k: f64) -> f64 {
    let s = 2.0 / (9.0 * k);
    let z = ((x / k).powf(1.0 / 3.0) - (1.0 - s)) / s.sqrt();
    1.0 - phi(z)
}

fn check_p(what: &str, p: f64, detail: String) {
    eprintln!("{what}: p = {p:.3e} ({detail})");
    assert!(p > ALPHA, "{what}: p = {p:.3e} < {ALPHA:e} ({detail})");
}

/// The one-sample Kolmogorov-Smirnov statistic against the continuous `cdf`.
fn ks1(a: &[f64], cdf: impl Fn(f64) -> f64) -> f64 {
    let mut a = a.to_vec();
    a.sort_by(f64::total_cmp);
    let n = a.len() as f64;
    a.iter()
        .enumerate()
        .map(|(i, &x)| {
            let f = cdf(x);
            (f - i as f64 / n).max((i + 1) as f64 / n - f)
        })
        .fold(0.0, f64::max)
}

fn check_ks2(what: &str, a: &[f64], b: &[f64]) {
    let (n, m) = (a.len() as f64, b.len() as f64);
    let (d, limit) = (ks_two_sample(a, b), KS_C * ((n + m) / (n * m)).sqrt());
    eprintln!("{what}: two-sample KS D = {d:.4} (limit {limit:.4}, {n} vs NEST's {m})");
    assert!(d < limit, "{what}: KS D = {d} >= {limit} (alpha {ALPHA:e})");
}

fn check_ks1(what: &str, a: &[f64], cdf: impl Fn(f64) -> f64) {
    let n = a.len() as f64;
    let (d, limit) = (ks1(a, cdf), KS_C / n.sqrt());
    eprintln!("{what}: one-sample KS D = {d:.4} (limit {limit:.4}, {n} values)");
    assert!(d < limit, "{what}: KS D = {d} >= {limit} (alpha {ALPHA:e})");
}

/// The distance NEST measures between a source and a target position, on the target
/// layer (`pairwise_bernoulli` centred on the source; the degree rules here are on
/// one non-periodic layer): the nearest image when it is periodic (extent 1 mm).
fn distance(s: [f64; 2], t: [f64; 2], periodic: bool) -> (f64, [f64; 2]) {
    let mut d = [t[0] - s[0], t[1] - s[1]];
    if periodic {
        for x in &mut d {
            *x -= x.round();
        }
    }
    ((d[0] * d[0] + d[1] * d[1]).sqrt(), d)
}

const BIN: f64 = 0.025;
/// Bins up to 3.2 mm, past the farthest pair.
const BINS: usize = 128;

fn bin(d: f64) -> usize {
    (d / BIN) as usize
}

/// The closed form of each kernel projection's pair probability (None: no closed form
/// here, or a degree rule), with its mask test, of the distance and displacement.
fn theory(name: &str) -> Option<fn(f64, [f64; 2]) -> f64> {
    fn gauss(d: f64, _: [f64; 2]) -> f64 {
        if d > 0.4 {
            return 0.0;
        }
        0.8 * 0.9 * (-(d - 0.1).powi(2) / (2.0 * 0.01)).exp()
    }
    fn gauss2d(_: f64, v: [f64; 2]) -> f64 {
        if v[0].abs() > 0.3 || v[1].abs() > 0.3 {
            return 0.0;
        }
        // NEST's gaussian2D of the per-axis distances |dx|, |dy|.
        let (x, y) = ((v[0].abs() - 0.05) / 0.2, v[1].abs() / 0.1);
        let rho: f64 = 0.3;
        0.9 * (-(x * x - 2.0 * rho * x * y + y * y) / (2.0 * (1.0 - rho * rho))).exp()
    }
    fn gam(d: f64, _: [f64; 2]) -> f64 {
        if d > 0.5 {
            return 0.0;
        }
        // Γ(2.5) = 3 √π / 4.
        let gamma = 0.75 * std::f64::consts::PI.sqrt();
        0.3 * d.powf(1.5) * (-d / 0.1).exp() / (0.1f64.powf(2.5) * gamma)
    }
    fn expo(d: f64, _: [f64; 2]) -> f64 {
        0.7 * (-d / 0.15).exp()
    }
    fn lin(d: f64, _: [f64; 2]) -> f64 {
        if d > 0.4 {
            return 0.0;
        }
        0.9 - 2.0 * d
    }
    fn expr(d: f64, _: [f64; 2]) -> f64 {
        0.9 * (-d * d / (2.0 * 0.15 * 0.15)).exp()
    }
    fn wrapped(d: f64, _: [f64; 2]) -> f64 {
        (-d * d / (2.0 * 0.04)).exp()
    }
    fn unwrapped(d: f64, _: [f64; 2]) -> f64 {
        if d > 0.3 {
            return 0.0;
        }
        (-d / 0.2).exp()
    }
    Some(match name {
        "gauss" => gauss,
        "gauss2d" => gauss2d,
        "gam" => gam,
        "expo" => expo,
        "lin" => lin,
        "expr" => expr,
        "wrapped" => wrapped,
        "unwrapped" => unwrapped,
        _ => return None,
    })
}

/// Counts per distance bin.
fn histogram(s: &Synapses, positions: [&[[f64; 2]]; 2], periodic: bool) -> Vec<f64> {
    let mut h = vec![0.0; BINS];
    for &(a, b, _, _) in s {
        let (d, _) = distance(positions[0][a as usize], positions[1][b as usize], periodic);
        h[bin(d)] += 1.0;
    }
    h
}

fn points(space: &Space) -> Vec<[f64; 2]> {
    space.positions().iter().map(|p| [p.x, p.y]).collect()
}

#[test]
fn kernels_and_random_values_of_distance_are_nests() {
    if nest_python("space_kernels").is_none() {
        return;
    }
    let (parsed, loaded) = load();
    let ours = engine(&loaded);
    let theirs = nest(&parsed, &loaded);
    let layers: Vec<Vec<[f64; 2]>> = loaded
        .network
        .populations()
        .iter()
        .map(|p| points(p.space.as_ref().unwrap()))
        .collect();

    // (b) Kernels: counts per distance bin.
    for (name, s, t, fixed_total) in KERNELS {
        let periodic = t == 1;
        let pos = [layers[s].as_slice(), layers[t].as_slice()];
        let (a, b) = (
            histogram(&ours[name], pos, periodic),
            histogram(&theirs[name], pos, periodic),
        );
        let (na, nb) = (a.iter().sum::<f64>(), b.iter().sum::<f64>());
        assert!(na > 1000.0, "`{name}`: {na} connections");
        // Engine against NEST, bins merged to 20 connections of both together.
        let (mut x2, mut bins, mut ca, mut cb) = (0.0, 0usize, 0.0, 0.0);
        for (x, y) in a.iter().zip(&b) {
            ca += x;
            cb += y;
            if ca + cb >= 20.0 {
                x2 += (ca - cb) * (ca - cb) / (ca + cb);
                bins += 1;
                ca = 0.0;
                cb = 0.0;
            }
        }
        if ca + cb > 0.0 {
            x2 += (ca - cb) * (ca - cb) / (ca + cb);
            bins += 1;
        }
        let df = if fixed_total { bins - 1 } else { bins } as f64;
        check_p(
            &format!("`{name}`: counts per distance bin, engine vs NEST"),
            chi2_sf(x2, df),
            format!("chi-square {x2:.1}, {df} bins; {na} vs NEST's {nb} connections"),
        );
        let Some(p) = theory(name) else {
            continue;
        };
        // Each side against the exact mean and variance per bin.
        let (mut mean, mut var) = (vec![0.0; BINS], vec![0.0; BINS]);
        for &sp in &layers[s] {
            for &tp in &layers[t] {
                let (d, v) = distance(sp, tp, periodic);
                let q = p(d, v);
                mean[bin(d)] += q;
                var[bin(d)] += q * (1.0 - q);
            }
        }
        for (who, h) in [("engine", &a), ("NEST", &b)] {
            let (mut x2, mut bins, mut o, mut e, mut v) = (0.0, 0usize, 0.0, 0.0, 0.0);
            for k in 0..BINS {
                o += h[k];
                e += mean[k];
                v += var[k];
                if v >= 10.0 {
                    x2 += (o - e) * (o - e) / v;
                    bins += 1;
                    (o, e, v) = (0.0, 0.0, 0.0);
                }
            }
            if v > 0.0 {
                x2 += (o - e) * (o - e) / v;
                bins += 1;
            }
            check_p(
                &format!("`{name}`: {who}'s counts per bin vs the closed form"),
                chi2_sf(x2, bins as f64),
                format!(
                    "chi-square {x2:.1}, {bins} bins; {} connections, expected {:.0}",
                    h.iter().sum::<f64>(),
                    mean.iter().sum::<f64>()
                ),
            );
        }
    }
    // The degree rules: every target (source) has its degree on both sides.
    for (name, by_target) in [("indeg", true), ("outdeg", false)] {
        for (who, s) in [("engine", &ours[name]), ("NEST", &theirs[name])] {
            let mut deg = vec![0; 500];
            for &(a, b, _, _) in s {
                deg[if by_target { b } else { a } as usize] += 1;
            }
            assert!(deg.iter().all(|&d| d == 8), "`{name}` ({who}): degrees");
        }
    }

    // (c) Weights and delays: pairs and deterministic parts exact, random parts by KS.
    let field = &layers[0];
    let dist = |&(a, b, _, _): &(u32, u32, f64, f64)| {
        distance(field[a as usize], field[b as usize], false).0
    };
    for name in WEIGHTS {
        let (a, b) = (&ours[name], &theirs[name]);
        let pa: Vec<(u32, u32)> = a.iter().map(|c| (c.0, c.1)).collect();
        let mut pb: Vec<(u32, u32)> = b.iter().map(|c| (c.0, c.1)).collect();
        pb.sort();
        assert_eq!(pa, pb, "`{name}`: the pairs differ from NEST's");
        eprintln!("`{name}`: {} pairs, NEST's", pa.len());
    }
    // `noisy`: the delay is deterministic, NEST's per pair; the weight less its
    // deterministic part is normal(0, 1).
    let by_pair = |s: &Synapses| -> BTreeMap<(u32, u32), (f64, f64)> {
        s.iter().map(|c| ((c.0, c.1), (c.2, c.3))).collect()
    };
    let (a, b) = (by_pair(&ours["noisy"]), by_pair(&theirs["noisy"]));
    let differ = a.iter().filter(|(k, v)| v.1 != b[k].1).count();
    assert_eq!(differ, 0, "`noisy`: {differ} delays differ from NEST's");
    eprintln!("`noisy`: {} delays identical to NEST's", a.len());
    let residual = |s: &Synapses, f: &dyn Fn(f64, f64) -> f64| -> Vec<f64> {
        s.iter().map(|c| f(c.2, dist(c))).collect()
    };
    type Part = (&'static str, &'static str, fn(f64, f64) -> f64);
    let noisy: Part = ("noisy", "weight - 2 exp(-d / 0.15)", |w, d| {
        w - 2.0 * (-d / 0.15).exp()
    });
    let scaled: Part = ("scaled", "weight / exp(-d / 0.2)", |w, d| {
        w / (-d / 0.2).exp()
    });
    let bounded: Part = ("bounded", "weight - 10 d", |w, d| w - 10.0 * d);
    let positive: Part = ("positive", "weight / (1 + d)", |w, d| w / (1.0 + d));
    for (name, what, f) in [noisy, scaled, bounded, positive] {
        let (x, y) = (residual(&ours[name], &f), residual(&theirs[name], &f));
        check_ks2(&format!("`{name}`: {what}"), &x, &y);
        match name {
            "noisy" => check_ks1(
                "`noisy`: engine's weight - 2 exp(-d / 0.15) vs normal(0, 1)",
                &x,
                phi,
            ),
            "scaled" => check_ks1(
                "`scaled`: engine's weight / exp(-d / 0.2) vs normal(10, 2)",
                &x,
                |v| phi((v - 10.0) / 2.0),
            ),
            "bounded" => {
                // clip: a point mass Φ(-1) at 15 pA and Φ(-2) at 30 pA, on both sides.
                for (who, r) in [("engine", &x), ("NEST", &y)] {
                    let n = r.len() as f64;
                    for (at, q) in [(15.0, phi(-1.0)), (30.0, phi(-2.0))] {
                        let k = r.iter().filter(|v| (**v - at).abs() < 1e-9).count() as f64;
                        let z = (k - n * q) / (n * q * (1.0 - q)).sqrt();
                        check_p(
                            &format!("`bounded` ({who}): share of weights clipped to {at} pA"),
                            erfc(z.abs() / std::f64::consts::SQRT_2),
                            format!("{k} of {n}, expected {:.1}", n * q),
                        );
                    }
                }
            }
            _ => {
                // redraw: within [0, 8] pA on both sides.
                assert!(x.iter().chain(&y).all(|v| (-1e-9..=8.0 + 1e-9).contains(v)));
            }
        }
    }
    // Drawn delays, in steps: engine's against NEST's.
    for name in ["scaled", "bounded", "positive"] {
        let (x, y): (Vec<f64>, Vec<f64>) = (
            ours[name].iter().map(|c| c.3).collect(),
            theirs[name].iter().map(|c| c.3).collect(),
        );
        check_ks2(&format!("`{name}`: drawn delays"), &x, &y);
    }
}
