//! What delivery asks the processor to fetch ahead (hints only: no effect on results).
//!
//! A spike's row in a block is a few cache lines at a random place in memory, its
//! bounds one more, and each of its synapses adds at a random place in the block's
//! ring: at full scale each of these misses to memory unless it was asked for early
//! enough for the misses to overlap. Within one projection's list a block sees only a
//! few of a step's spikes, so the block first asks for the bounds of every spike of all
//! its incoming projections ([`Projection::prefetch_row_bounds`]), then for the rows'
//! first lines ([`Projection::prefetch_rows`]), and delivery itself asks a row or two
//! ahead within each list again: by then the block's adds have pushed the early lines
//! out of the first-level cache (without the second asking the microcircuit's
//! simulation took 10.7 s instead of 9.6-9.9 s; bench/PERF.md, seventh round).

use super::Projection;

/// How many rows ahead delivery prefetches a row's targets: enough rows of work
/// (about a hundred synapses each) to hide a miss to memory.
pub(super) const PREFETCH_ROWS_AHEAD: usize = 2;

/// How many rows ahead delivery prefetches a row's bounds (`row_start`, one random
/// place per spike in an array of the source population's size): before the rows whose
/// targets are prefetched [`PREFETCH_ROWS_AHEAD`] rows ahead read them.
pub(super) const ROW_BOUNDS_AHEAD: usize = 4;

/// The most cache lines of a row prefetched by hand; the hardware prefetcher streams
/// the rest of a longer row.
const PREFETCH_LINES: usize = 8;

/// Asks the processor to fetch the first cache lines of `row` (a hint: no effect on
/// results).
#[inline(always)]
pub(super) fn prefetch_row<T>(row: &[T]) {
    let per_line = (64 / std::mem::size_of::<T>()).max(1);
    for line in row.chunks(per_line).take(PREFETCH_LINES) {
        prefetch_line(&line[0]);
    }
}

/// Asks the processor to fetch the cache line holding `*at` into every cache level (a
/// hint: no effect on results).
#[inline(always)]
pub(super) fn prefetch_line<T>(at: &T) {
    #[cfg(target_arch = "x86_64")]
    hint::<{ std::arch::x86_64::_MM_HINT_T0 }, T>(at);
    #[cfg(not(target_arch = "x86_64"))]
    let _ = at;
}

/// Asks the processor for the cache line holding `at`, into the second-level cache only
/// (`prefetcht1`): for the ring entries of the next row, a hundred lines at a time. Into
/// the first level (`prefetcht0`, as [`prefetch_line`]) the microcircuit simulated about
/// 4 % more slowly (bench/PERF.md, thirteenth round).
#[inline(always)]
pub(super) fn prefetch_line_to_l2<T>(at: &T) {
    #[cfg(target_arch = "x86_64")]
    hint::<{ std::arch::x86_64::_MM_HINT_T1 }, T>(at);
    #[cfg(not(target_arch = "x86_64"))]
    let _ = at;
}

/// `_mm_prefetch` with `HINT` of the line holding `at`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn hint<const HINT: i32, T>(at: &T) {
    // SAFETY: a prefetch is a hint that never faults; the pointer is a reference's.
    #[allow(unsafe_code)]
    unsafe {
        std::arch::x86_64::_mm_prefetch::<HINT>((at as *const T).cast::<i8>())
    };
}

impl Projection {
    /// Asks the processor for the row bounds of `spikes` in block `b`: the first of the
    /// two passes a block makes over all its incoming projections before any delivers
    /// (a projection sees a few of a step's spikes, too few to prefetch ahead within its
    /// own list).
    #[inline(always)]
    pub fn prefetch_row_bounds(&self, b: usize, spikes: &[(i64, u32)]) {
        let block = &self.storage.blocks[b];
        if block.targets.is_empty() {
            return;
        }
        for &(_, source) in spikes {
            prefetch_line(&block.row_start[source as usize]);
        }
    }

    /// Asks the processor for the first lines of the words and weights of the rows of
    /// `spikes` in block `b`: the second pass, once the bounds have arrived.
    #[inline(always)]
    pub fn prefetch_rows(&self, b: usize, spikes: &[(i64, u32)]) {
        let block = &self.storage.blocks[b];
        if block.targets.is_empty() {
            return;
        }
        for &(_, source) in spikes {
            let s = source as usize;
            let row = block.row_start[s] as usize..block.row_start[s + 1] as usize;
            prefetch_row(&block.targets[row.clone()]);
            // Weights per synapse, where the block keeps them (not a constant weight,
            // nor one a plastic rule moved into its state).
            block.weights.prefetch(row);
        }
    }
}
