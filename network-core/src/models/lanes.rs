//! `L` numbers side by side, each rounded as a lone `f64`: the type a system's equations
//! are evaluated on for several neurons at once (`rkf45::evolve_lanes`). Every operation
//! is the `f64` operation per lane, so a lane's result is bit-identical to the scalar
//! code's, and the compiler may use vector instructions for the whole.

use super::division::Divisor;
use std::ops::{Add, Div, Mul, Neg, Sub};

/// Numbers an integration step is computed on: `f64`, or [`Lanes`] of them.
pub trait Real:
    Copy
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
{
    /// A condition per lane (`bool` for one number).
    type Mask: Copy;

    /// `x` in every lane.
    fn splat(x: f64) -> Self;

    /// Per lane `if_true` where `mask` holds, else `if_false`.
    fn select(mask: Self::Mask, if_true: Self, if_false: Self) -> Self;

    /// Per lane `bound` where it is less than `self`, else `self`: C++'s
    /// `std::min(self, bound)`, as NEST writes a bound (a NaN in `self` stays).
    fn at_most(self, bound: Self) -> Self;

    /// `self / d` per lane, rounded as the division rounds it.
    #[inline(always)]
    fn over(self, d: &Divisor) -> Self {
        self / Self::splat(d.value)
    }

    /// `|x|` per lane.
    fn abs(self) -> Self;

    /// Per lane `self` where it is greater than `other`, else `other` (so a NaN in
    /// `self` never wins: GSL's `GSL_MAX_DBL(r, rmax)` with `r` first).
    fn greater_or(self, other: Self) -> Self;
}

impl Real for f64 {
    type Mask = bool;

    #[inline(always)]
    fn splat(x: f64) -> Self {
        x
    }

    #[inline(always)]
    fn select(mask: bool, if_true: Self, if_false: Self) -> Self {
        if mask {
            if_true
        } else {
            if_false
        }
    }

    #[inline(always)]
    fn greater_or(self, other: Self) -> Self {
        if self > other {
            self
        } else {
            other
        }
    }

    #[inline(always)]
    fn at_most(self, bound: Self) -> Self {
        if bound < self {
            bound
        } else {
            self
        }
    }

    #[inline(always)]
    fn abs(self) -> Self {
        f64::abs(self)
    }
}

/// `L` lanes of `f64` (with AVX-512, `iaf_cond_exp` takes `zmm::F64x16` instead).
#[cfg_attr(zmm, allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lanes<const L: usize>(pub [f64; L]);

#[cfg_attr(zmm, allow(dead_code))]
impl<const L: usize> Lanes<L> {
    /// `f(lane)` in each lane.
    #[inline(always)]
    pub fn from_fn(f: impl FnMut(usize) -> f64) -> Self {
        Self(std::array::from_fn(f))
    }
}

impl<const L: usize> Real for Lanes<L> {
    type Mask = [bool; L];

    #[inline(always)]
    fn splat(x: f64) -> Self {
        Self([x; L])
    }

    #[inline(always)]
    fn select(mask: [bool; L], if_true: Self, if_false: Self) -> Self {
        Self::from_fn(|l| f64::select(mask[l], if_true.0[l], if_false.0[l]))
    }

    #[inline(always)]
    fn at_most(self, bound: Self) -> Self {
        Self::from_fn(|l| self.0[l].at_most(bound.0[l]))
    }

    #[inline(always)]
    fn greater_or(self, other: Self) -> Self {
        Self::from_fn(|l| self.0[l].greater_or(other.0[l]))
    }

    #[inline(always)]
    fn abs(self) -> Self {
        Self::from_fn(|l| self.0[l].abs())
    }
}

/// `L` numbers side by side that convert to and from an array (where a step's state
/// is kept between steps).
pub trait Vector<const L: usize>: Real {
    /// The lanes of `a`, in order.
    fn from_array(a: [f64; L]) -> Self;
    /// The lanes, in order.
    fn to_array(self) -> [f64; L];
}

impl<const L: usize> Vector<L> for Lanes<L> {
    #[inline(always)]
    fn from_array(a: [f64; L]) -> Self {
        Self(a)
    }

    #[inline(always)]
    fn to_array(self) -> [f64; L] {
        self.0
    }
}

macro_rules! lanewise {
    ($($trait:ident $method:ident $op:tt),*) => {$(
        impl<const L: usize> $trait for Lanes<L> {
            type Output = Self;
            #[inline(always)]
            fn $method(self, other: Self) -> Self {
                Self::from_fn(|l| self.0[l] $op other.0[l])
            }
        }
    )*};
}
lanewise!(Add add +, Sub sub -, Mul mul *, Div div /);

impl<const L: usize> Neg for Lanes<L> {
    type Output = Self;
    #[inline(always)]
    fn neg(self) -> Self {
        Self::from_fn(|l| -self.0[l])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_lane_is_the_scalar_operation() {
        // No NaN results: Rust leaves a NaN's sign and payload unspecified.
        let a = Lanes([1.0, -0.0, 3.5e-300, f64::INFINITY]);
        let b = Lanes([3.0, 0.5, 7.0e10, -2.0]);
        for l in 0..4 {
            let (x, y) = (a.0[l], b.0[l]);
            assert_eq!((a + b).0[l].to_bits(), (x + y).to_bits());
            assert_eq!((a - b).0[l].to_bits(), (x - y).to_bits());
            assert_eq!((a * b).0[l].to_bits(), (x * y).to_bits());
            assert_eq!((a / b).0[l].to_bits(), (x / y).to_bits());
            assert_eq!((-a).0[l].to_bits(), (-x).to_bits());
            assert_eq!(a.abs().0[l].to_bits(), x.abs().to_bits());
            assert_eq!(a.at_most(b).0[l].to_bits(), x.min(y).to_bits());
            assert_eq!(a.greater_or(b).0[l].to_bits(), x.max(y).to_bits());
            let mask = [true, false, false, true];
            let chosen = Lanes::select(mask, a, b).0[l];
            assert_eq!(chosen.to_bits(), if mask[l] { x } else { y }.to_bits());
        }
        assert_eq!(Lanes::<3>::splat(2.5), Lanes([2.5; 3]));
        // A NaN never wins, whichever side.
        let nan = Lanes([f64::NAN, 1.0]);
        assert_eq!(nan.greater_or(Lanes([2.0, f64::NAN])).0[0], 2.0);
        assert!(nan.greater_or(Lanes([2.0, f64::NAN])).0[1].is_nan());
        // NEST's `std::min(v, bound)`: the bound where it is less, else `v` (a NaN
        // stays; ties keep `v`, whatever the sign of zero).
        let v = Lanes([f64::NAN, 1.0, -0.0, 0.0]);
        let bound = Lanes([2.0, f64::NAN, 0.0, -0.0]);
        let bounded = v.at_most(bound).0;
        assert!(bounded[0].is_nan());
        assert_eq!(
            bounded.map(f64::to_bits)[1..],
            [1.0f64, -0.0, 0.0].map(f64::to_bits)
        );
    }
}
