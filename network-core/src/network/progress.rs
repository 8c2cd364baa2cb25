//! The progress bar of `simulate`: simulated time, wall time and real-time factor on
//! stderr, shown only when stderr is a terminal, the call has run for more than a
//! second, progress is on (`Network::set_progress`) and `NETWORK_PROGRESS` is not `0`.
//! It is redrawn at most every 100 ms; between redraws a slice costs one clock read.

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
        let style =
            ProgressStyle::with_template("simulate [{bar:30}] {percent:>3}% {msg} (ETA {eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
        bar.set_style(style);
        bar
    }

    fn message(&self, step: i64, wall: Duration) -> String {
        let simulated = self.resolution.step_to_ms(step - self.first_step);
        let total = self.resolution.step_to_ms(self.last_step - self.first_step);
        let wall_s = wall.as_secs_f64();
        let factor = if wall_s > 0.0 {
            simulated / 1000.0 / wall_s
        } else {
            0.0
        };
        format!(
            "{simulated:.1} / {total:.1} ms simulated, wall {wall_s:.1} s, {factor:.3}x real time"
        )
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
    fn message_gives_simulated_and_wall_time_and_factor() {
        let p = Progress::new(true, Resolution::default(), 100, 10_100);
        let m = p.message(5_100, Duration::from_secs(2));
        assert_eq!(
            m,
            "500.0 / 1000.0 ms simulated, wall 2.0 s, 0.250x real time"
        );
    }
}
