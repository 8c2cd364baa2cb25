//! Initial state and parameters per neuron at creation (NEST's
//! `nest.Create(model, positions=.., params={'V_m': -70.0 + 5.0 * nest.spatial.pos.x,
//! 'V_th': nest.random.uniform(-55.0, -50.0)})`): a constant, a random value or an
//! expression of the neuron's own position, computed for each neuron.
//!
//! Random terms come from a stream keyed by the seed, the population, the parameter and
//! the neuron's index, so values never depend on threads or ranks. A parameter whose
//! values all agree keeps the population's uniform parameter set (the fast path);
//! otherwise the population keeps a set per distinct value (`engine::param_sets`).

use super::NetworkBuilder;
use crate::error::{Error, Result};
use crate::network::canonical::Call;
use crate::network::handles::Selection;
use crate::rng::{Purpose, Stream};
use crate::spatial::Space;
use crate::synapse::{SampleValue, Value};

impl NetworkBuilder {
    /// Sets `name` (NEST's name and units: `V_m` mV, `V_th` mV, `I_e` pA, `tau_m` ms,
    /// ...) of the selected neurons when they are created: `value` is a constant, a
    /// random value, or an expression of the neuron's position `x`, `y`, `z` (mm; read
    /// as [`Expression::Position`](network_spec::expression::Expression::Position) of
    /// either end) with NEST's functions and random terms. A parameter goes through
    /// the model's checks for each distinct value (`V_reset < V_th`, ...); an error
    /// names the population, the parameter and the value.
    pub fn initial(&mut self, selection: &Selection, name: &str, value: &Value) -> Result<()> {
        let p = selection.population;
        let info = self.population_info.get(p).ok_or_else(|| {
            Error::Name(format!("population #{p} does not exist in this network"))
        })?;
        let entity = info.name.clone();
        let space = info.space.clone();
        if self.populations[p].param(name).is_none() {
            return Err(Error::invalid(
                &entity,
                name,
                "initial value",
                format!("{} has no parameter or state `{name}`", info.base_model),
            ));
        }
        self.note(
            Call::new("initial")
                .selections("neurons", std::slice::from_ref(selection))
                .field("name", name)
                .value("value", value),
        );
        value.validate(&entity, name)?;
        if value.is_spatial() && space.is_none() {
            return Err(Error::invalid(
                &entity,
                name,
                "an expression of position",
                "the population has no positions; give it a layout",
            ));
        }
        let indices = self.resolve(&entity, selection)?;
        if indices.is_empty() {
            return Ok(());
        }
        let key = stream_key(p, name);
        let seed = self.seed;
        let values = values_per_neuron(&indices, space.as_deref(), value, &entity, name, |i| {
            seed.stream(Purpose::InitialState, key, u64::from(i))
        })?;
        if name == "V_m" {
            for (&i, v) in indices.iter().zip(values) {
                self.populations[p].set_v_m(i as usize, v);
            }
            return Ok(());
        }
        // A value that agrees everywhere keeps the population uniform (the fast path).
        let resolution = self.resolution;
        let len = self.population_info[p].len;
        let first = values[0];
        if indices.len() == len && values.iter().all(|v| v.to_bits() == first.to_bits()) {
            return self.populations[p].set_param(&entity, name, first, &resolution);
        }
        let pairs: Vec<(u32, f64)> = indices.into_iter().zip(values).collect();
        self.populations[p].set_param_each(&entity, &pairs, name, &resolution)?;
        Ok(())
    }
}

/// The stream entity of parameter `name` of population `p`: `V_m` keeps the population
/// alone (as `initial_v_m` draws), every other name adds a hash of its text, so two
/// parameters never share draws and the key does not depend on the model's table.
pub(crate) fn stream_key(p: usize, name: &str) -> u64 {
    if name == "V_m" {
        return p as u64;
    }
    // FNV-1a over the name.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (p as u64) ^ (h << 20)
}

/// `value` for each neuron of `indices` (a population's, placed in `space` when it has
/// positions): an expression of position reads the neuron's own, a random term draws
/// from `stream(i)`, the neuron's own stream. A value that is not finite is an error
/// naming `entity`, `name` and the neuron. Shared by `initial` (at creation) and
/// `Network::set_neurons_to` (between runs).
pub(crate) fn values_per_neuron(
    indices: &[u32],
    space: Option<&Space>,
    value: &Value,
    entity: &str,
    name: &str,
    stream: impl Fn(u32) -> Stream,
) -> Result<Vec<f64>> {
    let mut values = Vec::with_capacity(indices.len());
    for &i in indices {
        let mut rng = stream(i);
        let pair = space.map(|s| {
            let at = &s.positions()[i as usize];
            s.pair(at, at)
        });
        let v = value.sample_at(pair.as_ref(), &mut rng)?;
        if !v.is_finite() {
            return Err(Error::invalid(
                entity,
                name,
                v,
                format!("neuron {i}'s value is not finite"),
            ));
        }
        values.push(v);
    }
    Ok(values)
}
