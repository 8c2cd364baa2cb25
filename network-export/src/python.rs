//! Python literals: numbers that read back as the same `f64`, strings, lists and
//! dictionaries, and identifiers that cannot shadow a keyword or the script's names.

use std::fmt::Write;

/// A float that Python reads back as the same `f64` (`repr` round trip).
pub fn float(v: f64) -> String {
    if v.is_nan() {
        "float(\"nan\")".into()
    } else if v.is_infinite() {
        if v > 0.0 {
            "float(\"inf\")".into()
        } else {
            "-float(\"inf\")".into()
        }
    } else {
        // Rust's `{:?}` is the shortest text that round-trips, as Python's `repr`.
        format!("{v:?}")
    }
}

/// A model parameter's value as NEST takes it from Python: `True`/`False` for a flag, an
/// `int` for an integer (NEST refuses a float there: `dead_time_shape`, `n`), else a float.
pub fn parameter(table: &[network_core::spec::ParamInfo], name: &str, v: f64) -> String {
    match table.iter().find(|p| p.name == name) {
        Some(p) if p.is_flag() => if v != 0.0 { "True" } else { "False" }.into(),
        Some(p) if p.is_integer() => format!("{}", v as i64),
        _ => float(v),
    }
}

/// A list of floats.
pub fn floats(v: &[f64]) -> String {
    let items: Vec<String> = v.iter().map(|x| float(*x)).collect();
    format!("[{}]", items.join(", "))
}

/// A string literal (JSON's escapes are valid Python).
pub fn string(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serializes")
}

/// A dictionary literal from `(key, python expression)` pairs.
pub fn dict(entries: &[(&str, String)]) -> String {
    let mut out = String::from("{");
    for (i, (k, v)) in entries.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{}: {v}", string(k));
    }
    out.push('}');
    out
}

/// Python's keywords and the names the exported script itself uses.
const RESERVED: &[&str] = &[
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "match",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
    "json",
    "nest",
    "T_SIM",
    "THREADS",
    "synapses",
    "summary",
    "populations",
    "recorders",
    "selection",
    "counted",
    "n_before",
];

/// A variable name for a description's name (a Rust identifier): the same name unless
/// that is a Python keyword or one of the script's own names, then with a `_` appended.
pub fn ident(name: &str) -> String {
    let name = name.strip_prefix("r#").unwrap_or(name);
    if RESERVED.contains(&name) {
        format!("{name}_")
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_round_trip_as_python_reads_them() {
        assert_eq!(float(0.1), "0.1");
        assert_eq!(float(-10.0), "-10.0");
        assert_eq!(float(1e-7), "1e-7");
        assert_eq!(float(0.30000000000000004), "0.30000000000000004");
        assert_eq!(float(f64::INFINITY), "float(\"inf\")");
    }

    #[test]
    fn names_never_shadow_keywords_or_the_scripts_own() {
        assert_eq!(ident("exc"), "exc");
        assert_eq!(ident("in"), "in_");
        assert_eq!(ident("nest"), "nest_");
    }

    #[test]
    fn dictionaries_quote_keys() {
        assert_eq!(
            dict(&[("rule", string("all_to_all")), ("p", float(0.5))]),
            "{\"rule\": \"all_to_all\", \"p\": 0.5}"
        );
    }
}
