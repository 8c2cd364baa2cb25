//! How many synapses a connection specification creates, estimated from the rule, the
//! sizes and the source layer's extent alone, before anything is drawn: the engine's
//! builder reserves memory with it (`network_core::network::resources`), and every
//! front end's memory estimate (`network_syntax::estimate`) counts with it.

use crate::connect::{ConnSpec, Rule};
use crate::kernel::Kernel;

impl ConnSpec {
    /// An upper estimate of the number of synapses this specification creates from
    /// `n_sources` onto `n_targets` neurons (`source_extent`: the source layer's extent
    /// in mm per dimension, where it is spatial; `mask_grid`: the shape in nodes of the
    /// grid layer a grid mask is applied to, [`ConnSpec::mask_on_target`]).
    /// `pairwise_bernoulli` counts the expected number plus six standard deviations (and
    /// 16); a mask scales it by [`ConnSpec::mask_fraction`], a kernel by
    /// [`ConnSpec::kernel_peak`].
    pub fn expected_synapses_between(
        &self,
        n_sources: usize,
        n_targets: usize,
        source_extent: Option<&[f64]>,
        mask_grid: Option<&[usize]>,
    ) -> u64 {
        let (ns, nt) = (n_sources as u64, n_targets as u64);
        let pairs = ns.saturating_mul(nt);
        match self.rule {
            Rule::AllToAll => pairs,
            Rule::OneToOne => nt,
            Rule::FixedIndegree(k) => nt.saturating_mul(k as u64),
            Rule::FixedOutdegree(k) => ns.saturating_mul(k as u64),
            Rule::FixedTotalNumber(n) => n as u64,
            Rule::PairwiseBernoulli(p) => {
                // An invalid p is the rule's own error, reported when it draws.
                let p = if (0.0..=1.0).contains(&p) { p } else { 0.0 };
                let fraction = self.kernel_peak() * self.mask_fraction(source_extent, mask_grid);
                let mean = pairs as f64 * p * fraction;
                let bound = mean + 6.0 * mean.sqrt() + 16.0;
                if bound >= pairs as f64 {
                    pairs
                } else {
                    bound as u64
                }
            }
        }
    }

    /// The largest probability factor the kernel gives (in [0, 1]; 1 without one, for
    /// a density such as `gamma`, and for an expression).
    pub fn kernel_peak(&self) -> f64 {
        let peak = match &self.kernel {
            None => 1.0,
            Some(Kernel::Constant { p }) => *p,
            Some(Kernel::Linear { p0, slope }) if *slope <= 0.0 => *p0,
            Some(Kernel::Linear { .. }) => 1.0,
            Some(Kernel::Exponential { p0, .. })
            | Some(Kernel::Gaussian { p0, .. })
            | Some(Kernel::Gaussian2d { p0, .. })
            | Some(Kernel::Gabor { p0, .. }) => *p0,
            // A density per mm, which may exceed 1: every candidate may connect.
            Some(Kernel::Gamma { .. }) => 1.0,
            Some(Kernel::Expression(_)) => 1.0,
        };
        if peak.is_finite() {
            peak.clamp(0.0, 1.0)
        } else {
            1.0
        }
    }

    /// Whether NEST applies this rule's mask to the target layer (centred on the
    /// source: `pairwise_bernoulli` without `use_on_source`, `fixed_outdegree`) rather
    /// than to the source layer (centred on the target).
    pub fn mask_on_target(&self) -> bool {
        match self.rule {
            Rule::PairwiseBernoulli(_) => !self.use_on_source,
            Rule::FixedOutdegree(_) => true,
            _ => false,
        }
    }

    /// The fraction of a layer the mask covers: for a [grid mask](crate::MaskShape::Grid),
    /// its cells over the cells of the grid layer it is applied to (`grid`, nodes per
    /// dimension; 1 where that is not a 2D grid, which the connection refuses); for any
    /// other mask, the fraction of the source layer's extent (mm per dimension) that its
    /// bounding box ([`Mask::bounding_box`](crate::Mask::bounding_box)) covers. At most
    /// 1, and 1 without a mask, without an extent, or along a dimension of no volume.
    pub fn mask_fraction(&self, extent: Option<&[f64]>, grid: Option<&[usize]>) -> f64 {
        if let Some(shape) = self.mask.as_ref().and_then(|m| m.grid_shape()) {
            return match grid {
                Some(&[columns, rows]) if columns > 0 && rows > 0 => {
                    let (columns, rows) = (columns as u64, rows as u64);
                    let covered = shape[0].min(columns) * shape[1].min(rows);
                    covered as f64 / (columns * rows) as f64
                }
                _ => 1.0,
            };
        }
        let (Some(mask), Some(extent)) = (self.mask.as_ref(), extent) else {
            return 1.0;
        };
        let (lo, hi) = mask.bounding_box();
        let mut fraction = 1.0;
        for (d, &side_of_layer) in extent.iter().enumerate().take(3) {
            let side = hi[d] - lo[d];
            if side_of_layer > 0.0 && side.is_finite() {
                fraction *= (side / side_of_layer).clamp(0.0, 1.0);
            }
        }
        if fraction.is_finite() {
            fraction
        } else {
            1.0
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{ConnSpec, Kernel, Mask, Rule};

    #[test]
    fn counts_follow_the_rules() {
        // Hand counts: 10 x 20 pairs.
        let between = |r| ConnSpec::new(r).expected_synapses_between(10, 20, None, None);
        assert_eq!(between(Rule::AllToAll), 200);
        assert_eq!(between(Rule::OneToOne), 20);
        assert_eq!(between(Rule::FixedIndegree(3)), 60);
        assert_eq!(between(Rule::FixedOutdegree(3)), 30);
        assert_eq!(between(Rule::FixedTotalNumber(7)), 7);
        // 1e6 pairs at p = 0.01: 10,000 + 6 * 100 + 16.
        let spec = ConnSpec::new(Rule::PairwiseBernoulli(0.01));
        assert_eq!(
            spec.expected_synapses_between(1000, 1000, None, None),
            10_616
        );
    }

    #[test]
    fn a_mask_and_a_kernel_scale_bernoulli() {
        // A 0.5 mm circle's box covers (1 / 2)^2 of a 2 mm square layer.
        let spec = ConnSpec::new(Rule::PairwiseBernoulli(1.0))
            .with_mask(Mask::circle(0.5))
            .with_kernel(Kernel::Constant { p: 0.5 });
        assert_eq!(spec.mask_fraction(Some(&[2.0, 2.0]), None), 0.25);
        assert_eq!(spec.kernel_peak(), 0.5);
        assert_eq!(spec.mask_fraction(None, None), 1.0);
    }

    #[test]
    fn a_grid_mask_covers_its_cells_of_the_layer() {
        // Hand computation: a 3 x 2 cell mask on a 10 x 20 grid covers 6 of 200 cells;
        // 400 x 200 pairs at p = 0.5: mean 1,200, bound 1,200 + 6 * 34.64 + 16 = 1,423.8.
        let spec = ConnSpec::new(Rule::PairwiseBernoulli(0.5)).with_mask(Mask::grid([3, 2]));
        let grid: &[usize] = &[10, 20];
        assert_eq!(spec.mask_fraction(Some(&[1.0, 1.0]), Some(grid)), 0.03);
        assert_eq!(
            spec.expected_synapses_between(400, 200, Some(&[1.0, 1.0]), Some(grid)),
            1423
        );
        // A mask wider than the layer covers it along that axis (15 of 10 columns).
        let wide = ConnSpec::new(Rule::PairwiseBernoulli(1.0)).with_mask(Mask::grid([15, 5]));
        assert_eq!(wide.mask_fraction(None, Some(grid)), 0.25);
        // Not applied to a 2D grid (refused when the projection is made): counted whole.
        assert_eq!(spec.mask_fraction(Some(&[1.0, 1.0]), None), 1.0);
        assert_eq!(spec.mask_fraction(None, Some(&[4, 4, 4])), 1.0);
    }
}
