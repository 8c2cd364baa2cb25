//! Errors: every bad parameter, impossible rule or empty selection is a value that names
//! the entity, the parameter and the value, and says what would be valid.

use crate::params::ParamInfo;
use std::fmt;

/// Result type of the vocabulary and the engine.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error of the engine. Its message names the statement (model, population,
/// projection or device), the parameter and the offending value, and suggests a fix.
///
/// New kinds of error may be added: match with a `_` arm.
///
/// Its `Debug` form is its message, so that `fn main() -> Result<(), network::Error>`
/// prints a readable error (match on the variants for the structure).
#[derive(Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A parameter has a value the model, rule or device rejects.
    #[error("{entity}: `{param}` = {value} is invalid: {reason}")]
    InvalidParameter {
        /// The model, population, projection or device.
        entity: String,
        /// The parameter name, as NEST spells it.
        param: String,
        /// The offending value, formatted.
        value: String,
        /// What would be valid.
        reason: String,
    },
    /// A parameter name the model or device does not have.
    #[error("{entity}: unknown parameter `{param}`{}", suggestion_text(.suggestion))]
    UnknownParameter {
        /// The model or device.
        entity: String,
        /// The unknown name.
        param: String,
        /// The closest valid name, if any is close.
        suggestion: Option<String>,
    },
    /// A name is used twice, or refers to nothing.
    #[error("{0}")]
    Name(String),
    /// A connection rule cannot be satisfied for one target (or source).
    #[error("projection `{projection}`: {message}")]
    Connection {
        /// The projection's name.
        projection: String,
        /// What went wrong, naming the neuron.
        message: String,
    },
    /// A device or connection selected no neuron.
    #[error("{entity}: {message}")]
    EmptySelection {
        /// The device or projection.
        entity: String,
        /// Which selection was empty and why.
        message: String,
    },
    /// The network would not fit in memory.
    #[error("{0}")]
    Resources(String),
    /// Writing recorder output failed.
    #[error("{entity}: cannot write `{path}`: {message}")]
    Io {
        /// The recorder.
        entity: String,
        /// The file or directory.
        path: String,
        /// The operating system's message.
        message: String,
    },
    /// An I/O error of the user's own code, converted by `?` (`From<std::io::Error>`).
    #[error("i/o error: {0}")]
    System(String),
}

impl fmt::Debug for Error {
    /// The message, as `Display` writes it: what `fn main() -> Result<(), Error>`
    /// prints when it returns an error.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::System(e.to_string())
    }
}

fn suggestion_text(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("; did you mean `{s}`?"),
        None => String::new(),
    }
}

impl Error {
    /// An [`Error::InvalidParameter`] for `entity.param = value`, with `reason` saying
    /// what would be valid.
    pub fn invalid(
        entity: impl fmt::Display,
        param: impl fmt::Display,
        value: impl fmt::Debug,
        reason: impl fmt::Display,
    ) -> Self {
        Error::InvalidParameter {
            entity: entity.to_string(),
            param: param.to_string(),
            value: format!("{value:?}"),
            reason: reason.to_string(),
        }
    }

    /// The same error with an [`Error::InvalidParameter`]'s value written in the unit
    /// of its parameter in `table` (`C_m` = -200 pF rather than -200.0), and a bound
    /// at the end of the reason too (`must be > 0 pF`). Other errors, parameters not
    /// in the table and dimensionless ones are unchanged.
    pub fn with_units(self, table: &[ParamInfo]) -> Self {
        let Error::InvalidParameter {
            entity,
            param,
            value,
            mut reason,
        } = self
        else {
            return self;
        };
        let unit = table
            .iter()
            .find(|p| p.name == param)
            .map(|p| p.dimension.unit())
            .filter(|u| !u.is_empty());
        let value = match (unit, value.parse::<f64>()) {
            (Some(unit), Ok(v)) => {
                if reason.ends_with(|c: char| c.is_ascii_digit()) {
                    reason = format!("{reason} {unit}");
                }
                format!("{v} {unit}")
            }
            _ => value,
        };
        Error::InvalidParameter {
            entity,
            param,
            value,
            reason,
        }
    }

    /// An [`Error::UnknownParameter`], suggesting the closest of `known`.
    pub fn unknown_parameter(entity: impl fmt::Display, param: &str, known: &[&str]) -> Self {
        Error::UnknownParameter {
            entity: entity.to_string(),
            param: param.to_string(),
            suggestion: closest(param, known).map(str::to_string),
        }
    }
}

/// The entry of `known` closest to `name` by edit distance, if it is close enough to be
/// a plausible typo.
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(&name.to_lowercase(), &k.to_lowercase()), *k))
        .filter(|(d, k)| *d <= (k.len().max(name.len()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names() {
        assert_eq!(closest("tau_n", &["tau_m", "C_m", "V_th"]), Some("tau_m"));
        assert_eq!(closest("xyz_q", &["tau_m", "C_m"]), None);
        let e = Error::unknown_parameter("iaf_psc_alpha", "tau_n", &["tau_m", "C_m"]);
        assert_eq!(
            e.to_string(),
            "iaf_psc_alpha: unknown parameter `tau_n`; did you mean `tau_m`?"
        );
    }

    /// What `fn main() -> Result<(), Error>` prints is `Error: ` and the Debug form.
    #[test]
    fn main_prints_the_message() {
        let e = Error::invalid("population `exc`", "C_m", -1.0, "must be > 0 pF");
        assert_eq!(
            format!("{e:?}"),
            "population `exc`: `C_m` = -1.0 is invalid: must be > 0 pF"
        );
    }

    #[test]
    fn values_are_written_in_their_unit() {
        let table = crate::models::IafPscAlpha::PARAMETERS;
        let e = Error::invalid("PV", "C_m", -200.0, "must be > 0").with_units(table);
        assert_eq!(
            e.to_string(),
            "PV: `C_m` = -200 pF is invalid: must be > 0 pF"
        );
        let e = Error::invalid("PV", "V_reset", -50.0, "must be below V_th (-55 mV)");
        assert_eq!(
            e.with_units(table).to_string(),
            "PV: `V_reset` = -50 mV is invalid: must be below V_th (-55 mV)"
        );
        let other = Error::invalid("PV", "kernel.p", 2.0, "must be <= 1");
        assert_eq!(other.clone().with_units(table), other);
    }

    #[test]
    fn question_mark_converts_io_errors() {
        fn read() -> Result<String> {
            Ok(std::fs::read_to_string("/nonexistent/weights.csv")?)
        }
        let e = read().unwrap_err();
        assert!(matches!(e, Error::System(_)));
        assert!(e.to_string().starts_with("i/o error: "), "{e}");
    }
}
