//! Protocols: what a NEST script changes between `Simulate` calls, on a built network.
//!
//! - neurons ([`Network::set_neurons`]): a model parameter of a population (NEST's checks
//!   run again, propagators recomputed) or the membrane potential of any selection;
//! - devices (`generators`, `recorders`, `generator_recorders`): a generator's
//!   parameters by NEST name, a spike recorder's, multimeter's or weight recorder's
//!   window, recorders and multimeters added after a run, a spike recorder connected to
//!   a generator after a run;
//! - synapses (`connections`): NEST's `GetConnections` and `SetStatus` on them; a
//!   projection's columns read at one moment (`connection_table`), written as CSV;
//! - the views the typed setters of `network!` call: neurons (`quantity`), rate neurons
//!   (`rate`), generators, recorder windows and synapses (`devices_mut`).
//!
//! Every change takes effect from the next step, as `SetStatus` between two `Simulate`
//! calls does in NEST.

mod connection_table;
mod connections;
mod delay_extrema;
mod devices_mut;
mod generator_recorders;
mod generators;
mod offgrid_flags;
mod quantity;
mod rate;
mod recorders;
mod synapse_draws;
mod synapse_order;
mod table_generators;
mod values;

pub use connection_table::ConnectionTable;
pub use connections::Connection;
pub use devices_mut::{AnyRecorder, GeneratorMut, RecorderMut, SynapsesMut};
pub use quantity::{
    deg, mV, ms, nS, number, pA, pF, Degree, Hertz, Hz, MilliVolt, Ms, NanoSiemens, NeuronsMut,
    Number, PicoAmpere, PicoFarad, Quantity, Unit,
};
pub use rate::RateNeuronsMut;
pub(super) use recorders::set_window;

use super::handles::Selection;
use super::runtime::Network;
use crate::error::{Error, Result};
use crate::models::Recordable;

/// A value set between runs: a number (NEST's units: mV, pA, ms, Hz, ...) or a list
/// (`spike_times`, ms).
#[derive(Debug, Clone, PartialEq)]
pub enum Setting {
    /// One number.
    Number(f64),
    /// A list of numbers.
    List(Vec<f64>),
}

impl From<f64> for Setting {
    fn from(v: f64) -> Self {
        Setting::Number(v)
    }
}

/// A flag: 1 for true, 0 for false (`allow_offgrid_times`, `precise_times`).
impl From<bool> for Setting {
    fn from(v: bool) -> Self {
        Setting::Number(if v { 1.0 } else { 0.0 })
    }
}

impl From<Vec<f64>> for Setting {
    fn from(v: Vec<f64>) -> Self {
        Setting::List(v)
    }
}

impl From<&[f64]> for Setting {
    fn from(v: &[f64]) -> Self {
        Setting::List(v.to_vec())
    }
}

impl<const N: usize> From<[f64; N]> for Setting {
    fn from(v: [f64; N]) -> Self {
        Setting::List(v.to_vec())
    }
}

impl Setting {
    /// The number, or an error naming `entity` and `name` for a list.
    pub(crate) fn number(&self, entity: &str, name: &str) -> Result<f64> {
        match self {
            Setting::Number(v) => Ok(*v),
            Setting::List(v) => Err(Error::invalid(
                entity,
                name,
                v,
                "takes one number, not a list",
            )),
        }
    }

    /// The list (one number reads as a list of one).
    pub(crate) fn list(&self) -> Vec<f64> {
        match self {
            Setting::Number(v) => vec![*v],
            Setting::List(v) => v.clone(),
        }
    }
}

impl Network {
    /// Sets `name` of the selected neurons to `value` (NEST's units), between runs:
    ///
    /// - `V_m` (mV), the membrane potential, on any selection (a population, an index
    ///   range, a list, a mask selection);
    /// - any parameter of the model's table (`I_e` pA, `V_th` mV, `tau_m` ms, ...) on any
    ///   selection: NEST's checks run again (`V_reset < V_th`, `C_m > 0`, ...) and the
    ///   propagators are recomputed. A changed `E_L` keeps `V_m`, as in NEST. Set on
    ///   part of a population, the population keeps a parameter set per group of
    ///   neurons that differ (`engine::param_sets`); a parameter that changes a
    ///   multisynapse model's receptor ports is set on whole populations only.
    ///
    /// The change takes effect from the next step, as NEST's `SetStatus` between
    /// `Simulate` calls.
    pub fn set_neurons(&mut self, selection: &Selection, name: &str, value: f64) -> Result<()> {
        let p = selection.population;
        let info = self.population_info.get(p).ok_or_else(|| {
            Error::Name(format!(
                "population #{p} does not exist in this network ({} populations)",
                self.population_info.len()
            ))
        })?;
        let entity = info.name.clone();
        let len = info.len;
        if let Some(list) = &selection.indices {
            if let Some(&bad) = list.iter().find(|&&i| i as usize >= len) {
                return Err(Error::invalid(
                    &entity,
                    "index",
                    bad,
                    format!("`{entity}` has {len} neurons (indices 0..{len})"),
                ));
            }
        }
        if name == "V_m" {
            if !value.is_finite() {
                return Err(Error::invalid(&entity, "V_m", value, "must be finite (mV)"));
            }
            if !self.populations[p].recordables().contains(&Recordable::V_m) {
                return Err(Error::invalid(
                    &entity,
                    "V_m",
                    value,
                    format!("{} has no membrane potential", info.base_model),
                ));
            }
            let population = &mut self.populations[p];
            match &selection.indices {
                None => (0..len).for_each(|i| population.set_v_m(i, value)),
                Some(list) => list
                    .iter()
                    .for_each(|&i| population.set_v_m(i as usize, value)),
            }
            return Ok(());
        }
        self.check_settable(p, name, value)?;
        let resolution = self.resolution;
        match selection.indices.as_deref() {
            Some(list) if !covers_all(Some(list), len) => {
                self.populations[p].set_param_of(&entity, list, name, value, &resolution)
            }
            _ => self.populations[p].set_param(&entity, name, value, &resolution),
        }
    }

    /// The value of model parameter `name` (NEST's name and units) of population
    /// `population` (its index), if its model has it.
    pub fn neuron_param(&self, population: usize, name: &str) -> Option<f64> {
        self.populations.get(population)?.param(name)
    }

    /// The value of parameter `name` (NEST's name and units) of neuron `index` of
    /// population `population`, or its membrane potential for `V_m` (mV): per neuron,
    /// as `with { .. }` or a `set` on part of the population made them. `None` when
    /// the model lacks it or another rank holds the neuron.
    pub fn neuron_value(&mut self, population: usize, index: usize, name: &str) -> Option<f64> {
        let p = self.populations.get_mut(population)?;
        (index < p.len()).then(|| p.value_of(index, name))?
    }
}

impl Network {
    /// Refuses a parameter that cannot change between runs: `tau_minus` of a population
    /// STDP synapses target (read into their archives when the network is built).
    fn check_settable(&self, p: usize, name: &str, value: f64) -> Result<()> {
        let archived = self.populations[p]
            .blocks_ref()
            .iter()
            .any(|b| b.archive.is_some());
        if archived && name.starts_with("tau_minus") {
            return Err(Error::invalid(
                &self.population_info[p].name,
                name,
                value,
                "is read by the STDP synapses onto this population when the network is \
                 built; it cannot change between runs",
            ));
        }
        Ok(())
    }
}

/// Whether `indices` (`None`: all) name every one of `len` neurons.
fn covers_all(indices: Option<&[u32]>, len: usize) -> bool {
    let Some(list) = indices else {
        return true;
    };
    let mut seen = vec![false; len];
    for &i in list {
        seen[i as usize] = true;
    }
    seen.into_iter().all(|s| s)
}
