//! Running a rule per neuron in parallel with results independent of the thread count:
//! each neuron draws from its own stream and the blocks are joined in neuron order.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::ByTarget;
use crate::error::{Error, Result};

/// Neurons per parallel task.
const BLOCK: usize = 256;

/// Calls `f(scratch, i, out)` for every `i` in `0..n`, where `f` appends the partners
/// of neuron `i` to `out`, and returns the lists in neuron order. On failure, returns
/// the error of the lowest failing neuron.
pub(crate) fn per_neuron<S, I, F>(n: usize, init: I, f: F) -> Result<ByTarget>
where
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize, &mut Vec<u32>) -> Result<()> + Sync + Send,
{
    let blocks: Vec<Result<(Vec<usize>, Vec<u32>)>> = (0..n.div_ceil(BLOCK))
        .into_par_iter()
        .map_init(init, |scratch, b| {
            let range = b * BLOCK..((b + 1) * BLOCK).min(n);
            let mut ends = Vec::with_capacity(range.len());
            let mut items = Vec::new();
            for i in range {
                f(scratch, i, &mut items)?;
                ends.push(items.len());
            }
            Ok((ends, items))
        })
        .collect();
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0);
    let mut sources = Vec::new();
    for block in blocks {
        let (ends, items) = block?;
        let base = sources.len();
        offsets.extend(ends.iter().map(|e| base + e));
        sources.extend_from_slice(&items);
    }
    Ok(ByTarget { offsets, sources })
}

/// Targets whose numbers of sources are known: `fill(t, out)` writes the `counts[t]`
/// sources of target `t` into `out`, in parallel over runs of [`BLOCK`] targets, each
/// writing its own part of the one array of sources (no per-block lists to join).
pub(crate) fn from_counts<F>(counts: &[u64], fill: F) -> ByTarget
where
    F: Fn(usize, &mut [u32]) + Sync,
{
    let n = counts.len();
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0usize);
    for &c in counts {
        offsets.push(offsets[offsets.len() - 1] + c as usize);
    }
    let mut sources = vec![0u32; offsets[n]];
    let parts = parts_by_targets(&offsets, &mut sources, BLOCK);
    parts.into_par_iter().for_each(|(targets, part)| {
        let base = offsets[targets.start];
        for t in targets {
            fill(t, &mut part[offsets[t] - base..offsets[t + 1] - base]);
        }
    });
    ByTarget { offsets, sources }
}

/// `sources` (laid out by `offsets`, target by target) cut into the parts of runs of
/// `per_part` targets: each run's targets and its part, to fill in parallel.
fn parts_by_targets<'a>(
    offsets: &[usize],
    sources: &'a mut [u32],
    per_part: usize,
) -> Vec<(Range<usize>, &'a mut [u32])> {
    let n = offsets.len() - 1;
    let mut parts = Vec::with_capacity(n.div_ceil(per_part));
    let mut rest = sources;
    for lo in (0..n).step_by(per_part) {
        let hi = (lo + per_part).min(n);
        let (part, tail) = rest.split_at_mut(offsets[hi] - offsets[lo]);
        parts.push((lo..hi, part));
        rest = tail;
    }
    parts
}

/// As [`per_neuron`] over the neurons `0..order.len()`, visited in `order` (a
/// permutation), e.g. one where successive neurons share their spatial neighbourhood.
/// The result does not depend on `order` or on the thread count.
pub(crate) fn per_neuron_in<S, I, F>(order: &[u32], init: I, f: F) -> Result<ByTarget>
where
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize, &mut Vec<u32>) -> Result<()> + Sync + Send,
{
    let n = order.len();
    // The lowest failing neuron so far: neurons above it need not be drawn.
    let lowest = AtomicUsize::new(usize::MAX);
    type Block = (Vec<usize>, Vec<u32>, Option<(usize, Error)>);
    let blocks: Vec<Block> = order
        .par_chunks(BLOCK)
        .map_init(init, |scratch, chunk| {
            let mut ends = Vec::with_capacity(chunk.len());
            let mut items = Vec::new();
            let mut failed: Option<(usize, Error)> = None;
            for &i in chunk {
                let i = i as usize;
                let before = items.len();
                if i < lowest.load(Ordering::Relaxed) {
                    if let Err(e) = f(scratch, i, &mut items) {
                        items.truncate(before);
                        lowest.fetch_min(i, Ordering::Relaxed);
                        if failed.as_ref().is_none_or(|(j, _)| i < *j) {
                            failed = Some((i, e));
                        }
                    }
                }
                ends.push(items.len());
            }
            (ends, items, failed)
        })
        .collect();
    let mut first: Option<(usize, Error)> = None;
    for (_, _, failed) in &blocks {
        if let Some((i, _)) = failed {
            if first.as_ref().is_none_or(|(j, _)| i < j) {
                first = failed.clone();
            }
        }
    }
    if let Some((_, e)) = first {
        return Err(e);
    }
    let mut offsets = vec![0usize; n + 1];
    for (chunk, (ends, _, _)) in order.chunks(BLOCK).zip(&blocks) {
        let mut prev = 0;
        for (i, end) in chunk.iter().zip(ends) {
            offsets[*i as usize + 1] = end - prev;
            prev = *end;
        }
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let mut sources = vec![0u32; offsets[n]];
    for (chunk, (ends, items, _)) in order.chunks(BLOCK).zip(&blocks) {
        let mut prev = 0;
        for (i, end) in chunk.iter().zip(ends) {
            let at = offsets[*i as usize];
            sources[at..at + end - prev].copy_from_slice(&items[prev..*end]);
            prev = *end;
        }
    }
    Ok(ByTarget { offsets, sources })
}

/// Turns per-source target lists into per-target source lists: for each target, its
/// sources in ascending source order (a repeated pair appears repeatedly).
pub(crate) fn transpose(by_source: &ByTarget, n_targets: usize) -> ByTarget {
    let mut offsets = vec![0usize; n_targets + 1];
    for t in &by_source.sources {
        offsets[*t as usize + 1] += 1;
    }
    for t in 0..n_targets {
        offsets[t + 1] += offsets[t];
    }
    let mut fill = offsets[..n_targets].to_vec();
    let mut sources = vec![0u32; by_source.sources.len()];
    for s in 0..by_source.offsets.len() - 1 {
        for t in by_source.sources_of(s) {
            sources[fill[*t as usize]] = s as u32;
            fill[*t as usize] += 1;
        }
    }
    ByTarget { offsets, sources }
}

impl ByTarget {
    /// The pairs `(source, target)` of `chunks` (in order) as each target's sources in
    /// pair order, for targets `0..n_targets`. In parallel over ranges of targets: each
    /// range reads every pair and places its own, so the result does not depend on the
    /// number of ranges.
    pub(crate) fn from_pairs<C>(chunks: &[C], n_targets: usize) -> ByTarget
    where
        C: AsRef<[(u32, u32)]> + Sync,
    {
        let pairs = || chunks.iter().flat_map(|c| c.as_ref().iter());
        let mut offsets = vec![0usize; n_targets + 1];
        for (_, t) in pairs() {
            offsets[*t as usize + 1] += 1;
        }
        for t in 0..n_targets {
            offsets[t + 1] += offsets[t];
        }
        let mut sources = vec![0u32; offsets[n_targets]];
        let ranges = rayon::current_num_threads().clamp(1, 8);
        let per_range = n_targets.div_ceil(ranges).max(1);
        parts_by_targets(&offsets, &mut sources, per_range)
            .into_par_iter()
            .for_each(|(targets, part)| {
                let base = offsets[targets.start];
                let mut fill: Vec<usize> =
                    offsets[targets.clone()].iter().map(|o| o - base).collect();
                for &(s, t) in pairs() {
                    let t = t as usize;
                    if targets.contains(&t) {
                        let f = &mut fill[t - targets.start];
                        part[*f] = s;
                        *f += 1;
                    }
                }
            });
        ByTarget { offsets, sources }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_by_target_keep_their_order_for_any_number_of_ranges() {
        // Pairs in three chunks (one empty), repeated pairs, targets without pairs, the
        // last target used: each target's sources in pair order, whatever the pool.
        let chunks = vec![
            vec![(4, 2), (1, 0), (4, 2), (0, 6)],
            vec![],
            vec![(3, 2), (9, 6), (2, 0), (5, 3)],
        ];
        let n_targets = 7;
        // The oracle: for each target, a filter over the pairs in order.
        let mut offsets = vec![0];
        let mut sources = Vec::new();
        for t in 0..n_targets {
            sources.extend(
                chunks
                    .iter()
                    .flatten()
                    .filter(|p| p.1 == t as u32)
                    .map(|p| p.0),
            );
            offsets.push(sources.len());
        }
        let expected = ByTarget { offsets, sources };
        for threads in [1, 2, 3, 8] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let by_target = pool.install(|| ByTarget::from_pairs(&chunks, n_targets));
            assert_eq!(by_target, expected, "{threads} threads");
        }
        assert_eq!(
            ByTarget::from_pairs::<Vec<(u32, u32)>>(&[], 3).offsets,
            [0; 4]
        );
    }

    #[test]
    fn known_counts_fill_each_target_its_own_place() {
        // Counts across three runs of targets, zeros at a run's start and end: target t
        // writes t * 10 + j into its j-th place.
        let counts: Vec<u64> = (0..2 * BLOCK + 5)
            .map(|t| {
                if t % BLOCK == 0 || t % BLOCK == BLOCK - 1 {
                    0
                } else {
                    (t % 4) as u64
                }
            })
            .collect();
        let by = from_counts(&counts, |t, out| {
            assert_eq!(out.len() as u64, counts[t]);
            for (j, s) in out.iter_mut().enumerate() {
                *s = (t * 10 + j) as u32;
            }
        });
        let mut offsets = vec![0];
        let mut sources = Vec::new();
        for (t, &c) in counts.iter().enumerate() {
            sources.extend((0..c as usize).map(|j| (t * 10 + j) as u32));
            offsets.push(sources.len());
        }
        assert_eq!(by.offsets, offsets);
        assert_eq!(by.sources, sources);
    }
}
