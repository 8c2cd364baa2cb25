//! Simulating with a wall-time estimate: the first 100 ms of biological time are
//! simulated alone and timed, and a run projected to take more than a minute of wall
//! time is announced with its estimate before the rest runs (so `--time 1e12ms` says
//! what it will cost instead of running silently).

use network_core::duration::human as duration;
use network_core::{Network, Resolution};
use std::time::Instant;

/// Biological time (ms) simulated to measure the speed.
const PROBE_MS: f64 = 100.0;
/// Projected wall time (s) above which the estimate is printed.
const ANNOUNCE_ABOVE_S: f64 = 60.0;

/// Simulates `time_ms` on `network`, calling `warn` with the estimate when the run is
/// projected to take more than a minute.
pub fn simulate(
    network: &mut Network,
    time_ms: f64,
    warn: impl FnOnce(String),
) -> network_core::Result<()> {
    let resolution = network.resolution();
    let total = resolution.grid_steps("--time", "time", time_ms)?;
    let probe = resolution
        .grid_steps("--time", "time", PROBE_MS)
        .unwrap_or(total)
        .min(total);
    if probe == 0 || probe == total {
        return network.simulate(time_ms);
    }
    let started = Instant::now();
    network.simulate(resolution.step_to_ms(probe))?;
    let probe_wall_s = started.elapsed().as_secs_f64();
    if let Some(message) = announcement(resolution, probe, total, probe_wall_s) {
        warn(message);
    }
    network.simulate(resolution.step_to_ms(total - probe))
}

/// The warning for a run of `total` steps whose first `probe` steps took `probe_wall_s`
/// seconds, if the rest is projected to take more than [`ANNOUNCE_ABOVE_S`].
fn announcement(
    resolution: Resolution,
    probe: i64,
    total: i64,
    probe_wall_s: f64,
) -> Option<String> {
    let remaining_s = probe_wall_s * (total - probe) as f64 / probe as f64;
    if remaining_s <= ANNOUNCE_ABOVE_S {
        return None;
    }
    let per_biological_second = probe_wall_s / (resolution.step_to_ms(probe) / 1000.0);
    Some(format!(
        "--time {}: at the speed of the first {} ms ({} of wall time per simulated second) \
         the rest takes about {}; stop it with Ctrl-C, or pass a shorter --time",
        biological(resolution.step_to_ms(total)),
        resolution.step_to_ms(probe),
        duration(per_biological_second),
        duration(remaining_s),
    ))
}

/// A biological time in ms, in the unit that reads best.
fn biological(ms: f64) -> String {
    if ms >= 1e6 {
        format!("{ms:e} ms")
    } else {
        format!("{ms} ms")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_run_is_announced_with_its_projection() {
        let h = Resolution::default();
        // 1000 steps (100 ms at 0.1 ms) took 0.5 s: 1e13 steps take 5e9 s more.
        let message = announcement(h, 1000, 10_000_000_000_000, 0.5).unwrap();
        assert!(message.starts_with("--time 1e12 ms: "), "{message}");
        assert!(
            message.contains("(5.0 s of wall time per simulated second)"),
            "{message}"
        );
        assert!(
            message.contains("the rest takes about 158.4 years"),
            "{message}"
        );
        // 40 s more is not worth a word.
        assert_eq!(announcement(h, 1000, 81_000, 0.5), None);
    }
}
