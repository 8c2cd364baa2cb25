//! The simulation time grid, with NEST's conversions between milliseconds, tics and steps.
//!
//! NEST represents time as an integer number of *tics* (1000 per ms by default) and the
//! simulation advances in *steps* of `tics_per_step` tics. Conversions round exactly as
//! NEST does, because spike times are compared bit for bit with NEST's output.

use crate::error::{Error, Result};

/// Tics per millisecond (NEST's default `tics_per_ms`).
pub const TICS_PER_MS: i64 = 1000;

/// Converts milliseconds to tics as NEST does: `(long)(t·1000 + 0.5)`.
pub fn ms_to_tics(t_ms: f64) -> i64 {
    (t_ms * TICS_PER_MS as f64 + 0.5) as i64
}

/// Converts tics to milliseconds as NEST reports times: `tics · 0.001`.
///
/// Step 1058 at h = 0.1 ms therefore reads 105.8, not 105.80000000000001.
pub fn tics_to_ms(tics: i64) -> f64 {
    tics as f64 * 0.001
}

/// Largest time magnitude in tics (about 1.15e15 ms): sums of a few such times (origin,
/// start, the current step) stay inside `i64`.
pub const MAX_TICS: i64 = i64::MAX / 8;

/// A finite time (ms) in tics, within ±[`MAX_TICS`]; `entity` and `param` name it in the
/// error.
pub fn checked_tics(entity: &str, param: &'static str, t_ms: f64) -> Result<i64> {
    if !t_ms.is_finite() {
        return Err(Error::invalid(entity, param, t_ms, "must be finite"));
    }
    let tics = ms_to_tics(t_ms);
    if !(-MAX_TICS..=MAX_TICS).contains(&tics) {
        return Err(Error::invalid(
            entity,
            param,
            t_ms,
            format!(
                "must lie within ±{:e} ms, the longest time the engine represents",
                tics_to_ms(MAX_TICS)
            ),
        ));
    }
    Ok(tics)
}

/// The simulation resolution `h` and the conversions that depend on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolution {
    h_ms: f64,
    tics_per_step: i64,
    steps_per_ms: f64,
}

impl Default for Resolution {
    /// NEST's default resolution, 0.1 ms.
    fn default() -> Self {
        Self::new(0.1).expect("0.1 ms is a valid resolution")
    }
}

impl Resolution {
    /// A resolution of `h_ms` milliseconds; it must be a positive whole number of tics
    /// (multiples of 0.001 ms).
    pub fn new(h_ms: f64) -> Result<Self> {
        let tics = ms_to_tics(h_ms);
        if !(h_ms.is_finite() && h_ms > 0.0) || tics < 1 {
            return Err(Error::invalid(
                "kernel",
                "resolution",
                h_ms,
                "must be at least one tic (0.001 ms)",
            ));
        }
        if (tics as f64 * 0.001 - h_ms).abs() > 1e-9 * h_ms.max(1.0) {
            return Err(Error::invalid(
                "kernel",
                "resolution",
                h_ms,
                "must be a multiple of the tic (0.001 ms), e.g. 0.1 or 0.025",
            ));
        }
        Ok(Self {
            h_ms: tics_to_ms(tics),
            tics_per_step: tics,
            steps_per_ms: 1.0 / tics_to_ms(tics),
        })
    }

    /// The step size in milliseconds.
    pub fn ms(&self) -> f64 {
        self.h_ms
    }

    /// Tics per simulation step.
    pub fn tics_per_step(&self) -> i64 {
        self.tics_per_step
    }

    /// The time in milliseconds at the start of step `step` (NEST's tics form).
    pub fn step_to_ms(&self, step: i64) -> f64 {
        tics_to_ms(step * self.tics_per_step)
    }

    /// Delay in steps as NEST converts it: `floor(d·(1/h) + 0.5)`, i.e. round half up.
    pub fn delay_steps(&self, delay_ms: f64) -> i64 {
        (delay_ms * self.steps_per_ms + 0.5).floor() as i64
    }

    /// The delays (ms) that [`Resolution::delay_steps`] rounds to `steps`: from
    /// `steps − ½` steps (included) to `steps + ½` (excluded).
    pub fn delay_interval(&self, steps: i64) -> (f64, f64) {
        let edge = |half_steps: f64| half_steps / self.steps_per_ms;
        (edge(steps as f64 - 0.5), edge(steps as f64 + 0.5))
    }

    /// A duration rounded **up** to whole steps, as NEST converts `t_ref`:
    /// `ceil(tics / tics_per_step)`.
    pub fn steps_ceil(&self, t_ms: f64) -> i64 {
        let tics = ms_to_tics(t_ms);
        // Saturates (ms_to_tics already does) instead of overflowing for huge times.
        tics.saturating_add(self.tics_per_step - 1)
            .div_euclid(self.tics_per_step)
    }

    /// A time that must lie on the grid (device start/stop/origin, recorder interval,
    /// simulation time), in steps. `entity` and `param` name the value in the error.
    pub fn grid_steps(&self, entity: &str, param: &'static str, t_ms: f64) -> Result<i64> {
        let tics = checked_tics(entity, param, t_ms)?;
        if tics.rem_euclid(self.tics_per_step) != 0 || (tics_to_ms(tics) - t_ms).abs() > 1e-9 {
            // NEST rounds ms to tics by truncating `t·1000 + 0.5`, so a negative time
            // lands off the grid: it rejects negative times, and so do we, saying why.
            let reason = if t_ms < 0.0 {
                "is negative: use a time >= 0 ms".to_string()
            } else {
                format!("must be a multiple of the resolution {} ms", self.h_ms)
            };
            return Err(Error::invalid(entity, param, t_ms, reason));
        }
        Ok(tics / self.tics_per_step)
    }

    /// NEST's `Time::ms(t)` for a listed time (spike or amplitude times): `t` rounded
    /// to the nearest tic, in steps when that tic lies on the grid (2.9999 ms is step 30
    /// at 0.1 ms), `None` when it does not. `t` must be finite.
    pub fn tic_grid_steps(&self, t_ms: f64) -> Option<i64> {
        let tics = ms_to_tics(t_ms);
        (tics.rem_euclid(self.tics_per_step) == 0).then(|| tics.div_euclid(self.tics_per_step))
    }

    /// NEST's `Time::ms_stamp(t)` in steps: the end of the step in which `t` lies (a
    /// time on the grid stays where it is): the tics of `t` truncated, floored to the
    /// step, and one step later when that step's time in ms is still below `t`.
    /// `t` must be finite and within ±[`MAX_TICS`] tics.
    pub fn ms_stamp_steps(&self, t_ms: f64) -> i64 {
        let tps = self.tics_per_step;
        let mut n = (t_ms * TICS_PER_MS as f64) as i64;
        n -= n % tps;
        let ms = n as f64 * (1.0 / tps as f64) * (tps as f64 / TICS_PER_MS as f64);
        if ms < t_ms {
            n += tps;
        }
        n / tps
    }

    /// The kernel's `min_delay` and `max_delay` (ms) in steps as NEST's `DelayChecker`
    /// sets them: `min_delay` rounded down to the grid, `max_delay` up
    /// ([`Resolution::ms_stamp_steps`]). Both must be finite.
    pub fn delay_extrema_steps(&self, min_ms: f64, max_ms: f64) -> (i64, i64) {
        let mut min = self.ms_stamp_steps(min_ms);
        if self.step_to_ms(min) > min_ms {
            min -= 1;
        }
        (min, self.ms_stamp_steps(max_ms))
    }

    /// Like [`Resolution::grid_steps`], but `+inf` maps to `i64::MAX` (an open window end).
    pub fn grid_steps_or_inf(&self, entity: &str, param: &'static str, t_ms: f64) -> Result<i64> {
        if t_ms == f64::INFINITY {
            Ok(i64::MAX / 4)
        } else {
            self.grid_steps(entity, param, t_ms)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_round_half_up_as_nest() {
        let r = Resolution::default();
        assert_eq!(r.delay_steps(0.25), 3);
        assert_eq!(r.delay_steps(0.05), 1);
        assert_eq!(r.delay_steps(1.04), 10);
        assert_eq!(r.delay_steps(1.05), 11);
        assert_eq!(r.delay_steps(1.5), 15);
    }

    #[test]
    fn refractory_time_rounds_up() {
        let r = Resolution::default();
        assert_eq!(r.steps_ceil(2.04), 21);
        assert_eq!(r.steps_ceil(2.05), 21);
        assert_eq!(r.steps_ceil(0.05), 1);
        assert_eq!(r.steps_ceil(0.0), 0);
        assert_eq!(r.steps_ceil(2.0), 20);
    }

    #[test]
    fn times_read_back_in_tics_form() {
        let r = Resolution::default();
        assert_eq!(r.step_to_ms(1058), 105.8);
        assert_eq!(r.step_to_ms(593), 59.300000000000004);
    }

    #[test]
    fn listed_times_follow_nests_tic_rules() {
        let r = Resolution::default();
        // Within half a tic of the grid: on the grid (NEST's spike_times [2.9999] -> 3.0).
        assert_eq!(r.tic_grid_steps(2.9999), Some(30));
        assert_eq!(r.tic_grid_steps(2.9994), None);
        assert_eq!(r.tic_grid_steps(1e-5), Some(0));
        // ms_stamp: the end of the step the time lies in (hand-computed).
        assert_eq!(r.ms_stamp_steps(2.95), 30);
        assert_eq!(r.ms_stamp_steps(3.0), 30);
        assert_eq!(r.ms_stamp_steps(0.3), 3);
        assert_eq!(r.ms_stamp_steps(2.9994), 30);
        assert_eq!(r.ms_stamp_steps(3.0001), 31);
        // NEST reports min_delay 0.15 as 0.1 and refuses 0.05 (0 steps).
        assert_eq!(r.delay_extrema_steps(0.15, 2.0), (1, 20));
        assert_eq!(r.delay_extrema_steps(0.05, 2.05), (0, 21));
    }

    #[test]
    fn off_grid_times_are_errors() {
        let r = Resolution::default();
        assert_eq!(r.grid_steps("dc", "start", 100.0).unwrap(), 1000);
        let e = r.grid_steps("dc", "start", 100.05).unwrap_err().to_string();
        assert!(e.contains("start") && e.contains("100.05"), "{e}");
        assert!(Resolution::new(0.0).is_err());
        assert!(Resolution::new(-0.1).is_err());
        assert!(Resolution::new(0.0005).is_err());
    }
}
