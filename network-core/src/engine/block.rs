//! The block: a fixed run of neurons of one population that is the unit of parallel
//! work, of random streams, of ring buffers and of synapse storage.

/// Neurons per block. Fixed, so that results never depend on the thread count.
pub(crate) const BLOCK_LEN: usize = 1024;

/// One channel of one step of a block's ring buffer: always `BLOCK_LEN` wide, so that a
/// target index masked with `BLOCK_LEN − 1` needs no bounds check.
pub type Row = [f64; BLOCK_LEN];

/// Masks a target index into a [`Row`]; a no-op for every valid index.
#[inline(always)]
pub fn in_row(i: usize) -> usize {
    i & (BLOCK_LEN - 1)
}

/// A row of single-precision spike input (`engine::ring`'s drawn-weight rows).
pub type Row32 = [f32; BLOCK_LEN];

/// The number of blocks of a population of `len` neurons.
pub(crate) const fn block_count(len: usize) -> usize {
    len.div_ceil(BLOCK_LEN)
}

/// The block holding neuron `i` of a population.
pub(crate) fn block_of(i: u32) -> usize {
    i as usize / BLOCK_LEN
}

/// The index of block `b`'s first neuron in its population.
pub(crate) fn block_start(b: usize) -> usize {
    b * BLOCK_LEN
}

/// The number of neurons of block `b` of a population of `len` neurons.
pub(crate) fn block_size(len: usize, b: usize) -> usize {
    BLOCK_LEN.min(len - block_start(b))
}
