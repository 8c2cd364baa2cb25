//! Division by a model constant (`C_m`, a time constant), exactly and without the
//! divider: the quotient `x / d` rounded once, as the division instruction rounds it,
//! from the reciprocal `1 / d` and one correction with fused multiply-adds
//! (Markstein's theorem: with the correctly rounded reciprocal `y`, `q = x·y` and the
//! remainder `r = x − q·d`, which a fused multiply-add computes exactly, `q + r·y`
//! rounded once is the correctly rounded quotient).
//!
//! The theorem holds where no intermediate underflows or overflows: for divisors within
//! `[2^-60, 2^60]` ([`Divisor::exact_by_reciprocal`]) and dividends that are zero or within
//! `[2^-900, 2^900)` ([`dividend_in_range`]). Vector code that divides this way
//! (`zmm::F64x8`) divides with the instruction wherever a lane is outside.
//!
//! Why: NEST's `iaf_cond_exp` divides by `C_m` and by the synaptic time constants in
//! every evaluation of its right-hand side, 21 divisions per step of a neuron. The
//! divider takes a division of eight lanes every 16 cycles, so COBA waited on it; three
//! pipelined multiply-adds take a fraction of that, with the same bits.

/// A divisor with its reciprocal, computed once where the model's constants are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Divisor {
    /// The divisor `d`.
    pub(crate) value: f64,
    /// `1 / d`, correctly rounded.
    pub(crate) reciprocal: f64,
    /// Whether [`Divisor::quotient`]'s way is the division for every dividend in range:
    /// `d` lies within `[2^-60, 2^60]` (so it is positive, finite and not zero; the
    /// models' divisors, capacitances and time constants, are validated positive).
    pub(crate) exact_by_reciprocal: bool,
}

/// Below this a nonzero dividend's remainder could be subnormal (`2^-900`).
const SMALLEST_DIVIDEND: f64 = f64::from_bits((1023 - 900) << 52);
/// From this on a dividend's quotient could overflow (`2^900`).
const LARGEST_DIVIDEND: f64 = f64::from_bits((1023 + 900) << 52);
/// A divisor must lie within `2^±60` for the reciprocal's way (positive: with a negative
/// one a zero dividend's quotient would lose its sign).
const DIVISOR_RANGE: (f64, f64) = (
    f64::from_bits((1023 - 60) << 52),
    f64::from_bits((1023 + 60) << 52),
);

impl Divisor {
    /// `d` and its reciprocal.
    pub(crate) fn new(value: f64) -> Self {
        Self {
            value,
            reciprocal: 1.0 / value,
            exact_by_reciprocal: (DIVISOR_RANGE.0..=DIVISOR_RANGE.1).contains(&value),
        }
    }

    /// `x / d` by the reciprocal and one fused correction: the division's bits for every
    /// `x` for which [`dividend_in_range`] holds, if `exact_by_reciprocal`.
    /// The remainder is negated (`q·d − x`) so that a zero dividend keeps its sign.
    #[cfg(test)]
    pub(crate) fn quotient(&self, x: f64) -> f64 {
        let q = x * self.reciprocal;
        let negated_remainder = q.mul_add(self.value, -x);
        (-negated_remainder).mul_add(self.reciprocal, q)
    }
}

/// The bit patterns of the dividends' range, as vector code compares them: `|x|`'s bits
/// minus [`RANGE_START_BITS`] are below [`RANGE_WIDTH_BITS`] exactly in range (unsigned,
/// wrapping, so zero, NaN and the infinities fall outside and are told apart by a test).
pub(crate) const RANGE_START_BITS: u64 = SMALLEST_DIVIDEND.to_bits();
pub(crate) const RANGE_WIDTH_BITS: u64 = LARGEST_DIVIDEND.to_bits() - SMALLEST_DIVIDEND.to_bits();

/// Whether the reciprocal's way gives the division's bits for dividend `x`: zero, or a
/// magnitude within `[2^-900, 2^900)`.
#[cfg(test)]
pub(crate) fn dividend_in_range(x: f64) -> bool {
    let magnitude = x.abs().to_bits();
    magnitude == 0 || magnitude.wrapping_sub(RANGE_START_BITS) < RANGE_WIDTH_BITS
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// xorshift64: the test's own stream of bits.
    struct Bits(u64);
    impl Bits {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    fn float(sign: bool, exponent: i64, mantissa: u64) -> f64 {
        let bits = ((1023 + exponent) as u64) << 52 | (mantissa & ((1 << 52) - 1));
        f64::from_bits(bits) * if sign { -1.0 } else { 1.0 }
    }

    /// Divisors (the constants of the models that divide this way, and mantissas at the
    /// edges: all ones, one bit, random) and dividends (edge and random mantissas across
    /// the range, both signs) for checks against the division instruction.
    pub(crate) fn cases() -> (Vec<Divisor>, Vec<f64>) {
        let mut bits = Bits(0x9e37_79b9_7f4a_7c15);
        let mut mantissas: Vec<u64> = (0..64).flat_map(|k| [k, (1 << 52) - 1 - k]).collect();
        mantissas.extend((0..52).flat_map(|a| [1 << a, ((1 << 52) - 1) ^ (1 << a)]));
        mantissas.extend((0..200).map(|_| bits.next() >> 12));
        let mut divisors = vec![200.0, 250.0, 5.0, 10.0, 2.0, 0.2, 1e-3, 3.0, 0.7];
        for &m in mantissas.iter().step_by(3) {
            for e in [-60, -7, 0, 1, 13, 59] {
                divisors.push(float(false, e, m));
            }
        }
        let mut dividends = vec![];
        for &m in &mantissas {
            for e in [-900, -899, -500, -3, 0, 1, 7, 300, 899] {
                dividends.push(float(false, e, m));
                dividends.push(float(true, e, m));
            }
        }
        (divisors.into_iter().map(Divisor::new).collect(), dividends)
    }

    #[test]
    fn quotients_are_the_division_s_bits() {
        // The oracle is the division instruction.
        let (divisors, dividends) = cases();
        let mut checked = 0u64;
        for d in divisors {
            assert!(d.exact_by_reciprocal, "{d:?}");
            for &x in &dividends {
                assert!(dividend_in_range(x));
                let (fast, slow) = (d.quotient(x), x / d.value);
                assert_eq!(fast.to_bits(), slow.to_bits(), "{x:e} / {:e}", d.value);
                checked += 1;
            }
        }
        assert!(checked > 5_000_000, "{checked}");
        // A zero dividend keeps its sign.
        for d in [Divisor::new(200.0), Divisor::new(0.7)] {
            for x in [0.0, -0.0] {
                assert_eq!(d.quotient(x).to_bits(), (x / d.value).to_bits());
            }
        }
    }

    #[test]
    fn the_range_excludes_what_the_theorem_does_not_cover() {
        let smallest = f64::from_bits((1023 - 900) << 52);
        let largest = f64::from_bits((1023 + 900) << 52);
        for x in [
            0.0,
            -0.0,
            smallest,
            -smallest,
            1.0,
            -3.5e200,
            largest.next_down(),
        ] {
            assert!(dividend_in_range(x), "{x:e}");
        }
        let outside = [
            smallest.next_down(),
            -smallest.next_down(),
            f64::MIN_POSITIVE,
            5e-324,
            largest,
            -largest,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        for x in outside {
            assert!(!dividend_in_range(x), "{x:e}");
        }
        // Where the theorem's conditions fail the reciprocal's way can differ: a
        // remainder below the normal range (found by search).
        let d = Divisor::new(0.7);
        let x = f64::from_bits(0x0038_0000_0000_0000);
        assert_ne!(d.quotient(x).to_bits(), (x / 0.7).to_bits());
        assert!(!dividend_in_range(x));
        // Negative divisors divide by the instruction: `+0 / −d` would come out `+0`.
        for d in [0.0, f64::INFINITY, f64::NAN, 1e30, 1e-30, -5.0, -200.0] {
            assert!(!Divisor::new(d).exact_by_reciprocal, "{d:e}");
        }
    }
}
