//! Non-spatial connection rules (`network_core::connect::connect`, no simulation):
//! exact degrees and totals, autapses and multapses only where allowed, and the
//! distribution of the free side against exact theory and NEST's statistics.

use super::*;
use network_core::connect::{connect, ByTarget, ConnSpec, Endpoints, Rule, SameNeurons};

/// What one drawn projection looks like.
pub struct Drawn {
    pub indegree: Vec<i64>,
    pub outdegree: Vec<i64>,
    pub autapses: i64,
    pub multapse_extra: i64,
}

/// Degrees, autapses and repeated pairs of a projection, after checking its layout.
pub fn summarize(bt: &ByTarget, n_src: usize, n_tgt: usize, same: bool) -> Drawn {
    assert_eq!(bt.offsets.len(), n_tgt + 1);
    assert_eq!(bt.offsets[0], 0);
    assert_eq!(*bt.offsets.last().unwrap(), bt.sources.len());
    let mut indegree = vec![0i64; n_tgt];
    let mut outdegree = vec![0i64; n_src];
    let (mut autapses, mut multapse_extra) = (0, 0);
    for (t, deg) in indegree.iter_mut().enumerate() {
        let (a, b) = (bt.offsets[t], bt.offsets[t + 1]);
        assert!(a <= b, "offsets must not decrease");
        let mut sources = bt.sources[a..b].to_vec();
        *deg = sources.len() as i64;
        for &s in &sources {
            assert!((s as usize) < n_src, "source {s} out of range");
            outdegree[s as usize] += 1;
            if same && s as usize == t {
                autapses += 1;
            }
        }
        sources.sort_unstable();
        multapse_extra += sources.windows(2).filter(|w| w[0] == w[1]).count() as i64;
    }
    Drawn {
        indegree,
        outdegree,
        autapses,
        multapse_extra,
    }
}

/// Mean and variance of the number of distinct cells hit by `k` uniform draws with
/// replacement from `m` cells (occupancy problem).
pub fn distinct_moments(m: f64, k: f64) -> (f64, f64) {
    let q = 1.0 - 1.0 / m;
    let mean = m * (1.0 - q.powf(k));
    let var = m * (m - 1.0) * (1.0 - 2.0 / m).powf(k) + m * q.powf(k) - m * m * q.powf(2.0 * k);
    (mean, var)
}

/// Tests the free-side degrees of rules whose total is fixed (`fixed_indegree`,
/// `fixed_outdegree`, `fixed_total_number`): each cell has variance `v`, the cells are
/// exchangeable and sum to a constant, so their covariance is v·N/(N−1)·(I − J/N) and
/// Σ(x − mean)²/(v·N/(N−1)) ~ χ²(N − 1) per seed (normal approximation; the slight
/// excess kurtosis of the binomial cells, ~0.05, raises the variance of the statistic by
/// ~2.5%, so the effective false-alarm rate is ~2e-5 instead of 1e-5). Against NEST: an
/// F-test of the engine's and NEST's pooled sums of squares per degree of freedom, and
/// a two-sample chi-square of the degree histograms.
fn fixed_sum_side(what: &str, seeds: &[Vec<i64>], v: f64, nest: &Json, nest_seeds: usize) {
    let n = seeds[0].len() as f64;
    let mean = seeds[0].iter().sum::<i64>() as f64 / n;
    let mut ss = 0.0;
    for x in seeds {
        assert_eq!(
            x.iter().sum::<i64>() as f64,
            mean * n,
            "{what}: total varies"
        );
        ss += x.iter().map(|&c| (c as f64 - mean).powi(2)).sum::<f64>();
    }
    let df = seeds.len() as f64 * (n - 1.0);
    let scale = v * n / (n - 1.0);
    let (x2, p) = (ss / scale, chi2_two_sided(ss / scale, df));
    check_p(
        &format!("{what}: variance vs theory"),
        p,
        format!(
            "chi2 {x2:.1} df {df}, engine var {:.4}, theory {v:.4}",
            ss / df
        ),
    );
    let stats = &nest[what_key(what)];
    assert_eq!(f(&stats["mean"]), mean, "{what}: NEST mean differs");
    let df_n = nest_seeds as f64 * (n - 1.0);
    let ss_n = f(&stats["var"]) * (f(&stats["n"]) - 1.0);
    let ratio = (ss / df) / (ss_n / df_n);
    check_p(
        &format!("{what}: variance vs NEST"),
        f_two_sided(ratio, df, df_n),
        format!("engine {:.4} NEST {:.4}", ss / df, ss_n / df_n),
    );
    histogram_vs_nest(what, seeds, nest);
}

fn what_key(what: &str) -> &'static str {
    if what.ends_with("indegree") {
        "indegree"
    } else {
        "outdegree"
    }
}

fn histogram_vs_nest(what: &str, seeds: &[Vec<i64>], nest: &Json) {
    let key = format!("{}_hist", what_key(what));
    let engine = hist_of(seeds.iter().flatten().copied());
    let (a, b) = aligned(&engine, &int_hist(&nest[key]));
    let (x2, df, p) = two_sample_chi2(&a, &b);
    check_p(
        &format!("{what}: histogram vs NEST"),
        p,
        format!("chi2 {x2:.1} df {df}"),
    );
}

/// Tests degrees that are independent binomials Binomial(m, p) (pairwise_bernoulli):
/// Σ(x − mp)²/(mp(1−p)) ~ χ²(count), and an F-test against NEST's pooled variance.
fn binomial_side(what: &str, seeds: &[Vec<i64>], m: f64, p: f64, nest: &Json) {
    let all: Vec<f64> = seeds.iter().flatten().map(|&c| c as f64).collect();
    let (mu, v) = (m * p, m * p * (1.0 - p));
    let x2: f64 = all.iter().map(|x| (x - mu).powi(2)).sum::<f64>() / v;
    let df = all.len() as f64;
    check_p(
        &format!("{what}: variance vs Binomial({m}, {p})"),
        chi2_two_sided(x2, df),
        format!("chi2 {x2:.1} df {df}"),
    );
    let (_, var_e) = mean_var(&all);
    let stats = &nest[what_key(what)];
    let (n_n, var_n) = (f(&stats["n"]), f(&stats["var"]));
    check_p(
        &format!("{what}: variance vs NEST"),
        f_two_sided(var_e / var_n, df - 1.0, n_n - 1.0),
        format!("engine {var_e:.4} NEST {var_n:.4}"),
    );
    histogram_vs_nest(what, seeds, nest);
}

fn bool_or(v: &Json, default: bool) -> bool {
    v.as_bool().unwrap_or(default)
}

const ENGINE_SEEDS: usize = 10;

fn connectivity_case(name: &str) {
    let r = load(name);
    let p = &r["params"];
    let cs = &p["conn_spec"];
    let n_src = p["n_src"].as_u64().unwrap() as usize;
    let n_tgt = p["n_tgt"].as_u64().unwrap() as usize;
    let same = p["same_population"].as_bool().unwrap();
    let autapses = bool_or(&cs["allow_autapses"], true);
    let multapses = bool_or(&cs["allow_multapses"], true);
    let count = |k: &str| cs[k].as_u64().unwrap() as usize;
    let rule = match cs["rule"].as_str().unwrap() {
        "fixed_indegree" => Rule::FixedIndegree(count("indegree")),
        "fixed_outdegree" => Rule::FixedOutdegree(count("outdegree")),
        "fixed_total_number" => Rule::FixedTotalNumber(count("N")),
        "pairwise_bernoulli" => Rule::PairwiseBernoulli(f(&cs["p"])),
        other => panic!("rule {other}"),
    };
    let mut spec = ConnSpec::new(rule);
    if !autapses {
        spec = spec.no_autapses();
    }
    if !multapses {
        spec = spec.no_multapses();
    }
    let ends = Endpoints {
        n_sources: n_src,
        n_targets: n_tgt,
        same: SameNeurons::of(same),
        source_space: None,
        target_space: None,
    };
    let nest_seeds = r["seeds"].as_array().unwrap().len();
    let engine_seeds = ENGINE_SEEDS.max(nest_seeds);
    let drawn: Vec<Drawn> = (0..engine_seeds as u64)
        .map(|s| {
            let bt = connect(name, &spec, &ends, Seed(1000 + s), 7).unwrap();
            summarize(&bt, n_src, n_tgt, same)
        })
        .collect();
    let total = |d: &Drawn| d.indegree.iter().sum::<i64>();
    for d in &drawn {
        if same && !autapses {
            assert_eq!(d.autapses, 0, "{name}: autapse drawn although forbidden");
        }
        if !multapses {
            assert_eq!(
                d.multapse_extra, 0,
                "{name}: multapse drawn although forbidden"
            );
        }
        match rule {
            Rule::FixedIndegree(k) => assert!(d.indegree.iter().all(|&x| x == k as i64)),
            Rule::FixedOutdegree(k) => assert!(d.outdegree.iter().all(|&x| x == k as i64)),
            Rule::FixedTotalNumber(k) => assert_eq!(total(d), k as i64),
            _ => {}
        }
    }
    let ins: Vec<Vec<i64>> = drawn.iter().map(|d| d.indegree.clone()).collect();
    let outs: Vec<Vec<i64>> = drawn.iter().map(|d| d.outdegree.clone()).collect();
    let pooled = &r["pooled"];
    // Candidates per target (source) and the number of targets (sources) that can draw a
    // given source (target): one fewer without autapses in a recurrent projection.
    let excl = if same && !autapses { 1.0 } else { 0.0 };
    let ms = n_src as f64 - excl;
    let mt = n_tgt as f64 - excl;
    // Per-cell variance of the free side for K draws per fixed-side neuron from M
    // candidates, by T fixed-side neurons that can reach the cell.
    let cell_var = |k: f64, m: f64, t: f64| {
        if multapses {
            t * k * (1.0 / m) * (1.0 - 1.0 / m)
        } else {
            t * (k / m) * (1.0 - k / m)
        }
    };
    let mult_autapse = |what: &str, k: f64, n_fixed: f64, m: f64, d_of: &dyn Fn(&Drawn) -> i64| {
        // repeated pairs: per fixed-side neuron, K minus the distinct cells hit;
        // autapses: per fixed-side neuron Binomial(K, 1/M). Exact z-tests over all seeds.
        let seeds = drawn.len() as f64;
        if multapses {
            let (dm, dv) = distinct_moments(m, k);
            let extra: i64 = drawn.iter().map(d_of).sum();
            let (mu, var) = (seeds * n_fixed * (k - dm), seeds * n_fixed * dv);
            check_z(
                &format!("{name}: {what} multapses vs theory"),
                (extra as f64 - mu) / var.sqrt(),
                format!("{extra} repeated pairs over {seeds} seeds, expected {mu:.1}"),
            );
            let nest_extra: f64 = r["per_seed"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| f(&s["multapse_extra"]))
                .sum();
            let ns = nest_seeds as f64;
            let z = (extra as f64 / seeds - nest_extra / ns)
                / (n_fixed * dv / seeds + n_fixed * dv / ns).sqrt();
            check_z(
                &format!("{name}: {what} multapses vs NEST"),
                z,
                format!(
                    "engine {} per seed, NEST {}",
                    extra as f64 / seeds,
                    nest_extra / ns
                ),
            );
        }
        if same && autapses {
            let auts: i64 = drawn.iter().map(|d| d.autapses).sum();
            let pr = 1.0 / m;
            let (mu, var) = if multapses {
                (
                    seeds * n_fixed * k * pr,
                    seeds * n_fixed * k * pr * (1.0 - pr),
                )
            } else {
                let q = k / m;
                (seeds * n_fixed * q, seeds * n_fixed * q * (1.0 - q))
            };
            check_z(
                &format!("{name}: autapses vs theory"),
                (auts as f64 - mu) / var.sqrt(),
                format!("{auts} autapses over {seeds} seeds, expected {mu:.1}"),
            );
        }
    };
    match rule {
        Rule::FixedIndegree(k) => {
            let k = k as f64;
            fixed_sum_side(
                &format!("{name} outdegree"),
                &outs,
                cell_var(k, ms, mt),
                pooled,
                nest_seeds,
            );
            mult_autapse("per-target", k, n_tgt as f64, ms, &|d| d.multapse_extra);
        }
        Rule::FixedOutdegree(k) => {
            let k = k as f64;
            fixed_sum_side(
                &format!("{name} indegree"),
                &ins,
                cell_var(k, mt, ms),
                pooled,
                nest_seeds,
            );
            mult_autapse("per-source", k, n_src as f64, mt, &|d| d.multapse_extra);
        }
        Rule::FixedTotalNumber(k) => {
            // every connection picks (source, target) uniformly: multinomial degrees
            let k = k as f64;
            let cells = n_src as f64 * n_tgt as f64;
            fixed_sum_side(
                &format!("{name} indegree"),
                &ins,
                k / mt * (1.0 - 1.0 / mt),
                pooled,
                nest_seeds,
            );
            fixed_sum_side(
                &format!("{name} outdegree"),
                &outs,
                k / ms * (1.0 - 1.0 / ms),
                pooled,
                nest_seeds,
            );
            mult_autapse("all-pairs", k, 1.0, cells, &|d| d.multapse_extra);
        }
        Rule::PairwiseBernoulli(pr) => {
            // every allowed pair independently: in/outdegrees Binomial, total Binomial
            let pairs = ms * n_tgt as f64;
            let totals: Vec<f64> = drawn.iter().map(|d| total(d) as f64).collect();
            let seeds = totals.len() as f64;
            let v = pairs * pr * (1.0 - pr);
            let sum: f64 = totals.iter().sum();
            check_z(
                &format!("{name}: total vs theory"),
                (sum - seeds * pairs * pr) / (seeds * v).sqrt(),
                format!("mean total {} expected {}", sum / seeds, pairs * pr),
            );
            let nest_mean = f(&pooled["total"]["mean"]);
            let ns = f(&pooled["total"]["n"]);
            check_z(
                &format!("{name}: total vs NEST"),
                (sum / seeds - nest_mean) / (v / seeds + v / ns).sqrt(),
                format!("engine {} NEST {nest_mean}", sum / seeds),
            );
            binomial_side(&format!("{name} indegree"), &ins, ms, pr, pooled);
            binomial_side(&format!("{name} outdegree"), &outs, mt, pr, pooled);
        }
        _ => unreachable!(),
    }
}

macro_rules! connectivity_tests {
    ($($test:ident => $name:literal,)*) => {
        $(
            #[test]
            fn $test() {
                connectivity_case($name);
            }
        )*
    };
}

connectivity_tests! {
    fixed_indegree_separate_multapses => "fixed_indegree_separate_multapses",
    fixed_indegree_separate_no_multapses => "fixed_indegree_separate_no_multapses",
    fixed_indegree_recurrent_autapses_multapses => "fixed_indegree_recurrent_autapses_multapses",
    fixed_indegree_recurrent_no_autapses_no_multapses => "fixed_indegree_recurrent_no_autapses_no_multapses",
    fixed_outdegree_separate_multapses => "fixed_outdegree_separate_multapses",
    fixed_outdegree_separate_no_multapses => "fixed_outdegree_separate_no_multapses",
    fixed_outdegree_recurrent_autapses_multapses => "fixed_outdegree_recurrent_autapses_multapses",
    fixed_outdegree_recurrent_no_autapses_no_multapses => "fixed_outdegree_recurrent_no_autapses_no_multapses",
    pairwise_bernoulli_p01 => "pairwise_bernoulli_p0.1",
    pairwise_bernoulli_p01_recurrent_no_autapses => "pairwise_bernoulli_p0.1_recurrent_no_autapses",
    fixed_total_number_1000 => "fixed_total_number_1000",
}
