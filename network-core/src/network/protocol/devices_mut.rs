//! The views the typed setters of `network!` call for devices and connections between
//! runs: a generator (`net.set_drive().rate(Hz(20_000.0))?`), a recorder's window
//! (`net.set_spikes().stop(ms(200.0))?`) and a connection's synapses
//! (`net.set_e2i().U(number(0.3))?.delay(ms(2.0))?`). Each method is one NEST
//! `SetStatus` through the untyped call the protocol block runs
//! ([`Network::set_generator_params`], [`Network::set_spike_recorder`], ...,
//! [`Network::set_weight`], [`Network::set_synapse_states`]), so a value NEST refuses
//! gives the same [`Error`].

use super::quantity::{Quantity, Unit};
use super::Setting;
use crate::error::{Error, Result};
use crate::network::builder::RateMultimeterHandle;
use crate::network::handles::{
    GeneratorHandle, MultimeterHandle, ProjectionHandle, SpikeRecorderHandle, WeightRecorderHandle,
};
use crate::network::runtime::Network;

/// The numbers of `values`, in `U`.
fn numbers<U: Unit>(values: &[Quantity<U>]) -> Setting {
    Setting::List(values.iter().map(|v| v.value()).collect())
}

/// A generator of a built network, to change between runs (the typed setters the
/// `network!` macro generates call it with NEST's names and units).
pub struct GeneratorMut<'a> {
    network: &'a mut Network,
    generator: GeneratorHandle,
}

impl<'a> GeneratorMut<'a> {
    /// Generator `generator` of `network`.
    pub fn new(network: &'a mut Network, generator: GeneratorHandle) -> Self {
        Self { network, generator }
    }

    /// Sets `name` to `value` (see [`Network::set_generator`]).
    pub fn set<U: Unit>(&mut self, name: &str, value: Quantity<U>) -> Result<&mut Self> {
        self.network
            .set_generator(&self.generator, name, value.value())?;
        Ok(self)
    }

    /// Sets the list `name` to `values` (see [`Network::set_generator`]).
    pub fn set_list<U: Unit>(&mut self, name: &str, values: &[Quantity<U>]) -> Result<&mut Self> {
        self.network
            .set_generator(&self.generator, name, numbers(values))?;
        Ok(self)
    }

    /// Sets two lists NEST takes only together (a step current's `amplitude_times` and
    /// `amplitude_values`), in one `SetStatus` (see [`Network::set_generator_params`]).
    pub fn set_lists<U: Unit, V: Unit>(
        &mut self,
        (first, a): (&str, &[Quantity<U>]),
        (second, b): (&str, &[Quantity<V>]),
    ) -> Result<&mut Self> {
        self.network.set_generator_params(
            &self.generator,
            &[(first, numbers(a)), (second, numbers(b))],
        )?;
        Ok(self)
    }
}

/// A recorder of any kind, by its handle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnyRecorder {
    /// A spike recorder.
    Spikes(SpikeRecorderHandle),
    /// A multimeter on spiking neurons.
    Multimeter(MultimeterHandle),
    /// A weight recorder.
    Weights(WeightRecorderHandle),
    /// A multimeter on rate neurons.
    RateMultimeter(RateMultimeterHandle),
}

impl From<SpikeRecorderHandle> for AnyRecorder {
    fn from(h: SpikeRecorderHandle) -> Self {
        AnyRecorder::Spikes(h)
    }
}

impl From<MultimeterHandle> for AnyRecorder {
    fn from(h: MultimeterHandle) -> Self {
        AnyRecorder::Multimeter(h)
    }
}

impl From<WeightRecorderHandle> for AnyRecorder {
    fn from(h: WeightRecorderHandle) -> Self {
        AnyRecorder::Weights(h)
    }
}

impl From<RateMultimeterHandle> for AnyRecorder {
    fn from(h: RateMultimeterHandle) -> Self {
        AnyRecorder::RateMultimeter(h)
    }
}

/// A recorder's window (`start`, `stop`, `origin`, ms) to change between runs.
pub struct RecorderMut<'a> {
    network: &'a mut Network,
    /// The recorder's name in the description.
    name: &'static str,
    /// `None` for a recorder the protocol adds that does not exist yet.
    recorder: Option<AnyRecorder>,
}

impl<'a> RecorderMut<'a> {
    /// Recorder `recorder`, named `name` in the description, of `network`; `None` for
    /// one that `run_protocol` adds and has not added yet (setting it is an error).
    pub fn new(
        network: &'a mut Network,
        name: &'static str,
        recorder: Option<AnyRecorder>,
    ) -> Self {
        Self {
            network,
            name,
            recorder,
        }
    }

    /// Sets window parameter `param` (`start`, `stop` or `origin`) to `value`.
    pub fn set(&mut self, param: &str, value: Quantity<super::quantity::Ms>) -> Result<&mut Self> {
        let v = value.value();
        let net = &mut *self.network;
        match self.recorder {
            Some(AnyRecorder::Spikes(h)) => net.set_spike_recorder(&h, param, v)?,
            Some(AnyRecorder::Multimeter(h)) => net.set_multimeter(&h, param, v)?,
            Some(AnyRecorder::Weights(h)) => net.set_weight_recorder(&h, param, v)?,
            Some(AnyRecorder::RateMultimeter(h)) => net.set_rate_multimeter(&h, param, v)?,
            None => {
                return Err(Error::Name(format!(
                    "`{}.{param}` cannot be set yet: `{}` is added by the `record` statement of \
                     `run_protocol`, which has not run; set it after `run_protocol` has made it",
                    self.name, self.name
                )))
            }
        }
        Ok(self)
    }
}

/// The synapses of a projection, to change between runs: its weight, delay, rule
/// parameters and plastic state, each set alike on every synapse.
pub struct SynapsesMut<'a> {
    network: &'a mut Network,
    projection: ProjectionHandle,
}

impl<'a> SynapsesMut<'a> {
    /// Projection `projection` of `network`.
    pub fn new(network: &'a mut Network, projection: ProjectionHandle) -> Self {
        Self {
            network,
            projection,
        }
    }

    /// Sets `name` to `value` on every synapse: the weight through
    /// [`Network::set_weight`], anything else through [`Network::set_synapse_states`].
    pub fn set<U: Unit>(&mut self, name: &str, value: Quantity<U>) -> Result<&mut Self> {
        let v = value.value();
        if name == "weight" {
            self.network.set_weight(&self.projection, v)?;
        } else {
            self.network
                .set_synapse_states(&self.projection, &[(name, Setting::Number(v))])?;
        }
        Ok(self)
    }
}
