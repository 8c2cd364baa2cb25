//! Positions and displacements in 3D space (mm): two small value types with the
//! arithmetic the spatial code uses, component by component, each component rounded as
//! scalar code. The Euclidean norm sums x², y² and z² from left to right, as the
//! nalgebra 3-vectors these types replace did, so distances, masks and kernels are
//! bit-identical (nalgebra and its dependencies took about 180 unit-seconds of a cold
//! release build for these two types).

use std::fmt;
use std::ops::{Add, Deref, DerefMut, Div, Index, IndexMut, Mul, Neg, Sub};

/// A displacement between two [`Point`]s (mm), e.g. from a mask's centre to a neuron;
/// 2D layers have z = 0.
#[derive(Clone, Copy, PartialEq, Default)]
pub struct Displacement {
    /// Along x, mm.
    pub x: f64,
    /// Along y, mm.
    pub y: f64,
    /// Along z, mm.
    pub z: f64,
}

/// A position in mm; 2D layers have z = 0. Its coordinates are the displacement from
/// the origin ([`Point::coords`]), readable through it (`p.x`, `p[1]`).
#[derive(Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// The displacement from the origin, mm.
    pub coords: Displacement,
}

impl Displacement {
    /// The displacement `(x, y, z)`, mm.
    #[inline]
    pub const fn new(x: f64, y: f64, z: f64) -> Self {
        Self { x, y, z }
    }

    /// No displacement.
    #[inline]
    pub const fn zeros() -> Self {
        Self::repeat(0.0)
    }

    /// `v` along every axis, mm.
    #[inline]
    pub const fn repeat(v: f64) -> Self {
        Self::new(v, v, v)
    }

    /// The components `[x, y, z]`, mm.
    #[inline]
    pub const fn to_array(self) -> [f64; 3] {
        [self.x, self.y, self.z]
    }

    /// The components x, y, z in order, mm.
    #[inline]
    pub fn iter(&self) -> std::array::IntoIter<f64, 3> {
        self.to_array().into_iter()
    }

    /// `f` of each component.
    #[inline]
    pub fn map(self, f: impl Fn(f64) -> f64) -> Self {
        Self::new(f(self.x), f(self.y), f(self.z))
    }

    /// `f` of each pair of components of `self` and `other`.
    #[inline]
    pub fn zip_map(&self, other: &Self, f: impl Fn(f64, f64) -> f64) -> Self {
        Self::new(f(self.x, other.x), f(self.y, other.y), f(self.z, other.z))
    }

    /// The squared Euclidean length, mm²: `x·x + y·y + z·z`, summed left to right.
    #[inline]
    pub fn norm_squared(&self) -> f64 {
        self.x * self.x + self.y * self.y + self.z * self.z
    }

    /// The Euclidean length, mm: the square root of [`Self::norm_squared`].
    #[inline]
    pub fn norm(&self) -> f64 {
        self.norm_squared().sqrt()
    }
}

impl Point {
    /// The point `(x, y, z)`, mm.
    #[inline]
    pub const fn new(x: f64, y: f64, z: f64) -> Self {
        Self {
            coords: Displacement::new(x, y, z),
        }
    }

    /// The origin.
    #[inline]
    pub const fn origin() -> Self {
        Self::new(0.0, 0.0, 0.0)
    }
}

impl From<[f64; 3]> for Displacement {
    #[inline]
    fn from([x, y, z]: [f64; 3]) -> Self {
        Self::new(x, y, z)
    }
}

impl From<Displacement> for [f64; 3] {
    #[inline]
    fn from(d: Displacement) -> Self {
        d.to_array()
    }
}

impl From<Displacement> for Point {
    #[inline]
    fn from(coords: Displacement) -> Self {
        Self { coords }
    }
}

impl From<[f64; 3]> for Point {
    #[inline]
    fn from(xyz: [f64; 3]) -> Self {
        Self::from(Displacement::from(xyz))
    }
}

impl Deref for Point {
    type Target = Displacement;
    #[inline]
    fn deref(&self) -> &Displacement {
        &self.coords
    }
}

impl DerefMut for Point {
    #[inline]
    fn deref_mut(&mut self) -> &mut Displacement {
        &mut self.coords
    }
}

impl Index<usize> for Displacement {
    type Output = f64;
    /// Component `i` (0: x, 1: y, 2: z); panics on `i > 2`, as an array does.
    #[inline]
    fn index(&self, i: usize) -> &f64 {
        match i {
            0 => &self.x,
            1 => &self.y,
            2 => &self.z,
            _ => panic!("index {i} out of range for a 3D displacement"),
        }
    }
}

impl IndexMut<usize> for Displacement {
    #[inline]
    fn index_mut(&mut self, i: usize) -> &mut f64 {
        match i {
            0 => &mut self.x,
            1 => &mut self.y,
            2 => &mut self.z,
            _ => panic!("index {i} out of range for a 3D displacement"),
        }
    }
}

impl Index<usize> for Point {
    type Output = f64;
    #[inline]
    fn index(&self, i: usize) -> &f64 {
        &self.coords[i]
    }
}

impl IndexMut<usize> for Point {
    #[inline]
    fn index_mut(&mut self, i: usize) -> &mut f64 {
        &mut self.coords[i]
    }
}

/// `impl Op<Rhs> for Lhs` by value and by reference, component by component.
macro_rules! componentwise {
    ($Op:ident, $op:ident, $Lhs:ty, $Rhs:ty, $Out:ty, |$a:ident, $b:ident| $body:expr) => {
        impl $Op<$Rhs> for $Lhs {
            type Output = $Out;
            #[inline]
            fn $op(self, rhs: $Rhs) -> $Out {
                let ($a, $b) = (self, rhs);
                $body
            }
        }
        impl $Op<&$Rhs> for $Lhs {
            type Output = $Out;
            #[inline]
            fn $op(self, rhs: &$Rhs) -> $Out {
                let ($a, $b) = (self, *rhs);
                $body
            }
        }
        impl $Op<$Rhs> for &$Lhs {
            type Output = $Out;
            #[inline]
            fn $op(self, rhs: $Rhs) -> $Out {
                let ($a, $b) = (*self, rhs);
                $body
            }
        }
        impl $Op<&$Rhs> for &$Lhs {
            type Output = $Out;
            #[inline]
            fn $op(self, rhs: &$Rhs) -> $Out {
                let ($a, $b) = (*self, *rhs);
                $body
            }
        }
    };
}

componentwise!(
    Add,
    add,
    Displacement,
    Displacement,
    Displacement,
    |a, b| a.zip_map(&b, |p, q| p + q)
);
componentwise!(
    Sub,
    sub,
    Displacement,
    Displacement,
    Displacement,
    |a, b| a.zip_map(&b, |p, q| p - q)
);
componentwise!(Mul, mul, Displacement, f64, Displacement, |a, s| a
    .map(|p| p * s));
componentwise!(Div, div, Displacement, f64, Displacement, |a, s| a
    .map(|p| p / s));
componentwise!(Sub, sub, Point, Point, Displacement, |a, b| a.coords
    - b.coords);
componentwise!(Add, add, Point, Displacement, Point, |a, d| Point::from(
    a.coords + d
));
componentwise!(Sub, sub, Point, Displacement, Point, |a, d| Point::from(
    a.coords - d
));

impl Neg for Displacement {
    type Output = Displacement;
    #[inline]
    fn neg(self) -> Displacement {
        self.map(|p| -p)
    }
}

impl Neg for &Displacement {
    type Output = Displacement;
    #[inline]
    fn neg(self) -> Displacement {
        -*self
    }
}

/// `[x, y, z]`, as error messages show coordinates.
impl fmt::Debug for Displacement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.to_array().fmt(f)
    }
}

/// `[x, y, z]`, as error messages show coordinates.
impl fmt::Debug for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.coords.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_norm_sums_squares_left_to_right() {
        // (1.1² + 0.3²) + 0.7² = 1.7900000000000003, 1.1² + (0.3² + 0.7²) = 1.79.
        let d = Displacement::new(1.1, 0.3, 0.7);
        assert_eq!(d.norm(), 1.7900000000000003f64.sqrt());
        assert_ne!(d.norm(), 1.79f64.sqrt());
        assert_eq!(Displacement::new(3.0, 4.0, 12.0).norm(), 13.0);
    }

    #[test]
    fn arithmetic_is_per_component() {
        let (a, b) = (Point::new(1.0, 2.0, 3.0), Point::new(0.5, -1.0, 3.0));
        assert_eq!(a - b, Displacement::new(0.5, 3.0, 0.0));
        assert_eq!(b + (a - b), a);
        assert_eq!(
            (a.coords + b.coords) * 0.5,
            Displacement::new(0.75, 0.5, 3.0)
        );
        assert_eq!(a.coords / 2.0, Displacement::new(0.5, 1.0, 1.5));
        assert_eq!(-a.coords, Displacement::new(-1.0, -2.0, -3.0));
        assert_eq!((a.x, a[1], a.iter().sum::<f64>()), (1.0, 2.0, 6.0));
        assert_eq!(
            format!("{a:?} {:?}", a - b),
            "[1.0, 2.0, 3.0] [0.5, 3.0, 0.0]"
        );
    }
}
