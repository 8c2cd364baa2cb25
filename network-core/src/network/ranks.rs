//! What a network on several ranks tells about them: its rank, the number of ranks,
//! and the whole network's weights and memory, gathered (collective calls: every rank
//! makes them, in the same order).

use super::handles::ProjectionHandle;
use super::runtime::Network;

impl Network {
    /// This process's rank (0 on one process).
    pub fn rank(&self) -> usize {
        self.comm.rank()
    }

    /// The number of ranks the network runs on (1 on one process).
    pub fn ranks(&self) -> usize {
        self.comm.size()
    }

    /// The weights of every rank's synapses of a projection, on rank 0, in the order of
    /// [`Network::weights`] (sorted by source and target, synapses of the same pair in
    /// creation order); empty on the other ranks. Collective: every rank calls it. On
    /// one process, the same as `weights`.
    pub fn gathered_weights(&self, projection: &ProjectionHandle) -> Vec<(u32, u32, f64)> {
        let local = self.weights(projection);
        if self.comm.size() == 1 {
            return local;
        }
        let words: Vec<u64> = local
            .iter()
            .flat_map(|&(s, t, w)| [(u64::from(s) << 32) | u64::from(t), w.to_bits()])
            .collect();
        let mut all: Vec<(u32, u32, f64)> = self
            .comm
            .gather_to_root(&words)
            .chunks_exact(2)
            .map(|c| ((c[0] >> 32) as u32, c[0] as u32, f64::from_bits(c[1])))
            .collect();
        // A target's synapses all live on one rank, in order: a stable sort merges.
        all.sort_by_key(|&(s, t, _)| (s, t));
        all
    }

    /// The memory estimate (bytes, [`Network::memory_estimate`]) of every rank, in rank
    /// order; their sum is the whole network's. Collective: every rank calls it.
    pub fn memory_estimates(&self) -> Vec<u64> {
        self.comm.all_gather(&[self.memory_estimate()])
    }
}
