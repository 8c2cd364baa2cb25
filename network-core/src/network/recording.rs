//! Recording: the data recorders keep in memory (spike events, multimeter samples) and
//! the recorders at work, which append each slice's spikes and samples to it and to
//! their files.

use super::files::{self, Columns, FileSettings, RecordFile};
use super::info::PopulationInfo;
use super::resources;
use crate::devices::{Multimeter, RecordTo, Window};
use crate::error::Result;
use crate::models::Recordable;
use crate::provenance::Provenance;
use crate::time::Resolution;
use std::io::Write;

/// Spikes recorded by a spike recorder, sorted by time, then sender.
#[derive(Debug, Clone)]
pub struct SpikeEvents {
    resolution: Resolution,
    /// NEST's `time_in_steps`: NEST reports these events' times as steps and offsets.
    pub(crate) time_in_steps: bool,
    senders: Vec<u32>,
    stamps: Vec<i64>,
    /// Each event's offset (ms) before the end of its step, kept only once one is not 0
    /// (a `spike_generator`'s `precise_times`); empty means all 0.
    offsets: Vec<f64>,
}

impl SpikeEvents {
    pub(crate) fn new(resolution: Resolution) -> Self {
        Self {
            resolution,
            time_in_steps: false,
            senders: Vec::new(),
            stamps: Vec::new(),
            offsets: Vec::new(),
        }
    }

    /// Whether the recorder reports times in steps (NEST's `time_in_steps`): NEST's
    /// `events` then hold `times` as [`SpikeEvents::steps`] and `offsets` (ms) as
    /// [`SpikeEvents::offsets`]; files have `time_step` and `time_offset` columns.
    pub fn time_in_steps(&self) -> bool {
        self.time_in_steps
    }

    /// Offset (ms) of each event before the end of its step, NEST's `offsets` with
    /// `time_in_steps`: 0 for every spike of a grid-based model; a `spike_generator`'s
    /// spike with `precise_times` keeps its time's offset.
    pub fn offsets(&self) -> Vec<f64> {
        if self.offsets.is_empty() {
            vec![0.0; self.stamps.len()]
        } else {
            self.offsets.clone()
        }
    }

    /// The offset (ms) of event `k`.
    fn offset(&self, k: usize) -> f64 {
        self.offsets.get(k).copied().unwrap_or(0.0)
    }

    /// The same, empty events, reporting times in steps when `time_in_steps`.
    pub(crate) fn in_steps(self, time_in_steps: bool) -> Self {
        Self {
            time_in_steps,
            ..self
        }
    }

    pub(crate) fn push(&mut self, sender: u32, stamp: i64, offset: f64) {
        if offset != 0.0 || !self.offsets.is_empty() {
            self.offsets.resize(self.stamps.len(), 0.0);
            self.offsets.push(offset);
        }
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

    /// Time of each event (ms), in NEST's tics form (step 1058 reads 105.8), less its
    /// offset (a precise spike's time, as NEST reports it).
    pub fn times(&self) -> Vec<f64> {
        self.iter().map(|(_, t)| t).collect()
    }

    /// `(sender, time in ms)` of each event.
    pub fn iter(&self) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.senders
            .iter()
            .zip(&self.stamps)
            .enumerate()
            .map(|(k, (&n, &s))| (n, self.resolution.step_to_ms(s) - self.offset(k)))
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
    /// NEST's `time_in_steps` (as for [`SpikeEvents`]).
    pub(crate) time_in_steps: bool,
    record_from: Vec<Recordable>,
    senders: Vec<u32>,
    stamps: Vec<i64>,
    values: Vec<f64>,
}

impl Samples {
    pub(crate) fn new(resolution: Resolution, record_from: Vec<Recordable>) -> Self {
        Self {
            resolution,
            time_in_steps: false,
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

    /// Whether the multimeter reports times in steps (NEST's `time_in_steps`; see
    /// [`SpikeEvents::time_in_steps`]).
    pub fn time_in_steps(&self) -> bool {
        self.time_in_steps
    }

    /// Time stamp of each sample in steps.
    pub fn steps(&self) -> &[i64] {
        &self.stamps
    }

    /// Offset (ms) of each sample from its step: 0 (samples are on the grid).
    pub fn offsets(&self) -> Vec<f64> {
        vec![0.0; self.stamps.len()]
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

/// A spike recorder at work: its window, the neurons it watches per population, its
/// events and its file.
#[derive(Debug)]
pub(crate) struct RecorderRuntime {
    pub name: String,
    /// Recorded stamps `t` satisfy `window.0 < t <= window.1` (steps).
    pub window: (i64, i64),
    /// The window as set (ms): `start`, `stop` and `origin`, settable between runs.
    pub window_ms: Window,
    /// Per population: `None` if not recorded, else one flag per neuron.
    pub masks: Vec<Option<Vec<bool>>>,
    pub events: SpikeEvents,
    /// Where its events go besides memory.
    pub record_to: RecordTo,
    /// The file, when the recorder writes one (opened by `build`).
    pub file: Option<RecordFile>,
    /// Whether events are also kept in `events` (always, unless the recorder writes a
    /// file and the network was told to stream files only).
    pub in_memory: bool,
    /// Events recorded so far, in memory or not.
    pub recorded: u64,
    /// The generators it records (their indices), each sending it a train of its own
    /// (`engine::generator_tap`).
    pub generators: Vec<usize>,
    /// This slice's events from those generators, `(stamp, node id, offset in ms)`,
    /// not yet recorded.
    pub from_generators: Vec<(i64, u32, f64)>,
}

impl RecorderRuntime {
    /// Opens the recorder's file, if it writes one.
    pub fn open_file(&mut self, settings: &FileSettings, provenance: &Provenance) -> Result<()> {
        let columns = Columns {
            in_steps: self.events.time_in_steps,
            ..Columns::default()
        };
        self.file = files::open(&self.name, &self.record_to, settings, columns, provenance)?;
        Ok(())
    }

    /// Bytes its events take in memory now.
    pub fn bytes(&self) -> u64 {
        self.events.len() as u64 * resources::SPIKE_EVENT_BYTES
    }

    /// Estimated bytes its in-memory events grow by while simulating steps
    /// `step..end` (stamps `step + 1 ..= end`), at [`RecorderRuntime::assumed_rate`].
    pub fn growth(&self, step: i64, end: i64, resolution: Resolution) -> u64 {
        if !self.in_memory {
            return 0;
        }
        let (lo, hi) = (step.max(self.window.0), end.min(self.window.1));
        if hi <= lo {
            return 0;
        }
        let seconds = resolution.step_to_ms(hi - lo) / 1000.0;
        let rate = self.assumed_rate(step, resolution);
        let events = (self.targets() as f64 * seconds * rate).ceil();
        (events as u64).saturating_mul(resources::SPIKE_EVENT_BYTES)
    }

    /// The firing rate (Hz) per watched neuron its estimate assumes at step `step`:
    /// [`resources::ASSUMED_RATE_HZ`] before anything was measured, and 1.5 times the rate
    /// measured over the steps recorded so far where that is higher. 100 Hz is a
    /// typical cortical bound, not a bound on what neurons can fire; a network
    /// measured faster in its first runs is estimated at its own rate.
    pub fn assumed_rate(&self, step: i64, resolution: Resolution) -> f64 {
        let observed = (step.min(self.window.1) - self.window.0).max(0);
        let seconds = resolution.step_to_ms(observed) / 1000.0;
        let targets = self.targets();
        if seconds <= 0.0 || targets == 0 {
            return resources::ASSUMED_RATE_HZ;
        }
        let measured = self.recorded as f64 / (targets as f64 * seconds);
        resources::ASSUMED_RATE_HZ.max(resources::MEASURED_RATE_MARGIN * measured)
    }

    /// The number of neurons and generators it watches.
    pub fn targets(&self) -> usize {
        self.masks
            .iter()
            .flatten()
            .map(|m| m.iter().filter(|&&x| x).count())
            .sum::<usize>()
            + self.generators.len()
    }

    /// Records the spikes of one slice, `pending[p]` being population `p`'s spikes
    /// `(step, index)`, and the generators' events of the slice (`from_generators`):
    /// those of watched neurons and generators inside the window, sorted by stamp and
    /// node id, to memory and file.
    pub fn record(
        &mut self,
        pending: &[Vec<(i64, u32)>],
        populations: &[PopulationInfo],
        resolution: Resolution,
    ) {
        let window = self.window;
        let mut slice: Vec<(i64, u32, f64)> = self
            .from_generators
            .drain(..)
            .filter(|&(stamp, _, _)| window.0 < stamp && stamp <= window.1)
            .collect();
        for (p, mask) in self.masks.iter().enumerate() {
            let Some(mask) = mask else { continue };
            let first = populations[p].first_node_id;
            for &(step, i) in &pending[p] {
                let stamp = step + 1;
                if mask[i as usize] && self.window.0 < stamp && stamp <= self.window.1 {
                    slice.push((stamp, first + i, 0.0));
                }
            }
        }
        if slice.is_empty() {
            return;
        }
        // By stamp, sender, then time within the step (the larger offset first).
        slice.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.total_cmp(&a.2)));
        self.recorded += slice.len() as u64;
        if let Some(file) = self.file.as_mut() {
            for &(stamp, sender, offset) in &slice {
                file.row(sender, (stamp, offset), resolution, &[], &[]);
            }
        }
        if self.in_memory {
            for (stamp, sender, offset) in slice {
                self.events.push(sender, stamp, offset);
            }
        }
    }
}

/// A multimeter at work: its samples, the number of neurons it samples and its file.
#[derive(Debug)]
pub(crate) struct MeterRuntime {
    pub name: String,
    pub samples: Samples,
    /// Number of neurons sampled.
    pub targets: usize,
    pub record_from: Vec<Recordable>,
    pub record_to: RecordTo,
    pub file: Option<RecordFile>,
    /// Sampling grid `(interval, offset)` and window `(start, stop]`, in steps.
    pub grid: (i64, i64),
    pub window: (i64, i64),
    /// The window as set (ms), settable between runs.
    pub window_ms: Window,
    /// Whether samples are also kept in `samples` (as for [`RecorderRuntime`]).
    pub in_memory: bool,
    /// Samples recorded so far, in memory or not.
    pub recorded: u64,
    /// The samples of the latest time recorded, `(stamp, node id, values)`, kept
    /// whether or not the others are.
    pub latest: Vec<(i64, u32, Vec<f64>)>,
}

impl MeterRuntime {
    /// A multimeter named `name` with parameters `params` sampling `targets` neurons on
    /// the grid `(interval, offset)` within `window` (steps), nothing recorded yet.
    pub fn new(
        name: &str,
        resolution: Resolution,
        params: &Multimeter,
        targets: usize,
        grid: (i64, i64),
        window: (i64, i64),
    ) -> Self {
        Self {
            name: name.to_string(),
            samples: Samples {
                time_in_steps: params.time_in_steps,
                ..Samples::new(resolution, params.record_from.clone())
            },
            targets,
            record_from: params.record_from.clone(),
            record_to: params.record_to.clone(),
            file: None,
            grid,
            window,
            window_ms: params.window,
            in_memory: true,
            recorded: 0,
            latest: Vec::new(),
        }
    }

    /// Opens the multimeter's file, if it writes one (a column per recordable).
    pub fn open_file(&mut self, settings: &FileSettings, provenance: &Provenance) -> Result<()> {
        let names: Vec<_> = self.record_from.iter().map(|r| r.name()).collect();
        let values: Vec<&str> = names.iter().map(|n| n.as_ref()).collect();
        let columns = Columns {
            in_steps: self.samples.time_in_steps,
            values: &values,
            integers: &[],
        };
        self.file = files::open(&self.name, &self.record_to, settings, columns, provenance)?;
        Ok(())
    }

    /// Bytes one sample takes in memory: sender, stamp and one value per recordable.
    fn sample_bytes(&self) -> u64 {
        resources::SAMPLE_BYTES + 8 * self.record_from.len() as u64
    }

    /// Bytes its samples take in memory now.
    pub fn bytes(&self) -> u64 {
        self.samples.len() as u64 * self.sample_bytes()
    }

    /// Bytes its in-memory samples grow by while simulating steps `step..end`: one
    /// sample per target at every stamp in `(step, end]` on its grid and in its window.
    pub fn growth(&self, step: i64, end: i64) -> u64 {
        if !self.in_memory {
            return 0;
        }
        let (interval, offset) = self.grid;
        let lo = step.max(self.window.0).max(offset - 1);
        let hi = end.min(self.window.1);
        if hi <= lo || interval < 1 {
            return 0;
        }
        let stamps = (hi - offset).div_euclid(interval) - (lo - offset).div_euclid(interval);
        (stamps as u64)
            .saturating_mul(self.targets as u64)
            .saturating_mul(self.sample_bytes())
    }

    /// Records the samples of one slice, `(stamp, node id, values)`, to the file and (if
    /// kept) to memory, in the order of stamp and node id.
    pub fn record(&mut self, mut rows: Vec<(i64, u32, Vec<f64>)>, resolution: Resolution) {
        if rows.is_empty() {
            return;
        }
        rows.sort_by_key(|r| (r.0, r.1));
        self.recorded += rows.len() as u64;
        let latest = rows.last().map_or(i64::MIN, |r| r.0);
        self.latest = rows.iter().filter(|r| r.0 == latest).cloned().collect();
        if let Some(file) = self.file.as_mut() {
            for (stamp, sender, values) in &rows {
                file.row(*sender, (*stamp, 0.0), resolution, values, &[]);
            }
        }
        if self.in_memory {
            for (stamp, sender, values) in rows {
                self.samples.push(sender, stamp, &values);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meter(grid: (i64, i64), window: (i64, i64)) -> MeterRuntime {
        MeterRuntime {
            name: "m".into(),
            samples: Samples::new(Resolution::default(), vec![Recordable::V_m]),
            targets: 3,
            record_from: vec![Recordable::V_m],
            record_to: RecordTo::Memory,
            file: None,
            grid,
            window,
            window_ms: Window::default(),
            in_memory: true,
            recorded: 0,
            latest: Vec::new(),
        }
    }

    #[test]
    fn growth_counts_the_stamps_a_sampler_takes() {
        // Oracle: the sampler's own rule (engine::sampler::Sampler::due), stamp by stamp.
        for interval in [1, 3, 10] {
            for offset in [0, 1, 4] {
                for window in [(0, i64::MAX), (5, 40), (-3, 7)] {
                    let m = meter((interval, offset), window);
                    for (step, end) in [(0, 50), (7, 23), (30, 31), (12, 12)] {
                        let due = (step + 1..=end)
                            .filter(|&s| {
                                s >= offset
                                    && (s - offset) % interval == 0
                                    && window.0 < s
                                    && s <= window.1
                            })
                            .count() as u64;
                        assert_eq!(
                            m.growth(step, end),
                            due * 3 * 20,
                            "interval {interval} offset {offset} window {window:?} {step}..{end}"
                        );
                    }
                }
            }
        }
    }
}
