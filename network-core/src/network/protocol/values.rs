//! Neurons between runs by value and by place: a parameter or `V_m` set to a value per
//! neuron (a random term, an expression of the neuron's position; NEST's
//! `pop.set(V_m=-70.0 + 5.0 * nest.spatial.pos.x, V_th=nest.random.uniform(..))`), and
//! the neurons of a spatial population inside a mask (NEST's `SelectNodesByMask`).

use super::covers_all;
use crate::error::{Error, Result};
use crate::models::Recordable;
use crate::network::builder::initial::{stream_key, values_per_neuron};
use crate::network::builder::populations::select_within;
use crate::network::handles::{PopulationHandle, Selection};
use crate::network::runtime::Network;
use crate::rng::Purpose;
use crate::spatial::Mask;
use crate::storage::Length;
use crate::synapse::Value;

impl Network {
    /// The neurons of a spatial population that lie inside `mask` placed at `center`
    /// (absolute position, mm), on a built network: the same selection
    /// `NetworkBuilder::within` makes (NEST's `nest.SelectNodesByMask`, for a `set`
    /// between runs). An empty result is an error naming the population and the mask.
    pub fn within<L: Length>(
        &self,
        population: &PopulationHandle<L>,
        mask: &Mask,
        center: [f64; 3],
    ) -> Result<Selection> {
        select_within(&self.population_info, population.index, mask, center)
    }

    /// Sets `name` (NEST's name and units: `V_m` mV, `V_th` mV, `I_e` pA, ...) of the
    /// selected neurons between runs to `value` evaluated for each neuron: a constant
    /// (as [`Network::set_neurons`]), a random value, or an expression of the neuron's
    /// position `x`, `y`, `z` (mm) with NEST's functions and random terms.
    ///
    /// Random terms are drawn from a stream keyed by the seed, the population, the
    /// parameter, the step at which the set happens and the neuron, so the values
    /// depend on the seed alone (not on threads or ranks). A parameter goes through the
    /// model's checks for each distinct value; the neurons left alone keep theirs.
    pub fn set_neurons_to(
        &mut self,
        selection: &Selection,
        name: &str,
        value: &Value,
    ) -> Result<()> {
        if let Value::Constant(v) = value {
            return self.set_neurons(selection, name, *v);
        }
        let p = selection.population;
        let info = self.population_info.get(p).ok_or_else(|| {
            Error::Name(format!("population #{p} does not exist in this network"))
        })?;
        let entity = info.name.clone();
        let (space, len, base) = (info.space.clone(), info.len, info.base_model);
        value.validate(&entity, name)?;
        if value.is_spatial() && space.is_none() {
            return Err(Error::invalid(
                &entity,
                name,
                "an expression of position",
                "the population has no positions; give it a layout",
            ));
        }
        let is_v_m = name == "V_m";
        if is_v_m && !self.populations[p].recordables().contains(&Recordable::V_m) {
            return Err(Error::invalid(
                &entity,
                "V_m",
                "a value per neuron",
                format!("{base} has no membrane potential"),
            ));
        }
        if !is_v_m && self.populations[p].param(name).is_none() {
            return Err(Error::invalid(
                &entity,
                name,
                "a value per neuron",
                format!("{base} has no parameter `{name}`"),
            ));
        }
        let mut indices = self.resolve(&entity, selection)?;
        indices.sort_unstable();
        indices.dedup();
        let key = set_key(p, name, self.step);
        let seed = self.seed;
        let values = values_per_neuron(&indices, space.as_deref(), value, &entity, name, |i| {
            seed.stream(Purpose::ProtocolSet, key, u64::from(i))
        })?;
        let Some(&first) = values.first() else {
            return Ok(());
        };
        if is_v_m {
            let population = &mut self.populations[p];
            for (&i, v) in indices.iter().zip(values) {
                population.set_v_m(i as usize, v);
            }
            return Ok(());
        }
        self.check_settable(p, name, first)?;
        let resolution = self.resolution;
        // A value that agrees everywhere keeps the population uniform (the fast path).
        if covers_all(Some(indices.as_slice()), len)
            && values.iter().all(|v| v.to_bits() == first.to_bits())
        {
            return self.populations[p].set_param(&entity, name, first, &resolution);
        }
        let pairs: Vec<(u32, f64)> = indices.into_iter().zip(values).collect();
        self.populations[p].set_param_each(&entity, &pairs, name, &resolution)
    }
}

/// The stream entity of a set of `name` on population `p` at step `step`: the
/// creation-time key (`initial`) mixed with the step, so sets at different times draw
/// anew and a set never repeats the draws of the population's initial values.
fn set_key(p: usize, name: &str, step: i64) -> u64 {
    let mut z = stream_key(p, name) ^ (step as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 31)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z ^ (z >> 29)
}
