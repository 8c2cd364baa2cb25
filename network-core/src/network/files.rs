//! Recorder files: NEST's ASCII format and CSV, with the run's provenance in comment
//! lines. Rows are gathered as whole lines and written with one `write` per batch, so a
//! crash leaves complete lines for everything written; batches go out when they grow
//! past [`BATCH_BYTES`], at the end of every `simulate` call, and when the network is
//! dropped.

use crate::devices::RecordTo;
use crate::error::{Error, Result};
use crate::provenance::Provenance;
use crate::time::Resolution;
use std::fmt::Write as _;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Rows are written out once this many bytes of whole lines are waiting.
const BATCH_BYTES: usize = 1 << 16;

/// A recorder file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileFormat {
    /// NEST's `RecordingBackendASCII` (version 2): tab-separated, three decimals, file
    /// extension `.dat`.
    Ascii,
    /// Comma-separated with full precision, extension `.csv`.
    Csv,
}

impl FileFormat {
    fn extension(self) -> &'static str {
        match self {
            FileFormat::Ascii => "dat",
            FileFormat::Csv => "csv",
        }
    }

    fn separator(self) -> char {
        match self {
            FileFormat::Ascii => '\t',
            FileFormat::Csv => ',',
        }
    }
}

/// Where and how recorder files are written (NEST's kernel `data_path`, `data_prefix`
/// and `overwrite_files`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FileSettings {
    pub data_path: PathBuf,
    pub data_prefix: String,
    pub overwrite: bool,
    /// On several ranks with per-rank files, this rank: files are named
    /// `{prefix}{name}-{rank}.{ext}`, as NEST names them.
    pub rank: Option<usize>,
}

impl FileSettings {
    /// The settings of rank `rank`'s own files.
    pub fn for_rank(self, rank: usize) -> Self {
        Self {
            rank: Some(rank),
            ..self
        }
    }
}

impl Default for FileSettings {
    fn default() -> Self {
        Self {
            data_path: PathBuf::from("."),
            data_prefix: String::new(),
            overwrite: true,
            rank: None,
        }
    }
}

/// The columns of a recorder file after the sender: the time, then the values (written
/// as decimals), then whole numbers (a weight recorder's `targets`, `receptors`, `ports`).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Columns<'a> {
    /// NEST's `time_in_steps`: the time is two columns, `time_step` and `time_offset`
    /// (ms), instead of `time_ms`.
    pub in_steps: bool,
    /// Names of the decimal columns.
    pub values: &'a [&'a str],
    /// Names of the whole-number columns.
    pub integers: &'a [&'a str],
}

/// An open recorder file.
#[derive(Debug)]
pub(crate) struct RecordFile {
    entity: String,
    path: PathBuf,
    format: FileFormat,
    /// Whether times are written as a step and an offset.
    in_steps: bool,
    file: File,
    /// Whole lines not yet written.
    pending: String,
    /// The first write error, reported at the end of the `simulate` call.
    failed: Option<std::io::Error>,
}

impl RecordFile {
    /// Creates `{directory}/{prefix}{entity}.{dat|csv}` with its header: for ASCII,
    /// NEST's two comment lines (the second carrying the provenance, so that NEST's
    /// readers, which skip exactly two lines before the column names, still work)
    /// and the column names; for CSV, one `#` line per provenance field and the
    /// column names. `columns` follow `sender` and the time.
    pub fn create(
        entity: &str,
        directory: &Path,
        settings: &FileSettings,
        format: FileFormat,
        columns: Columns<'_>,
        provenance: &Provenance,
    ) -> Result<Self> {
        let rank = settings.rank.map(|r| format!("-{r}")).unwrap_or_default();
        let path = directory.join(format!(
            "{}{entity}{rank}.{}",
            settings.data_prefix,
            format.extension()
        ));
        check_directory(entity, directory)?;
        let io = |e: std::io::Error| Error::Io {
            entity: entity.to_string(),
            path: path.display().to_string(),
            message: e.to_string(),
        };
        let mut options = OpenOptions::new();
        options.write(true);
        if settings.overwrite {
            options.create(true).truncate(true);
        } else {
            options.create_new(true);
        }
        let mut file = options.open(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => Error::Io {
                entity: entity.to_string(),
                path: path.display().to_string(),
                message: "the file exists; remove it, choose another data_prefix, or allow overwrite_files".into(),
            },
            _ => io(e),
        })?;
        let sep = format.separator();
        let mut header = match format {
            FileFormat::Ascii => format!(
                "# NEST version: 3.10.0\n# RecordingBackendASCII version: 2; {}\n",
                provenance.one_line()
            ),
            FileFormat::Csv => provenance.comment_lines(),
        };
        header.push_str("sender");
        header.push(sep);
        if columns.in_steps {
            header.push_str("time_step");
            header.push(sep);
            header.push_str("time_offset");
        } else {
            header.push_str("time_ms");
        }
        for c in columns.values.iter().chain(columns.integers) {
            header.push(sep);
            header.push_str(c);
        }
        header.push('\n');
        file.write_all(header.as_bytes()).map_err(io)?;
        Ok(Self {
            entity: entity.to_string(),
            path,
            format,
            in_steps: columns.in_steps,
            file,
            pending: String::new(),
            failed: None,
        })
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Adds one row: sender, time (`(stamp, offset)`: the stamp's time at `resolution`
    /// less the offset in ms, or the step and the offset when the file is in steps), the
    /// values (NEST's three decimals in ASCII, full precision in CSV) and the whole
    /// numbers.
    pub fn row(
        &mut self,
        sender: u32,
        (stamp, offset): (i64, f64),
        resolution: Resolution,
        values: &[f64],
        integers: &[i64],
    ) {
        let sep = self.format.separator();
        let line = &mut self.pending;
        let ms = resolution.step_to_ms(stamp) - offset;
        // Writing into a String cannot fail.
        let _ = match (self.in_steps, self.format) {
            (true, FileFormat::Ascii) => write!(line, "{sender}{sep}{stamp}{sep}{offset:.3}"),
            (true, FileFormat::Csv) => write!(line, "{sender}{sep}{stamp}{sep}{offset}"),
            (false, FileFormat::Ascii) => write!(line, "{sender}{sep}{ms:.3}"),
            (false, FileFormat::Csv) => write!(line, "{sender}{sep}{ms}"),
        };
        for v in values {
            let _ = match self.format {
                FileFormat::Ascii => write!(line, "{sep}{v:.3}"),
                FileFormat::Csv => write!(line, "{sep}{v}"),
            };
        }
        for n in integers {
            let _ = write!(line, "{sep}{n}");
        }
        line.push('\n');
    }

    /// Writes the waiting lines if they exceed a batch.
    pub fn write_batch(&mut self) {
        if self.pending.len() >= BATCH_BYTES {
            self.write_pending();
        }
    }

    fn write_pending(&mut self) {
        if self.pending.is_empty() || self.failed.is_some() {
            return;
        }
        if let Err(e) = self.file.write_all(self.pending.as_bytes()) {
            self.failed = Some(e);
        }
        self.pending.clear();
    }

    /// Writes every waiting line; an error (now or in an earlier batch) names the
    /// recorder and the file.
    pub fn flush(&mut self) -> Result<()> {
        self.write_pending();
        let result = match self.failed.take() {
            Some(e) => Err(e),
            None => self.file.flush(),
        };
        result.map_err(|e| Error::Io {
            entity: self.entity.clone(),
            path: self.path.display().to_string(),
            message: e.to_string(),
        })
    }
}

impl Drop for RecordFile {
    fn drop(&mut self) {
        self.write_pending();
    }
}

/// A missing directory, or a path that is not a directory, is an error naming the
/// recorder and the path.
fn check_directory(entity: &str, directory: &Path) -> Result<()> {
    let error = |message: &str| Error::Io {
        entity: entity.to_string(),
        path: directory.display().to_string(),
        message: message.to_string(),
    };
    match std::fs::metadata(directory) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(error(
            "not a directory; give a directory for the recorder files",
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(error("the directory does not exist; create it first"))
        }
        Err(e) => Err(error(&format!("the directory cannot be read: {e}"))),
    }
}

/// Opens the file `record_to` asks for a recorder named `entity` (none for memory
/// recording), with `columns` after the sender and time.
pub(crate) fn open(
    entity: &str,
    record_to: &RecordTo,
    settings: &FileSettings,
    columns: Columns<'_>,
    provenance: &Provenance,
) -> Result<Option<RecordFile>> {
    let (format, directory) = match record_to {
        RecordTo::Memory => return Ok(None),
        RecordTo::Ascii { directory } => (FileFormat::Ascii, directory),
        RecordTo::Csv { directory } => (FileFormat::Csv, directory),
    };
    let directory = directory.as_deref().unwrap_or(&settings.data_path);
    RecordFile::create(entity, directory, settings, format, columns, provenance).map(Some)
}
