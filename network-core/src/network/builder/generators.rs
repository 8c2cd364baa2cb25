//! `NetworkBuilder::dc_generator` and the other stimulation devices: each draws its
//! connections (weight and delay per target) when it is added.

use super::NetworkBuilder;
use crate::devices::{
    AcGenerator, DcGenerator, NoiseGenerator, PoissonGenerator, SpikeGenerator,
    StepCurrentGenerator,
};
use crate::engine::poisson::PoissonDrive;
use crate::engine::stimulus::StimulusKind;
use crate::error::Result;
use crate::network::canonical::Call;
use crate::network::handles::{GeneratorHandle, Selection};
use crate::network::info::TableParams;
use crate::network::info::{DeviceInfo, GeneratorParams};
use crate::network::placement::{generator_entity, GeneratorSpec};
use crate::network::receptors::Event;
use crate::network::resources;
use crate::rng::Purpose;
use crate::synapse::SampleValue;
use crate::synapse::{delay_steps, StaticSynapse};
use std::sync::Arc;

impl NetworkBuilder {
    /// Connects generator `name` of `model` (its checked engine form `kind`) to
    /// `targets` through `synapse`, drawing each connection's weight and delay, and
    /// keeps its parameters `declared` so that they can be set between runs.
    pub(super) fn add_generator(
        &mut self,
        name: &str,
        model: &'static str,
        kind: StimulusKind,
        targets: &[Selection],
        synapse: &StaticSynapse,
        declared: GeneratorParams,
    ) -> Result<GeneratorHandle> {
        self.check_name(name, "generator")?;
        synapse.validate(name, &self.resolution)?;
        let id = self.generators.len() as u64;
        let event = if kind.emits_current() {
            Event::Current
        } else {
            Event::Spike
        };
        let mut resolved = Vec::new();
        let mut port_channels = Vec::new();
        for selection in targets {
            let indices = self.resolve(name, selection)?;
            port_channels.push(self.receptor_channel(
                name,
                selection.population,
                synapse.receptor_type,
                event,
            )?);
            self.memory.reserve(
                &format!("generator `{name}` ({} targets)", indices.len()),
                resources::device_bytes(indices.len()),
                0,
            )?;
            let mut connections = Vec::with_capacity(indices.len());
            for i in indices {
                let mut rng = self.seed.stream(
                    Purpose::SynapseParams,
                    generator_entity(id),
                    target_key(selection.population, i),
                );
                let weight = synapse.weight.sample(&mut rng)?;
                let delay = delay_steps(name, synapse.delay.sample(&mut rng)?, &self.resolution)?;
                // A parrot ignores weights: each spike counts once.
                let weight = if self.populations[selection.population].counts_spikes() {
                    1.0
                } else {
                    weight
                };
                connections.push((i, weight, delay));
            }
            resolved.push((selection.population, connections));
        }
        self.take_name(name, "generator");
        self.generator_info.push(DeviceInfo {
            name: name.to_string(),
            model,
            targets: resolved.iter().map(|(_, c)| c.len()).sum(),
            params: Some(declared),
        });
        self.generators.push(GeneratorSpec {
            kind,
            targets: resolved,
            port_channels,
        });
        Ok(GeneratorHandle::new(self.generators.len() - 1))
    }

    /// Adds a `dc_generator` connected to the selected neurons through `synapse`.
    pub fn dc_generator(
        &mut self,
        name: &str,
        params: DcGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note_generator("dc_generator", name, &params, targets, synapse);
        let window = params.validate(name, &self.resolution)?;
        let kind = StimulusKind::Dc {
            amplitude: params.amplitude,
            window,
        };
        let declared = GeneratorParams::Dc(params);
        self.add_generator(name, "dc_generator", kind, targets, synapse, declared)
    }

    /// Adds a `poisson_generator`: each selected neuron receives its own train through
    /// `synapse`.
    pub fn poisson_generator(
        &mut self,
        name: &str,
        params: PoissonGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note_generator("poisson_generator", name, &params, targets, synapse);
        let window = params.validate(name, &self.resolution)?;
        let mean = params.rate * self.resolution.ms() * 1e-3;
        let kind = StimulusKind::Poisson {
            mean,
            drive: PoissonDrive::new(mean, 1),
            window,
        };
        let declared = GeneratorParams::Poisson(params);
        self.add_generator(name, "poisson_generator", kind, targets, synapse, declared)
    }

    /// Adds a `spike_generator` connected to the selected neurons through `synapse`.
    pub fn spike_generator(
        &mut self,
        name: &str,
        params: SpikeGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note_generator("spike_generator", name, &params, targets, synapse);
        let (spikes, window) = params.validate(name, &self.resolution)?;
        let kind = StimulusKind::Spikes {
            spikes: Arc::from(spikes),
            window,
        };
        let declared = GeneratorParams::Spikes(params);
        self.add_generator(name, "spike_generator", kind, targets, synapse, declared)
    }

    /// Adds a `noise_generator` connected to the selected neurons through `synapse`.
    pub fn noise_generator(
        &mut self,
        name: &str,
        params: NoiseGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note_generator("noise_generator", name, &params, targets, synapse);
        let kind = StimulusKind::noise(&params, name, &self.resolution)?;
        let declared = GeneratorParams::Noise(params);
        self.add_generator(name, "noise_generator", kind, targets, synapse, declared)
    }
}

impl NetworkBuilder {
    /// Records the call adding generator `name` of `model` in the network's canonical
    /// description (before its parameters are checked).
    pub(super) fn note_generator(
        &mut self,
        model: &'static str,
        name: &str,
        params: &impl std::fmt::Debug,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) {
        self.note(
            Call::new(model)
                .field("name", name)
                .debug("params", params)
                .selections("targets", targets)
                .static_synapse(synapse),
        );
    }
}

impl NetworkBuilder {
    /// Adds a `step_current_generator` connected to the selected neurons through
    /// `synapse`.
    pub fn step_current_generator(
        &mut self,
        name: &str,
        params: StepCurrentGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note_generator("step_current_generator", name, &params, targets, synapse);
        let changes = params.amplitude_steps(name, &self.resolution)?;
        let window = params.window.steps(name, &self.resolution)?;
        let kind = StimulusKind::StepCurrent {
            changes: Arc::from(changes),
            next: 0,
            amplitude: 0.0,
            window,
        };
        let declared = GeneratorParams::Table(TableParams::StepCurrent(params));
        self.add_generator(
            name,
            "step_current_generator",
            kind,
            targets,
            synapse,
            declared,
        )
    }

    /// Adds an `ac_generator` connected to the selected neurons through `synapse`.
    pub fn ac_generator(
        &mut self,
        name: &str,
        params: AcGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note_generator("ac_generator", name, &params, targets, synapse);
        params.check(name)?;
        let window = params.window.steps(name, &self.resolution)?;
        // NEST's arithmetic, operation for operation (ac_generator::pre_run_hook).
        let pi = std::f64::consts::PI;
        let omega = 2.0 * pi * params.frequency / 1000.0;
        let omega_h = omega * self.resolution.ms();
        let kind = StimulusKind::Ac {
            amplitude: params.amplitude,
            offset: params.offset,
            omega,
            phase: params.phase * 2.0 * pi / 360.0,
            rotation: (omega_h.cos(), omega_h.sin()),
            oscillator: (0.0, 0.0),
            window,
        };
        let declared = GeneratorParams::Table(TableParams::Ac(params));
        self.add_generator(name, "ac_generator", kind, targets, synapse, declared)
    }
}

/// Stream index of a generator's connection to neuron `index` of `population`.
fn target_key(population: usize, index: u32) -> u64 {
    ((population as u64) << 32) | u64::from(index)
}
