//! Protocol steps on rate neurons: NEST's `SetStatus` on a rate population between runs.

use super::quantity::{Quantity, Unit};
use super::recorders::set_window;
use super::Setting;
use crate::error::{Error, Result};
use crate::network::builder::{RateMultimeterHandle, RatePopulationHandle};
use crate::network::runtime::Network;

impl Network {
    /// Sets `start`, `stop` or `origin` (ms) of a multimeter on rate neurons between
    /// runs, as NEST's `SetStatus` on a multimeter: it then samples at stamps in
    /// `(origin + start, origin + stop]` from the next step on.
    pub fn set_rate_multimeter(
        &mut self,
        multimeter: &RateMultimeterHandle,
        name: &str,
        value: f64,
    ) -> Result<()> {
        let m = multimeter.0;
        let meter = self.rate_meters.get(m).ok_or_else(|| {
            Error::Name(format!(
                "multimeter #{m} on rate neurons does not exist in this network"
            ))
        })?;
        let mut window = meter.window_ms;
        set_window(&mut window, &meter.name, name, &Setting::Number(value))?;
        let steps = window.steps(&meter.name, &self.resolution)?;
        let meter = &mut self.rate_meters[m];
        (meter.window_ms, meter.window) = (window, steps);
        self.rate.meters[m].window = steps;
        Ok(())
    }

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

/// Rate neurons of a built network, to change between runs: the typed setters
/// `network!` generates call it with NEST's names (see [`Network::set_rate_neurons`]).
pub struct RateNeuronsMut<'a> {
    network: &'a mut Network,
    population: RatePopulationHandle,
    indices: Option<Vec<u32>>,
}

impl<'a> RateNeuronsMut<'a> {
    /// The neurons `indices` (all when `None`) of the rate population `population` of
    /// `network`.
    pub fn new(
        network: &'a mut Network,
        population: RatePopulationHandle,
        indices: Option<&[u32]>,
    ) -> Self {
        Self {
            network,
            population,
            indices: indices.map(<[u32]>::to_vec),
        }
    }

    /// Sets `name` to `value` in the unit of its dimension.
    pub fn set<U: Unit>(&mut self, name: &str, value: Quantity<U>) -> Result<&mut Self> {
        self.network.set_rate_neurons(
            &self.population,
            self.indices.as_deref(),
            name,
            value.value(),
        )?;
        Ok(self)
    }

    /// Sets flag `name`.
    pub fn set_flag(&mut self, name: &str, value: bool) -> Result<&mut Self> {
        self.network.set_rate_neurons(
            &self.population,
            self.indices.as_deref(),
            name,
            f64::from(u8::from(value)),
        )?;
        Ok(self)
    }
}
