//! Population sizes known at compile time or at run time, and the state arrays they size.
//!
//! Like nalgebra's `Const`/`Dyn` dimensions: a population of [`Const<N>`] neurons keeps
//! its state in boxed arrays ([`BoxedArray`], a `Box<[T; N]>`), a population of [`Dyn`] size in boxed slices.
//! The update code sees slices in both cases, so there is one code path.

use std::fmt::Debug;
use std::ops::{Deref, DerefMut};

/// A boxed array of `N` elements, seen as a slice.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxedArray<T, const N: usize>(pub Box<[T; N]>);

impl<T, const N: usize> Deref for BoxedArray<T, N> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.0[..]
    }
}

impl<T, const N: usize> DerefMut for BoxedArray<T, N> {
    fn deref_mut(&mut self) -> &mut [T] {
        &mut self.0[..]
    }
}

/// A population size: [`Const<N>`] (known to rustc) or [`Dyn`] (known at run time).
pub trait Length: Copy + Debug + Send + Sync + 'static {
    /// A boxed array of this length.
    type Array<T: Copy + Send + Sync + Debug + 'static>: Deref<Target = [T]>
        + DerefMut
        + Send
        + Sync
        + Debug;

    /// The number of neurons.
    fn value(&self) -> usize;

    /// An array of this length filled with `fill`.
    fn filled<T: Copy + Send + Sync + Debug + 'static>(&self, fill: T) -> Self::Array<T>;
}

/// A size known at compile time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Const<const N: usize>;

impl<const N: usize> Const<N> {
    /// The size, usable in constant expressions.
    pub const LEN: usize = N;
}

/// A size known only at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dyn(pub usize);

impl<const N: usize> Length for Const<N> {
    type Array<T: Copy + Send + Sync + Debug + 'static> = BoxedArray<T, N>;

    fn value(&self) -> usize {
        N
    }

    fn filled<T: Copy + Send + Sync + Debug + 'static>(&self, fill: T) -> BoxedArray<T, N> {
        let slice = vec![fill; N].into_boxed_slice();
        match slice.try_into() {
            Ok(array) => BoxedArray(array),
            Err(_) => unreachable!("a vector of N elements converts to [T; N]"),
        }
    }
}

impl Length for Dyn {
    type Array<T: Copy + Send + Sync + Debug + 'static> = Box<[T]>;

    fn value(&self) -> usize {
        self.0
    }

    fn filled<T: Copy + Send + Sync + Debug + 'static>(&self, fill: T) -> Box<[T]> {
        vec![fill; self.0].into_boxed_slice()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_lengths_give_slices() {
        let a = Const::<5>.filled(1.5f64);
        let b = Dyn(5).filled(1.5f64);
        assert_eq!(&a[..], &b[..]);
        assert_eq!(Const::<5>::LEN, 5);
    }
}
