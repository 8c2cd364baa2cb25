//! NEST's `grid` mask (`nestkernel/grid_mask.h`): a rectangle of grid cells, which the
//! grid layer it is applied to turns into a rectangle in mm in NEST's arithmetic
//! (`MaskedLayer::check_mask_`), so that connection sets are NEST's.

use crate::error::{Error, Result};
use crate::mask::{Mask, MaskShape};

impl Mask {
    /// The checks of a grid mask of `shape` cells: at least one cell per axis, and an
    /// anchor of whole cells in x and y.
    pub(crate) fn validate_grid(&self, entity: &str, shape: &[u64; 2]) -> Result<()> {
        if shape.iter().any(|n| *n == 0 || *n > i32::MAX as u64) {
            return Err(Error::invalid(
                entity,
                "mask.shape",
                shape,
                "a grid mask covers at least 1 cell per axis (NEST connects nothing with 0)",
            ));
        }
        let a = self.anchor();
        let whole = |x: f64| x.fract() == 0.0 && x.abs() <= i32::MAX as f64;
        if !whole(a[0]) || !whole(a[1]) || a[2] != 0.0 {
            return Err(Error::invalid(
                entity,
                "mask.anchor",
                a,
                "a grid mask's anchor is [column, row] in whole grid cells",
            ));
        }
        Ok(())
    }

    /// This mask on a grid layer of `grid = [columns, rows]` nodes spanning `extent`
    /// mm, periodic when `edge_wrap`: for a [grid mask](MaskShape::Grid), the rectangle
    /// NEST makes of it (cells `-anchor .. shape - anchor`, each cell `extent / grid` mm,
    /// the node's own cell centred on it, rows counted downwards), in NEST's operation
    /// order; any other mask unchanged. Errors as NEST's: a layer that is not a 2D grid
    /// (`grid` is `None` or 3D), and on a periodic layer a mask of more cells than the
    /// layer has (a mask exactly as large is accepted). `entity` names the projection or
    /// device.
    pub fn on_grid(
        &self,
        entity: &str,
        grid: Option<&[usize]>,
        extent: &[f64],
        edge_wrap: bool,
    ) -> Result<Mask> {
        let MaskShape::Grid { shape } = self.shape() else {
            return Ok(self.clone());
        };
        self.validate_grid(entity, shape)?;
        let dims =
            match grid {
                Some(g) if g.len() == 2 && extent.len() >= 2 => [g[0], g[1]],
                Some(g) => {
                    return Err(Error::invalid(
                        entity,
                        "mask",
                        self.shape(),
                        format!(
                        "mask is incompatible with layer: the grid mask is 2D (NEST 3.10 has no \
                         3D grid mask), the layer a {}D grid; use a box mask",
                        g.len()
                    ),
                    ))
                }
                None => return Err(Error::invalid(
                    entity,
                    "mask",
                    self.shape(),
                    "grid masks can only be used with grid layers (this layer has free positions)",
                )),
            };
        for i in 0..2 {
            if edge_wrap && shape[i] > dims[i] as u64 {
                return Err(Error::invalid(
                    entity,
                    "mask.shape",
                    shape,
                    format!(
                        "mask size must not exceed layer size with edge_wrap: {} cells in \
                         dimension {i}, the layer has {}",
                        shape[i], dims[i]
                    ),
                ));
            }
        }
        let a = self.anchor();
        // NEST: upper_left = -anchor, lower_right = shape - anchor (cells), then
        // ll = ext/dims * upper_left - ext/dims * 0.5 (likewise ur), y mirrored.
        let mut ll = [0.0; 2];
        let mut ur = [0.0; 2];
        for i in 0..2 {
            let cell = extent[i] / dims[i] as f64;
            let (ul, lr) = (-(a[i] as i64), shape[i] as i64 - a[i] as i64);
            ll[i] = cell * ul as f64 - cell * 0.5;
            ur[i] = cell * lr as f64 - cell * 0.5;
        }
        let y = ll[1];
        ll[1] = -ur[1];
        ur[1] = -y;
        Ok(Mask::rectangle(ll, ur))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grid_mask_is_nests_rectangle_of_cells() {
        // 5 x 4 nodes on 1 x 1 mm: cells 0.2 x 0.25 mm. Shape [3, 2] from the node's
        // cell: x from -0.1 to 0.5, y from -0.375 down to 0.125 (hand computed).
        let corners = |m: Mask| match m.shape() {
            MaskShape::Rectangle {
                lower_left,
                upper_right,
                ..
            } => [lower_left[0], lower_left[1], upper_right[0], upper_right[1]],
            other => panic!("{other:?}"),
        };
        let near = |a: [f64; 4], b: [f64; 4]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-12);
        let m = Mask::grid([3, 2]);
        let r = m.on_grid("c", Some(&[5, 4]), &[1.0, 1.0], false).unwrap();
        assert!(near(corners(r), [-0.1, -0.375, 0.5, 0.125]));
        // Anchor [1, 1]: one cell left and one up.
        let r = m
            .with_anchor([1.0, 1.0, 0.0])
            .on_grid("c", Some(&[5, 4]), &[1.0, 1.0], false)
            .unwrap();
        assert!(near(corners(r), [-0.3, -0.125, 0.3, 0.375]));
    }

    #[test]
    fn a_grid_mask_needs_a_2d_grid_layer_and_fits_a_periodic_one() {
        let m = Mask::grid([3, 3]);
        let free = m.on_grid("c", None, &[1.0, 1.0], false).unwrap_err();
        assert!(
            free.to_string().contains("only be used with grid layers"),
            "{free}"
        );
        let cube = m
            .on_grid("c", Some(&[3, 3, 3]), &[1.0; 3], false)
            .unwrap_err();
        assert!(cube.to_string().contains("incompatible"), "{cube}");
        let wide = Mask::grid([6, 3]).on_grid("c", Some(&[5, 4]), &[1.0, 1.0], true);
        assert!(wide
            .unwrap_err()
            .to_string()
            .contains("6 cells in dimension 0"));
        assert!(Mask::grid([5, 4])
            .on_grid("c", Some(&[5, 4]), &[1.0, 1.0], true)
            .is_ok());
        assert!(Mask::grid([6, 3])
            .on_grid("c", Some(&[5, 4]), &[1.0, 1.0], false)
            .is_ok());
        assert!(Mask::grid([0, 3]).validate("c").is_err());
        assert!(Mask::grid([2, 3])
            .with_anchor([0.5, 0.0, 0.0])
            .validate("c")
            .is_err());
    }
}
