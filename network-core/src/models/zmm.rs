//! Eight `f64` in one AVX-512 register: the numbers `iaf_cond_exp`'s RKF45 step is
//! computed on where this crate is compiled with AVX-512 (`target-cpu=native` on such a
//! processor). Each operation is the `f64` operation per lane (IEEE, rounded once, no
//! fusing), so a lane's bits are the scalar code's.
//!
//! Written with the processor's intrinsics rather than as loops over lanes: given
//! AVX-512's masks the compiler vectorized `rkf45::evolve_lanes`' loops over a
//! system's three components and gathered each component's lanes (bench/PERF.md,
//! ninth round). Here every value is one register, and 32 registers hold a step's
//! stages without spilling. Division by a model constant goes through the reciprocal
//! ([`super::division`]): the same bits, without waiting on the divider.

// SAFETY (every `unsafe` block below): the module is compiled only where AVX-512F is
// enabled for the whole crate (`models/mod.rs`), the one feature its intrinsics need;
// the loads and stores address eight `f64` of a local array of eight or sixteen.
#![allow(unsafe_code)]

use super::division::{Divisor, RANGE_START_BITS, RANGE_WIDTH_BITS};
use super::lanes::{Real, Vector};
use std::arch::x86_64::*;
use std::ops::{Add, Div, Mul, Neg, Sub};

/// Eight lanes of `f64`.
#[derive(Clone, Copy)]
pub(crate) struct F64x8(__m512d);

/// The bits of `|x|`: all but the sign.
const MAGNITUDE: i64 = i64::MAX;

impl F64x8 {
    /// The lanes where `self < other` (none where either is a NaN).
    #[inline(always)]
    fn less_than(self, other: Self) -> __mmask8 {
        unsafe { _mm512_cmp_pd_mask::<_CMP_LT_OQ>(self.0, other.0) }
    }

    /// The lanes where `|x|` is outside the range in which the reciprocal's way is
    /// the division (zero is inside).
    #[inline(always)]
    fn outside_division_range(self) -> __mmask8 {
        unsafe {
            let bits = _mm512_castpd_si512(self.0);
            let magnitude = _mm512_and_si512(bits, _mm512_set1_epi64(MAGNITUDE));
            let nonzero = _mm512_test_epi64_mask(magnitude, magnitude);
            let offset = _mm512_sub_epi64(magnitude, _mm512_set1_epi64(RANGE_START_BITS as i64));
            _mm512_mask_cmpge_epu64_mask(
                nonzero,
                offset,
                _mm512_set1_epi64(RANGE_WIDTH_BITS as i64),
            )
        }
    }
}

impl Real for F64x8 {
    type Mask = __mmask8;

    #[inline(always)]
    fn splat(x: f64) -> Self {
        unsafe { Self(_mm512_set1_pd(x)) }
    }

    #[inline(always)]
    fn select(mask: __mmask8, if_true: Self, if_false: Self) -> Self {
        unsafe { Self(_mm512_mask_blend_pd(mask, if_false.0, if_true.0)) }
    }

    #[inline(always)]
    fn at_most(self, bound: Self) -> Self {
        Self::select(bound.less_than(self), bound, self)
    }

    #[inline(always)]
    fn abs(self) -> Self {
        unsafe { Self(_mm512_abs_pd(self.0)) }
    }

    #[inline(always)]
    fn greater_or(self, other: Self) -> Self {
        Self::select(other.less_than(self), self, other)
    }

    /// Markstein's quotient (`division.rs`), the division instruction for the lanes
    /// outside its range (rare: a conductance decayed below `2^-900`, an overflow).
    #[inline(always)]
    fn over(self, d: &Divisor) -> Self {
        unsafe {
            let divisor = _mm512_set1_pd(d.value);
            if !d.exact_by_reciprocal {
                return Self(_mm512_div_pd(self.0, divisor));
            }
            let reciprocal = _mm512_set1_pd(d.reciprocal);
            let q = _mm512_mul_pd(self.0, reciprocal);
            let negated_remainder = _mm512_fmsub_pd(q, divisor, self.0);
            let quotient = _mm512_fnmadd_pd(negated_remainder, reciprocal, q);
            let outside = self.outside_division_range();
            if outside == 0 {
                Self(quotient)
            } else {
                Self(_mm512_mask_div_pd(quotient, outside, self.0, divisor))
            }
        }
    }
}

impl Vector<8> for F64x8 {
    #[inline(always)]
    fn from_array(a: [f64; 8]) -> Self {
        Self(unsafe { _mm512_loadu_pd(a.as_ptr()) })
    }

    #[inline(always)]
    fn to_array(self) -> [f64; 8] {
        let mut a = [0.0; 8];
        unsafe { _mm512_storeu_pd(a.as_mut_ptr(), self.0) };
        a
    }
}

macro_rules! lanewise {
    ($($trait:ident $method:ident $intrinsic:ident),*) => {$(
        impl $trait for F64x8 {
            type Output = Self;
            #[inline(always)]
            fn $method(self, other: Self) -> Self {
                Self(unsafe { $intrinsic(self.0, other.0) })
            }
        }
    )*};
}
lanewise!(Add add _mm512_add_pd, Sub sub _mm512_sub_pd, Mul mul _mm512_mul_pd, Div div _mm512_div_pd);

impl Neg for F64x8 {
    type Output = Self;
    /// The sign bit flipped, as `-x` does (not `0 − x`, which keeps `+0.0`).
    #[inline(always)]
    fn neg(self) -> Self {
        unsafe {
            let bits = _mm512_castpd_si512(self.0);
            Self(_mm512_castsi512_pd(_mm512_xor_si512(
                bits,
                _mm512_set1_epi64(i64::MIN),
            )))
        }
    }
}

/// Sixteen lanes in two registers: two independent chains of operations, so that each
/// hides the other's latency (a step of eight lanes waits on its own results: seven
/// evaluations of the right-hand side, each a chain of dependent operations).
#[derive(Clone, Copy)]
pub(crate) struct F64x16(F64x8, F64x8);

impl Real for F64x16 {
    type Mask = u16;

    #[inline(always)]
    fn splat(x: f64) -> Self {
        Self(F64x8::splat(x), F64x8::splat(x))
    }

    #[inline(always)]
    fn select(mask: u16, if_true: Self, if_false: Self) -> Self {
        let [low, high] = mask.to_le_bytes();
        Self(
            F64x8::select(low, if_true.0, if_false.0),
            F64x8::select(high, if_true.1, if_false.1),
        )
    }

    #[inline(always)]
    fn at_most(self, bound: Self) -> Self {
        Self(self.0.at_most(bound.0), self.1.at_most(bound.1))
    }

    #[inline(always)]
    fn abs(self) -> Self {
        Self(self.0.abs(), self.1.abs())
    }

    #[inline(always)]
    fn greater_or(self, other: Self) -> Self {
        Self(self.0.greater_or(other.0), self.1.greater_or(other.1))
    }

    #[inline(always)]
    fn over(self, d: &Divisor) -> Self {
        Self(self.0.over(d), self.1.over(d))
    }
}

impl Vector<16> for F64x16 {
    #[inline(always)]
    fn from_array(a: [f64; 16]) -> Self {
        unsafe {
            Self(
                F64x8(_mm512_loadu_pd(a.as_ptr())),
                F64x8(_mm512_loadu_pd(a.as_ptr().add(8))),
            )
        }
    }

    #[inline(always)]
    fn to_array(self) -> [f64; 16] {
        let mut a = [0.0; 16];
        unsafe {
            _mm512_storeu_pd(a.as_mut_ptr(), self.0 .0);
            _mm512_storeu_pd(a.as_mut_ptr().add(8), self.1 .0);
        }
        a
    }
}

macro_rules! pairwise {
    ($($trait:ident $method:ident),*) => {$(
        impl $trait for F64x16 {
            type Output = Self;
            #[inline(always)]
            fn $method(self, other: Self) -> Self {
                Self(self.0.$method(other.0), self.1.$method(other.1))
            }
        }
    )*};
}
pairwise!(Add add, Sub sub, Mul mul, Div div);

impl Neg for F64x16 {
    type Output = Self;
    #[inline(always)]
    fn neg(self) -> Self {
        Self(-self.0, -self.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lanes(a: [f64; 8]) -> F64x8 {
        F64x8::from_array(a)
    }

    #[test]
    fn each_lane_is_the_scalar_operation() {
        let a = [
            1.0,
            -0.0,
            3.5e-300,
            f64::INFINITY,
            -7.25,
            0.0,
            f64::NAN,
            1e300,
        ];
        let b = [3.0, 0.5, 7.0e10, -2.0, -7.25, -0.0, 2.0, f64::NAN];
        let same = |x: f64, y: f64| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan());
        for l in 0..8 {
            let (x, y) = (a[l], b[l]);
            let (va, vb) = (lanes(a), lanes(b));
            assert!(same((va + vb).to_array()[l], x + y));
            assert!(same((va - vb).to_array()[l], x - y));
            assert!(same((va * vb).to_array()[l], x * y));
            assert!(same((va / vb).to_array()[l], x / y));
            assert!(same((-va).to_array()[l], -x));
            assert!(same(va.abs().to_array()[l], x.abs()));
            assert!(same(va.at_most(vb).to_array()[l], x.at_most(y)));
            assert!(same(va.greater_or(vb).to_array()[l], x.greater_or(y)));
            let mask = 0b1010_0110u8;
            let chosen = F64x8::select(mask, va, vb).to_array()[l];
            assert!(same(chosen, f64::select(mask >> l & 1 == 1, x, y)));
        }
        assert_eq!(F64x8::splat(2.5).to_array(), [2.5; 8]);
    }

    #[test]
    fn sixteen_lanes_keep_their_order() {
        // Lanes 8..16 live in the second register and take the mask's high byte.
        let a: [f64; 16] = std::array::from_fn(|l| l as f64 - 7.5);
        let b: [f64; 16] = std::array::from_fn(|l| 100.0 + l as f64);
        let (va, vb) = (F64x16::from_array(a), F64x16::from_array(b));
        assert_eq!(va.to_array(), a);
        let mask = 0b1000_0001_0110_0010u16;
        let chosen = F64x16::select(mask, va, vb).to_array();
        let sum = (va + vb).to_array();
        let bounded = va.at_most(F64x16::splat(0.0)).to_array();
        for l in 0..16 {
            assert_eq!(
                chosen[l],
                if mask >> l & 1 == 1 { a[l] } else { b[l] },
                "{l}"
            );
            assert_eq!(sum[l], a[l] + b[l]);
            assert_eq!(bounded[l], a[l].at_most(0.0));
        }
    }

    #[test]
    fn quotients_are_the_division_s_bits_in_and_out_of_range() {
        // The oracle is the scalar division instruction, in range (`division::tests`'
        // cases) and outside it (subnormal, tiny, huge, infinite and NaN dividends,
        // each beside in-range lanes).
        let (divisors, mut dividends) = super::super::division::tests::cases();
        dividends.extend([
            5e-324,
            -2.2e-308,
            1e-290,
            3e-280,
            1e275,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            0.0,
            -0.0,
        ]);
        let extra = [
            Divisor::new(0.0),
            Divisor::new(1e300),
            Divisor::new(-4e-200),
            Divisor::new(-5.0),
            Divisor::new(f64::INFINITY),
        ];
        for d in divisors.iter().chain(&extra) {
            for chunk in dividends.chunks(8) {
                let mut x = [1.0; 8];
                x[..chunk.len()].copy_from_slice(chunk);
                let q = lanes(x).over(d).to_array();
                for l in 0..8 {
                    let expected = x[l] / d.value;
                    let same = q[l].to_bits() == expected.to_bits();
                    assert!(
                        same || (q[l].is_nan() && expected.is_nan()),
                        "{:e}/{:e}",
                        x[l],
                        d.value
                    );
                }
            }
        }
    }
}
