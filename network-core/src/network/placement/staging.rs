//! A block's target words moved into their source rows in two passes that stay in the
//! caches.
//!
//! A block's synapses are listed target by target but stored source by source, so each
//! target word lands at a random place among the block's rows: megabytes for a block of
//! the cortical microcircuit, where a store straight into its row missed the caches.
//! Instead each word is first appended to the bucket of its row position (buckets of
//! [`BUCKET`] consecutive positions, each filled in order), then the buckets are emptied
//! one after the other, each into its own 64 KiB window of the rows, which stays in the
//! cache while it fills. The rows come out the same: only the order of the stores
//! changes.
//!
//! The buckets live in buffers kept from one projection to the next (one per thread of
//! the pool that builds the blocks), so that the kernel clears their pages once per build;
//! all of them together hold at most [`STAGED_TOTAL`] synapses.

use std::sync::{Mutex, PoisonError};

/// Bytes one staged synapse takes (a [`record`]).
pub(crate) const STAGED_BYTES: u64 = std::mem::size_of::<u32>() as u64;

/// log2 of [`BUCKET`].
const BUCKET_BITS: u32 = 15;

/// Row positions per bucket: 2^15 synapses, whose target words take 64 KiB.
const BUCKET: usize = 1 << BUCKET_BITS;

/// Bits of a record below the position: the target word's.
const WORD_BITS: u32 = u16::BITS;

// A position within its bucket fits above the word.
const _: () = assert!(BUCKET_BITS + WORD_BITS <= u32::BITS);

/// A staged synapse: `position` (within its bucket) above its target `word`.
#[inline]
fn record(position: usize, word: u16) -> u32 {
    ((position % BUCKET) as u32) << WORD_BITS | u32::from(word)
}

/// A record's position within its bucket and its target word.
#[inline]
fn unrecord(record: u32) -> (usize, u16) {
    ((record >> WORD_BITS) as usize, record as u16)
}

/// The most synapses all buffers together stage at once (2^23: 32 MiB), so that the
/// staging memory does not grow with the thread count: each of `n` buffers takes a
/// block of at most `STAGED_TOTAL / n` synapses, and a larger block is written straight
/// into its rows.
pub(crate) const STAGED_TOTAL: u64 = 1 << 23;

/// Staging buffers, one per thread of the pool that builds the blocks.
#[derive(Debug, Default)]
pub(crate) struct StagingBuffers {
    buffers: Vec<Mutex<Vec<Line>>>,
}

impl StagingBuffers {
    /// One empty buffer per thread of the current pool (rayon's global pool outside one).
    pub fn new() -> Self {
        Self {
            buffers: (0..rayon::current_num_threads())
                .map(|_| Mutex::new(Vec::new()))
                .collect(),
        }
    }

    /// Runs `f` with this thread's buffer when a block of `len` synapses fits it, else
    /// with none.
    pub(super) fn with<R>(&self, len: usize, f: impl FnOnce(Option<&mut Vec<Line>>) -> R) -> R {
        let fits = len as u64 <= STAGED_TOTAL / self.buffers.len().max(1) as u64;
        match rayon::current_thread_index().and_then(|i| self.buffers.get(i)) {
            Some(buffer) if fits => f(Some(
                &mut buffer.lock().unwrap_or_else(PoisonError::into_inner),
            )),
            _ => f(None),
        }
    }
}

/// Staged synapses per cache line.
const PER_LINE: usize = 16;

/// One cache line of staged synapses.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(64))]
pub(super) struct Line([u32; PER_LINE]);

/// A block's target words sorted into the buckets of their row positions `0..len`:
/// each position must be pushed exactly once.
///
/// Each bucket collects its words in a line of its own (all of them together a few kB,
/// in the first-level cache) and writes each full line to the buffer at once, past the
/// caches (a streaming store): the buffer is read again only after the whole block, so
/// reading its lines before writing them, as an ordinary store does, would only double
/// the traffic to memory.
pub(super) struct Buckets<'a> {
    lines: &'a mut [Line],
    len: usize,
    /// The line each bucket is filling.
    open: Vec<Line>,
    /// How many words each bucket holds.
    held: Vec<usize>,
}

impl<'a> Buckets<'a> {
    /// Buckets for positions `0..len` in `buffer` (grown where it is shorter; what it
    /// held is overwritten).
    pub fn new(buffer: &'a mut Vec<Line>, len: usize) -> Self {
        let lines = len.div_ceil(PER_LINE);
        if buffer.len() < lines {
            buffer.resize(lines, Line::default());
        }
        let buckets = len.div_ceil(BUCKET);
        Self {
            lines: &mut buffer[..lines],
            len,
            open: vec![Line::default(); buckets],
            held: vec![0; buckets],
        }
    }

    /// Appends `word`, bound for row position `position`, to its bucket.
    #[inline]
    pub fn push(&mut self, position: u32, word: u16) {
        let j = position as usize >> BUCKET_BITS;
        let n = self.held[j];
        self.open[j].0[n % PER_LINE] = record(position as usize, word);
        self.held[j] = n + 1;
        if n % PER_LINE == PER_LINE - 1 {
            let at = (j * BUCKET + n) / PER_LINE;
            stream(&mut self.lines[at], &self.open[j]);
        }
    }

    /// Writes each word pushed to its position in `rows` (of length `len`), bucket
    /// after bucket.
    pub fn into_rows(self, rows: &mut [u16]) {
        debug_assert_eq!(rows.len(), self.len);
        debug_assert!(
            self.held
                .iter()
                .enumerate()
                .all(|(j, &n)| n == BUCKET.min(self.len - j * BUCKET)),
            "every position pushed once"
        );
        // Only the last bucket can end in a part of a line.
        if let (Some(&n), Some(open)) = (self.held.last(), self.open.last()) {
            if n % PER_LINE != 0 {
                let j = self.held.len() - 1;
                self.lines[(j * BUCKET + n) / PER_LINE] = *open;
            }
        }
        stream_fence();
        for (j, window) in rows.chunks_mut(BUCKET).enumerate() {
            let lines = &self.lines[j * BUCKET / PER_LINE..][..window.len().div_ceil(PER_LINE)];
            for &staged in lines.iter().flat_map(|line| &line.0).take(window.len()) {
                let (at, word) = unrecord(staged);
                window[at] = word;
            }
        }
    }
}

/// Writes `line` to `to` past the caches where the processor can (x86-64's streaming
/// stores), else as an ordinary store.
#[inline(always)]
fn stream(to: &mut Line, line: &Line) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{__m128i, _mm_loadu_si128, _mm_stream_si128};
        let from = (line as *const Line).cast::<__m128i>();
        let to = (to as *mut Line).cast::<__m128i>();
        // SAFETY: both point to a whole `Line` (64 bytes, 64-byte aligned), read and
        // written as four 16-byte parts; `to` is a unique reference's.
        #[allow(unsafe_code)]
        unsafe {
            for i in 0..4 {
                _mm_stream_si128(to.add(i), _mm_loadu_si128(from.add(i)));
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        *to = *line;
    }
}

/// Orders the streaming stores before the loads that follow.
#[inline(always)]
fn stream_fence() {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a fence has no operands.
    #[allow(unsafe_code)]
    unsafe {
        std::arch::x86_64::_mm_sfence()
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words pushed for positions in a scrambled order land at their positions: the
    /// oracle is the scrambled order itself, inverted. The lengths leave the last bucket
    /// with part of a line, with whole lines only, and a block with less than one line;
    /// the buffer and the rows held other values before, so a line or a word left
    /// unwritten would show.
    #[test]
    fn words_land_at_their_positions() {
        for len in [2 * BUCKET + 7, BUCKET + 2 * PER_LINE, 5] {
            // A stride prime to every length visits every position once.
            let order: Vec<usize> = (0..len).map(|i| (i * 40_503 + 11) % len).collect();
            let mut buffer = vec![Line([u32::MAX; PER_LINE]); len];
            let mut buckets = Buckets::new(&mut buffer, len);
            for (i, &position) in order.iter().enumerate() {
                buckets.push(position as u32, (i % 1021) as u16);
            }
            let mut rows = vec![u16::MAX; len];
            buckets.into_rows(&mut rows);
            let mut expected = vec![u16::MAX; len];
            for (i, &position) in order.iter().enumerate() {
                expected[position] = (i % 1021) as u16;
            }
            assert_eq!(rows, expected, "{len} positions");
        }
    }

    /// A block larger than its share of the staging goes straight to its rows; so does
    /// every block on a thread outside the pool.
    #[test]
    fn large_blocks_are_not_staged() {
        let buffers = StagingBuffers::new();
        let share = (STAGED_TOTAL / rayon::current_num_threads() as u64) as usize;
        let staged = |len| rayon::scope(|_| buffers.with(len, |buffer| buffer.is_some()));
        assert!(staged(share));
        assert!(!staged(share + 1));
        assert!(!StagingBuffers::default().with(1, |buffer| buffer.is_some()));
    }
}
