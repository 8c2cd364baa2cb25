//! Parameters of the recording devices.

use super::Window;
use crate::error::{Error, Result};
use crate::models::Recordable;
use crate::time::Resolution;
use std::path::PathBuf;

/// Where a recorder's events go besides memory (NEST's `record_to`). Files are named
/// `{directory}/{data_prefix}{recorder name}.dat` (or `.csv`), where `directory` is the
/// builder's `data_path` unless the recorder names its own, and carry the run's
/// provenance in `#` comment lines. Rows are written in whole lines at the latest at the
/// end of every `simulate` call.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum RecordTo {
    /// In memory only (NEST's default).
    #[default]
    Memory,
    /// Also to a file in NEST's ASCII format (`RecordingBackendASCII`, tab-separated,
    /// three decimals).
    Ascii {
        /// The file's directory; `None` for the builder's `data_path`.
        directory: Option<PathBuf>,
    },
    /// Also to a CSV file (comma-separated, full precision).
    Csv {
        /// The file's directory; `None` for the builder's `data_path`.
        directory: Option<PathBuf>,
    },
}

impl RecordTo {
    /// NEST's ASCII format, into the builder's `data_path`.
    pub fn ascii() -> Self {
        RecordTo::Ascii { directory: None }
    }

    /// CSV, into the builder's `data_path`.
    pub fn csv() -> Self {
        RecordTo::Csv { directory: None }
    }
}

/// NEST's `spike_recorder`: records spikes whose time stamp lies in
/// `(origin + start, origin + stop]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SpikeRecorder {
    /// Recording window.
    pub window: Window,
    /// Memory only, or also a file.
    pub record_to: RecordTo,
}

impl SpikeRecorder {
    /// A recorder active over `(start, stop]` (ms), recording to memory.
    pub fn window(start: f64, stop: f64) -> Self {
        Self {
            window: Window::new(start, stop),
            record_to: RecordTo::Memory,
        }
    }

    /// The same recorder, also writing NEST's ASCII format into `directory`.
    pub fn to_ascii(self, directory: impl Into<PathBuf>) -> Self {
        Self {
            record_to: RecordTo::Ascii {
                directory: Some(directory.into()),
            },
            ..self
        }
    }

    /// The same recorder, also writing CSV into `directory`.
    pub fn to_csv(self, directory: impl Into<PathBuf>) -> Self {
        Self {
            record_to: RecordTo::Csv {
                directory: Some(directory.into()),
            },
            ..self
        }
    }
}

/// NEST's `multimeter` (and `voltmeter`, which records `V_m`): samples the recordables of
/// its targets every `interval` ms, at the end of each step whose time stamp is
/// `offset + k · interval`, within `(origin + start, origin + stop]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Multimeter {
    /// Sampling interval (ms); a multiple of the resolution. NEST's default is 1.0.
    pub interval: f64,
    /// Offset of the sampling grid (ms).
    pub offset: f64,
    /// What to record.
    pub record_from: Vec<Recordable>,
    /// Recording window.
    pub window: Window,
    /// Memory only, or also a file.
    pub record_to: RecordTo,
}

impl Default for Multimeter {
    fn default() -> Self {
        Self {
            interval: 1.0,
            offset: 0.0,
            record_from: Vec::new(),
            window: Window::default(),
            record_to: RecordTo::Memory,
        }
    }
}

impl Multimeter {
    /// NEST's `voltmeter`: a multimeter recording `V_m` every `interval` ms.
    pub fn voltmeter(interval: f64) -> Self {
        Self {
            interval,
            record_from: vec![Recordable::V_m],
            ..Self::default()
        }
    }

    /// A multimeter recording `record_from` every `interval` ms.
    pub fn new(interval: f64, record_from: &[Recordable]) -> Self {
        Self {
            interval,
            record_from: record_from.to_vec(),
            ..Self::default()
        }
    }

    /// The same multimeter, also writing `record_to`'s file.
    pub fn record_to(self, record_to: RecordTo) -> Self {
        Self { record_to, ..self }
    }

    /// `(interval, offset)` in steps, validated.
    pub(crate) fn grid(&self, entity: &str, res: &Resolution) -> Result<(i64, i64)> {
        let interval = res.grid_steps(entity, "interval", self.interval)?;
        if interval < 1 {
            return Err(Error::invalid(
                entity,
                "interval",
                self.interval,
                format!("must be at least the resolution ({} ms)", res.ms()),
            ));
        }
        let offset = res.grid_steps(entity, "offset", self.offset)?;
        if offset < 0 {
            return Err(Error::invalid(
                entity,
                "offset",
                self.offset,
                "must be >= 0 ms",
            ));
        }
        if self.record_from.is_empty() {
            return Err(Error::invalid(
                entity,
                "record_from",
                "[]",
                "name at least one recordable, e.g. V_m",
            ));
        }
        Ok((interval, offset))
    }
}
