//! `L` numbers side by side, each rounded as a lone `f64`: the type a system's equations
//! are evaluated on for several neurons at once (`rkf45::evolve_lanes`). Every operation
//! is the `f64` operation per lane, so a lane's result is bit-identical to the scalar
//! code's, and the compiler may use vector instructions for the whole.

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
    /// `x` in every lane.
    fn splat(x: f64) -> Self;

    /// `|x|` per lane.
    fn abs(self) -> Self;

    /// Per lane `self` where it is greater than `other`, else `other` (so a NaN in
    /// `self` never wins: GSL's `GSL_MAX_DBL(r, rmax)` with `r` first).
    fn greater_or(self, other: Self) -> Self;
}

impl Real for f64 {
    #[inline(always)]
    fn splat(x: f64) -> Self {
        x
    }

    #[inline(always)]
    fn abs(self) -> Self {
        f64::abs(self)
    }

    #[inline(always)]
    fn greater_or(self, other: Self) -> Self {
        if self > other {
            self
        } else {
            other
        }
    }
}

/// `L` lanes of `f64`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lanes<const L: usize>(pub [f64; L]);

impl<const L: usize> Lanes<L> {
    /// `f(lane)` in each lane.
    #[inline(always)]
    pub fn from_fn(f: impl FnMut(usize) -> f64) -> Self {
        Self(std::array::from_fn(f))
    }
}

impl<const L: usize> Real for Lanes<L> {
    #[inline(always)]
    fn splat(x: f64) -> Self {
        Self([x; L])
    }

    #[inline(always)]
    fn abs(self) -> Self {
        Self::from_fn(|l| self.0[l].abs())
    }

    #[inline(always)]
    fn greater_or(self, other: Self) -> Self {
        Self::from_fn(|l| self.0[l].greater_or(other.0[l]))
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
            assert_eq!(a.greater_or(b).0[l].to_bits(), x.max(y).to_bits());
        }
        assert_eq!(Lanes::<3>::splat(2.5), Lanes([2.5; 3]));
        // A NaN never wins, whichever side.
        let nan = Lanes([f64::NAN, 1.0]);
        assert_eq!(nan.greater_or(Lanes([2.0, f64::NAN])).0[0], 2.0);
        assert!(nan.greater_or(Lanes([2.0, f64::NAN])).0[1].is_nan());
    }
}
