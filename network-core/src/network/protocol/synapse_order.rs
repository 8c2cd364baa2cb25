//! The order of a projection's synapses between runs: by source and target, a pair's
//! synapses by delay, then in creation order, as NEST's `GetConnections` lists them.

use crate::engine::block::block_start;
use crate::engine::projection::BlockSynapses;

/// Where a synapse is stored: its target block and its index among the block's
/// synapses.
pub(super) type Slot = (usize, usize);

/// Each synapse stored in `blocks` (a projection's, per target block) as `(source,
/// target, slot)`, sorted by source and target, a pair's synapses in their row's order.
///
/// Listed source by source, each source's rows block after block: a row lists its
/// targets in increasing order (a pair's synapses by delay, then in creation order, as
/// the placement leaves them) and a block's targets all come after the block before's,
/// so the list comes out in that order without a sort; a row changed out of that order
/// is sorted (stably) all the same.
pub(super) fn slots_in(blocks: &[BlockSynapses]) -> Vec<(u32, u32, Slot)> {
    let sources = blocks
        .iter()
        .map(|block| block.row_start.len().saturating_sub(1))
        .max()
        .unwrap_or(0);
    let mut out = Vec::with_capacity(blocks.iter().map(|b| b.targets.len()).sum());
    for s in 0..sources {
        for (b, block) in blocks.iter().enumerate() {
            let Some(bounds) = block.row_start.get(s..s + 2) else {
                continue;
            };
            for i in bounds[0] as usize..bounds[1] as usize {
                let target = block_start(b) as u32 + block.target(i) as u32;
                out.push((s as u32, target, (b, i)));
            }
        }
    }
    let key = |&(s, t, _): &(u32, u32, Slot)| (s, t);
    if !out.is_sorted_by_key(key) {
        out.sort_by_key(key);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::block::BLOCK_LEN;
    use crate::engine::projection::pack;

    /// Blocks of rows `rows[block][source]` of target indices within the block.
    fn blocks(rows: &[Vec<Vec<usize>>]) -> Vec<BlockSynapses> {
        rows.iter()
            .map(|rows| {
                let mut block = BlockSynapses::default();
                if rows.is_empty() {
                    return block;
                }
                block.row_start.push(0);
                for row in rows {
                    block.targets.extend(row.iter().map(|&i| pack(i, 0)));
                    block.row_start.push(block.targets.len() as u32);
                }
                block
            })
            .collect()
    }

    /// The oracle: every synapse listed by hand, block by block and row by row, then
    /// sorted stably by source and target.
    fn sorted_by_hand(rows: &[Vec<Vec<usize>>]) -> Vec<(u32, u32, Slot)> {
        let mut all = Vec::new();
        for (b, rows) in rows.iter().enumerate() {
            let mut i = 0;
            for (s, row) in rows.iter().enumerate() {
                for &t in row {
                    all.push((s as u32, (b * BLOCK_LEN + t) as u32, (b, i)));
                    i += 1;
                }
            }
        }
        all.sort_by_key(|&(s, t, _)| (s, t));
        all
    }

    /// Three blocks (the middle one without synapses), a pair with two synapses, sources
    /// that reach one block or several: listed without a sort, in the sorted order.
    #[test]
    fn rows_block_after_block_are_sorted_by_source_and_target() {
        let rows = vec![
            vec![vec![3, 3, 9], vec![], vec![0, 1023]],
            vec![],
            vec![vec![2], vec![5, 6], vec![]],
        ];
        let got = slots_in(&blocks(&rows));
        assert_eq!(got, sorted_by_hand(&rows));
        assert_eq!(got[0], (0, 3, (0, 0)));
        assert_eq!(
            got[1],
            (0, 3, (0, 1)),
            "a pair's synapses in their row's order"
        );
        assert_eq!(got[3], (0, (2 * BLOCK_LEN + 2) as u32, (2, 0)));
    }

    /// A row whose targets are out of order (as no placement leaves them) is sorted all
    /// the same, stably.
    #[test]
    fn a_row_out_of_order_is_sorted() {
        let rows = vec![vec![vec![7, 2, 7], vec![1]], vec![vec![0], vec![]]];
        let got = slots_in(&blocks(&rows));
        assert_eq!(got, sorted_by_hand(&rows));
        assert_eq!(got[1], (0, 7, (0, 0)));
        assert_eq!(got[2], (0, 7, (0, 2)));
    }
}
