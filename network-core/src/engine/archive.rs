//! The spike history of postsynaptic neurons for STDP (NEST's ArchivingNode): per neuron,
//! its spike times with the traces Kminus (and, for `stdp_triplet_synapse`,
//! Kminus_triplet) after each, and how many synapses have read each entry, so that
//! entries every synapse has read are pruned.

use crate::time::tics_to_ms;
use std::collections::VecDeque;

/// NEST's `stdp_eps` (ms): the tolerance of time comparisons in the spike history.
pub(crate) const STDP_EPS: f64 = 1.0e-6;

/// One archived spike.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HistoryEntry {
    /// Spike time (ms).
    pub t: f64,
    /// Kminus right after the spike.
    pub kminus: f64,
    /// Kminus_triplet right after the spike (0 when no triplet synapse reads it).
    pub kminus_triplet: f64,
    /// How many incoming STDP synapses have read the entry.
    access: u32,
}

/// The archive of one neuron. A synapse's window usually holds no spike or only the
/// newest one, and Kminus is usually read after the newest spike: the fields those
/// cases need come first and the record is aligned to a cache line, so that they read
/// one line and leave the history's buffer alone.
#[derive(Debug, Clone)]
#[repr(C, align(64))]
struct NeuronArchive {
    /// Time of the last spike (ms), the newest entry's; NEST starts it at -1.
    last_spike: f64,
    /// Time of the spike before it (ms; minus infinity while there is none).
    previous_spike: f64,
    /// Kminus right after the last spike (the newest entry's).
    kminus: f64,
    /// The last Kminus read, `(t, Kminus(t))`, until the neuron spikes again (`t` NaN:
    /// none). Every synapse onto the neuron that delivers a spike sent at the same time
    /// with the same delay reads Kminus at the same `t`: the first computes it, the
    /// others get the same number.
    kminus_read: (f64, f64),
    /// Reads of the newest entry not yet added to its `access` (added before the
    /// history is pruned, when the neuron spikes again).
    newest_reads: u32,
    /// Incoming STDP synapses.
    n_incoming: u32,
    kminus_triplet: f64,
    history: VecDeque<HistoryEntry>,
}

/// The spike history of the neurons of one block.
#[derive(Debug, Clone)]
pub(crate) struct SpikeArchive {
    tau_minus_inv: f64,
    /// `1/tau_minus_triplet` when a triplet synapse reads the history.
    tau_minus_triplet_inv: Option<f64>,
    /// An entry is pruned only once the next one is older than this (ms): the longest
    /// STDP delay onto the block plus the min_delay, as in NEST.
    horizon: f64,
    tics_per_step: i64,
    neurons: Vec<NeuronArchive>,
}

impl SpikeArchive {
    /// The archive of a block whose neuron `i` has `n_incoming[i]` incoming STDP synapses;
    /// the triplet trace is kept when `tau_minus_triplet` is given.
    pub fn new(
        tau_minus: f64,
        tau_minus_triplet: Option<f64>,
        horizon: f64,
        tics_per_step: i64,
        n_incoming: &[u32],
    ) -> Self {
        Self {
            tau_minus_inv: 1.0 / tau_minus,
            tau_minus_triplet_inv: tau_minus_triplet.map(|t| 1.0 / t),
            horizon,
            tics_per_step,
            neurons: n_incoming
                .iter()
                .map(|&n| NeuronArchive {
                    last_spike: -1.0,
                    previous_spike: f64::NEG_INFINITY,
                    kminus: 0.0,
                    kminus_read: (f64::NAN, 0.0),
                    newest_reads: 0,
                    n_incoming: n,
                    kminus_triplet: 0.0,
                    history: VecDeque::new(),
                })
                .collect(),
        }
    }

    /// Archives the spikes `(step, offset + i)` of this slice, in order.
    pub fn record(&mut self, spikes: &[(i64, u32)], offset: u32) {
        for &(step, i) in spikes {
            let t = tics_to_ms((step + 1) * self.tics_per_step);
            self.spike(i - offset, t);
        }
    }

    /// Neuron `i` spiked at `t` (ms): prune what every synapse has read, then append.
    fn spike(&mut self, i: u32, t: f64) {
        let tau_minus_inv = self.tau_minus_inv;
        let horizon = self.horizon;
        let n = &mut self.neurons[i as usize];
        n.kminus_read.0 = f64::NAN;
        if n.n_incoming == 0 {
            n.last_spike = t;
            return;
        }
        if let Some(newest) = n.history.back_mut() {
            newest.access += std::mem::take(&mut n.newest_reads);
        }
        while n.history.len() > 1 {
            let next = n.history[1].t;
            if n.history[0].access >= n.n_incoming && t - next > horizon + STDP_EPS {
                n.history.pop_front();
            } else {
                break;
            }
        }
        n.kminus = n.kminus * ((n.last_spike - t) * tau_minus_inv).exp() + 1.0;
        if let Some(inv) = self.tau_minus_triplet_inv {
            n.kminus_triplet = n.kminus_triplet * ((n.last_spike - t) * inv).exp() + 1.0;
        }
        if !n.history.is_empty() {
            n.previous_spike = n.last_spike;
        }
        n.last_spike = t;
        n.history.push_back(HistoryEntry {
            t,
            kminus: n.kminus,
            kminus_triplet: n.kminus_triplet,
            access: 0,
        });
    }

    /// The entries of neuron `i` with `t1 < t <= t2` (within `STDP_EPS`), marked as read
    /// once more.
    #[inline(always)]
    pub fn read(&mut self, i: usize, t1: f64, t2: f64) -> Window<'_> {
        let n = &mut self.neurons[i];
        let (from, to) = (t1 + STDP_EPS, t2 + STDP_EPS);
        // The entries are in time order: the newest two decide the common cases (a
        // neuron that has not spiked holds none, whatever `last_spike` says).
        if n.last_spike < from || n.history.is_empty() {
            return Window::default();
        }
        if n.previous_spike < from && n.last_spike < to {
            n.newest_reads += 1;
            return Window {
                older: Default::default(),
                newest: Some(HistoryEntry {
                    t: n.last_spike,
                    kminus: n.kminus,
                    kminus_triplet: n.kminus_triplet,
                    access: 0,
                }),
            };
        }
        let history = &mut n.history;
        let mut finish = history.len();
        while finish > 0 && history[finish - 1].t >= to {
            finish -= 1;
        }
        let mut start = finish;
        while start > 0 && history[start - 1].t >= from {
            start -= 1;
            history[start].access += 1;
        }
        Window {
            older: history.range(start..finish),
            newest: None,
        }
    }

    /// Kminus of neuron `i` at `t` (ms): the trace after its last spike strictly before
    /// `t` (by more than `STDP_EPS`), decayed to `t`; 0 before its first spike. The
    /// value is kept until the neuron's next spike and returned again for the same `t`
    /// (the same history gives the same number).
    #[inline(always)]
    pub fn kminus(&mut self, i: usize, t: f64) -> f64 {
        let n = &self.neurons[i];
        if n.kminus_read.0.to_bits() == t.to_bits() {
            return n.kminus_read.1;
        }
        self.kminus_computed(i, t)
    }

    /// [`SpikeArchive::kminus`] where it was not read at `t` since the neuron's last
    /// spike: computed and kept.
    #[inline(never)]
    fn kminus_computed(&mut self, i: usize, t: f64) -> f64 {
        let tau_minus_inv = self.tau_minus_inv;
        let n = &mut self.neurons[i];
        let value = if n.history.is_empty() {
            0.0
        } else if t - n.last_spike > STDP_EPS {
            // The newest entry, held in the record itself.
            n.kminus * ((n.last_spike - t) * tau_minus_inv).exp()
        } else {
            n.history
                .iter()
                .rev()
                .find(|e| t - e.t > STDP_EPS)
                .map_or(0.0, |e| e.kminus * ((e.t - t) * tau_minus_inv).exp())
        };
        n.kminus_read = (t, value);
        value
    }
}

/// The entries a synapse's window holds, in time order (from [`SpikeArchive::read`]).
#[derive(Debug, Default)]
pub(crate) struct Window<'a> {
    older: std::collections::vec_deque::Iter<'a, HistoryEntry>,
    newest: Option<HistoryEntry>,
}

impl Iterator for Window<'_> {
    type Item = HistoryEntry;

    #[inline]
    fn next(&mut self) -> Option<HistoryEntry> {
        match self.older.next() {
            Some(entry) => Some(*entry),
            None => self.newest.take(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kminus_sums_decayed_spikes_strictly_before() {
        let mut a = SpikeArchive::new(20.0, None, 2.0, 100, &[1]);
        a.record(&[(99, 0), (149, 0)], 0); // spikes at 10.0 and 15.0 ms
        assert_eq!(a.kminus(0, 10.0), 0.0);
        let k15 = (-5.0f64 / 20.0).exp() + 1.0;
        assert_eq!(a.kminus(0, 15.0), (-5.0f64 * (1.0 / 20.0)).exp());
        let at20 = a.kminus(0, 20.0);
        assert!((at20 - k15 * (-5.0f64 / 20.0).exp()).abs() < 1e-15);
        let read: Vec<f64> = a.read(0, 10.0, 15.0).map(|e| e.t).collect();
        assert_eq!(read, vec![15.0]);
    }

    #[test]
    fn kminus_read_again_is_recomputed_after_a_spike() {
        let mut a = SpikeArchive::new(20.0, None, 2.0, 100, &[1]);
        a.record(&[(99, 0)], 0); // 10.0 ms
        let first = a.kminus(0, 12.0);
        assert_eq!(first, (-2.0f64 * (1.0 / 20.0)).exp());
        assert_eq!(a.kminus(0, 12.0).to_bits(), first.to_bits());
        assert_eq!(a.kminus(0, 10.0), 0.0);
        // A spike at 11.0 ms changes Kminus at 12.0: the kept value must not be returned.
        a.record(&[(109, 0)], 0);
        let k11 = (-(1.0f64 / 20.0)).exp() + 1.0;
        assert_eq!(a.kminus(0, 12.0), k11 * (-(1.0f64 / 20.0)).exp());
    }

    #[test]
    fn prunes_only_what_every_synapse_read() {
        let mut a = SpikeArchive::new(20.0, None, 2.0, 100, &[2]);
        a.record(&[(9, 0), (19, 0)], 0);
        let _ = a.read(0, -1.0, 5.0).count();
        a.record(&[(99, 0)], 0); // read once of twice: kept
        assert_eq!(a.neurons[0].history.len(), 3);
        let _ = a.read(0, -1.0, 5.0).count();
        a.record(&[(199, 0)], 0); // 1.0 and 2.0 read by both: pruned
        let left: Vec<f64> = a.neurons[0].history.iter().map(|e| e.t).collect();
        assert_eq!(left, vec![10.0, 20.0]);
    }

    fn times(window: Window<'_>) -> Vec<f64> {
        window.map(|e| e.t).collect()
    }

    #[test]
    fn windows_hold_the_spikes_strictly_after_their_start() {
        let mut a = SpikeArchive::new(20.0, None, 2.0, 100, &[1]);
        // No spike yet: nothing, whatever the neuron's initial last spike time (-1 ms).
        assert!(times(a.read(0, -1.5, 5.0)).is_empty());
        a.record(&[(99, 0), (149, 0)], 0); // 10.0 and 15.0 ms
        assert_eq!(times(a.read(0, 12.0, 20.0)), vec![15.0]);
        assert_eq!(times(a.read(0, 5.0, 20.0)), vec![10.0, 15.0]);
        assert!(times(a.read(0, 15.0, 20.0)).is_empty());
        assert!(times(a.read(0, 12.0, 14.0)).is_empty());
        assert_eq!(times(a.read(0, 9.0, 14.0)), vec![10.0]);
        a.record(&[(199, 0)], 0); // 20.0 ms: 15.0 is now the spike before the last
        assert_eq!(times(a.read(0, 12.0, 25.0)), vec![15.0, 20.0]);
        assert_eq!(times(a.read(0, 15.0, 25.0)), vec![20.0]);
        let newest = a.read(0, 15.0, 25.0).next().unwrap();
        assert_eq!(newest.kminus, a.neurons[0].history.back().unwrap().kminus);
    }

    #[test]
    fn reads_of_the_newest_spike_count_for_pruning() {
        // Two synapses read the spike at 1.0 ms while it is the newest; once a spike
        // more than the horizon after the next one comes, it is pruned.
        let mut both = SpikeArchive::new(20.0, None, 2.0, 100, &[2]);
        both.record(&[(9, 0)], 0);
        assert_eq!(times(both.read(0, 0.5, 1.5)), vec![1.0]);
        assert_eq!(times(both.read(0, 0.5, 1.5)), vec![1.0]);
        both.record(&[(19, 0), (99, 0)], 0); // 2.0 and 10.0 ms
        let left: Vec<f64> = both.neurons[0].history.iter().map(|e| e.t).collect();
        assert_eq!(left, vec![2.0, 10.0]);
        // Read by one of the two: kept.
        let mut one = SpikeArchive::new(20.0, None, 2.0, 100, &[2]);
        one.record(&[(9, 0)], 0);
        assert_eq!(times(one.read(0, 0.5, 1.5)), vec![1.0]);
        one.record(&[(19, 0), (99, 0)], 0);
        let left: Vec<f64> = one.neurons[0].history.iter().map(|e| e.t).collect();
        assert_eq!(left, vec![1.0, 2.0, 10.0]);
    }
}
