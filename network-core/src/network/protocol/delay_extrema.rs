//! Delays set between runs against the kernel's `min_delay` and `max_delay`, as NEST's
//! delay checker judges them: within the extremes, a delay is taken; outside them, NEST
//! widens the extremes to it before the first `Simulate` (unless the user set them) and
//! refuses it after.

use crate::error::{Error, Result};
use crate::network::runtime::Network;
use crate::spec::synapse::delay_steps;

impl Network {
    /// Delays in ms, one per synapse, as steps (NEST's rounding and its checks against
    /// the resolution), with the kernel's extremes `(min_delay, max_delay)` in steps they
    /// need: the current ones, or wider ones when a delay lies outside them before the
    /// first run and the user did not set them (NEST's `DelayChecker`); else an error
    /// naming `entity` and the extremes.
    pub(super) fn delay_steps_of(
        &self,
        entity: &str,
        delays: &[f64],
    ) -> Result<(Vec<u16>, (i64, i64))> {
        let (mut min, mut max) = (self.slice_len, self.max_delay);
        let may_widen = self.step == 0 && !self.user_delay_extrema && self.rate.is_empty();
        let mut steps = Vec::with_capacity(delays.len());
        for &d in delays {
            let s = delay_steps(entity, d, &self.resolution)?;
            let s64 = i64::from(s);
            if s64 < self.slice_len || s64 > self.max_delay {
                if !may_widen {
                    return Err(self.outside_extremes(entity, d));
                }
                (min, max) = (min.min(s64), max.max(s64));
            }
            steps.push(s);
        }
        if may_widen && self.comm.size() > 1 {
            // Every rank widens to the same extremes (each judged its own synapses; no
            // rank has left early for a delay outside them).
            let all = self.comm.all_gather(&[min as u64, max as u64]);
            min = all
                .iter()
                .step_by(2)
                .map(|&m| m as i64)
                .min()
                .unwrap_or(min);
            max = all
                .iter()
                .skip(1)
                .step_by(2)
                .map(|&m| m as i64)
                .max()
                .unwrap_or(max);
        }
        Ok((steps, (min, max)))
    }

    /// The error for a delay outside the kernel's extremes that may not widen them.
    fn outside_extremes(&self, entity: &str, d: f64) -> Error {
        let ms = |steps: i64| self.resolution.step_to_ms(steps);
        let why = if self.step > 0 {
            "fixed by the first run (NEST: \"Minimum and maximum delay cannot be changed \
             after Simulate has been called\"); set such a delay before the first run, or \
             give the projection such a delay where it is made"
        } else if self.user_delay_extrema {
            "set by the kernel's min_delay and max_delay (NEST refuses a delay outside \
             extremes the user set); widen them, or give a delay within them"
        } else {
            "fixed when the network was built (a network with rate neurons keeps the \
             extremes it was built with); give the projection such a delay where it is made"
        };
        Error::InvalidParameter {
            entity: entity.to_string(),
            param: "delay".to_string(),
            value: format!("{d} ms"),
            reason: format!(
                "must be within the kernel's min_delay and max_delay, {} ms and {} ms, {why}",
                ms(self.slice_len),
                ms(self.max_delay)
            ),
        }
    }

    /// Makes `(min, max)` (steps) the kernel's delay extremes before the first run, as
    /// NEST's delay checker widens them: spikes are exchanged every `min` steps from
    /// the first run on, and every ring buffer (empty before it) holds `max` steps ahead.
    pub(super) fn widen_delay_extrema(&mut self, (min, max): (i64, i64)) {
        if (min, max) == (self.slice_len, self.max_delay) {
            return;
        }
        debug_assert_eq!(self.step, 0, "the extremes widen before the first run only");
        (self.slice_len, self.max_delay) = (min, max);
        let slots = (max + min + 1) as usize;
        for population in &mut self.populations {
            for block in population.blocks().iter_mut().filter(|b| b.owned) {
                block.ring = block.ring.with_slots(slots);
            }
        }
    }
}
