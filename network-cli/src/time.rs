//! Durations with units on the command line: `4000ms`, `4 s`, `1.5s`; a bare number is
//! in ms, NEST's unit.

/// The time `run` and `export` simulate, ms: `--time` (default 1000 ms), or a
/// protocol's own total (`protocol_ms`), which `--time` may not contradict.
pub fn run_time(time: Option<f64>, protocol_ms: Option<f64>) -> Result<f64, String> {
    match (time, protocol_ms) {
        (Some(t), Some(p)) => Err(format!(
            "--time {t} ms: the description's `protocol` block decides the simulated time ({p} ms); drop --time, or change the protocol's `simulate` statements"
        )),
        (Some(t), None) => Ok(t),
        (None, Some(p)) => Ok(p),
        (None, None) => Ok(1000.0),
    }
}

/// Parses a duration into ms.
pub fn parse_ms(text: &str) -> Result<f64, String> {
    let t = text.trim();
    let (number, factor) = if let Some(n) = t.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = t.strip_suffix('s') {
        (n, 1000.0)
    } else if let Some(n) = t.strip_suffix("min") {
        (n, 60_000.0)
    } else {
        (t, 1.0)
    };
    let value: f64 = number.trim().parse().map_err(|_| {
        format!("`{text}` is not a duration; write e.g. `4000ms`, `4s` or `4000` (ms)")
    })?;
    let ms = value * factor;
    if ms < 0.0 {
        return Err(format!(
            "`{text}` is negative: simulated time runs forward; write e.g. `100ms`"
        ));
    }
    if !ms.is_finite() {
        return Err(format!("`{text}`: a duration must be finite"));
    }
    Ok(ms)
}

#[cfg(test)]
mod tests {
    use super::parse_ms;

    #[test]
    fn units_are_ms_and_s() {
        assert_eq!(parse_ms("4000ms"), Ok(4000.0));
        assert_eq!(parse_ms("4 s"), Ok(4000.0));
        assert_eq!(parse_ms("1.5s"), Ok(1500.0));
        assert_eq!(parse_ms("250"), Ok(250.0));
        assert_eq!(parse_ms("1min"), Ok(60_000.0));
        assert!(parse_ms("4 h").is_err());
        assert!(parse_ms("-100ms").unwrap_err().contains("is negative"));
        assert!(parse_ms("inf").unwrap_err().contains("finite"));
    }
}
