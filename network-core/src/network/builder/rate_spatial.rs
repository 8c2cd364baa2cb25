//! Rate populations in space: `NetworkBuilder::spatial_rate_population` places rate
//! neurons by a layout (NEST's `nest.Create("tanh_rate_ipn", positions=..)`), and
//! `rate_connect_spatial` connects them by the connection rules, masks and kernels the
//! spiking projections use, with weights and delays that may be expressions of distance
//! or positions (NEST's spatial `Connect` with `rate_connection_delayed` or
//! `rate_connection_instantaneous`). The rules draw from the same code as a spiking
//! projection (`connect::connect_where`), and each pair is measured as NEST measures it
//! (`connections::Measured`), so a deterministic spatial rule makes NEST's connections.

use super::connections::Measured;
use super::rate::RATE_ENTITY;
use super::{NetworkBuilder, RatePopulationHandle};
use crate::connect::{connect_where, ConnSpec, Endpoints, SameNeurons};
use crate::error::{Error, Result};
use crate::models::rate::RateNonlinearity;
use crate::network::canonical::Call;
use crate::rng::Purpose;
use crate::spatial::{Layout, Place, Point, Space};
use crate::synapse::{SampleValue, Value};
use std::sync::Arc;

/// A rate connection model whose weight and delay are [`Value`]s: constants, random
/// values or expressions of the pair's distance or positions.
#[derive(Debug, Clone, PartialEq)]
pub enum RateConnectionOf {
    /// `rate_connection_delayed`: `weight` (a pure number), `delay` (ms, rounded to the
    /// nearest step, at least one step).
    Delayed {
        /// The weight (its sign picks excitatory or inhibitory input).
        weight: Value,
        /// The delay, ms.
        delay: Value,
    },
    /// `rate_connection_instantaneous`: `weight` (NEST refuses a delay on it).
    Instantaneous {
        /// The weight (its sign picks excitatory or inhibitory input).
        weight: Value,
    },
}

impl NetworkBuilder {
    /// Adds a population of `len` rate neurons with parameters `params`, placed by
    /// `layout` (positions in mm; random positions from the population's own stream).
    pub fn spatial_rate_population<M: RateNonlinearity>(
        &mut self,
        name: &str,
        params: M,
        len: usize,
        layout: &Layout,
    ) -> Result<RatePopulationHandle> {
        self.note(
            Call::new("rate_layout")
                .field("name", name)
                .debug("layout", layout),
        );
        let index = self.rate.spaces.len();
        let space = layout.place(name, len, self.seed, RATE_ENTITY + index as u64)?;
        let handle = self.rate_population(name, params, len)?;
        self.rate.spaces[index] = Some(Arc::new(space));
        Ok(handle)
    }

    /// Positions (mm) of a rate population placed by a layout.
    pub fn rate_positions(&self, population: &RatePopulationHandle) -> Option<&[Point]> {
        self.rate.spaces[population.index]
            .as_deref()
            .map(Space::positions)
    }

    /// Connects rate population `source` to `target` by `spec` (any connection rule,
    /// with a mask, a kernel or a `p` of distance on populations with positions) with
    /// `connection`, whose weight and delay are drawn or evaluated per connection from a
    /// stream keyed by the connection statement and the target neuron. A delay that
    /// rounds to less than one step, or a value that is not finite, is an error naming
    /// the connection, the parameter and the value.
    pub fn rate_connect_spatial(
        &mut self,
        name: &str,
        source: &RatePopulationHandle,
        target: &RatePopulationHandle,
        spec: &ConnSpec,
        connection: &RateConnectionOf,
    ) -> Result<()> {
        self.note(
            Call::new("rate_connect_spatial")
                .field("name", name)
                .field("source", source.index)
                .field("target", target.index)
                .debug("conn_spec", spec)
                .debug("connection", connection),
        );
        let (weight, delay) = match connection {
            RateConnectionOf::Delayed { weight, delay } => (weight, Some(delay)),
            RateConnectionOf::Instantaneous { weight } => (weight, None),
        };
        weight.validate(name, "weight")?;
        if let Some(d) = delay {
            d.validate(name, "delay")?;
        }
        let spaces = (
            self.rate.spaces[source.index].clone(),
            self.rate.spaces[target.index].clone(),
        );
        let same = source.index == target.index;
        let ends = Endpoints {
            n_sources: source.len,
            n_targets: target.len,
            same: SameNeurons::of(same),
            source_space: spaces.0.as_deref(),
            target_space: spaces.1.as_deref(),
        };
        let id = RATE_ENTITY + self.rate.connections;
        self.rate.connections += 1;
        let edges = connect_where(name, spec, &ends, self.seed, id, &|_| true)?;
        let spatial = weight.is_spatial() || delay.is_some_and(Value::is_spatial);
        let measured = Measured::of(spec, same);
        let view = match &spaces {
            (Some(s), Some(t)) => measured.source_view(s, t),
            _ => None,
        };
        let pairs = match (&spaces, spatial) {
            ((Some(s), Some(t)), _) => Some(measured.spaces(view.as_ref().unwrap_or(s), t)),
            (_, false) => None,
            _ => {
                let param = if weight.is_spatial() {
                    "weight"
                } else {
                    "delay"
                };
                return Err(Error::invalid(
                    name,
                    param,
                    "an expression of distance or positions",
                    "needs positions: give both rate populations a layout",
                ));
            }
        };
        for t in 0..target.len {
            let mut rng = self.seed.stream(Purpose::SynapseParams, id, t as u64);
            for &s in edges.sources_of(t) {
                let pair = pairs.filter(|_| spatial).map(|p| p.pair(s as usize, t));
                let w = weight.sample_at(pair.as_ref(), &mut rng)?;
                if !w.is_finite() {
                    return Err(Error::invalid(
                        name,
                        "weight",
                        w,
                        format!("must be finite (connection {s} -> {t})"),
                    ));
                }
                let steps = match delay {
                    None => None,
                    Some(d) => Some(self.rate_delay_steps(
                        name,
                        d.sample_at(pair.as_ref(), &mut rng)?,
                        (s, t),
                    )?),
                };
                self.push_rate_edge(source, target, s, t as u32, w, steps);
            }
        }
        Ok(())
    }

    /// A delay of `delay` ms in steps (NEST rounds to the nearest step): at least one.
    fn rate_delay_steps(&self, name: &str, delay: f64, (s, t): (u32, usize)) -> Result<i64> {
        let steps = self.resolution.delay_steps(delay);
        if !delay.is_finite() || steps < 1 {
            return Err(Error::invalid(
                name,
                "delay",
                format!("{delay} ms"),
                format!(
                    "must be at least the resolution {} ms (connection {s} -> {t}); lengthen the delay",
                    self.resolution.ms()
                ),
            ));
        }
        Ok(steps)
    }
}
