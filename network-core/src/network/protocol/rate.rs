//! Protocol steps on rate neurons: NEST's `SetStatus` on a rate population between runs.

use crate::error::{Error, Result};
use crate::network::builder::RatePopulationHandle;
use crate::network::runtime::Network;

impl Network {
    /// Sets `name` of the rate population `population` to `value` between runs, as
    /// NEST's `SetStatus`: the state `rate` of the neurons `indices` (all when `None`),
    /// or a parameter of the whole population by its NEST name (`mu`, `sigma`, `tau`
    /// in ms, `g`, `theta`, `lambda`, flags as 0 or 1, ..), checked as at creation; the
    /// next run uses it from its first step. Rates already sent keep their values.
    pub fn set_rate_neurons(
        &mut self,
        population: &RatePopulationHandle,
        indices: Option<&[u32]>,
        name: &str,
        value: f64,
    ) -> Result<()> {
        let h = self.resolution.ms();
        let p = self
            .rate
            .populations
            .get_mut(population.index())
            .ok_or_else(|| {
                Error::Name(format!(
                    "rate population #{} does not exist in this network",
                    population.index()
                ))
            })?;
        if let Some(&bad) = indices
            .unwrap_or(&[])
            .iter()
            .find(|&&i| i as usize >= p.size())
        {
            let (entity, len) = (p.name().to_string(), p.size());
            return Err(Error::invalid(
                &entity,
                "index",
                bad,
                format!("`{entity}` has {len} neurons (indices 0..{len})"),
            ));
        }
        p.set(name, value, indices, h)
    }
}
