//! STDP synapses whose presynaptic trace is kept once per row.
//!
//! A synapse of `stdp_synapse`, `stdp_pl_synapse_hom` or `vogels_sprekeler_synapse`
//! keeps its weight, its presynaptic trace `Kplus` and the time of its last spike. The
//! last two change only when its source spikes, by the same arithmetic for every synapse
//! of that source; every synapse of one row (one source onto one target block) starts
//! with the rule's `Kplus` and `t_last = 0` and receives the same spikes, so their traces
//! stay equal. [`RowTraces`] keeps them once per row and the weights alone per synapse:
//! a spike streams 8 bytes per synapse instead of 24. Each synapse's new weight is
//! computed from its weight and the row's trace as before the spike, in the same order
//! as NEST's, and the trace then takes its new value once for the row (the rule's two
//! parts, `rules::PairRule`), so the numbers are NEST's.
//!
//! A row's synapses can part: `Kplus` set on some of them between runs
//! (`conns.set(Kplus=..)`), or parameters that differ between synapses (their rule runs
//! synapse by synapse, which updates a trace per synapse). Then the block's state turns
//! into one [`StdpState`] per synapse ([`PlasticState::each_synapse`]) and stays so.

use super::PlasticState;
use crate::engine::rules::StdpState;
use std::collections::BTreeMap;

/// The presynaptic trace every synapse of one row shares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Trace {
    kplus: f64,
    /// Time of the source's last spike (ms).
    t_last: f64,
}

/// The state of the STDP synapses onto one block with one presynaptic trace per row.
#[derive(Debug, Clone)]
pub(crate) struct RowTraces {
    /// Per synapse, in the block's row order.
    weight: Vec<f64>,
    /// Row `s` spans `row_start[s]..row_start[s + 1]` (the block's rows).
    row_start: Vec<u32>,
    /// Per row.
    trace: Vec<Trace>,
}

/// The memory (bytes) of `synapses` STDP synapses with one state each.
fn each_bytes(synapses: usize) -> usize {
    std::mem::size_of::<StdpState>() * synapses
}

/// The memory (bytes) of `synapses` STDP synapses in `rows` rows sharing a trace each:
/// the weights, the traces and the rows' bounds.
fn shared_bytes(synapses: usize, rows: usize) -> usize {
    std::mem::size_of::<f64>() * synapses
        + std::mem::size_of::<Trace>() * rows
        + std::mem::size_of::<u32>() * (rows + 1)
}

impl RowTraces {
    /// The state of synapses with `weights`, laid out in rows `row_start`, every trace at
    /// `kplus` and `t_last = 0`, where one trace per row takes less memory than one per
    /// synapse (rows of more than one synapse on average); the weights back otherwise.
    pub fn new(
        weights: Vec<f64>,
        row_start: &[u32],
        kplus: f64,
    ) -> std::result::Result<Self, Vec<f64>> {
        let rows = row_start.len().saturating_sub(1);
        if shared_bytes(weights.len(), rows) >= each_bytes(weights.len()) {
            return Err(weights);
        }
        Ok(Self {
            weight: weights,
            row_start: row_start.to_vec(),
            trace: vec![Trace { kplus, t_last: 0.0 }; rows],
        })
    }

    /// Memory held (bytes).
    pub fn bytes(&self) -> usize {
        shared_bytes(self.weight.len(), self.trace.len())
    }

    /// The row (source) of synapse `k`.
    fn row_of(&self, k: usize) -> usize {
        self.row_start.partition_point(|&start| start as usize <= k) - 1
    }

    /// Synapse `k`'s full state.
    pub fn get(&self, k: usize) -> StdpState {
        let trace = self.trace[self.row_of(k)];
        StdpState {
            weight: self.weight[k],
            kplus: trace.kplus,
            t_last: trace.t_last,
        }
    }

    /// Synapse `k`'s weight.
    pub fn weight(&self, k: usize) -> f64 {
        self.weight[k]
    }

    /// Sets synapse `k`'s weight.
    pub fn set_weight(&mut self, k: usize, weight: f64) {
        self.weight[k] = weight;
    }

    /// Row `s`'s trace (for delivery's prefetching; its fields stay private).
    pub fn trace(&self, s: usize) -> &Trace {
        &self.trace[s]
    }

    /// Every synapse's weight, in row order.
    pub fn weights(&self) -> &[f64] {
        &self.weight
    }

    /// The rows' new `Kplus` bits where setting `Kplus` of the synapses `(k, value)` (a
    /// synapse named twice takes its last value) keeps one value per row: all of a
    /// row's synapses set to the same value, or those set given the value the row
    /// holds. `None` where a row would part.
    fn kplus_rows(&self, settings: &[(usize, f64)]) -> Option<BTreeMap<usize, u64>> {
        let last: BTreeMap<usize, u64> = settings.iter().map(|&(k, v)| (k, v.to_bits())).collect();
        // Per row touched: its new value and how many of its synapses take it.
        let mut rows: BTreeMap<usize, (u64, u32)> = BTreeMap::new();
        for (&k, &bits) in &last {
            let row = rows.entry(self.row_of(k)).or_insert((bits, 0));
            if row.0 != bits {
                return None;
            }
            row.1 += 1;
        }
        rows.into_iter()
            .map(|(s, (bits, n))| {
                let whole = n == self.row_start[s + 1] - self.row_start[s];
                (whole || self.trace[s].kplus.to_bits() == bits).then_some((s, bits))
            })
            .collect()
    }

    /// Whether setting `Kplus` of the synapses `(k, value)` keeps every row's one trace.
    pub fn keeps_rows(&self, settings: &[(usize, f64)]) -> bool {
        self.kplus_rows(settings).is_some()
    }

    /// Sets `Kplus` of the synapses `(k, value)` where that keeps every row's one trace
    /// ([`RowTraces::keeps_rows`]); returns whether it did (nothing changes where a row
    /// would part).
    pub fn set_kplus(&mut self, settings: &[(usize, f64)]) -> bool {
        let Some(rows) = self.kplus_rows(settings) else {
            return false;
        };
        for (s, bits) in rows {
            self.trace[s].kplus = f64::from_bits(bits);
        }
        true
    }

    /// The memory (bytes) the synapses take with one state each.
    pub fn bytes_each(&self) -> usize {
        each_bytes(self.weight.len())
    }

    /// Synapse `k` of row `s`: its weight with the row's trace (what a spike's rule
    /// reads before it changes either).
    #[inline(always)]
    pub fn state(&self, k: usize, s: usize) -> StdpState {
        let trace = self.trace[s];
        StdpState {
            weight: self.weight[k],
            kplus: trace.kplus,
            t_last: trace.t_last,
        }
    }

    /// Row `s`'s trace after a spike at `t_spike` (ms), once its synapses have read the
    /// trace from before it: `Kplus` becomes `kplus_after(kplus, t_last)`.
    #[inline(always)]
    pub fn step(&mut self, s: usize, t_spike: f64, kplus_after: impl FnOnce(f64, f64) -> f64) {
        let trace = &mut self.trace[s];
        *trace = Trace {
            kplus: kplus_after(trace.kplus, trace.t_last),
            t_last: t_spike,
        };
    }

    /// One state per synapse.
    fn each_synapse(&self) -> Vec<StdpState> {
        (0..self.row_start.len() - 1)
            .flat_map(|s| {
                let trace = self.trace[s];
                let row = self.row_start[s] as usize..self.row_start[s + 1] as usize;
                self.weight[row].iter().map(move |&weight| StdpState {
                    weight,
                    kplus: trace.kplus,
                    t_last: trace.t_last,
                })
            })
            .collect()
    }
}

impl PlasticState {
    /// Turns synapses that share a trace per row into synapses with one each (the same
    /// values); any other state stays as it is.
    pub fn each_synapse(&mut self) {
        if let PlasticState::StdpRows(rows) = self {
            *self = PlasticState::Stdp(rows.each_synapse());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows of 3, 0, 2 and 1 synapses.
    const ROWS: [u32; 5] = [0, 3, 3, 5, 6];

    fn rows() -> RowTraces {
        RowTraces::new(vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0], &ROWS, 0.5).expect("smaller")
    }

    #[test]
    fn kept_only_where_it_takes_less_memory() {
        // one synapse per row: 8 + 20 bytes each against 24
        assert!(RowTraces::new(vec![1.0; 4], &[0, 1, 2, 3, 4], 0.0).is_err());
        // two per row: 16 + 20 against 48
        assert!(RowTraces::new(vec![1.0; 4], &[0, 2, 4], 0.0).is_ok());
    }

    #[test]
    fn a_synapse_reads_its_rows_trace() {
        let r = rows();
        let rows_of: Vec<usize> = (0..6).map(|k| r.row_of(k)).collect();
        assert_eq!(rows_of, [0, 0, 0, 2, 2, 3]);
        let st = r.get(4);
        assert_eq!((st.weight, st.kplus, st.t_last), (5.0, 0.5, 0.0));
    }

    #[test]
    fn a_rows_trace_steps_once_and_its_synapses_keep_their_weights() {
        let mut r = rows();
        assert_eq!(r.state(1, 0).weight, 2.0);
        r.set_weight(1, 20.0);
        r.step(0, 7.0, |kplus, t_last| {
            assert_eq!(
                (kplus, t_last),
                (0.5, 0.0),
                "the trace from before the spike"
            );
            kplus + 1.0
        });
        for k in 0..3 {
            let st = r.state(k, 0);
            assert_eq!((st.kplus, st.t_last), (1.5, 7.0));
        }
        assert_eq!(r.weights()[..3], [1.0, 20.0, 3.0]);
        // the other rows are untouched
        assert_eq!((r.get(3).kplus, r.get(5).t_last), (0.5, 0.0));
    }

    #[test]
    fn kplus_set_on_whole_rows_or_to_their_value_keeps_the_rows() {
        let mut r = rows();
        assert!(r.set_kplus(&[(5, 2.0)]), "a row of one");
        assert!(r.set_kplus(&[(1, 0.5)]), "the value the row holds");
        assert!(
            r.set_kplus(&[(0, 3.0), (2, 3.0), (1, 3.0), (3, 0.5)]),
            "a whole row"
        );
        assert!(
            r.set_kplus(&[(0, 1.0), (0, 4.0), (1, 4.0), (2, 4.0)]),
            "the last value"
        );
        let kplus: Vec<f64> = (0..6).map(|k| r.get(k).kplus).collect();
        assert_eq!(kplus, [4.0, 4.0, 4.0, 0.5, 0.5, 2.0]);
    }

    #[test]
    fn kplus_that_would_part_a_row_is_refused_and_each_synapse_keeps_its_own() {
        let mut r = rows();
        assert!(!r.set_kplus(&[(1, 3.0)]), "part of a row");
        assert!(
            !r.set_kplus(&[(0, 3.0), (1, 3.0), (2, 1.0)]),
            "two values in a row"
        );
        assert!(
            !r.set_kplus(&[(5, 3.0), (0, 3.0)]),
            "one row whole, one in part"
        );
        assert_eq!(r.get(5).kplus, 0.5, "nothing changed");
        let mut state = PlasticState::StdpRows(r);
        state.set_state(&[(5, 2.0), (1, 3.0)], "Kplus");
        let PlasticState::Stdp(each) = &state else {
            panic!("one state per synapse");
        };
        let kplus: Vec<f64> = each.iter().map(|s| s.kplus).collect();
        let weights: Vec<f64> = each.iter().map(|s| s.weight).collect();
        assert_eq!(kplus, [0.5, 3.0, 0.5, 0.5, 0.5, 2.0]);
        assert_eq!(weights, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    }
}
