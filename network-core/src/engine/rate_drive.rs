//! Generators whose spike counts follow a rate that changes in time or is shared
//! between targets: `inhomogeneous_poisson_generator`, `sinusoidal_poisson_generator`
//! and `mip_generator`, and the trains that are not Poisson (`engine::train_drive`,
//! `engine::gamma_hazard`). Each step they fill one count per target; the stimulus then
//! delivers the counts (`engine::stimulus`).

use super::gamma_hazard::SinusoidalGamma;
use super::train_drive::{GammaSup, PpdSup, PulsePackets};
use crate::rng::Stream;
use rand::RngExt;
use rand_distr::{Distribution, Poisson};
use std::sync::Arc;

/// A Poisson count of mean `mean` (0 for a mean that is not positive).
fn poisson(rng: &mut Stream, mean: f64) -> u32 {
    match Poisson::new(mean) {
        Ok(d) if mean > 0.0 => d.sample(rng) as u32,
        _ => 0,
    }
}

/// The rate law of a generator, with its state.
#[derive(Debug, Clone)]
pub(crate) enum RateDrive {
    /// `inhomogeneous_poisson_generator`: from stamp `S` on (set in step `S − 1`) the
    /// rate of that change; one train per target.
    Piecewise {
        /// `(stamp, rate in Hz)`, stamps strictly increasing.
        changes: Arc<[(i64, f64)]>,
        /// The next change not yet applied.
        next: usize,
        /// The rate now (1/ms).
        rate: f64,
    },
    /// `sinusoidal_poisson_generator`: `max(0, rate + y1)` with the oscillator
    /// `(y0, y1)` rotated every step and restarted at each run as NEST's
    /// `pre_run_hook` does.
    Sine {
        /// Mean rate (1/ms).
        rate: f64,
        /// Amplitude (1/ms).
        amplitude: f64,
        /// ω (rad/ms).
        omega: f64,
        /// φ (rad).
        phase: f64,
        /// (cos, sin) of h·ω.
        rotation: (f64, f64),
        /// Oscillator state.
        oscillator: (f64, f64),
        /// One train per target (true) or one train for all.
        individual: bool,
    },
    /// `mip_generator`: a parent Poisson count of mean `mean` per step, drawn from the
    /// stream every block shares, each spike copied to each target with probability
    /// `p_copy`.
    Mip { mean: f64, p_copy: f64 },
    /// `pulsepacket_generator`: one train for all targets, drawn from the shared stream.
    Pulses(PulsePackets),
    /// `gamma_sup_generator`: one superposition per target.
    GammaSup(GammaSup),
    /// `ppd_sup_generator`: one superposition per target.
    PpdSup(PpdSup),
    /// `sinusoidal_gamma_generator`: one train per target, or one for all.
    SinusoidalGamma(SinusoidalGamma),
}

impl RateDrive {
    /// Restarts the state NEST sets at the start of each run, at `t_ms`, for `targets`
    /// targets on a grid of `h` ms with slices of `slice_len` steps.
    pub fn begin_run(&mut self, t_ms: f64, h: f64, slice_len: i64, targets: usize) {
        match self {
            RateDrive::Pulses(p) => p.begin_run(t_ms, slice_len),
            RateDrive::GammaSup(g) => g.begin_run(h, targets),
            RateDrive::PpdSup(g) => g.begin_run(h, targets),
            RateDrive::SinusoidalGamma(g) => g.begin_run(t_ms, targets),
            _ => {}
        }
        if let RateDrive::Sine {
            amplitude,
            omega,
            phase,
            oscillator,
            ..
        } = self
        {
            let angle = *omega * t_ms + *phase;
            *oscillator = (*amplitude * angle.cos(), *amplitude * angle.sin());
        }
    }

    /// Advances to step `s` and, when active in `window` (`t_min < s <= t_max`), fills
    /// `counts` (one per target) from `rng` (this block's stream) and `shared` (the
    /// stream every block of the generator draws alike). Returns whether any count may
    /// be non-zero. `res` is the grid (ms per step, tics per step).
    pub fn step(
        &mut self,
        s: i64,
        (h, tics_per_step): (f64, i64),
        window: (i64, i64),
        (rng, shared): (&mut Stream, &mut Stream),
        counts: &mut [u32],
    ) -> bool {
        let active = super::poisson::sends_in(window, s);
        // The step's start and end as NEST's `Time::get_ms` gives them.
        let ms_at = |step: i64| (step * tics_per_step) as f64 * 0.001;
        match self {
            RateDrive::Pulses(p) => {
                let n = p.step(s, window, shared);
                counts.fill(n);
                n > 0
            }
            RateDrive::GammaSup(g) => active && g.step(rng, counts),
            RateDrive::PpdSup(g) => active && g.step(ms_at(s), rng, counts),
            RateDrive::SinusoidalGamma(g) => g.step(ms_at(s + 1), active, (rng, shared), counts),
            RateDrive::Piecewise {
                changes,
                next,
                rate,
            } => {
                while *next < changes.len() && changes[*next].0 <= s + 1 {
                    *rate = changes[*next].1 / 1000.0;
                    *next += 1;
                }
                if !(active && *rate > 0.0) {
                    return false;
                }
                let mean = *rate * h;
                counts.iter_mut().for_each(|c| *c = poisson(rng, mean));
                true
            }
            RateDrive::Sine {
                rate,
                rotation: (cos, sin),
                oscillator,
                individual,
                ..
            } => {
                let (y0, y1) = *oscillator;
                let new_y0 = *cos * y0 - *sin * y1;
                let new_y1 = *sin * y0 + *cos * y1;
                *oscillator = (new_y0, new_y1);
                let now = (*rate + new_y1).max(0.0);
                if !(active && now > 0.0) {
                    return false;
                }
                if *individual {
                    counts.iter_mut().for_each(|c| *c = poisson(rng, now * h));
                } else {
                    let n = poisson(shared, now * h);
                    counts.fill(n);
                }
                true
            }
            RateDrive::Mip { mean, p_copy } => {
                if !active || *mean <= 0.0 {
                    return false;
                }
                let parents = poisson(shared, *mean);
                for c in counts.iter_mut() {
                    *c = (0..parents)
                        .filter(|_| rng.random::<f64>() < *p_copy)
                        .count() as u32;
                }
                parents > 0
            }
        }
    }
}
