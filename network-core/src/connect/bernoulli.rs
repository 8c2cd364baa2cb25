//! `pairwise_bernoulli`: every candidate pair connects independently with probability
//! `p`, or `p · kernel(distance)` within a mask. Never creates a repeated pair.

use rand::RngExt;

use super::parallel::per_neuron;
use super::sample::Scratch;
use super::{kernel_at, ByTarget, ConnSpec, Endpoints, Keep, Spatial};
use crate::error::{Error, Result};
use crate::rng::{Purpose, Seed, Stream};
use crate::spatial::SpatialIndex;

/// NEST's `pairwise_bernoulli`, per target: target `t` draws from stream
/// `(Connect, projection_id, t)`, its sources in ascending order.
///
/// Without a mask or kernel, the gaps between connected sources are drawn from the
/// geometric distribution (the same law as one uniform per pair, in far fewer draws).
/// With a kernel, the pair probability is `p · kernel(d)`.
#[allow(clippy::too_many_arguments)] // the rule, its projection and the kept targets
pub(crate) fn pairwise_bernoulli(
    projection: &str,
    p: f64,
    spec: &ConnSpec,
    ends: &Endpoints,
    spatial: Option<&Spatial>,
    seed: Seed,
    projection_id: u64,
    keep: Keep<'_>,
) -> Result<ByTarget> {
    if !(0.0..=1.0).contains(&p) {
        return Err(Error::invalid(
            projection,
            "p",
            p,
            "a probability must lie in [0, 1]",
        ));
    }
    let n = ends.n_sources;
    let stream = |t: usize| seed.stream(Purpose::Connect, projection_id, t as u64);
    let Some(sp) = spatial else {
        return per_neuron(
            ends.n_targets,
            || (),
            |_, t, out| {
                if !keep(t) {
                    return Ok(());
                }
                let own = ends.excluded_source(spec, t).unwrap_or(usize::MAX);
                geometric(&mut stream(t), n, p, |s| {
                    if s != own {
                        out.push(s as u32);
                    }
                });
                Ok(())
            },
        );
    };
    // Centred on the source (NEST's `Pairwise_bernoulli_on_target`), NEST reads the
    // sources in the target layer's geometry and measures there.
    let view = match spec.use_on_source {
        true => None,
        false => sp.sources.on_geometry_of(sp.targets),
    };
    let sources = view.as_ref().unwrap_or(sp.sources);
    let index = sp.mask.map(|m| (SpatialIndex::for_mask(sources, m), m));
    per_neuron(ends.n_targets, Scratch::default, |s, t, out| {
        if !keep(t) {
            return Ok(());
        }
        let mut rng = stream(t);
        let at = &sp.targets.positions()[t];
        s.keys.clear();
        let own = ends.excluded_source(spec, t).unwrap_or(usize::MAX);
        match &index {
            // Default: the mask is centred on the source and tests target − source;
            // use_on_source: centred on the target, tests source − target.
            Some((idx, m)) => {
                idx.query_entries(at, m, !spec.use_on_source, &mut s.entries, &mut s.keys)
            }
            None => s.keys.extend((0..n as u64).map(|i| i << 32)),
        }
        for &key in &s.keys {
            let src = (key >> 32) as usize;
            if src == own {
                continue;
            }
            let q = match &sp.kernel {
                Some(k) => {
                    let pos = match &index {
                        Some((idx, _)) => idx.entry_position(key as u32),
                        None => &sources.positions()[src],
                    };
                    p * kernel_at(k, sources, pos, at, &mut rng)?
                }
                None => p,
            };
            if rng.random::<f64>() < q {
                out.push(src as u32);
            }
        }
        Ok(())
    })
}

/// Calls `hit(i)` for each `i` in `0..n` chosen independently with probability `p`, in
/// ascending order.
fn geometric(rng: &mut Stream, n: usize, p: f64, mut hit: impl FnMut(usize)) {
    if p >= 1.0 {
        (0..n).for_each(hit);
        return;
    }
    if p <= 0.0 {
        return;
    }
    let ln_q = (-p).ln_1p();
    let mut i = 0usize;
    loop {
        // 1 − u lies in (0, 1], so the logarithm is finite.
        let u = 1.0 - rng.random::<f64>();
        let gap = (u.ln() / ln_q).floor();
        if gap >= (n - i) as f64 {
            return;
        }
        i += gap as usize;
        hit(i);
        i += 1;
        if i >= n {
            return;
        }
    }
}
