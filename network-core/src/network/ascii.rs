//! A spike recorder's ASCII file: NEST's format, appended and flushed after every
//! `simulate` call.

use super::recording::SpikeEvents;
use crate::devices::RecordTo;
use crate::error::{Error, Result};
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// An open ASCII file and how many events it already holds.
#[derive(Debug)]
pub(crate) struct AsciiSink {
    path: PathBuf,
    writer: BufWriter<File>,
    written: usize,
}

impl AsciiSink {
    /// Opens the file `record_to` asks for (none for memory recording) and writes the
    /// header. A missing directory or an existing file (without `overwrite`) is an error
    /// naming the recorder and the path.
    pub fn open(entity: &str, record_to: &RecordTo) -> Result<Option<Self>> {
        let RecordTo::Ascii {
            directory,
            prefix,
            overwrite,
        } = record_to
        else {
            return Ok(None);
        };
        let path = directory.join(format!("{prefix}{entity}.dat"));
        let io = |e: std::io::Error| Error::Io {
            entity: entity.to_string(),
            path: path.display().to_string(),
            message: e.to_string(),
        };
        if !directory.is_dir() {
            return Err(Error::Io {
                entity: entity.to_string(),
                path: directory.display().to_string(),
                message: "the directory does not exist; create it first".into(),
            });
        }
        let mut options = OpenOptions::new();
        options.write(true);
        if *overwrite {
            options.create(true).truncate(true);
        } else {
            options.create_new(true);
        }
        let file = options.open(&path).map_err(io)?;
        let mut writer = BufWriter::new(file);
        SpikeEvents::write_ascii_header(&mut writer).map_err(io)?;
        writer.flush().map_err(io)?;
        Ok(Some(Self {
            path,
            writer,
            written: 0,
        }))
    }

    /// Appends the events recorded since the last call and flushes.
    pub fn append(&mut self, entity: &str, events: &SpikeEvents) -> Result<()> {
        let io = |e: std::io::Error| Error::Io {
            entity: entity.to_string(),
            path: self.path.display().to_string(),
            message: e.to_string(),
        };
        events
            .write_ascii_rows(&mut self.writer, self.written)
            .map_err(io)?;
        self.writer.flush().map_err(io)?;
        self.written = events.len();
        Ok(())
    }
}
