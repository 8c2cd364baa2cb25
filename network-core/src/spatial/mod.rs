//! Neurons in space: layouts (NEST's free and grid layers), positions, masks, distance
//! kernels and a spatial index for mask queries. Lengths are in mm, angles in degrees.

mod anchor;
mod grid;
mod index;
mod kernel;
mod layout;
mod mask;
mod point;
mod select;
mod sort;
mod space;
mod stencil;

#[cfg(test)]
mod tests;

pub use index::SpatialIndex;
pub use kernel::Kernel;
pub use layout::{Layout, Place};
pub use mask::{Mask, MaskGeometry, MaskShape};
pub use select::{check_compatible, select};
pub use space::Space;

pub use point::{Displacement, Point};
