//! Recorded data: spike events and multimeter samples, in memory.

use crate::models::Recordable;
use crate::time::Resolution;
use std::io::Write;

/// Spikes recorded by a spike recorder, sorted by time, then sender.
#[derive(Debug, Clone)]
pub struct SpikeEvents {
    resolution: Resolution,
    senders: Vec<u32>,
    stamps: Vec<i64>,
}

impl SpikeEvents {
    pub(crate) fn new(resolution: Resolution) -> Self {
        Self {
            resolution,
            senders: Vec::new(),
            stamps: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, sender: u32, stamp: i64) {
        self.senders.push(sender);
        self.stamps.push(stamp);
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.senders.len()
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.senders.is_empty()
    }

    /// The sender of each event: its node id (1-based, in creation order, as NEST
    /// numbers neurons; devices take no ids here).
    pub fn senders(&self) -> &[u32] {
        &self.senders
    }

    /// Time stamp of each event in steps.
    pub fn steps(&self) -> &[i64] {
        &self.stamps
    }

    /// Time of each event (ms), in NEST's tics form (step 1058 reads 105.8).
    pub fn times(&self) -> Vec<f64> {
        self.stamps
            .iter()
            .map(|&s| self.resolution.step_to_ms(s))
            .collect()
    }

    /// `(sender, time in ms)` of each event.
    pub fn iter(&self) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.senders
            .iter()
            .zip(&self.stamps)
            .map(|(&n, &s)| (n, self.resolution.step_to_ms(s)))
    }

    /// Writes the events in NEST's ASCII recording format (`sender<TAB>time_ms`,
    /// three decimals) after NEST's header lines.
    pub fn write_ascii(&self, out: &mut impl Write) -> std::io::Result<()> {
        Self::write_ascii_header(out)?;
        self.write_ascii_rows(out, 0)
    }

    /// NEST's three header lines of a spike recorder's ASCII file.
    pub(crate) fn write_ascii_header(out: &mut impl Write) -> std::io::Result<()> {
        writeln!(out, "# NEST version: 3.10.0")?;
        writeln!(out, "# RecordingBackendASCII version: 2")?;
        writeln!(out, "sender\ttime_ms")
    }

    /// The rows of events `from..`, one line each.
    pub(crate) fn write_ascii_rows(
        &self,
        out: &mut impl Write,
        from: usize,
    ) -> std::io::Result<()> {
        for (sender, time) in self.iter().skip(from) {
            writeln!(out, "{sender}\t{time:.3}")?;
        }
        Ok(())
    }
}

/// Samples recorded by a multimeter, sorted by time, then sender.
#[derive(Debug, Clone)]
pub struct Samples {
    resolution: Resolution,
    record_from: Vec<Recordable>,
    senders: Vec<u32>,
    stamps: Vec<i64>,
    values: Vec<f64>,
}

impl Samples {
    pub(crate) fn new(resolution: Resolution, record_from: Vec<Recordable>) -> Self {
        Self {
            resolution,
            record_from,
            senders: Vec::new(),
            stamps: Vec::new(),
            values: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, sender: u32, stamp: i64, values: &[f64]) {
        self.senders.push(sender);
        self.stamps.push(stamp);
        self.values.extend_from_slice(values);
    }

    /// Number of samples (one per sender and time).
    pub fn len(&self) -> usize {
        self.senders.len()
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.senders.is_empty()
    }

    /// What each sample holds, in order.
    pub fn record_from(&self) -> &[Recordable] {
        &self.record_from
    }

    /// Node id of each sample's neuron.
    pub fn senders(&self) -> &[u32] {
        &self.senders
    }

    /// Time of each sample (ms), in NEST's tics form.
    pub fn times(&self) -> Vec<f64> {
        self.stamps
            .iter()
            .map(|&s| self.resolution.step_to_ms(s))
            .collect()
    }

    /// The values of one recordable, one per sample (mV or pA), or `None` if this
    /// multimeter does not record it.
    pub fn values(&self, var: Recordable) -> Option<Vec<f64>> {
        let k = self.record_from.iter().position(|&r| r == var)?;
        let n = self.record_from.len();
        Some(self.values.iter().skip(k).step_by(n).copied().collect())
    }
}
