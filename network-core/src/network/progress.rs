//! The progress bar of `simulate`: simulated time, real-time factor and the time left
//! (from the rate of simulated time so far) on stderr, within 80 columns, shown only when stderr is a terminal, the call has run for more than a
//! second, progress is on (`Network::set_progress`) and `NETWORK_PROGRESS` is not `0`.
//! It is redrawn at most every 100 ms; between redraws a slice costs one clock read.

use crate::duration;
use crate::time::Resolution;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// Wall time after which the bar appears.
const SHOW_AFTER: Duration = Duration::from_secs(1);
/// Least wall time between redraws.
const REDRAW_EVERY: Duration = Duration::from_millis(100);

/// Whether a bar may be shown at all: asked for, allowed by `NETWORK_PROGRESS`, and
/// stderr is a terminal.
pub(crate) fn allowed(enabled: bool) -> bool {
    enabled
        && std::env::var("NETWORK_PROGRESS").map_or(true, |v| v.trim() != "0")
        && std::io::stderr().is_terminal()
}

/// The progress of one `simulate` call.
pub(crate) struct Progress {
    allowed: bool,
    resolution: Resolution,
    first_step: i64,
    last_step: i64,
    started: Instant,
    last_draw: Instant,
    bar: Option<ProgressBar>,
}

impl Progress {
    /// Progress from step `first_step` to `last_step`.
    pub fn new(allowed: bool, resolution: Resolution, first_step: i64, last_step: i64) -> Self {
        let now = Instant::now();
        Self {
            allowed,
            resolution,
            first_step,
            last_step,
            started: now,
            last_draw: now,
            bar: None,
        }
    }

    /// Called after every slice with the step reached.
    pub fn update(&mut self, step: i64) {
        if !self.allowed {
            return;
        }
        let now = Instant::now();
        if now.duration_since(self.last_draw) < REDRAW_EVERY {
            return;
        }
        let wall = now.duration_since(self.started);
        if self.bar.is_none() {
            if wall < SHOW_AFTER {
                return;
            }
            self.bar = Some(self.make_bar());
        }
        self.last_draw = now;
        let message = self.message(step, wall);
        if let Some(bar) = &self.bar {
            // The message first: setting the position redraws with both.
            bar.set_message(message);
            bar.set_position((step - self.first_step) as u64);
        }
    }

    /// Ends the bar, leaving its last line.
    pub fn finish(&mut self, step: i64) {
        if let Some(bar) = self.bar.take() {
            let message = self.message(step, self.started.elapsed());
            bar.set_position((step - self.first_step) as u64);
            bar.finish_with_message(message);
        }
    }

    fn make_bar(&self) -> ProgressBar {
        let bar = ProgressBar::with_draw_target(
            Some((self.last_step - self.first_step) as u64),
            ProgressDrawTarget::stderr(),
        );
        let style = ProgressStyle::with_template("[{bar:16}] {percent:>3}% {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        bar.set_style(style);
        bar
    }

    /// `simulated of total, factor x real time, time left`. The time left is the
    /// wall time so far scaled by the simulated time still to go: indicatif's own
    /// estimate starts when the bar appears, a second into the run, and so
    /// underestimates it several-fold.
    fn message(&self, step: i64, wall: Duration) -> String {
        let simulated = self.resolution.step_to_ms(step - self.first_step);
        let total = self.resolution.step_to_ms(self.last_step - self.first_step);
        let wall_s = wall.as_secs_f64();
        let factor = if wall_s > 0.0 {
            simulated / 1000.0 / wall_s
        } else {
            0.0
        };
        let left = if simulated > 0.0 {
            duration::human(wall_s * (total - simulated) / simulated)
        } else {
            "?".into()
        };
        format!(
            "{} of {}, {factor:.3}x real time, {left} left",
            biological(simulated),
            biological(total)
        )
    }
}

/// A biological time (ms) in ms below a second, in s above.
fn biological(ms: f64) -> String {
    if ms < 1000.0 {
        format!("{ms:.1} ms")
    } else if ms < 1e9 {
        format!("{:.1} s", ms / 1000.0)
    } else {
        format!("{:.2e} s", ms / 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switched_off_by_the_setting_or_the_variable() {
        assert!(!allowed(false));
        // Tests run with stderr captured or redirected: never a terminal in CI.
        let mut p = Progress::new(false, Resolution::default(), 0, 10);
        p.update(5);
        p.finish(10);
        assert!(p.bar.is_none());
    }

    #[test]
    fn message_gives_simulated_time_factor_and_time_left() {
        let p = Progress::new(true, Resolution::default(), 100, 10_100);
        let m = p.message(5_100, Duration::from_secs(2));
        assert_eq!(m, "500.0 ms of 1.0 s, 0.250x real time, 2.0 s left");
        // At 11 % after 1.58 s, 12.8 s remain (the old bar said 2 s).
        let p = Progress::new(true, Resolution::default(), 0, 40_000);
        let m = p.message(4_400, Duration::from_millis(1580));
        assert!(m.ends_with(", 12.8 s left"), "{m}");
    }

    #[test]
    fn the_line_fits_in_80_columns() {
        // The bar's own part: `[` 16 `]` space, 3-digit percent, space.
        let fixed = 1 + 16 + 2 + 4 + 1;
        // 1e13 ms simulated, one step done after 35 days.
        let p = Progress::new(true, Resolution::default(), 0, 100_000_000_000_000);
        let m = p.message(1, Duration::from_secs(3_000_000));
        assert!(
            fixed + m.chars().count() <= 80,
            "{} columns: {m}",
            fixed + m.len()
        );
    }
}
