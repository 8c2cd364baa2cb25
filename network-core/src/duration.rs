//! Wall-clock durations as people read them: `12.3 s`, `4.5 min`, `2.0 h`.

/// A wall-clock duration in seconds as `12.3 s`, `4.5 min`, `2.0 h`, `3.1 days`,
/// `1.2e3 years`.
pub fn human(seconds: f64) -> String {
    const MINUTE: f64 = 60.0;
    const HOUR: f64 = 3600.0;
    const DAY: f64 = 86_400.0;
    const YEAR: f64 = 365.25 * DAY;
    if seconds < MINUTE {
        format!("{seconds:.1} s")
    } else if seconds < HOUR {
        format!("{:.1} min", seconds / MINUTE)
    } else if seconds < DAY {
        format!("{:.1} h", seconds / HOUR)
    } else if seconds < YEAR {
        format!("{:.1} days", seconds / DAY)
    } else if seconds < 1e4 * YEAR {
        format!("{:.1} years", seconds / YEAR)
    } else {
        format!("{:.1e} years", seconds / YEAR)
    }
}

#[cfg(test)]
mod tests {
    use super::human;

    #[test]
    fn durations_read_in_their_unit() {
        assert_eq!(human(12.34), "12.3 s");
        assert_eq!(human(270.0), "4.5 min");
        assert_eq!(human(7200.0), "2.0 h");
        assert_eq!(human(3.0 * 86_400.0), "3.0 days");
        assert_eq!(human(2.0 * 365.25 * 86_400.0), "2.0 years");
        assert_eq!(human(3e4 * 365.25 * 86_400.0), "3.0e4 years");
    }
}
