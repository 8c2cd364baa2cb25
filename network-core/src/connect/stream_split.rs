//! One stream's uniform draws in parallel, the same numbers as drawn one after another.
//!
//! `fixed_total_number` draws all its pairs from one stream (NEST's rule has no per-target
//! streams to split). A draw `random_range(0..m)` takes one 64-bit word of the stream, and
//! a second one in the rare case that the first lands in the biased tail (probability
//! `m / 2^64`: about 10⁻¹⁰ for a billion pairs). ChaCha can be read from any word, so
//! chunks of draws start where they would if no draw before them took a second word,
//! and run in parallel; each counts the extra words it took, and a chunk whose
//! predecessors took any is drawn again from its true start. The result is the serial
//! loop's, bit for bit, for any number of threads.

use rand::RngExt;
use rayon::prelude::*;

use crate::rng::Stream;

/// Draws per parallel task.
const CHUNK: usize = 1 << 18;

/// The stream's words (32-bit) one 64-bit draw takes.
const WORDS_PER_DRAW: u128 = 2;

/// `n` draws `rng.random_range(0..m)` as a serial loop from `rng`'s current position
/// would make them, each passed to `keep_as`; the kept values in draw order, in chunks.
pub(crate) fn uniform_draws<T, F>(rng: &Stream, n: usize, m: u64, keep_as: F) -> Vec<Vec<T>>
where
    T: Send,
    F: Fn(u64) -> Option<T> + Sync,
{
    let start = rng.get_word_pos();
    // Chunk c's draws and the words they took beyond one per draw, from `at` words.
    let chunk = |c: usize, at: u128| {
        let count = CHUNK.min(n - c * CHUNK);
        let mut r = rng.clone();
        r.set_word_pos(at);
        let kept: Vec<T> = (0..count)
            .filter_map(|_| keep_as(r.random_range(0..m)))
            .collect();
        let extra = r.get_word_pos() - at - WORDS_PER_DRAW * count as u128;
        (kept, extra)
    };
    let nominal = |c: usize| start + WORDS_PER_DRAW * (c * CHUNK) as u128;
    let mut chunks: Vec<(Vec<T>, u128)> = (0..n.div_ceil(CHUNK))
        .into_par_iter()
        .map(|c| chunk(c, nominal(c)))
        .collect();
    let mut shift = 0;
    for (c, slot) in chunks.iter_mut().enumerate() {
        if shift > 0 {
            *slot = chunk(c, nominal(c) + shift);
        }
        shift += slot.1;
    }
    chunks.into_iter().map(|(kept, _)| kept).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{Purpose, Seed};

    /// The serial loop the parallel draws stand for.
    fn serial(rng: &Stream, n: usize, m: u64) -> Vec<u64> {
        let mut r = rng.clone();
        (0..n).map(|_| r.random_range(0..m)).collect()
    }

    #[test]
    fn parallel_draws_are_the_serial_loop_bit_for_bit() {
        // Ranges where a second word is never, sometimes (m near 2^62: a quarter of
        // the draws) and mostly needed; counts within one chunk, at and across chunk
        // edges; a stream already partly read.
        for (m, n, skip) in [
            (1_000_003, 3 * CHUNK + 17, 0),
            (3 << 62, 2 * CHUNK + 5, 3),
            (u64::MAX - 5, CHUNK, 1),
            (u64::MAX / 3 * 2, 5_000, 0),
            (7, 0, 0),
        ] {
            let mut rng = Seed(11).stream(Purpose::Connect, 4, u64::MAX);
            for _ in 0..skip {
                rng.random::<u32>();
            }
            let parallel: Vec<u64> = uniform_draws(&rng, n, m, Some).concat();
            assert_eq!(parallel, serial(&rng, n, m), "m {m}, n {n}");
        }
    }

    #[test]
    fn only_the_kept_values_return_in_draw_order() {
        let rng = Seed(3).stream(Purpose::Connect, 0, u64::MAX);
        let n = CHUNK + 999;
        let odd: Vec<u64> = uniform_draws(&rng, n, 1_000, |i| (i % 2 == 1).then_some(i)).concat();
        let expected: Vec<u64> = serial(&rng, n, 1_000)
            .into_iter()
            .filter(|i| i % 2 == 1)
            .collect();
        assert_eq!(odd, expected);
    }
}
