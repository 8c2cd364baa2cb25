//! `all_to_all`, `one_to_one` and `fixed_total_number`.

use std::collections::HashSet;

use rand::RngExt;

use super::multinomial::multinomial;
use super::parallel::{from_counts, per_neuron};
use super::{ByTarget, ConnSpec, Endpoints, Keep, SameNeurons};
use crate::error::{Error, Result};
use crate::rng::{Purpose, Seed};

/// Every source to every target `keep` accepts (the others get none), skipping the
/// pairs of a neuron with itself when autapses are off.
pub(crate) fn all_to_all(spec: &ConnSpec, ends: &Endpoints, keep: Keep<'_>) -> ByTarget {
    let n = ends.n_sources as u32;
    let all = per_neuron(
        ends.n_targets,
        || (),
        |_, t, out| {
            if keep(t) {
                let own = ends.excluded_source(spec, t).map_or(u32::MAX, |s| s as u32);
                out.extend((0..n).filter(|s| *s != own));
            }
            Ok(())
        },
    );
    all.unwrap_or_default()
}

/// Source i to target i for the targets `keep` accepts; with autapses off, not where
/// source i is target i (on one population, nothing).
pub(crate) fn one_to_one(
    projection: &str,
    spec: &ConnSpec,
    ends: &Endpoints,
    keep: Keep<'_>,
) -> Result<ByTarget> {
    if ends.n_sources != ends.n_targets {
        return Err(Error::invalid(
            projection,
            "rule",
            "one_to_one",
            format!(
                "needs populations of equal size, not {} sources and {} targets",
                ends.n_sources, ends.n_targets
            ),
        ));
    }
    if ends.same == SameNeurons::Identity && !spec.allow_autapses {
        return Ok(ByTarget {
            offsets: vec![0; ends.n_targets + 1],
            sources: Vec::new(),
        });
    }
    let mut offsets = Vec::with_capacity(ends.n_targets + 1);
    offsets.push(0);
    let mut sources = Vec::new();
    for t in 0..ends.n_targets {
        if keep(t) && ends.excluded_source(spec, t) != Some(t) {
            sources.push(t as u32);
        }
        offsets.push(sources.len());
    }
    Ok(ByTarget { offsets, sources })
}

/// The allowed (source, target) pairs, numbered target by target: first the `reduced`
/// targets that lose their pair with themselves (autapses off), then the others.
struct Pairs {
    n_sources: u64,
    /// How many targets have their pair with themselves removed.
    reduced: u64,
    /// Which targets those are, on overlapping parts of one population: (target, its
    /// own source) of the reduced ones, then the others' targets. `None`: target t is
    /// source t for t below `reduced`, and the targets follow in order.
    order: Option<Order>,
}

/// (target, its own source) of the targets that lose a pair, then the other targets.
type Order = (Vec<(u32, u32)>, Vec<u32>);

impl Pairs {
    /// The pairs of `ends`, without each neuron's pair with itself when `exclude_self`.
    fn new(ends: &Endpoints, exclude_self: bool) -> Self {
        let n_sources = ends.n_sources as u64;
        match (exclude_self, ends.same) {
            (false, _) | (true, SameNeurons::None) => Pairs {
                n_sources,
                reduced: 0,
                order: None,
            },
            (true, SameNeurons::Identity) => Pairs {
                n_sources,
                reduced: ends.n_sources.min(ends.n_targets) as u64,
                order: None,
            },
            (true, SameNeurons::Map { source_of, .. }) => {
                let (mut with, mut without) = (Vec::new(), Vec::new());
                for (t, own) in source_of.iter().enumerate() {
                    match own {
                        Some(s) => with.push((t as u32, *s)),
                        None => without.push(t as u32),
                    }
                }
                Pairs {
                    n_sources,
                    reduced: with.len() as u64,
                    order: Some((with, without)),
                }
            }
        }
    }

    fn count(&self, n_targets: u64) -> u64 {
        n_targets * self.n_sources - self.reduced
    }

    /// The `i`-th allowed pair as (source, target).
    fn pair(&self, i: u64) -> (u32, u32) {
        let short = self.n_sources - 1;
        if i < self.reduced * short {
            let (r, j) = (i / short, i % short);
            let (t, own) = match &self.order {
                None => (r, r),
                Some((with, _)) => (with[r as usize].0 as u64, with[r as usize].1 as u64),
            };
            let s = if j >= own { j + 1 } else { j };
            (s as u32, t as u32)
        } else {
            let i = i - self.reduced * short;
            let r = i / self.n_sources;
            let t = match &self.order {
                None => self.reduced + r,
                Some((_, without)) => without[r as usize] as u64,
            };
            ((i % self.n_sources) as u32, t as u32)
        }
    }
}

/// NEST's `fixed_total_number`: `n` pairs drawn uniformly from the allowed pairs.
/// With multapses, the pairs per target are a multinomial over the targets, each
/// weighted by its allowed sources (`multinomial`, from the streams `(Connect,
/// projection_id, u64::MAX)` and `(TargetCounts, projection_id, chunk)`), and each target draws
/// its sources uniformly from `(Connect, projection_id, target)`: the distribution of
/// uniform pairs, drawn in parallel, a rank drawing the sources of its own targets
/// only. Without multapses the pairs are distinct, drawn one stream with Floyd's
/// algorithm (NEST raises NotImplemented there), every rank keeping those onto the
/// targets `keep` accepts.
pub(crate) fn fixed_total_number(
    projection: &str,
    n: usize,
    spec: &ConnSpec,
    ends: &Endpoints,
    seed: Seed,
    projection_id: u64,
    keep: Keep<'_>,
) -> Result<ByTarget> {
    let pairs = Pairs::new(ends, !spec.allow_autapses);
    let m = pairs.count(ends.n_targets as u64);
    let n64 = n as u64;
    if n > 0 && m == 0 {
        return Err(Error::invalid(
            projection,
            "N",
            n,
            "there is no allowed (source, target) pair",
        ));
    }
    if !spec.allow_multapses && n64 > m {
        return Err(Error::invalid(
            projection,
            "N",
            n,
            format!("cannot exceed the {m} allowed (source, target) pairs when allow_multapses is false"),
        ));
    }
    let mut rng = seed.stream(Purpose::Connect, projection_id, u64::MAX);
    if spec.allow_multapses {
        // The sources each target may draw, without itself when autapses are off.
        let own = |t: usize| ends.excluded_source(spec, t);
        let allowed: Vec<u64> = (0..ends.n_targets)
            .map(|t| (ends.n_sources - usize::from(own(t).is_some())) as u64)
            .collect();
        let mut per_target = multinomial(n64, &allowed, &mut rng, |chunk| {
            seed.stream(Purpose::TargetCounts, projection_id, chunk as u64)
        });
        // A rank draws the sources of its own targets only.
        for (t, count) in per_target.iter_mut().enumerate() {
            if !keep(t) {
                *count = 0;
            }
        }
        return Ok(from_counts(&per_target, |t, out| {
            let mut rng = seed.stream(Purpose::Connect, projection_id, t as u64);
            let own = own(t).map_or(u32::MAX, |s| s as u32);
            let avail = allowed[t] as u32;
            for source in out {
                let s = rng.random_range(0..avail);
                *source = if s >= own { s + 1 } else { s };
            }
        }));
    }
    let all = (0..ends.n_targets).all(keep);
    let mut taken = HashSet::with_capacity(n);
    let mut drawn = Vec::new();
    for j in m - n64..m {
        let i = rng.random_range(0..=j);
        let i = if taken.insert(i) { i } else { j };
        taken.insert(i);
        let (s, t) = pairs.pair(i);
        if all || keep(t as usize) {
            drawn.push((s, t));
        }
    }
    Ok(ByTarget::from_pairs(&[drawn], ends.n_targets))
}
