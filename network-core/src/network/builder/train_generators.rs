//! `NetworkBuilder::pulsepacket_generator` and the other generators whose trains are
//! not Poisson (`engine::train_drive`, `engine::gamma_hazard`).

use super::NetworkBuilder;
use crate::devices::SinusoidalPoissonGenerator;
use crate::engine::gamma_hazard::{GammaLaw, SinusoidalGamma};
use crate::engine::rate_drive::RateDrive;
use crate::engine::train_drive::{GammaSup, PpdSup, PulsePackets};
use crate::error::Result;
use crate::network::handles::{GeneratorHandle, Selection};
use crate::network::info::GeneratorParams;
use crate::network::info::TableParams;
use crate::spec::{
    GammaSupGenerator, PpdSupGenerator, PulsepacketGenerator, SinusoidalGammaGenerator,
};
use crate::synapse::StaticSynapse;
use std::f64::consts::PI;

/// The drive of a `pulsepacket_generator` with checked parameters.
pub(crate) fn pulse_drive(p: &PulsepacketGenerator, tics_per_step: i64) -> RateDrive {
    RateDrive::Pulses(PulsePackets::new(
        p.sorted_pulse_times(),
        p.activity as u32,
        p.sdev,
        tics_per_step,
    ))
}

/// The drive of a `gamma_sup_generator` with checked parameters.
pub(crate) fn gamma_sup_drive(p: &GammaSupGenerator) -> RateDrive {
    RateDrive::GammaSup(GammaSup::new(p.rate, p.gamma_shape as u64, p.n_proc as u64))
}

/// The drive of a `ppd_sup_generator` with checked parameters.
pub(crate) fn ppd_sup_drive(p: &PpdSupGenerator) -> RateDrive {
    RateDrive::PpdSup(PpdSup::new(
        p.rate,
        p.dead_time,
        p.n_proc as u64,
        (p.frequency, p.relative_amplitude),
    ))
}

/// The drive of a `sinusoidal_poisson_generator` on a grid of `h` ms, with NEST's
/// conversions (`sinusoidal_poisson_generator::Parameters_::set`).
pub(crate) fn sine_drive(p: &SinusoidalPoissonGenerator, h: f64) -> RateDrive {
    let omega = p.frequency * (2.0 * PI / 1000.0);
    let omega_h = h * omega;
    RateDrive::Sine {
        rate: p.rate / 1000.0,
        amplitude: p.amplitude / 1000.0,
        omega,
        phase: p.phase * (PI / 180.0),
        rotation: (omega_h.cos(), omega_h.sin()),
        oscillator: (0.0, 0.0),
        individual: p.individual_spike_trains,
    }
}

/// The law of a `sinusoidal_gamma_generator` in NEST's internal units.
pub(crate) fn gamma_law(p: &SinusoidalGammaGenerator) -> GammaLaw {
    GammaLaw::new(p.rate, p.amplitude, p.frequency, p.phase, p.order)
}

impl NetworkBuilder {
    /// Adds a `pulsepacket_generator`: every selected neuron receives the same train of
    /// Gaussian packets, through `synapse`. As in NEST, the activity window is checked
    /// at the start of each `min_delay` slice, and a packet is drawn when its centre is
    /// within `10 · sdev` (1 ms without spread) of a slice's start, keeping the spikes
    /// not before that start.
    pub fn pulsepacket_generator(
        &mut self,
        name: &str,
        params: PulsepacketGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note_generator("pulsepacket_generator", name, &params, targets, synapse);
        params.check(name)?;
        let window = params.window.steps(name, &self.resolution)?;
        let drive = pulse_drive(&params, self.resolution.tics_per_step());
        let kind = self.rate_kind(drive, window);
        let declared = GeneratorParams::Table(TableParams::Pulses(params));
        self.add_generator(
            name,
            "pulsepacket_generator",
            kind,
            targets,
            synapse,
            declared,
        )
    }

    /// Adds a `gamma_sup_generator`: each selected neuron receives its own
    /// superposition of `n_proc` gamma processes, through `synapse`.
    pub fn gamma_sup_generator(
        &mut self,
        name: &str,
        params: GammaSupGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note_generator("gamma_sup_generator", name, &params, targets, synapse);
        params.check(name)?;
        let window = params.window.steps(name, &self.resolution)?;
        let kind = self.rate_kind(gamma_sup_drive(&params), window);
        let declared = GeneratorParams::Table(TableParams::GammaSup(params));
        self.add_generator(
            name,
            "gamma_sup_generator",
            kind,
            targets,
            synapse,
            declared,
        )
    }

    /// Adds a `ppd_sup_generator`: each selected neuron receives its own superposition
    /// of `n_proc` Poisson processes with dead time, through `synapse`.
    pub fn ppd_sup_generator(
        &mut self,
        name: &str,
        params: PpdSupGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note_generator("ppd_sup_generator", name, &params, targets, synapse);
        params.check(name)?;
        let window = params.window.steps(name, &self.resolution)?;
        let kind = self.rate_kind(ppd_sup_drive(&params), window);
        let declared = GeneratorParams::Table(TableParams::PpdSup(params));
        self.add_generator(name, "ppd_sup_generator", kind, targets, synapse, declared)
    }

    /// Adds a `sinusoidal_gamma_generator` connected to the selected neurons through
    /// `synapse`: one train per target, or one for all when `individual_spike_trains`
    /// is false.
    pub fn sinusoidal_gamma_generator(
        &mut self,
        name: &str,
        params: SinusoidalGammaGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note_generator(
            "sinusoidal_gamma_generator",
            name,
            &params,
            targets,
            synapse,
        );
        params.check(name)?;
        let window = params.window.steps(name, &self.resolution)?;
        let drive = RateDrive::SinusoidalGamma(SinusoidalGamma::new(
            gamma_law(&params),
            params.individual_spike_trains,
            self.resolution.ms(),
        ));
        let kind = self.rate_kind(drive, window);
        let declared = GeneratorParams::Table(TableParams::SinusoidalGamma(params));
        self.add_generator(
            name,
            "sinusoidal_gamma_generator",
            kind,
            targets,
            synapse,
            declared,
        )
    }
}
