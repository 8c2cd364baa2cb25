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
