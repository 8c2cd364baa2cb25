//! What the ranks exchange, as flat words: each slice's spikes (to every rank) and,
//! for merged recorder output, the multimeters' samples (to rank 0).

use super::Communicator;

/// Words per spike on the wire: the step, then the population and the neuron's index
/// in it.
const SPIKE_WORDS: usize = 2;

/// Replaces each population's spikes of this rank (`spikes[p]`, `(step, index)`) by the
/// spikes of every rank, unsorted (the caller sorts them by `(step, index)`, the order
/// one process has). One collective call per slice.
pub(crate) fn exchange_spikes(comm: &dyn Communicator, spikes: &mut [Vec<(i64, u32)>]) {
    let total: usize = spikes.iter().map(Vec::len).sum();
    let mut words = Vec::with_capacity(total * SPIKE_WORDS);
    for (p, list) in spikes.iter().enumerate() {
        for &(step, i) in list {
            words.push(step as u64);
            words.push(((p as u64) << 32) | u64::from(i));
        }
    }
    let all = comm.all_gather(&words);
    for list in spikes.iter_mut() {
        list.clear();
    }
    for pair in all.chunks_exact(SPIKE_WORDS) {
        let p = (pair[1] >> 32) as usize;
        spikes[p].push((pair[0] as i64, pair[1] as u32));
    }
}

/// One multimeter sample on its way to rank 0.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SampleRow {
    /// The multimeter (creation order).
    pub meter: usize,
    /// The block it was taken in, numbered over all populations: rows are merged in this
    /// order, the order one process collects them in.
    pub block: u64,
    /// The sampling step.
    pub stamp: i64,
    /// The sender's node id.
    pub sender: u32,
    /// One value per recordable.
    pub values: Vec<f64>,
}

/// Gathers every rank's sample rows on rank 0, in block order (each rank's rows come in
/// block order, a stable sort interleaves them); the other ranks get nothing.
pub(crate) fn exchange_samples(comm: &dyn Communicator, rows: &[SampleRow]) -> Vec<SampleRow> {
    let mut words = Vec::new();
    for r in rows {
        words.extend([
            r.meter as u64,
            r.block,
            r.stamp as u64,
            u64::from(r.sender),
            r.values.len() as u64,
        ]);
        words.extend(r.values.iter().map(|v| v.to_bits()));
    }
    let all = comm.gather_to_root(&words);
    let mut merged = Vec::new();
    let mut at = 0;
    while at + 5 <= all.len() {
        let n = all[at + 4] as usize;
        merged.push(SampleRow {
            meter: all[at] as usize,
            block: all[at + 1],
            stamp: all[at + 2] as i64,
            sender: all[at + 3] as u32,
            values: all[at + 5..at + 5 + n]
                .iter()
                .map(|&w| f64::from_bits(w))
                .collect(),
        });
        at += 5 + n;
    }
    merged.sort_by_key(|r| r.block);
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distribution::Local;

    #[test]
    fn one_rank_gets_its_own_spikes_back() {
        let mut spikes = vec![vec![(3, 7), (1, 2)], vec![], vec![(2, u32::MAX)]];
        let before = spikes.clone();
        exchange_spikes(&Local, &mut spikes);
        assert_eq!(spikes, before);
    }

    #[test]
    fn samples_round_trip_in_block_order() {
        let row = |block, sender, v: f64| SampleRow {
            meter: 1,
            block,
            stamp: 10,
            sender,
            values: vec![v, -v, f64::NAN],
        };
        let rows = vec![row(3, 9, 0.1), row(1, 4, -65.0)];
        let back = exchange_samples(&Local, &rows);
        assert_eq!(back[0].sender, 4);
        assert_eq!(back[1].sender, 9);
        assert_eq!(back[0].values[0].to_bits(), (-65.0f64).to_bits());
        assert!(back[1].values[2].is_nan());
    }
}
