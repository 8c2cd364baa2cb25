//! What delivery asks the processor to fetch ahead (hints only: no effect on results).
//!
//! A spike's row in a block is a few cache lines at a random place in memory, its
//! bounds one more, and each of its synapses adds at a random place in the block's
//! ring: at full scale each of these misses to memory unless it was asked for early
//! enough for the misses to overlap. Within one projection's list a block sees only a
//! few of a step's spikes, so the block first asks for the bounds of every spike of all
//! its incoming projections ([`Projection::prefetch_row_bounds`]), then for the rows'
//! lines ([`Projection::prefetch_rows`]), and delivery itself asks a row or two
//! ahead within each list again: by then the block's adds have pushed the early lines
//! out of the first-level cache (without the second asking the microcircuit's
//! simulation took 10.7 s instead of 9.6-9.9 s; bench/PERF.md, seventh round).
//! Every line a run lies on is asked for ([`prefetch_lines`]), counted from the line
//! its first byte is on: a run of twenty synapses at a random place is two or three
//! lines of targets and as many of weights.

use super::Projection;

/// How many rows ahead delivery prefetches a row's targets: enough rows of work
/// (about a hundred synapses each) to hide a miss to memory.
pub(super) const PREFETCH_ROWS_AHEAD: usize = 2;

/// How many rows ahead delivery prefetches a row's bounds (`row_start`, one random
/// place per spike in an array of the source population's size): before the rows whose
/// targets are prefetched [`PREFETCH_ROWS_AHEAD`] rows ahead read them.
pub(super) const ROW_BOUNDS_AHEAD: usize = 4;

/// The most cache lines of a run prefetched by hand; the hardware prefetcher streams
/// the rest of a longer run.
const PREFETCH_LINES: usize = 8;

/// Asks the processor to fetch the cache line holding `*at` into every cache level (a
/// hint: no effect on results).
#[inline(always)]
pub(super) fn prefetch_line<T>(at: &T) {
    prefetch_address((at as *const T).cast::<u8>());
}

/// Asks the processor to fetch every cache line `items` lies on (at most
/// [`PREFETCH_LINES`]), into every cache level: a short run at a random place spans
/// two or three lines, and a line not asked for is a whole miss to memory when the run
/// is read (bench/PERF.md, twenty-sixth round).
#[inline(always)]
pub(super) fn prefetch_lines<T>(items: &[T]) {
    let begin = items.as_ptr().cast::<u8>();
    let (offset, lines) = lines_spanned(begin as usize, std::mem::size_of_val(items));
    let first = begin.wrapping_sub(offset);
    for line in 0..lines {
        prefetch_address(first.wrapping_add(line * LINE));
    }
}

/// Asks the processor to fetch the cache line holding address `at` into every cache
/// level (any address: a prefetch never faults).
#[inline(always)]
fn prefetch_address(at: *const u8) {
    #[cfg(target_arch = "x86_64")]
    hint_at::<{ std::arch::x86_64::_MM_HINT_T0 }>(at);
    #[cfg(not(target_arch = "x86_64"))]
    let _ = at;
}

/// For `bytes` bytes from address `begin`: how far `begin` lies into its cache line,
/// and how many lines (at most [`PREFETCH_LINES`]) the bytes lie on from that one.
#[inline(always)]
fn lines_spanned(begin: usize, bytes: usize) -> (usize, usize) {
    let offset = begin % LINE;
    let lines = if bytes == 0 {
        0
    } else {
        (offset + bytes).div_ceil(LINE)
    };
    (offset, lines.min(PREFETCH_LINES))
}

/// The bytes of a cache line.
const LINE: usize = 64;

/// Asks the processor for the cache line holding `at`, into the second-level cache only
/// (`prefetcht1`): for the ring entries of the next row, a hundred lines at a time. Into
/// the first level (`prefetcht0`, as [`prefetch_line`]) the microcircuit simulated about
/// 4 % more slowly (bench/PERF.md, thirteenth round).
#[inline(always)]
pub(super) fn prefetch_line_to_l2<T>(at: &T) {
    #[cfg(target_arch = "x86_64")]
    hint_at::<{ std::arch::x86_64::_MM_HINT_T1 }>((at as *const T).cast::<u8>());
    #[cfg(not(target_arch = "x86_64"))]
    let _ = at;
}

/// `_mm_prefetch` with `HINT` of the line holding address `at` (any address: a
/// prefetch never faults).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn hint_at<const HINT: i32>(at: *const u8) {
    // SAFETY: a prefetch is a hint that never faults and reads nothing the program sees.
    #[allow(unsafe_code)]
    unsafe {
        std::arch::x86_64::_mm_prefetch::<HINT>(at.cast::<i8>())
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

    /// Asks the processor for the lines of the words and weights of the rows of
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
            prefetch_lines(&block.targets[row.clone()]);
            // Weights per synapse, where the block keeps them (not a constant weight,
            // nor one a plastic rule moved into its state).
            block.weights.prefetch(row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines a run lies on, counted by hand: a run crossing a line boundary needs
    /// both lines (the first line alone, or lines counted from the run's start, would
    /// leave the second a miss).
    #[test]
    fn a_run_asks_for_every_line_it_lies_on() {
        assert_eq!(lines_spanned(0, 0), (0, 0));
        assert_eq!(lines_spanned(4096 + 10, 0), (10, 0));
        assert_eq!(lines_spanned(128, 1), (0, 1));
        assert_eq!(lines_spanned(128, 64), (0, 1));
        assert_eq!(lines_spanned(128, 65), (0, 2));
        // 20 targets of 2 bytes from 60 bytes into a line: bytes 60..100, two lines.
        assert_eq!(lines_spanned(4096 + 60, 40), (60, 2));
        // 20 weights of 4 bytes from 48 bytes in: bytes 48..128, two lines.
        assert_eq!(lines_spanned(48, 80), (48, 2));
        // 49..129 reaches a third line.
        assert_eq!(lines_spanned(49, 80), (49, 3));
        assert_eq!(lines_spanned(63, 1000), (63, PREFETCH_LINES));
    }
}
