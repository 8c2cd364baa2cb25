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
    /// NEST's `time_in_steps`: times reported as steps plus an offset (ms) rather than
    /// in ms (the events read through `steps()` and `offsets()`; files have NEST's
    /// `time_step`, `time_offset` columns).
    pub time_in_steps: bool,
}

impl SpikeRecorder {
    /// A recorder active over `(start, stop]` (ms), recording to memory.
    pub fn window(start: f64, stop: f64) -> Self {
        Self {
            window: Window::new(start, stop),
            record_to: RecordTo::Memory,
            time_in_steps: false,
        }
    }

    /// The same recorder, reporting times as steps and offsets (NEST's
    /// `time_in_steps: True`).
    pub fn in_steps(self) -> Self {
        Self {
            time_in_steps: true,
            ..self
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
    /// NEST's `time_in_steps` (as for [`SpikeRecorder`]).
    pub time_in_steps: bool,
}

impl Default for Multimeter {
    fn default() -> Self {
        Self {
            interval: 1.0,
            offset: 0.0,
            record_from: Vec::new(),
            window: Window::default(),
            record_to: RecordTo::Memory,
            time_in_steps: false,
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

    /// The same multimeter, reporting times as steps and offsets (NEST's
    /// `time_in_steps: True`).
    pub fn in_steps(self) -> Self {
        Self {
            time_in_steps: true,
            ..self
        }
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

/// NEST's `weight_recorder`: records, for every spike a recorded projection's synapse
/// transmits, the sender, the target, the weight the synapse delivers (for a plastic
/// synapse the weight after its update; for `tsodyks_synapse` the delivered
/// `weight · u · x`), the spike's time stamp (its emission, not its arrival), the
/// receptor port and NEST's `port` (the synapse's index in its synapse model's
/// connections, sorted by source). Events are recorded when the spike is delivered, for
/// stamps in `(origin + start, origin + stop]`. In NEST it is set as the
/// `weight_recorder` of a synapse model copy (`CopyModel`); `senders` and `targets`
/// restrict it to those neurons.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WeightRecorder {
    /// Recording window (of the spikes' stamps).
    pub window: Window,
    /// Memory only, or also a file.
    pub record_to: RecordTo,
    /// NEST's `time_in_steps` (as for [`SpikeRecorder`]).
    pub time_in_steps: bool,
}

impl WeightRecorder {
    /// A weight recorder active over `(start, stop]` (ms), recording to memory.
    pub fn window(start: f64, stop: f64) -> Self {
        Self {
            window: Window::new(start, stop),
            ..Self::default()
        }
    }

    /// The same recorder, also writing `record_to`'s file.
    pub fn record_to(self, record_to: RecordTo) -> Self {
        Self { record_to, ..self }
    }

    /// The same recorder, reporting times as steps and offsets.
    pub fn in_steps(self) -> Self {
        Self {
            time_in_steps: true,
            ..self
        }
    }

    /// Validates the recorder named `entity` on the projections numbered `projections`
    /// of a network with `count` projections: its window on the grid of `res`, and at
    /// least one projection, each existing. Returns the window `(start, stop)` in steps.
    /// Both the builder and a network between runs check a weight recorder here, so that
    /// the same mistake reads the same wherever it is made.
    pub(crate) fn check(
        &self,
        entity: &str,
        projections: &[usize],
        count: usize,
        res: &Resolution,
    ) -> Result<(i64, i64)> {
        let window = self.window.steps(entity, res)?;
        if projections.is_empty() {
            return Err(Error::invalid(
                entity,
                "projections",
                "[]",
                "name at least one projection whose synapses it records",
            ));
        }
        if let Some(bad) = projections.iter().find(|&&p| p >= count) {
            return Err(Error::Name(format!(
                "weight recorder `{entity}`: projection #{bad} does not exist"
            )));
        }
        Ok(window)
    }
}
