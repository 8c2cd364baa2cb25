//! Weight recorders (NEST's `weight_recorder`): the events they keep and the recorders
//! at work (the network's side, attaching them and feeding them, is
//! `network::weight_recorders`).

use super::files::{self, Columns, FileSettings, RecordFile};
use crate::devices::{RecordTo, Window};
use crate::distribution::Communicator;
use crate::engine::projection::Projection;
use crate::error::Result;
use crate::provenance::Provenance;
use crate::time::Resolution;

/// What a weight recorder recorded, one entry per transmission, sorted by time stamp,
/// then sender, then the order the projections were given in, then port.
#[derive(Debug, Clone)]
pub struct WeightEvents {
    resolution: Resolution,
    time_in_steps: bool,
    senders: Vec<u32>,
    targets: Vec<u32>,
    stamps: Vec<i64>,
    weights: Vec<f64>,
    receptors: Vec<u16>,
    ports: Vec<u32>,
}

impl WeightEvents {
    pub(super) fn new(resolution: Resolution, time_in_steps: bool) -> Self {
        Self {
            resolution,
            time_in_steps,
            senders: Vec::new(),
            targets: Vec::new(),
            stamps: Vec::new(),
            weights: Vec::new(),
            receptors: Vec::new(),
            ports: Vec::new(),
        }
    }

    fn push(&mut self, row: &Row) {
        self.senders.push(row.sender);
        self.targets.push(row.target);
        self.stamps.push(row.stamp);
        self.weights.push(row.weight);
        self.receptors.push(row.receptor);
        self.ports.push(row.port);
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.senders.len()
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.senders.is_empty()
    }

    /// Node id of each event's presynaptic neuron.
    pub fn senders(&self) -> &[u32] {
        &self.senders
    }

    /// Node id of each event's postsynaptic neuron (NEST's `targets`).
    pub fn targets(&self) -> &[u32] {
        &self.targets
    }

    /// Time stamp of each event in steps: the spike's emission, as NEST stamps it.
    pub fn steps(&self) -> &[i64] {
        &self.stamps
    }

    /// Time of each event (ms), in NEST's tics form.
    pub fn times(&self) -> Vec<f64> {
        let res = self.resolution;
        self.stamps.iter().map(|&s| res.step_to_ms(s)).collect()
    }

    /// Offset (ms) of each event from its step: 0 (spikes are on the grid).
    pub fn offsets(&self) -> Vec<f64> {
        vec![0.0; self.stamps.len()]
    }

    /// Whether the recorder reports times in steps (NEST's `time_in_steps`).
    pub fn time_in_steps(&self) -> bool {
        self.time_in_steps
    }

    /// The weight each synapse delivered (the target model's weight unit: pA, nS or mV).
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }

    /// NEST's `receptors`: the projection's `receptor_type` (0 unless it names a port).
    pub fn receptors(&self) -> &[u16] {
        &self.receptors
    }

    /// NEST's `ports`: the synapse's index among its projection's synapses sorted by
    /// source (as NEST numbers the connections of a synapse model copy made for one
    /// projection).
    pub fn ports(&self) -> &[u32] {
        &self.ports
    }
}

/// One event, named: time stamp (steps), sender and target node ids, the recorded
/// projection's place in the recorder's list, port, weight and receptor.
#[derive(Debug, Clone, Copy)]
pub(super) struct Row {
    pub stamp: i64,
    pub sender: u32,
    pub order: usize,
    pub port: u32,
    pub target: u32,
    pub weight: f64,
    pub receptor: u16,
}

/// The words of one row on its way to rank 0, behind its recorder's index.
const ROW_WORDS: usize = 8;

/// Gathers every rank's rows (each for the recorder at its index in `rows`) on rank 0;
/// the other ranks get nothing. Each recorder sorts its rows into the order one
/// process records them in ([`WeightRecorderRuntime::record`]), a total order.
pub(super) fn exchange_rows(comm: &dyn Communicator, rows: &[Vec<Row>]) -> Vec<Vec<Row>> {
    let mut words = Vec::new();
    for (r, rows) in rows.iter().enumerate() {
        for row in rows {
            words.extend([
                r as u64,
                row.stamp as u64,
                u64::from(row.sender),
                row.order as u64,
                u64::from(row.port),
                u64::from(row.target),
                row.weight.to_bits(),
                u64::from(row.receptor),
            ]);
        }
    }
    let mut merged = vec![Vec::new(); rows.len()];
    for w in comm.gather_to_root(&words).chunks_exact(ROW_WORDS) {
        merged[w[0] as usize].push(Row {
            stamp: w[1] as i64,
            sender: w[2] as u32,
            order: w[3] as usize,
            port: w[4] as u32,
            target: w[5] as u32,
            weight: f64::from_bits(w[6]),
            receptor: w[7] as u16,
        });
    }
    merged
}

/// A recorded projection: where its synapses are and the port of each block's row.
#[derive(Debug)]
pub(super) struct Recorded {
    /// The target population and the projection's index among its incoming ones.
    pub slot: (usize, usize),
    /// Per block, per source: the port of the row's first synapse.
    pub port_base: Vec<Vec<u32>>,
}

impl Recorded {
    /// The ports of `projection`'s synapses, which sits at `slot` and has `sources`
    /// source neurons. On several ranks a block's rows live on the rank that owns it
    /// (empty elsewhere): the ranks sum their row lengths (a collective call), so that
    /// every rank numbers the ports of the whole projection as one process does.
    pub fn new(
        slot: (usize, usize),
        projection: &Projection,
        sources: usize,
        comm: &dyn Communicator,
    ) -> Self {
        let stored = projection.blocks();
        let blocks = stored.len();
        // Row lengths, source-major: `lengths[s * blocks + b]`.
        let mut lengths = vec![0u64; sources * blocks];
        for (b, block) in stored.iter().enumerate() {
            for s in 0..sources {
                let row = block.row_start.get(s..s + 2).unwrap_or(&[0, 0]);
                lengths[s * blocks + b] = u64::from(row[1] - row[0]);
            }
        }
        if comm.size() > 1 && !lengths.is_empty() {
            let all = comm.all_gather(&lengths);
            lengths.fill(0);
            for rank in all.chunks_exact(lengths.len()) {
                for (sum, n) in lengths.iter_mut().zip(rank) {
                    *sum += n;
                }
            }
        }
        let mut port_base = vec![Vec::with_capacity(sources); blocks];
        let mut next = 0u32;
        for s in 0..sources {
            for (b, base) in port_base.iter_mut().enumerate() {
                base.push(next);
                next += lengths[s * blocks + b] as u32;
            }
        }
        Self { slot, port_base }
    }
}

/// A weight recorder at work.
#[derive(Debug)]
pub(crate) struct WeightRecorderRuntime {
    pub name: String,
    /// Recorded stamps `t` satisfy `window.0 < t <= window.1` (steps).
    pub window: (i64, i64),
    /// The window as set (ms), settable between runs.
    pub window_ms: Window,
    /// The projections it records, in the order given.
    pub projections: Vec<Recorded>,
    /// Node ids it keeps (sorted), `None` for all.
    pub senders: Option<Vec<u32>>,
    pub targets: Option<Vec<u32>>,
    pub events: WeightEvents,
    pub record_to: RecordTo,
    /// Its file, when it writes one.
    pub(super) file: Option<RecordFile>,
}

impl WeightRecorderRuntime {
    /// Opens its file, if it writes one (NEST's columns: `weights`, then `targets`,
    /// `receptors`, `ports`).
    pub fn open_file(&mut self, settings: &FileSettings, provenance: &Provenance) -> Result<()> {
        let columns = Columns {
            in_steps: self.events.time_in_steps,
            values: &["weights"],
            integers: &["targets", "receptors", "ports"],
        };
        self.file = files::open(&self.name, &self.record_to, settings, columns, provenance)?;
        Ok(())
    }

    /// Whether `row` is in its window and passes its filters.
    pub fn keeps(&self, row: &Row) -> bool {
        let listed =
            |set: &Option<Vec<u32>>, id| set.as_ref().is_none_or(|s| s.binary_search(&id).is_ok());
        self.window.0 < row.stamp
            && row.stamp <= self.window.1
            && listed(&self.senders, row.sender)
            && listed(&self.targets, row.target)
    }

    /// Records one slice's rows, sorted, to memory and file.
    pub fn record(&mut self, mut rows: Vec<Row>, resolution: Resolution) {
        rows.sort_by_key(|r| (r.stamp, r.sender, r.order, r.port));
        for row in &rows {
            if let Some(file) = self.file.as_mut() {
                let integers = [
                    i64::from(row.target),
                    i64::from(row.receptor),
                    i64::from(row.port),
                ];
                file.row(
                    row.sender,
                    (row.stamp, 0.0),
                    resolution,
                    &[row.weight],
                    &integers,
                );
            }
            self.events.push(row);
        }
    }

    /// Writes out its file's waiting rows when they fill a batch.
    pub fn write_batch(&mut self) {
        if let Some(file) = self.file.as_mut() {
            file.write_batch();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distribution::Local;

    #[test]
    fn one_rank_gets_its_own_rows_back_per_recorder() {
        let row = |stamp, sender, weight: f64| Row {
            stamp,
            sender,
            order: 1,
            port: u32::MAX,
            target: 7,
            weight,
            receptor: 3,
        };
        let rows = vec![
            vec![row(5, 2, -0.25), row(-1, u32::MAX, f64::MIN_POSITIVE)],
            vec![],
            vec![row(i64::MAX, 0, 1e300)],
        ];
        let back = exchange_rows(&Local, &rows);
        assert_eq!(back.len(), 3);
        for (a, b) in rows.iter().flatten().zip(back.iter().flatten()) {
            assert_eq!(
                (a.stamp, a.sender, a.order, a.port, a.target, a.receptor),
                (b.stamp, b.sender, b.order, b.port, b.target, b.receptor)
            );
            assert_eq!(a.weight.to_bits(), b.weight.to_bits());
        }
        assert_eq!(back.iter().map(Vec::len).collect::<Vec<_>>(), [2, 0, 1]);
    }
}
