//! Between runs, the generators whose parameters the vocabulary's tables declare
//! (step current, ac, inhomogeneous, sinusoidal Poisson and gamma, mip, pulse packets,
//! gamma and dead-time superpositions): a parameter is set by its NEST name through the
//! table, NEST's checks run again, and the blocks take over the new values while keeping
//! the state NEST keeps (a superposition's components, a gamma train's integrated rate).

use super::Setting;
use crate::devices::Window;
use crate::engine::gamma_hazard::SinusoidalGamma;
use crate::engine::rate_drive::RateDrive;
use crate::engine::stimulus::StimulusKind;
use crate::error::{Error, Result};
use crate::network::builder::train_generators as train_drives;
pub(crate) use crate::network::info::TableParams;
use crate::spec::Parameters;
use crate::time::Resolution;
use std::f64::consts::PI;
use std::sync::Arc;

/// `$body` with `$g` bound to the parameters of whichever generator `$p` holds.
macro_rules! each {
    ($p:expr, $g:ident => $body:expr) => {
        match $p {
            TableParams::StepCurrent($g) => $body,
            TableParams::Ac($g) => $body,
            TableParams::Inhomogeneous($g) => $body,
            TableParams::SinusoidalPoisson($g) => $body,
            TableParams::Mip($g) => $body,
            TableParams::Pulses($g) => $body,
            TableParams::GammaSup($g) => $body,
            TableParams::PpdSup($g) => $body,
            TableParams::SinusoidalGamma($g) => $body,
        }
    };
}

/// Sets `name` of table `M` to `value` (a number, or a list for a list parameter).
fn set_in<M: Parameters>(m: &mut M, entity: &str, name: &str, value: &Setting) -> Result<()> {
    match value {
        Setting::Number(v) if m.get_list(name).is_some() => m.set_list(entity, name, &[*v]),
        Setting::Number(v) => m.set(entity, name, *v),
        Setting::List(l) => m.set_list(entity, name, l),
    }
}

impl TableParams {
    /// The activity window.
    pub fn window_mut(&mut self) -> &mut Window {
        each!(self, g => &mut g.window)
    }

    /// Sets parameter `name` by its NEST name (the window's `start`, `stop`, `origin` or
    /// one of the table's), as NEST's `SetStatus` on the node.
    pub fn set(&mut self, entity: &str, name: &str, value: &Setting) -> Result<()> {
        if name == "individual_spike_trains" {
            return Err(Error::invalid(
                entity,
                name,
                value,
                "can only be set on the model (NEST: SetDefaults or CopyModel), not on a \
                 generator between runs",
            ));
        }
        let window = self.window_mut();
        match name {
            "start" => window.start = value.number(entity, name)?,
            "stop" => window.stop = value.number(entity, name)?,
            "origin" => window.origin = value.number(entity, name)?,
            _ => each!(self, g => set_in(g, entity, name, value)?),
        }
        Ok(())
    }

    /// The checked stimulus these parameters give on grid `res`, to take over from.
    pub fn kind(&self, entity: &str, res: &Resolution) -> Result<Template> {
        let window = each!(self, g => g.window.steps(entity, res)?);
        let template = match self {
            TableParams::StepCurrent(g) => {
                Template::StepCurrent(Arc::from(g.amplitude_steps(entity, res)?))
            }
            TableParams::Ac(g) => {
                g.check(entity)?;
                let omega = 2.0 * PI * g.frequency / 1000.0;
                let omega_h = omega * res.ms();
                Template::Ac {
                    amplitude: g.amplitude,
                    offset: g.offset,
                    omega,
                    phase: g.phase * 2.0 * PI / 360.0,
                    rotation: (omega_h.cos(), omega_h.sin()),
                }
            }
            TableParams::Inhomogeneous(g) => Template::Drive(RateDrive::Piecewise {
                changes: Arc::from(g.rate_steps(entity, res)?),
                next: 0,
                rate: 0.0,
            }),
            TableParams::SinusoidalPoisson(g) => {
                g.check(entity)?;
                Template::Drive(train_drives::sine_drive(g, res.ms()))
            }
            TableParams::Mip(g) => {
                g.check(entity)?;
                Template::Drive(RateDrive::Mip {
                    mean: res.ms() * g.rate * 1e-3,
                    p_copy: g.p_copy,
                })
            }
            TableParams::Pulses(g) => {
                g.check(entity)?;
                Template::Drive(train_drives::pulse_drive(g, res.tics_per_step()))
            }
            TableParams::GammaSup(g) => {
                g.check(entity)?;
                Template::Drive(train_drives::gamma_sup_drive(g))
            }
            TableParams::PpdSup(g) => {
                g.check(entity)?;
                Template::Drive(train_drives::ppd_sup_drive(g))
            }
            TableParams::SinusoidalGamma(g) => {
                g.check(entity)?;
                Template::Law(train_drives::gamma_law(g))
            }
        };
        Ok(template.with_window(window))
    }
}

impl TableParams {
    /// The drive and window (steps) a spike recorder connected between runs receives
    /// when its train depends on the parameters alone: one train per target
    /// (inhomogeneous Poisson, individual sinusoidal Poisson and gamma trains, gamma and
    /// dead-time superpositions, each new train started as NEST starts a new target's
    /// at the next run). `None` for a train shared by all targets (a `mip_generator`'s
    /// parent, pulse packets, `individual_spike_trains: false`), drawn from the start of
    /// the run, and for the current generators.
    pub fn own_train(
        &self,
        entity: &str,
        res: &Resolution,
    ) -> Result<Option<(RateDrive, (i64, i64))>> {
        let window = each!(self, g => g.window.steps(entity, res)?);
        let drive = match self {
            TableParams::Inhomogeneous(g) => RateDrive::Piecewise {
                changes: Arc::from(g.rate_steps(entity, res)?),
                next: 0,
                rate: 0.0,
            },
            TableParams::SinusoidalPoisson(g) if g.individual_spike_trains => {
                g.check(entity)?;
                train_drives::sine_drive(g, res.ms())
            }
            TableParams::GammaSup(g) => {
                g.check(entity)?;
                train_drives::gamma_sup_drive(g)
            }
            TableParams::PpdSup(g) => {
                g.check(entity)?;
                train_drives::ppd_sup_drive(g)
            }
            TableParams::SinusoidalGamma(g) if g.individual_spike_trains => {
                g.check(entity)?;
                RateDrive::SinusoidalGamma(SinusoidalGamma::new(
                    train_drives::gamma_law(g),
                    true,
                    res.ms(),
                ))
            }
            _ => return Ok(None),
        };
        Ok(Some((drive, window)))
    }
}

/// What the blocks of a table-declared generator take over after a change.
pub(crate) enum Template {
    StepCurrent(Arc<[crate::spec::devices::AmplitudeStep]>),
    Ac {
        amplitude: f64,
        offset: f64,
        omega: f64,
        phase: f64,
        rotation: (f64, f64),
    },
    Drive(RateDrive),
    Law(crate::engine::gamma_hazard::GammaLaw),
    Windowed(Box<Template>, (i64, i64)),
}

impl Template {
    fn with_window(self, window: (i64, i64)) -> Self {
        Template::Windowed(Box::new(self), window)
    }

    /// Hands the new values to one block's stimulus at step `now` (the next run's
    /// first); `only_window` when the window alone changed (NEST then keeps a pulse
    /// generator's drawn spikes).
    pub fn apply(&self, kind: &mut StimulusKind, only_window: bool, now: i64) {
        let Template::Windowed(inner, w) = self else {
            return;
        };
        match kind {
            StimulusKind::StepCurrent { window, .. }
            | StimulusKind::Ac { window, .. }
            | StimulusKind::Rate { window, .. } => *window = *w,
            _ => {}
        }
        if only_window {
            return;
        }
        match (&**inner, kind) {
            (
                Template::StepCurrent(c),
                StimulusKind::StepCurrent {
                    changes,
                    next,
                    amplitude,
                    ..
                },
            ) => {
                // NEST starts over at the first change, skipping those not after now
                // (the amplitude stays until the next change).
                let _ = amplitude;
                *next = first_after(c, now);
                *changes = c.clone();
            }
            (
                Template::Ac {
                    amplitude: a,
                    offset: o,
                    omega: om,
                    phase: ph,
                    rotation: r,
                },
                StimulusKind::Ac {
                    amplitude,
                    offset,
                    omega,
                    phase,
                    rotation,
                    ..
                },
            ) => {
                (*amplitude, *offset, *omega, *phase, *rotation) = (*a, *o, *om, *ph, *r);
            }
            (
                Template::Law(law),
                StimulusKind::Rate {
                    drive: RateDrive::SinusoidalGamma(g),
                    ..
                },
            ) => g.law = *law,
            (Template::Drive(new), StimulusKind::Rate { drive, .. }) => take_over(drive, new, now),
            _ => {}
        }
    }
}

/// The index of the first change stamped after step `now` (NEST skips the others).
fn first_after(changes: &[(i64, f64)], now: i64) -> usize {
    changes.partition_point(|&(stamp, _)| stamp <= now)
}

/// `drive` takes `new`'s parameters at step `now` and keeps its own state where NEST
/// keeps it.
fn take_over(drive: &mut RateDrive, new: &RateDrive, now: i64) {
    match (drive, new) {
        (RateDrive::Piecewise { changes, next, .. }, RateDrive::Piecewise { changes: c, .. }) => {
            // As a step current's: the rate stays until the next change after now.
            *next = first_after(c, now);
            *changes = c.clone();
        }
        (RateDrive::Pulses(p), RateDrive::Pulses(n)) => {
            p.replace(n.centres.to_vec(), n.activity, n.sdev)
        }
        (RateDrive::GammaSup(g), RateDrive::GammaSup(n)) => {
            (g.rate, g.shape, g.n_proc) = (n.rate, n.shape, n.n_proc)
        }
        (RateDrive::PpdSup(g), RateDrive::PpdSup(n)) => {
            (g.rate, g.dead_time, g.n_proc) = (n.rate, n.dead_time, n.n_proc);
            (g.frequency, g.relative_amplitude) = (n.frequency, n.relative_amplitude);
        }
        (
            RateDrive::Sine {
                rate,
                amplitude,
                omega,
                phase,
                rotation,
                ..
            },
            RateDrive::Sine {
                rate: r,
                amplitude: a,
                omega: om,
                phase: ph,
                rotation: rot,
                ..
            },
        ) => {
            (*rate, *amplitude, *omega, *phase, *rotation) = (*r, *a, *om, *ph, *rot);
        }
        (drive, new) => *drive = new.clone(),
    }
}
