//! `NetworkBuilder::inhomogeneous_poisson_generator` and the other generators whose
//! spikes follow a changing or shared rate (`engine::rate_drive`).

use super::NetworkBuilder;
use crate::devices::{InhomogeneousPoissonGenerator, MipGenerator, SinusoidalPoissonGenerator};
use crate::engine::rate_drive::RateDrive;
use crate::engine::stimulus::StimulusKind;
use crate::error::Result;
use crate::network::handles::{GeneratorHandle, Selection};
use crate::network::info::GeneratorParams;
use crate::network::info::TableParams;
use crate::network::placement::generator_entity;
use crate::rng::Purpose;
use crate::synapse::StaticSynapse;
use std::sync::Arc;

impl NetworkBuilder {
    /// The stimulus of rate law `drive` for the generator about to be added.
    pub(super) fn rate_kind(&self, drive: RateDrive, window: (i64, i64)) -> StimulusKind {
        let id = self.generators.len() as u64;
        StimulusKind::Rate {
            drive,
            h: self.resolution.ms(),
            tics_per_step: self.resolution.tics_per_step(),
            // Not a block key: those are `population << 32 | block`.
            shared: Box::new(
                self.seed
                    .stream(Purpose::Simulation, generator_entity(id), u64::MAX),
            ),
            window,
        }
    }

    /// Adds an `inhomogeneous_poisson_generator`: each selected neuron receives its own
    /// train at the piecewise constant rate, through `synapse`.
    pub fn inhomogeneous_poisson_generator(
        &mut self,
        name: &str,
        params: InhomogeneousPoissonGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note_generator(
            "inhomogeneous_poisson_generator",
            name,
            &params,
            targets,
            synapse,
        );
        let changes = params.rate_steps(name, &self.resolution)?;
        let window = params.window.steps(name, &self.resolution)?;
        let drive = RateDrive::Piecewise {
            changes: Arc::from(changes),
            next: 0,
            rate: 0.0,
        };
        let kind = self.rate_kind(drive, window);
        let declared = GeneratorParams::Table(TableParams::Inhomogeneous(params));
        self.add_generator(
            name,
            "inhomogeneous_poisson_generator",
            kind,
            targets,
            synapse,
            declared,
        )
    }

    /// Adds a `sinusoidal_poisson_generator` connected to the selected neurons through
    /// `synapse`: one train per target, or one for all when `individual_spike_trains`
    /// is false.
    pub fn sinusoidal_poisson_generator(
        &mut self,
        name: &str,
        params: SinusoidalPoissonGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note_generator(
            "sinusoidal_poisson_generator",
            name,
            &params,
            targets,
            synapse,
        );
        params.check(name)?;
        let window = params.window.steps(name, &self.resolution)?;
        let drive = super::train_generators::sine_drive(&params, self.resolution.ms());
        let kind = self.rate_kind(drive, window);
        let declared = GeneratorParams::Table(TableParams::SinusoidalPoisson(params));
        self.add_generator(
            name,
            "sinusoidal_poisson_generator",
            kind,
            targets,
            synapse,
            declared,
        )
    }

    /// Adds a `mip_generator`: a parent Poisson train at `rate`, each spike reaching
    /// each selected neuron with probability `p_copy`, through `synapse`.
    ///
    /// NEST checks the activity window once per `min_delay` slice (at its start); the
    /// engine checks it at every step, as for the other generators.
    pub fn mip_generator(
        &mut self,
        name: &str,
        params: MipGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note_generator("mip_generator", name, &params, targets, synapse);
        params.check(name)?;
        let window = params.window.steps(name, &self.resolution)?;
        let drive = RateDrive::Mip {
            mean: self.resolution.ms() * params.rate * 1e-3,
            p_copy: params.p_copy,
        };
        let kind = self.rate_kind(drive, window);
        let declared = GeneratorParams::Table(TableParams::Mip(params));
        self.add_generator(name, "mip_generator", kind, targets, synapse, declared)
    }
}
