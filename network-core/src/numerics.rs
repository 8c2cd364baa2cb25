//! Numerical helpers that must match NEST 3.10's build bit for bit.

/// `exp(x) − 1` exactly as NEST 3.10's PyPI build computes it.
///
/// That build lacks `HAVE_EXPM1`, so NEST's `numerics::expm1` is a Taylor series for
/// `|x| <= ln 2` and `exp(x) − 1` beyond. Using libm's `expm1` instead leaves about 2 %
/// of voltage samples one ulp away from NEST's.
pub fn expm1(x: f64) -> f64 {
    if x == 0.0 {
        return 0.0;
    }
    if x.abs() > std::f64::consts::LN_2 {
        return x.exp() - 1.0;
    }
    let mut sum = x;
    let mut term = x * x / 2.0;
    let mut n = 2.0;
    while term.abs() > sum.abs() * f64::EPSILON {
        sum += term;
        n += 1.0;
        term *= x / n;
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_to_libm() {
        for &x in &[-1e-3, -0.01, -0.1, 0.3, -0.69, 0.7, -2.0, 1e-12] {
            let a = expm1(x);
            let b = x.exp_m1();
            assert!(
                (a - b).abs() <= 4.0 * f64::EPSILON * b.abs(),
                "{x}: {a} vs {b}"
            );
        }
        assert_eq!(expm1(0.0), 0.0);
    }
}
