//! Memory sizes on the command line: `4GB`, `512 MB`, `2GiB`, `1e9` (bytes).

/// Parses a memory size into bytes (SI prefixes are powers of 1000, `KiB`/`MiB`/`GiB`/
/// `TiB` powers of 1024).
pub fn parse_bytes(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let number = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &t[number.len()..];
    let factor: f64 = match unit.trim() {
        "" | "B" => 1.0,
        "kB" | "KB" => 1e3,
        "MB" => 1e6,
        "GB" => 1e9,
        "TB" => 1e12,
        "KiB" => 1024.0,
        "MiB" => 1024.0 * 1024.0,
        "GiB" => 1024.0 * 1024.0 * 1024.0,
        "TiB" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        other => {
            return Err(format!(
                "`{text}`: unknown unit `{other}`; write e.g. `4GB`, `512MB` or `2GiB`"
            ))
        }
    };
    let value: f64 = number
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a memory size; write e.g. `4GB` or `512MB`"))?;
    let bytes = value * factor;
    if !bytes.is_finite() || bytes < 1.0 || bytes > u64::MAX as f64 {
        return Err(format!("`{text}`: a memory size must be at least 1 byte"));
    }
    Ok(bytes as u64)
}

/// The memory estimate of a checked description whose sizes are all known (written, or
/// given as `sizes`), against `limit` (default: the machine's available memory): `Ok`
/// with `, about X when built` for the summary line, an error naming the estimate and
/// the limit when it would not fit, and `Ok("")` when a size is only known at run time.
pub fn check(
    parsed: &network_load::Parsed,
    sizes: Vec<(String, usize)>,
    limit: Option<u64>,
) -> Result<String, String> {
    let d = &parsed.description;
    let given: std::collections::BTreeMap<String, usize> = sizes.into_iter().collect();
    if d.runtime_sizes().iter().any(|n| !given.contains_key(*n)) {
        if limit.is_some() {
            return Err(format!(
                "--memory-limit needs every run-time size: give {}",
                d.runtime_sizes()
                    .iter()
                    .map(|n| format!("--size {n}=N"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
        }
        return Ok(String::new());
    }
    let inputs = network_load::Inputs {
        sizes: given,
        ..Default::default()
    };
    let estimate = network_load::memory_estimate(d, &inputs).map_err(|e| e.to_string())?;
    let Some(limit) = limit.or_else(network_core::network::available_memory) else {
        return Ok(format!(
            ", about {} when built",
            network_core::network::human_bytes(estimate.peak)
        ));
    };
    if estimate.peak > limit {
        let (part, bytes) = estimate
            .parts
            .iter()
            .max_by_key(|p| p.1)
            .expect("a network has ring buffers at least");
        return Err(format!(
            "the network would need about {} when built (the largest part, {part}: {}) but \
             the memory limit is {}; make it smaller, or raise --memory-limit if the machine \
             has more memory",
            network_core::network::human_bytes(estimate.peak),
            network_core::network::human_bytes(*bytes),
            network_core::network::human_bytes(limit)
        ));
    }
    Ok(format!(
        ", about {} when built",
        network_core::network::human_bytes(estimate.peak)
    ))
}

#[cfg(test)]
mod tests {
    use super::parse_bytes;

    #[test]
    fn si_and_binary_units() {
        assert_eq!(parse_bytes("4GB"), Ok(4_000_000_000));
        assert_eq!(parse_bytes("512 MB"), Ok(512_000_000));
        assert_eq!(parse_bytes("2GiB"), Ok(2_147_483_648));
        assert_eq!(parse_bytes("1e9"), Ok(1_000_000_000));
        assert_eq!(parse_bytes("10kB"), Ok(10_000));
        assert!(parse_bytes("4 GW")
            .unwrap_err()
            .contains("unknown unit `GW`"));
        assert!(parse_bytes("-1GB").is_err());
        assert!(parse_bytes("lots").is_err());
    }
}
