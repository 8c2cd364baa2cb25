//! `fixed_indegree` and `fixed_outdegree`: each neuron on one side (the centre) draws
//! `k` partners from the other side, uniformly, or within a mask centred on it and
//! weighted by a kernel.

use rand::RngExt;

use super::parallel::{per_neuron, per_neuron_in, transpose};
use super::sample::{distinct, weighted, Scratch};
use super::{kernel_at, ByTarget, ConnSpec, Endpoints, Keep, SameNeurons, Spatial};
use crate::error::{Error, Result};
use crate::rng::{Purpose, Seed};
use crate::spatial::{Kernel, Mask, Space, SpatialIndex};

/// The spatial side of a degree rule: where the centre neurons are and the index over
/// the partners.
struct Near<'a> {
    centres: &'a Space,
    partners: &'a Space,
    index: Option<(SpatialIndex<'a>, &'a Mask)>,
    kernel: Option<Kernel>,
    /// Whether the centre is the target (fixed_indegree), so the partners are sources.
    centre_is_target: bool,
}

/// A degree rule seen from the centre neuron.
struct Degree<'a> {
    projection: &'a str,
    k: usize,
    n_partners: usize,
    /// Which partners are the centres themselves (left out when `exclude_self`).
    same: SameNeurons<'a>,
    exclude_self: bool,
    /// Whether the centre is the target (fixed_indegree).
    indegree: bool,
    multapses: bool,
    /// "target" and "sources" for fixed_indegree, "source" and "targets" otherwise.
    centre: &'static str,
    partners: &'static str,
    near: Option<Near<'a>>,
}

/// NEST's `fixed_indegree`: each target draws `k` sources.
#[allow(clippy::too_many_arguments)] // the rule, its projection and the kept targets
pub(crate) fn fixed_indegree(
    projection: &str,
    k: usize,
    spec: &ConnSpec,
    ends: &Endpoints,
    spatial: Option<&Spatial>,
    seed: Seed,
    projection_id: u64,
    keep: Keep<'_>,
) -> Result<ByTarget> {
    let near = spatial.map(|s| Near {
        centres: s.targets,
        partners: s.sources,
        index: s.mask.map(|m| (SpatialIndex::for_mask(s.sources, m), m)),
        kernel: s.kernel.clone(),
        centre_is_target: true,
    });
    let rule = degree(
        projection,
        k,
        spec,
        ends.n_sources,
        ends.same,
        ("target", "sources"),
        near,
    )?;
    rule.per_centre(ends.n_targets, |s, t, out| {
        if !keep(t) {
            return Ok(());
        }
        let mut rng = seed.stream(Purpose::Connect, projection_id, t as u64);
        rule.draw(t, &mut rng, s, out)
    })
}

/// NEST's `fixed_outdegree`: each source draws `k` targets; returned by target, each
/// target's sources in ascending order.
#[allow(clippy::too_many_arguments)] // the rule, its projection and the kept targets
pub(crate) fn fixed_outdegree(
    projection: &str,
    k: usize,
    spec: &ConnSpec,
    ends: &Endpoints,
    spatial: Option<&Spatial>,
    seed: Seed,
    projection_id: u64,
    keep: Keep<'_>,
) -> Result<ByTarget> {
    let near = spatial.map(|s| Near {
        centres: s.sources,
        partners: s.targets,
        index: s.mask.map(|m| (SpatialIndex::for_mask(s.targets, m), m)),
        kernel: s.kernel.clone(),
        centre_is_target: false,
    });
    let rule = degree(
        projection,
        k,
        spec,
        ends.n_targets,
        ends.same,
        ("source", "targets"),
        near,
    )?;
    // Each source draws all its targets (its stream fixes them); a rank keeps those
    // onto its own targets.
    let all = (0..ends.n_targets).all(keep);
    let by_source = rule.per_centre(ends.n_sources, |s, i, out| {
        let mut rng = seed.stream(Purpose::Connect, projection_id, i as u64);
        let start = out.len();
        rule.draw(i, &mut rng, s, out)?;
        if !all {
            let mut kept = start;
            for r in start..out.len() {
                if keep(out[r] as usize) {
                    out[kept] = out[r];
                    kept += 1;
                }
            }
            out.truncate(kept);
        }
        Ok(())
    })?;
    Ok(transpose(&by_source, ends.n_targets))
}

fn degree<'a>(
    projection: &'a str,
    k: usize,
    spec: &ConnSpec,
    n_partners: usize,
    same: SameNeurons<'a>,
    (centre, partners): (&'static str, &'static str),
    near: Option<Near<'a>>,
) -> Result<Degree<'a>> {
    if near.is_none() && !spec.allow_multapses && k > n_partners {
        let param = if centre == "target" {
            "indegree"
        } else {
            "outdegree"
        };
        return Err(Error::invalid(
            projection,
            param,
            k,
            format!(
                "cannot be larger than the number of {partners} ({n_partners}) when \
                 allow_multapses is false"
            ),
        ));
    }
    Ok(Degree {
        projection,
        k,
        n_partners,
        same,
        exclude_self: !spec.allow_autapses,
        indegree: centre == "target",
        multapses: spec.allow_multapses,
        centre,
        partners,
        near,
    })
}

impl Degree<'_> {
    /// Runs `f` for every centre neuron `0..n`, in parallel; with a mask, in the order
    /// of the index cells holding the centres, so that successive queries visit nearly
    /// the same cells (the result does not depend on the order).
    fn per_centre<F>(&self, n: usize, f: F) -> Result<ByTarget>
    where
        F: Fn(&mut Scratch, usize, &mut Vec<u32>) -> Result<()> + Sync + Send,
    {
        match &self.near {
            Some(Near {
                centres,
                index: Some((index, _)),
                ..
            }) => per_neuron_in(
                &index.locality_order(centres.positions()),
                Scratch::default,
                f,
            ),
            _ => per_neuron(n, Scratch::default, f),
        }
    }

    /// Appends the `k` partners of centre neuron `c` to `out`, in draw order.
    fn draw(
        &self,
        c: usize,
        rng: &mut crate::rng::Stream,
        s: &mut Scratch,
        out: &mut Vec<u32>,
    ) -> Result<()> {
        if self.k == 0 {
            return Ok(());
        }
        // The partner that is the centre itself, left out without autapses.
        let own = match (self.exclude_self, self.indegree) {
            (false, _) => None,
            (true, true) => self.same.source_of(c, self.n_partners),
            (true, false) => self.same.target_of(c, self.n_partners),
        };
        let self_ex = own.is_some();
        let own = own.unwrap_or(usize::MAX);
        s.picks.clear();
        let Some(near) = &self.near else {
            let avail = self.n_partners - usize::from(self_ex);
            self.enough(c, avail, self_ex, false)?;
            self.uniform(rng, avail, s);
            let skip = |i: u32| if i as usize >= own { i + 1 } else { i };
            out.extend(s.picks.iter().map(|i| skip(*i)));
            return Ok(());
        };
        s.cands.clear();
        let centre = &near.centres.positions()[c];
        // With a mask, `cands` holds index entries, in the index's order.
        match &near.index {
            Some((index, mask)) => {
                index.query_unsorted(centre, mask, false, &mut s.cands);
                if self_ex {
                    let me = index.neuron_entry(own as u32);
                    if let Some(pos) = s.cands.iter().position(|e| *e == me) {
                        s.cands.remove(pos);
                    }
                }
            }
            None => s
                .cands
                .extend((0..self.n_partners as u32).filter(|i| *i as usize != own)),
        }
        let within = near.index.is_some();
        match &near.kernel {
            None => {
                self.enough(c, s.cands.len(), self_ex, within)?;
                self.uniform(rng, s.cands.len(), s);
            }
            Some(kernel) => {
                s.weights.clear();
                let mut positive = 0;
                for i in &s.cands {
                    // The index holds the candidates' positions near each other in memory.
                    let at = match &near.index {
                        Some((index, _)) => index.entry_position(*i),
                        None => &near.partners.positions()[*i as usize],
                    };
                    // Measured on the source layer, from source to target, as NEST does.
                    let w = if near.centre_is_target {
                        kernel_at(kernel, near.partners, at, centre, rng)?
                    } else {
                        kernel_at(kernel, near.centres, centre, at, rng)?
                    };
                    let w = if w.is_finite() && w > 0.0 { w } else { 0.0 };
                    positive += usize::from(w > 0.0);
                    s.weights.push(w);
                }
                self.enough(c, positive, self_ex, within)
                    .map_err(|e| match e {
                        Error::Connection {
                            projection,
                            message,
                        } => Error::Connection {
                            projection,
                            message: format!(
                                "{message} (counting only candidates with kernel weight > 0)"
                            ),
                        },
                        e => e,
                    })?;
                weighted(rng, self.k, !self.multapses, s);
            }
        }
        match &near.index {
            Some((index, _)) => out.extend(
                s.picks
                    .iter()
                    .map(|i| index.entry_neuron(s.cands[*i as usize])),
            ),
            None => out.extend(s.picks.iter().map(|i| s.cands[*i as usize])),
        }
        Ok(())
    }

    /// Draws `k` of `0..n` into `s.picks`, repeats allowed with multapses.
    fn uniform(&self, rng: &mut crate::rng::Stream, n: usize, s: &mut Scratch) {
        if self.multapses {
            for _ in 0..self.k {
                s.picks.push(rng.random_range(0..n) as u32);
            }
        } else {
            distinct(rng, n, self.k, s);
        }
    }

    /// Fails unless `m` candidates can supply `k` partners.
    fn enough(&self, c: usize, m: usize, self_ex: bool, within_mask: bool) -> Result<()> {
        if m > 0 && (self.multapses || m >= self.k) {
            return Ok(());
        }
        let place = if within_mask { " inside the mask" } else { "" };
        let why = match (m, self_ex, self.multapses) {
            (0, true, _) => " (allow_autapses = false excludes the neuron itself)".to_string(),
            (0, false, _) => String::new(),
            (_, true, false) => format!(
                "; {} distinct {} are needed (allow_multapses = false; allow_autapses = false \
                 excludes the neuron itself)",
                self.k, self.partners
            ),
            _ => format!(
                "; {} distinct {} are needed (allow_multapses = false)",
                self.k, self.partners
            ),
        };
        Err(Error::Connection {
            projection: self.projection.to_string(),
            message: format!(
                "{} neuron {c}: not enough {}{place}: {m} candidate(s) for {} {}{why}",
                self.centre,
                self.partners,
                if self.centre == "target" {
                    "indegree"
                } else {
                    "outdegree"
                },
                self.k
            ),
        })
    }
}
