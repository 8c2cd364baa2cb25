//! Where a projection keeps its synapses: per target block, rows by source (delivery at
//! sending, [`Projection::deliver`]), or per group of blocks by source and delay
//! (delivery at arrival, [`Arrivals`]). One layout at a time: a projection delivered at
//! arrival gives up its blocks, and rebuilds them for whoever reads its synapses
//! ([`Projection::blocks`]) or takes it back to delivery at sending.
//!
//! The two layouts hold the same synapses in the same order: a block's row is sorted by
//! target and, among synapses onto one target, by delay (the placement sorts it so), and
//! an arrival group keeps each source's synapses of one delay in block and row order, so
//! a row rebuilt from them is the row placed.

use super::arrivals::Arrivals;
use super::{BlockSynapses, Projection, TARGET_MASK};
use std::borrow::Cow;

/// A projection's synapses in one of the two layouts.
#[derive(Debug, Clone, Default)]
pub(crate) struct Storage {
    /// Per target block; one empty entry per block while `arrivals` holds them.
    pub(super) blocks: Vec<BlockSynapses>,
    /// Per group of blocks, by source and delay, where delivered at arrival.
    pub(super) arrivals: Option<Arrivals>,
}

impl From<Vec<BlockSynapses>> for Storage {
    fn from(blocks: Vec<BlockSynapses>) -> Self {
        Self {
            blocks,
            arrivals: None,
        }
    }
}

impl Projection {
    /// The synapses per target block: the stored ones, or rebuilt from the arrival
    /// groups where the projection is delivered at arrival.
    pub fn blocks(&self) -> Cow<'_, [BlockSynapses]> {
        match &self.storage.arrivals {
            None => Cow::Borrowed(&self.storage.blocks),
            Some(arrivals) => Cow::Owned(arrivals.to_blocks(self.storage.blocks.len())),
        }
    }

    /// The synapses per target block, to change: a projection delivered at arrival is
    /// taken back to delivery at sending first (the caller has added its synapses in
    /// flight to the rings: `Network::leave_arrivals`).
    pub fn blocks_mut(&mut self) -> &mut Vec<BlockSynapses> {
        self.deliver_at_sending();
        &mut self.storage.blocks
    }

    /// The arrival groups, where the projection is delivered at arrival.
    pub fn arrivals(&self) -> Option<&Arrivals> {
        self.storage.arrivals.as_ref()
    }

    /// Moves the synapses (from `sources` source neurons) into arrival groups and frees
    /// the blocks, where [`Arrivals::of`] takes the projection; whether it is delivered
    /// at arrival now.
    pub fn deliver_at_arrival(&mut self, sources: usize) -> bool {
        if self.storage.arrivals.is_none() {
            let Some(arrivals) = Arrivals::of(self, sources) else {
                return false;
            };
            for block in &mut self.storage.blocks {
                *block = BlockSynapses::default();
            }
            self.storage.arrivals = Some(arrivals);
        }
        true
    }

    /// Moves the synapses back into their blocks, where they are in arrival groups.
    pub fn deliver_at_sending(&mut self) {
        if let Some(arrivals) = self.storage.arrivals.take() {
            self.storage.blocks = arrivals.to_blocks(self.storage.blocks.len());
        }
    }
}

impl BlockSynapses {
    /// Sorts each row by target and, onto one target, by delay, synapses of equal delay
    /// keeping their order: the order delivery at arrival rebuilds rows in. Rows placed
    /// target by target move only their multapses. For delays per synapse (`delays`,
    /// before they are packed).
    pub fn sort_rows_by_delay_per_target(&mut self) {
        // One pass over the block: a synapse out of order follows one onto the same
        // target with a longer delay (a row's targets increase, so a row's first synapse
        // never moves back into the row before: it stops at its row's start).
        let mut row = 0;
        for k in 1..self.targets.len() {
            let same_target = (self.targets[k] ^ self.targets[k - 1]) & TARGET_MASK == 0;
            if !same_target || self.delays[k] >= self.delays[k - 1] {
                continue;
            }
            while self.row_start[row + 1] as usize <= k {
                row += 1;
            }
            let start = self.row_start[row] as usize;
            let mut j = k;
            while j > start && self.key(j - 1) > self.key(j) {
                self.targets.swap(j - 1, j);
                self.weights.swap(j - 1, j);
                self.delays.swap(j - 1, j);
                j -= 1;
            }
        }
    }

    fn key(&self, k: usize) -> (u16, u16) {
        (self.targets[k] & TARGET_MASK, self.delays[k])
    }
}
