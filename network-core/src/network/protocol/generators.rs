//! Generators between runs: a generator keeps its parameters as declared; setting one by
//! its NEST name re-runs the generator's checks and hands the new values to the blocks
//! that hold its connections.

use super::Setting;
use crate::devices::Window;
use crate::engine::poisson::PoissonDrive;
use crate::engine::stimulus::StimulusKind;
use crate::error::{Error, Result};
use crate::network::handles::GeneratorHandle;
use crate::network::info::GeneratorParams;
use crate::network::runtime::Network;
use crate::time::Resolution;
use std::sync::Arc;

/// The activity window's parameters, which every generator has.
const WINDOW: [&str; 3] = ["start", "stop", "origin"];

impl GeneratorParams {
    /// The parameters that can be set between runs, besides the window's.
    fn names(&self) -> &'static [&'static str] {
        match self {
            GeneratorParams::Dc(_) => &["amplitude"],
            GeneratorParams::Poisson(_) => &["rate"],
            GeneratorParams::Spikes(_) => &[
                "spike_times",
                "spike_weights",
                "spike_multiplicities",
                "allow_offgrid_times",
                "precise_times",
            ],
            GeneratorParams::Noise(_) => &["mean", "std", "std_mod", "dt", "frequency", "phase"],
            GeneratorParams::Table(_) => &[],
        }
    }

    fn window_mut(&mut self) -> &mut Window {
        match self {
            GeneratorParams::Dc(g) => &mut g.window,
            GeneratorParams::Poisson(g) => &mut g.window,
            GeneratorParams::Spikes(g) => &mut g.window,
            GeneratorParams::Noise(g) => &mut g.window,
            GeneratorParams::Table(t) => t.window_mut(),
        }
    }

    /// Sets parameter `name` (NEST's name and units); `entity` names the generator.
    fn set(&mut self, entity: &str, model: &str, name: &str, value: &Setting) -> Result<()> {
        let window = self.window_mut();
        match name {
            "start" => window.start = value.number(entity, name)?,
            "stop" => window.stop = value.number(entity, name)?,
            "origin" => window.origin = value.number(entity, name)?,
            _ => {}
        }
        if WINDOW.contains(&name) {
            return Ok(());
        }
        match (self, name) {
            (GeneratorParams::Dc(g), "amplitude") => g.amplitude = value.number(entity, name)?,
            (GeneratorParams::Poisson(g), "rate") => g.rate = value.number(entity, name)?,
            (GeneratorParams::Spikes(g), "spike_times") => g.spike_times = value.list(),
            (GeneratorParams::Spikes(g), "spike_weights") => g.spike_weights = value.list(),
            (GeneratorParams::Spikes(g), "spike_multiplicities") => {
                g.spike_multiplicities = counts(entity, name, &value.list())?
            }
            (GeneratorParams::Spikes(g), "allow_offgrid_times") => {
                g.allow_offgrid_times = super::offgrid_flags::flag(entity, name, value)?
            }
            (GeneratorParams::Spikes(g), "precise_times") => {
                g.precise_times = super::offgrid_flags::flag(entity, name, value)?
            }
            (GeneratorParams::Noise(g), "mean") => g.mean = value.number(entity, name)?,
            (GeneratorParams::Noise(g), "std") => g.std = value.number(entity, name)?,
            (GeneratorParams::Noise(g), "std_mod") => g.std_mod = value.number(entity, name)?,
            (GeneratorParams::Noise(g), "dt") => g.dt = value.number(entity, name)?,
            (GeneratorParams::Noise(g), "frequency") => g.frequency = value.number(entity, name)?,
            (GeneratorParams::Noise(g), "phase") => g.phase = value.number(entity, name)?,
            (params, _) => {
                let known: Vec<&str> = params.names().iter().chain(&WINDOW).copied().collect();
                return Err(Error::invalid(
                    entity,
                    name,
                    value,
                    format!(
                        "{model} has no parameter `{name}` that can be set between runs; it \
                         has {}",
                        known.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// A list of multiplicities (whole numbers >= 0).
fn counts(entity: &str, name: &str, values: &[f64]) -> Result<Vec<u32>> {
    values
        .iter()
        .map(|&v| {
            if v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX) {
                Ok(v as u32)
            } else {
                Err(Error::invalid(
                    entity,
                    name,
                    v,
                    "must be a whole number >= 0",
                ))
            }
        })
        .collect()
}

/// What the blocks of a generator take over after a change.
enum Update {
    Dc(f64, (i64, i64)),
    Poisson(f64, (i64, i64)),
    Spikes(Arc<[crate::devices::ListedSpike]>, (i64, i64)),
    /// A noise generator's stimulus (its oscillator is set again as the run starts).
    Noise(StimulusKind),
    /// A table-declared generator's new values (`table_generators`).
    Table(super::table_generators::Template),
}

impl Update {
    /// The checked values of `params` on the grid `res`.
    fn new(params: &GeneratorParams, entity: &str, res: &Resolution) -> Result<Self> {
        Ok(match params {
            GeneratorParams::Dc(g) => Update::Dc(g.amplitude, g.validate(entity, res)?),
            GeneratorParams::Poisson(g) => {
                let window = g.validate(entity, res)?;
                Update::Poisson(g.rate * res.ms() * 1e-3, window)
            }
            GeneratorParams::Spikes(g) => {
                let (spikes, window) = g.validate(entity, res)?;
                Update::Spikes(Arc::from(spikes), window)
            }
            GeneratorParams::Noise(g) => Update::Noise(StimulusKind::noise(g, entity, res)?),
            GeneratorParams::Table(t) => Update::Table(t.kind(entity, res)?),
        })
    }

    /// The stimulus of one target connected now, when it depends on the parameters
    /// alone: a Poisson train (drawn for that target), a spike list (the past spikes
    /// skipped by the stimulus itself). `None` for a generator of current, or one whose
    /// trains carry state from the start of the run.
    fn fresh(&self) -> Option<StimulusKind> {
        match self {
            Update::Poisson(mean, window) => Some(StimulusKind::Poisson {
                mean: *mean,
                drive: PoissonDrive::new(*mean, 1),
                window: *window,
            }),
            Update::Spikes(spikes, window) => Some(StimulusKind::Spikes {
                spikes: spikes.clone(),
                window: *window,
            }),
            _ => None,
        }
    }

    /// Hands the values to one block's stimulus of `n` targets; `counts_spikes` for a
    /// parrot target, which ignores spike weights. Returns the new cursor, if reset.
    fn apply(&self, kind: &mut StimulusKind, n: usize, counts_spikes: bool) -> Option<i64> {
        match (self, kind) {
            (Update::Dc(a, w), StimulusKind::Dc { amplitude, window }) => {
                (*amplitude, *window) = (*a, *w);
            }
            (
                Update::Poisson(m, w),
                StimulusKind::Poisson {
                    mean,
                    drive,
                    window,
                },
            ) => {
                if m.to_bits() != mean.to_bits() {
                    *drive = PoissonDrive::new(*m, n);
                }
                (*mean, *window) = (*m, *w);
            }
            (Update::Spikes(list, w), StimulusKind::Spikes { spikes, window }) => {
                *spikes = if counts_spikes {
                    list.iter().map(|s| s.counted()).collect()
                } else {
                    list.clone()
                };
                *window = *w;
                // NEST's `spike_generator` starts over at its first spike; the past ones
                // are skipped.
                return Some(0);
            }
            // The redraw cursor stays: NEST keeps its next redraw step when `dt` changes.
            (Update::Noise(new), noise @ StimulusKind::Noise { .. }) => *noise = new.clone(),
            _ => {}
        }
        None
    }
}

impl Network {
    /// Sets parameter `name` of a generator between runs, by NEST's name and in NEST's
    /// units: `amplitude` (pA) of a `dc_generator`, `rate` (Hz) of a
    /// `poisson_generator`, `spike_times` (ms), `spike_weights`, `spike_multiplicities`
    /// of a `spike_generator`, `mean`, `std`, `std_mod` (pA), `dt` (ms), `frequency`
    /// (Hz) and `phase` (degrees) of a `noise_generator`, and
    /// `start`, `stop`, `origin` (ms) of any; the flags `allow_offgrid_times` (a
    /// `spike_generator`'s, a `step_current_generator`'s, an
    /// `inhomogeneous_poisson_generator`'s) and `precise_times` (a `spike_generator`'s),
    /// 1 for true and 0 for false, only as NEST takes them: together with the times,
    /// or while there are none (`set_generator_params`). The generator's checks run again; the
    /// change takes effect from the next step.
    pub fn set_generator(
        &mut self,
        generator: &GeneratorHandle,
        name: &str,
        value: impl Into<Setting>,
    ) -> Result<()> {
        self.set_generator_params(generator, &[(name, value.into())])
    }

    /// Sets several parameters of a generator at once, as NEST's `gen.set(a=.., b=..)`:
    /// the generator's checks run on all of them together (a `step_current_generator`'s
    /// `amplitude_times` and `amplitude_values` of a new length, which NEST takes only
    /// together), then the blocks take the new values over as after
    /// [`Network::set_generator`].
    pub fn set_generator_params(
        &mut self,
        generator: &GeneratorHandle,
        values: &[(&str, Setting)],
    ) -> Result<()> {
        let g = generator.index;
        let info = self.generators.get(g).ok_or_else(|| {
            Error::Name(format!(
                "generator #{g} does not exist in this network ({} generators)",
                self.generators.len()
            ))
        })?;
        let entity = info.name.clone();
        let Some(mut params) = info.params.clone() else {
            let Some((name, value)) = values.first() else {
                return Ok(());
            };
            return Err(Error::invalid(
                &entity,
                name,
                value,
                format!("{} cannot be changed after build", info.model),
            ));
        };
        super::offgrid_flags::check(&params, &entity, values)?;
        for (name, value) in values {
            match &mut params {
                GeneratorParams::Table(t) => t.set(&entity, name, value)?,
                params => params.set(&entity, info.model, name, value)?,
            }
        }
        let only_window = values.iter().all(|(name, _)| WINDOW.contains(name));
        let now = self.step;
        let update = Update::new(&params, &entity, &self.resolution)?;
        for population in &mut self.populations {
            let counts_spikes = population.counts_spikes();
            for block in population.blocks().iter_mut() {
                for stimulus in block.stimuli.iter_mut().filter(|s| s.device == g) {
                    if let Update::Table(template) = &update {
                        template.apply(&mut stimulus.kind, only_window, now);
                        continue;
                    }
                    let n = stimulus.targets.len();
                    if let Some(cursor) = update.apply(&mut stimulus.kind, n, counts_spikes) {
                        stimulus.cursor = cursor;
                    }
                }
            }
        }
        // A recorder's train, as a parrot's: counted, weights ignored; a shared train's
        // clock as one of its targets.
        let taps = self.taps.iter_mut().filter(|t| t.generator == g);
        let clocks = self.clocks.iter_mut().filter(|c| c.generator == g);
        let stimuli = taps
            .map(|t| &mut t.stimulus)
            .chain(clocks.map(|c| &mut c.stimulus));
        for stimulus in stimuli {
            if let Update::Table(template) = &update {
                template.apply(&mut stimulus.kind, only_window, now);
            } else if let Some(cursor) = update.apply(&mut stimulus.kind, 1, true) {
                stimulus.cursor = cursor;
            }
        }
        self.generators[g].params = Some(params);
        Ok(())
    }
}

/// The stimulus a target connected now to the generator of `params` receives (see
/// `Update::fresh`); `entity` names the generator.
pub(super) fn fresh_stimulus(
    params: &GeneratorParams,
    entity: &str,
    res: &Resolution,
) -> Result<Option<StimulusKind>> {
    Ok(Update::new(params, entity, res)?.fresh())
}
