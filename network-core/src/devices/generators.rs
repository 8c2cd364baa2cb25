//! Parameters of the stimulation devices.

use super::Window;
use crate::error::{Error, Result};
use crate::time::{checked_tics, Resolution};

/// NEST's `dc_generator`: a constant current (pA). Current flows over
/// `[start + delay, stop + delay]`; V_m first moves at `start + delay + h`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DcGenerator {
    /// Amplitude (pA).
    pub amplitude: f64,
    /// Activity window.
    pub window: Window,
}

/// NEST's `poisson_generator`: an independent Poisson spike train per target, rate in Hz,
/// active for spikes stamped in `(start + h, stop + h]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PoissonGenerator {
    /// Rate (Hz, >= 0).
    pub rate: f64,
    /// Activity window.
    pub window: Window,
}

/// NEST's `spike_generator`: emits spikes at listed times (ms, relative to origin), each
/// behaving like a neuron spike at that time.
///
/// Times are converted as NEST converts them: rounded to the nearest tic, a time on the
/// grid is its step (2.9999 ms is step 30 at 0.1 ms); a time off the grid is an error,
/// or, with `allow_offgrid_times` or `precise_times`, stamped at the end of the step it
/// lies in. Every neuron model of the engine is grid-based, so a precise spike's offset
/// within its step is dropped on delivery, as NEST's grid-based models drop it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SpikeGenerator {
    /// Spike times (ms), > 0 (0 with `shift_now_spikes`), in non-descending order.
    pub spike_times: Vec<f64>,
    /// Optional per-spike weight factors (same length as `spike_times`).
    pub spike_weights: Vec<f64>,
    /// Optional per-spike multiplicities (same length as `spike_times`).
    pub spike_multiplicities: Vec<u32>,
    /// Round off-grid times up to the grid instead of rejecting them.
    pub allow_offgrid_times: bool,
    /// Keep each time's offset within its step (NEST's precise spikes); times off the
    /// grid are stamped at the end of their step. NEST refuses it beside
    /// `allow_offgrid_times` or `shift_now_spikes`.
    pub precise_times: bool,
    /// A spike at the current time (`origin + t` = now, 0 ms before the first run) moves
    /// one step later instead of being lost; allows a time of 0 ms.
    pub shift_now_spikes: bool,
    /// Activity window.
    pub window: Window,
}

/// NEST's `noise_generator`: a Gaussian white-noise current, one independent amplitude
/// per target, `mean + sqrt(std² + y·std_mod²)·N(0,1)` redrawn every `dt` ms.
#[derive(Debug, Clone, PartialEq)]
pub struct NoiseGenerator {
    /// Mean current (pA).
    pub mean: f64,
    /// Standard deviation (pA, >= 0).
    pub std: f64,
    /// Interval between redraws (ms), a multiple of the resolution.
    pub dt: f64,
    /// Modulation amplitude of the standard deviation (pA, 0 <= std_mod <= std).
    pub std_mod: f64,
    /// Modulation frequency (Hz).
    pub frequency: f64,
    /// Modulation phase (degrees).
    pub phase: f64,
    /// Activity window.
    pub window: Window,
}

impl Default for NoiseGenerator {
    fn default() -> Self {
        Self {
            mean: 0.0,
            std: 0.0,
            dt: 1.0,
            std_mod: 0.0,
            frequency: 0.0,
            phase: 0.0,
            window: Window::default(),
        }
    }
}

impl DcGenerator {
    pub(crate) fn validate(&self, entity: &str, res: &Resolution) -> Result<(i64, i64)> {
        finite(entity, "amplitude", self.amplitude)?;
        self.window.steps(entity, res)
    }
}

/// Largest mean spike count per step of a `poisson_generator` (rate · h): a count is
/// 32 bits, and a mean of 1e9 stays more than 10^4 standard deviations below 2^32.
pub const MAX_POISSON_MEAN_PER_STEP: f64 = 1e9;

impl PoissonGenerator {
    pub(crate) fn validate(&self, entity: &str, res: &Resolution) -> Result<(i64, i64)> {
        if !(self.rate >= 0.0 && self.rate.is_finite()) {
            return Err(Error::invalid(entity, "rate", self.rate, "must be >= 0 Hz"));
        }
        let per_step = self.rate * res.ms() * 1e-3;
        if per_step > MAX_POISSON_MEAN_PER_STEP {
            return Err(Error::invalid(
                entity,
                "rate",
                self.rate,
                format!(
                    "gives {per_step:e} spikes per step of {} ms; at most {MAX_POISSON_MEAN_PER_STEP:e} \
                     per step are supported (a count is 32 bits): lower the rate, or use a \
                     dc_generator or noise_generator for the mean drive",
                    res.ms()
                ),
            ));
        }
        self.window.steps(entity, res)
    }
}

impl NoiseGenerator {
    /// Window and redraw interval in steps.
    pub(crate) fn validate(&self, entity: &str, res: &Resolution) -> Result<((i64, i64), i64)> {
        for (name, v) in [
            ("mean", self.mean),
            ("std", self.std),
            ("std_mod", self.std_mod),
            ("frequency", self.frequency),
            ("phase", self.phase),
        ] {
            finite(entity, name, v)?;
        }
        if self.std < 0.0 {
            return Err(Error::invalid(entity, "std", self.std, "must be >= 0 pA"));
        }
        if self.std_mod < 0.0 || self.std_mod > self.std {
            return Err(Error::invalid(
                entity,
                "std_mod",
                self.std_mod,
                format!("must lie in [0, std] = [0, {}] pA", self.std),
            ));
        }
        let dt = res.grid_steps(entity, "dt", self.dt)?;
        if dt < 1 {
            return Err(Error::invalid(
                entity,
                "dt",
                self.dt,
                "must be at least one step",
            ));
        }
        Ok((self.window.steps(entity, res)?, dt))
    }
}

/// One spike of a `spike_generator`'s list, checked and on the grid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ListedSpike {
    /// Time stamp (steps, origin included): the spike is sent in step `stamp − 1`.
    pub stamp: i64,
    /// Weight factor (`spike_weights`; 1 when there are none).
    pub factor: f64,
    /// Copies sent (`spike_multiplicities`; 1 when there are none).
    pub multiplicity: u32,
    /// With `precise_times`, how far (ms) the spike time lies before the end of its
    /// step (NEST's offset: the stamp's time minus the spike time); 0 on the grid.
    /// Grid-based models ignore it; a spike recorder on the generator records it.
    pub offset: f64,
}

impl ListedSpike {
    /// The spike as a parrot or a recorder takes it: counted, its weight ignored.
    pub fn counted(self) -> Self {
        Self {
            factor: 1.0,
            ..self
        }
    }
}

impl SpikeGenerator {
    /// Spike stamps in steps (after origin), with each spike's weight factor and
    /// multiplicity, and the window.
    pub(crate) fn validate(
        &self,
        entity: &str,
        res: &Resolution,
    ) -> Result<(Vec<ListedSpike>, (i64, i64))> {
        let n = self.spike_times.len();
        if !self.spike_weights.is_empty() && self.spike_weights.len() != n {
            return Err(Error::invalid(
                entity,
                "spike_weights",
                self.spike_weights.len(),
                format!("must be empty or have one entry per spike time ({n})"),
            ));
        }
        if !self.spike_multiplicities.is_empty() && self.spike_multiplicities.len() != n {
            return Err(Error::invalid(
                entity,
                "spike_multiplicities",
                self.spike_multiplicities.len(),
                format!("must be empty or have one entry per spike time ({n})"),
            ));
        }
        crate::spec::time_flags::check_precise_alone(
            entity,
            self.precise_times,
            self.allow_offgrid_times,
            self.shift_now_spikes,
        )?;
        let window = self.window.steps(entity, res)?;
        let origin = res.grid_steps(entity, "origin", self.window.origin)?;
        let mut spikes = Vec::with_capacity(n);
        let mut previous = f64::NEG_INFINITY;
        for (k, &t) in self.spike_times.iter().enumerate() {
            if t < previous {
                return Err(Error::invalid(
                    entity,
                    "spike_times",
                    t,
                    format!("times must be sorted; {t} follows {previous}"),
                ));
            }
            previous = t;
            let stamp = self.stamp(entity, res, origin, t)?;
            let factor = self.spike_weights.get(k).copied().unwrap_or(1.0);
            finite(entity, "spike_weights", factor)?;
            let offset = if self.precise_times {
                res.step_to_ms(stamp) - t
            } else {
                0.0
            };
            spikes.push(ListedSpike {
                stamp: origin + stamp,
                factor,
                multiplicity: self.spike_multiplicities.get(k).copied().unwrap_or(1),
                offset,
            });
        }
        Ok((spikes, window))
    }
}

impl SpikeGenerator {
    /// The step stamp of spike time `t` (relative to origin), as NEST's
    /// `assert_valid_spike_time_and_insert_` computes it before the first run (now = 0).
    fn stamp(&self, entity: &str, res: &Resolution, origin: i64, t: f64) -> Result<i64> {
        if t == 0.0 && !self.shift_now_spikes {
            return Err(Error::invalid(
                entity,
                "spike_times",
                t,
                "times must be > 0 ms (0 ms only with shift_now_spikes, which emits it one step later)",
            ));
        }
        // NEST rounds a negative time off its grid; such a spike would never be sent.
        if !(t.is_finite() && t >= 0.0) {
            return Err(Error::invalid(
                entity,
                "spike_times",
                t,
                "times must be >= 0 ms",
            ));
        }
        checked_tics(entity, "spike_times", t)?;
        if self.precise_times {
            return Ok(res.ms_stamp_steps(t));
        }
        let stamp = match res.tic_grid_steps(t) {
            Some(stamp) => stamp,
            None if self.allow_offgrid_times => res.ms_stamp_steps(t),
            None => {
                return Err(Error::invalid(
                    entity,
                    "spike_times",
                    t,
                    format!(
                    "must lie on the grid of {} ms (or set allow_offgrid_times or precise_times)",
                    res.ms()
                ),
                ))
            }
        };
        // Before the first run "now" is step 0.
        if self.shift_now_spikes && origin + stamp == 0 {
            return Ok(stamp + 1);
        }
        Ok(stamp)
    }
}

fn finite(entity: &str, name: &str, v: f64) -> Result<()> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(Error::invalid(entity, name, v, "must be finite"))
    }
}
