//! Exact tail probabilities for the statistical tests of `stochastic.rs`: normal,
//! chi-square, Student t and F, from the regularized incomplete gamma and beta functions
//! (Numerical Recipes' series and continued fractions, relative accuracy ~1e-12).

/// ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9).
pub fn ln_gamma(x: f64) -> f64 {
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + 7.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// Upper regularized incomplete gamma Q(a, x) = Γ(a, x)/Γ(a).
pub fn gamma_q(a: f64, x: f64) -> f64 {
    assert!(a > 0.0 && x >= 0.0);
    if x == 0.0 {
        return 1.0;
    }
    let ln_pre = -x + a * x.ln() - ln_gamma(a);
    if x < a + 1.0 {
        // series for P
        let (mut ap, mut sum) = (a, 1.0 / a);
        let mut del = sum;
        for _ in 0..100_000 {
            ap += 1.0;
            del *= x / ap;
            sum += del;
            if del.abs() < sum.abs() * 1e-15 {
                break;
            }
        }
        1.0 - sum * ln_pre.exp()
    } else {
        // continued fraction for Q (modified Lentz)
        let tiny = 1e-300;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / tiny;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..100_000 {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < tiny {
                d = tiny;
            }
            c = b + an / c;
            if c.abs() < tiny {
                c = tiny;
            }
            d = 1.0 / d;
            let del = d * c;
            h *= del;
            if (del - 1.0).abs() < 1e-15 {
                break;
            }
        }
        ln_pre.exp() * h
    }
}

fn beta_cf(a: f64, b: f64, x: f64) -> f64 {
    let tiny = 1e-300;
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 - qab * x / qap;
    if d.abs() < tiny {
        d = tiny;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..100_000 {
        let m = m as f64;
        let m2 = 2.0 * m;
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if d.abs() < tiny {
            d = tiny;
        }
        c = 1.0 + aa / c;
        if c.abs() < tiny {
            c = tiny;
        }
        d = 1.0 / d;
        h *= d * c;
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if d.abs() < tiny {
            d = tiny;
        }
        c = 1.0 + aa / c;
        if c.abs() < tiny {
            c = tiny;
        }
        d = 1.0 / d;
        let del = d * c;
        h *= del;
        if (del - 1.0).abs() < 1e-15 {
            break;
        }
    }
    h
}

/// Regularized incomplete beta I_x(a, b).
pub fn beta_i(a: f64, b: f64, x: f64) -> f64 {
    assert!((0.0..=1.0).contains(&x));
    if x == 0.0 || x == 1.0 {
        return x;
    }
    let ln_bt = ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln();
    if x < (a + 1.0) / (a + b + 2.0) {
        ln_bt.exp() * beta_cf(a, b, x) / a
    } else {
        1.0 - ln_bt.exp() * beta_cf(b, a, 1.0 - x) / b
    }
}

/// Two-sided p-value of a standard normal z.
pub fn normal_two_sided(z: f64) -> f64 {
    gamma_q(0.5, 0.5 * z * z)
}

/// P(χ²_k > x).
pub fn chi2_sf(x: f64, k: f64) -> f64 {
    gamma_q(0.5 * k, 0.5 * x)
}

/// Two-sided p-value of a χ²_k statistic: 2·min(P(χ² < x), P(χ² > x)).
pub fn chi2_two_sided(x: f64, k: f64) -> f64 {
    let upper = chi2_sf(x, k);
    (2.0 * upper.min(1.0 - upper)).min(1.0)
}

/// Two-sided p-value of Student's t with `df` degrees of freedom.
pub fn t_two_sided(t: f64, df: f64) -> f64 {
    beta_i(0.5 * df, 0.5, df / (df + t * t))
}

/// P(F(d1, d2) > f).
pub fn f_sf(f: f64, d1: f64, d2: f64) -> f64 {
    if f <= 0.0 {
        return 1.0;
    }
    beta_i(0.5 * d2, 0.5 * d1, d2 / (d2 + d1 * f))
}

/// Two-sided p-value of an F(d1, d2) statistic.
pub fn f_two_sided(f: f64, d1: f64, d2: f64) -> f64 {
    let upper = f_sf(f, d1, d2);
    (2.0 * upper.min(1.0 - upper)).min(1.0)
}

/// Sample mean and unbiased variance.
pub fn mean_var(x: &[f64]) -> (f64, f64) {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    let var = x.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0);
    (mean, var)
}

/// Welch's t-test of equal means: (t, Welch–Satterthwaite df, two-sided p).
pub fn welch(a: &[f64], b: &[f64]) -> (f64, f64, f64) {
    let (ma, va) = mean_var(a);
    let (mb, vb) = mean_var(b);
    let (sa, sb) = (va / a.len() as f64, vb / b.len() as f64);
    let t = (ma - mb) / (sa + sb).sqrt();
    let df =
        (sa + sb).powi(2) / (sa * sa / (a.len() as f64 - 1.0) + sb * sb / (b.len() as f64 - 1.0));
    (t, df, t_two_sided(t, df))
}

/// Quasi-likelihood F-test that two groups of histograms (rows: one per seed, same bins)
/// come from the same distribution, allowing for extra-multinomial variation between
/// seeds (positions differ per seed). The Pearson chi-square of the pooled 2 × B table
/// (df B − 1) is divided by the within-group heterogeneity chi-square per df (seeds
/// against their own group's pooled proportions, df (ka − 1 + kb − 1)(B − 1)); under
/// the null the ratio is ~F(B − 1, df_within). Bins empty in both groups are dropped.
/// Returns (F, d1, d2, p, dispersion estimate).
pub fn histogram_f_test(a: &[Vec<u64>], b: &[Vec<u64>]) -> (f64, f64, f64, f64, f64) {
    let bins = a[0].len();
    let col = |g: &[Vec<u64>], j: usize| g.iter().map(|r| r[j] as f64).sum::<f64>();
    let used: Vec<usize> = (0..bins).filter(|&j| col(a, j) + col(b, j) > 0.0).collect();
    let nb = used.len() as f64;
    // heterogeneity of rows within a group
    let within = |g: &[Vec<u64>]| -> f64 {
        let total: f64 = g.iter().flatten().map(|&c| c as f64).sum();
        let mut x2 = 0.0;
        for r in g {
            let rt: f64 = r.iter().map(|&c| c as f64).sum();
            for &j in &used {
                let e = rt * col(g, j) / total;
                if e > 0.0 {
                    x2 += (r[j] as f64 - e).powi(2) / e;
                }
            }
        }
        x2
    };
    let x2_within = within(a) + within(b);
    let df_within = ((a.len() - 1 + b.len() - 1) as f64) * (nb - 1.0);
    let (ta, tb) = (
        a.iter().flatten().map(|&c| c as f64).sum::<f64>(),
        b.iter().flatten().map(|&c| c as f64).sum::<f64>(),
    );
    let mut x2_between = 0.0;
    for &j in &used {
        let (ca, cb) = (col(a, j), col(b, j));
        let p = (ca + cb) / (ta + tb);
        x2_between += (ca - ta * p).powi(2) / (ta * p) + (cb - tb * p).powi(2) / (tb * p);
    }
    let dispersion = x2_within / df_within;
    let f = (x2_between / (nb - 1.0)) / dispersion;
    (
        f,
        nb - 1.0,
        df_within,
        f_sf(f, nb - 1.0, df_within),
        dispersion,
    )
}

/// Pearson's two-sample chi-square test of homogeneity of two histograms of independent
/// draws (adjacent bins merged until each expected count is >= 5).
/// Returns (χ², df, p).
pub fn two_sample_chi2(a: &[f64], b: &[f64]) -> (f64, f64, f64) {
    let (ta, tb) = (a.iter().sum::<f64>(), b.iter().sum::<f64>());
    let mut merged: Vec<(f64, f64)> = Vec::new();
    let (mut ca, mut cb) = (0.0, 0.0);
    let min_expected = |ca: f64, cb: f64| {
        let p = (ca + cb) / (ta + tb);
        (ta * p).min(tb * p)
    };
    for (&x, &y) in a.iter().zip(b) {
        ca += x;
        cb += y;
        if min_expected(ca, cb) >= 5.0 {
            merged.push((ca, cb));
            ca = 0.0;
            cb = 0.0;
        }
    }
    if ca + cb > 0.0 {
        match merged.last_mut() {
            Some(last) => {
                last.0 += ca;
                last.1 += cb;
            }
            None => merged.push((ca, cb)),
        }
    }
    let mut x2 = 0.0;
    for &(ca, cb) in &merged {
        let p = (ca + cb) / (ta + tb);
        x2 += (ca - ta * p).powi(2) / (ta * p) + (cb - tb * p).powi(2) / (tb * p);
    }
    let df = merged.len() as f64 - 1.0;
    (x2, df, chi2_sf(x2, df))
}

/// Pearson chi-square goodness of fit of observed counts against expected counts (same
/// total), adjacent bins merged until each expected count is >= 5; `fitted` parameters
/// are subtracted from the degrees of freedom. Returns (χ², df, p).
pub fn chi2_gof(observed: &[f64], expected: &[f64], fitted: usize) -> (f64, f64, f64) {
    let mut merged: Vec<(f64, f64)> = Vec::new();
    let (mut o, mut e) = (0.0, 0.0);
    for (&x, &y) in observed.iter().zip(expected) {
        o += x;
        e += y;
        if e >= 5.0 {
            merged.push((o, e));
            o = 0.0;
            e = 0.0;
        }
    }
    if let Some(last) = merged.last_mut() {
        last.0 += o;
        last.1 += e;
    }
    let x2: f64 = merged.iter().map(|(o, e)| (o - e).powi(2) / e).sum();
    let df = (merged.len() - 1 - fitted) as f64;
    (x2, df, chi2_sf(x2, df))
}

#[test]
fn distribution_functions_match_tables() {
    let close = |a: f64, b: f64, tol: f64| assert!((a - b).abs() < tol * b, "{a} vs {b}");
    close(normal_two_sided(1.959_963_984_540_054), 0.05, 1e-9);
    close(normal_two_sided(4.5), 6.795_346_249_460_1e-6, 1e-8);
    close(chi2_sf(3.841_458_820_694_124, 1.0), 0.05, 1e-9);
    close(chi2_sf(124.342_113_404_2, 100.0), 0.05, 1e-8);
    close(chi2_sf(5.991_464_547_107_979, 2.0), 0.05, 1e-9);
    close(t_two_sided(2.228_138_851_986_273, 10.0), 0.05, 1e-8);
    close(f_sf(2.978_237_016_060_59, 10.0, 10.0), 0.05, 1e-8);
    close(ln_gamma(10.0), (362_880.0f64).ln(), 1e-13);
}
