//! The activity window every NEST device has: `origin`, `start` and `stop`, ms.

use crate::error::{Error, Result};
use crate::time::Resolution;

/// The activity window of a device: active from `origin + start` to `origin + stop`
/// (ms; NEST's device parameters of the same names).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    /// Start of activity relative to origin (ms).
    pub start: f64,
    /// End of activity relative to origin (ms); `+inf` for never.
    pub stop: f64,
    /// Global time offset of start and stop (ms).
    pub origin: f64,
}

impl Default for Window {
    /// NEST's defaults: always active (start 0 ms, stop +inf, origin 0 ms).
    fn default() -> Self {
        Self {
            start: 0.0,
            stop: f64::INFINITY,
            origin: 0.0,
        }
    }
}

impl Window {
    /// A window from `start` to `stop` (ms), origin 0.
    pub fn new(start: f64, stop: f64) -> Self {
        Self {
            start,
            stop,
            origin: 0.0,
        }
    }

    /// `(t_min, t_max)` in steps: `steps(origin + start)`, `steps(origin + stop)`.
    /// Times must lie on the grid and `stop >= start`; the error names `entity`, the
    /// parameter and its value.
    pub fn steps(&self, entity: &str, res: &Resolution) -> Result<(i64, i64)> {
        let origin = res.grid_steps(entity, "origin", self.origin)?;
        let start = res.grid_steps(entity, "start", self.start)?;
        let stop = res.grid_steps_or_inf(entity, "stop", self.stop)?;
        if self.stop < self.start {
            return Err(Error::invalid(
                entity,
                "stop",
                self.stop,
                format!("must not be before start ({} ms)", self.start),
            ));
        }
        Ok((origin + start, origin.saturating_add(stop)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_checks() {
        let r = Resolution::default();
        assert_eq!(Window::new(10.0, 11.0).steps("g", &r).unwrap(), (100, 110));
        let e = Window::new(10.0, 5.0)
            .steps("g", &r)
            .unwrap_err()
            .to_string();
        assert!(e.contains("stop") && e.contains("before start"), "{e}");
        assert!(Window::new(10.05, 20.0).steps("g", &r).is_err());
    }
}
