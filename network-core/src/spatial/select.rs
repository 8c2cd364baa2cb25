//! Checking a mask against a layer, and selecting the neurons inside a mask placed at a
//! point (devices: "the l23pyr neurons within 0.5 mm of the origin").

use super::{Mask, Point, Space, SpatialIndex};
use crate::error::{Error, Result};

/// Checks that `mask` is valid and fits `space`: a 2D mask needs a 2D layer and a 3D
/// mask a 3D layer (a doughnut fits both), a 2D layer takes no z anchor, and with
/// `edge_wrap` the mask may not be wider than the layer, its width measured on NEST's
/// own bounding box so that a mask exactly as wide as the layer is accepted, as NEST
/// accepts it (NEST's `allow_oversized_mask` is not offered). `entity` names the
/// projection or device.
pub fn check_compatible(entity: &str, mask: &Mask, space: &Space) -> Result<()> {
    mask.validate(entity)?;
    if let Some(d) = mask.dims() {
        if d != space.dims() {
            return Err(Error::invalid(
                entity,
                "mask",
                mask.shape(),
                format!(
                    "mask is incompatible with layer: a {d}D mask on a {}D layer; use a {}D mask",
                    space.dims(),
                    space.dims()
                ),
            ));
        }
    }
    if space.dims() == 2 && mask.anchor()[2] != 0.0 {
        return Err(Error::invalid(
            entity,
            "mask.anchor",
            &mask.anchor()[..],
            "a 2D layer takes a 2D anchor (z = 0)",
        ));
    }
    if space.edge_wrap() {
        mask.check_periodic_fit(entity, &space.extent().to_array()[..space.dims()])?;
    }
    Ok(())
}

/// The sorted indices of the neurons of `space` whose displacement from `center` (mm),
/// `pos − center`, the mask accepts (any periodic image counts once). Call
/// [`check_compatible`] first.
pub fn select(space: &Space, mask: &Mask, center: &Point) -> Vec<u32> {
    let mut out = Vec::new();
    SpatialIndex::new(space, f64::INFINITY).query(center, mask, &mut out);
    out
}
