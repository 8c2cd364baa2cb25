//! Connection rules as pure functions: from a rule, the two populations (and their
//! positions) and a seed to the list of edges, grouped by target.
//!
//! Semantics follow NEST 3.10 (`nest.Connect` with `conn_spec` and, for spatial
//! populations, `mask` and a distance-dependent `p`; `allow_autapses = false` leaves out
//! the pairs of a neuron with itself, [`SameNeurons`], also between overlapping parts
//! of one population), with these deliberate differences:
//! - random draws come from ChaCha8 streams keyed by the projection and the neuron, so
//!   results depend on the seed alone, never on the thread count (NEST's depend on the
//!   number of virtual processes); the distributions are NEST's;
//! - `fixed_indegree` with a mask and no kernel respects `allow_autapses = false`
//!   (NEST ignores it there);
//! - `fixed_indegree`/`fixed_outdegree` with degree = #partners, both flags off, for a
//!   neuron that is among its own partners is an error (NEST loops forever);
//! - `fixed_total_number` with multapses draws the number of pairs of each target (a
//!   multinomial, NEST's distribution of uniform pairs) and then each target's sources
//!   from its own stream (NEST draws pairs per virtual process); without multapses it
//!   samples distinct pairs (NEST raises NotImplemented);
//! - a mask wider than a periodic layer is an error (NEST's `allow_oversized_mask` is
//!   not offered); a mask exactly as wide as the layer is accepted and, as in NEST,
//!   offers a pair twice when the source lies on both of its edges.

mod bernoulli;
mod degree;
mod multinomial;
mod parallel;
mod sample;
mod total;

#[cfg(test)]
mod nest_sets;
#[cfg(test)]
mod tests;

use crate::error::{Error, Result};
use crate::rng::Seed;
use crate::spatial::{check_compatible, Kernel, Mask, Space};

pub use network_spec::connect::{ConnSpec, Rule};

/// The two populations of a projection.
#[derive(Debug, Clone, Copy)]
pub struct Endpoints<'a> {
    /// Number of source neurons.
    pub n_sources: usize,
    /// Number of target neurons.
    pub n_targets: usize,
    /// Which source and target are the same neuron (the pairs `allow_autapses = false`
    /// excludes).
    pub same: SameNeurons<'a>,
    /// Source positions, if the source population is spatial.
    pub source_space: Option<&'a Space>,
    /// Target positions, if the target population is spatial.
    pub target_space: Option<&'a Space>,
}

impl Endpoints<'_> {
    /// The source that `spec` leaves out for target `t`: the same neuron, when autapses
    /// are not allowed.
    #[inline]
    pub(crate) fn excluded_source(&self, spec: &ConnSpec, t: usize) -> Option<usize> {
        match spec.allow_autapses {
            true => None,
            false => self.same.source_of(t, self.n_sources),
        }
    }
}

/// Which sources of a projection are the same neuron as which targets: the pairs NEST
/// leaves out when `allow_autapses` is false (a source and a target that are one node).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SameNeurons<'a> {
    /// No source is a target: two populations, or disjoint parts of one.
    None,
    /// Source i is target i: one population, or equal parts of it.
    Identity,
    /// Different, overlapping parts of one population: per target, the source that is
    /// the same neuron (`source_of`, `n_targets` entries) and per source the target
    /// (`target_of`, `n_sources` entries), as local indices.
    Map {
        /// Per target, its own source, if it is among the sources.
        source_of: &'a [Option<u32>],
        /// Per source, its own target, if it is among the targets.
        target_of: &'a [Option<u32>],
    },
}

impl SameNeurons<'_> {
    /// [`SameNeurons::Identity`] for one population, [`SameNeurons::None`] for two.
    pub fn of(same_population: bool) -> Self {
        if same_population {
            SameNeurons::Identity
        } else {
            SameNeurons::None
        }
    }

    /// The source (of `n_sources`) that is target `t`, if any.
    #[inline]
    pub fn source_of(&self, t: usize, n_sources: usize) -> Option<usize> {
        match self {
            SameNeurons::None => None,
            SameNeurons::Identity => (t < n_sources).then_some(t),
            SameNeurons::Map { source_of, .. } => source_of[t].map(|s| s as usize),
        }
    }

    /// The target (of `n_targets`) that is source `s`, if any.
    #[inline]
    pub fn target_of(&self, s: usize, n_targets: usize) -> Option<usize> {
        match self {
            SameNeurons::None => None,
            SameNeurons::Identity => (s < n_targets).then_some(s),
            SameNeurons::Map { target_of, .. } => target_of[s].map(|t| t as usize),
        }
    }
}

/// The edges of a projection grouped by target: the sources of target `t` are
/// `sources[offsets[t]..offsets[t + 1]]`, in draw order (a repeated pair appears
/// repeatedly).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ByTarget {
    /// `n_targets + 1` offsets into `sources`.
    pub offsets: Vec<usize>,
    /// Source indices.
    pub sources: Vec<u32>,
}

impl ByTarget {
    /// Number of targets.
    pub fn n_targets(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Number of edges.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    /// Whether there is no edge.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// The sources of target `t` (empty if there is no such target).
    pub fn sources_of(&self, t: usize) -> &[u32] {
        match (self.offsets.get(t), self.offsets.get(t + 1)) {
            (Some(a), Some(b)) => &self.sources[*a..*b],
            _ => &[],
        }
    }

    /// Every edge as `(source, target)`, by target.
    pub fn edges(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        (0..self.n_targets())
            .flat_map(move |t| self.sources_of(t).iter().map(move |s| (*s, t as u32)))
    }
}

/// Positions and mask of a spatial projection, checked.
pub(crate) struct Spatial<'a> {
    pub sources: &'a Space,
    pub targets: &'a Space,
    pub mask: Option<&'a Mask>,
    pub kernel: Option<Kernel>,
}

/// The kernel's value for a pair: `source` and `target` positions (mm), the
/// displacement measured on `sources` (the source layer, or its positions in the target
/// layer's geometry, [`Space::on_geometry_of`]) as NEST measures it. An expression draws
/// its random terms from `rng`.
pub(crate) fn kernel_at(
    kernel: &Kernel,
    sources: &Space,
    source: &crate::spatial::Point,
    target: &crate::spatial::Point,
    rng: &mut crate::rng::Stream,
) -> Result<f64> {
    match kernel {
        Kernel::Expression(e) => {
            let pair = sources.pair(source, target);
            e.value(&pair, &mut crate::synapse::StreamDraw(rng))
        }
        k => {
            let v = sources.displacement(source, target);
            Ok(k.value_at(v.norm(), v.x.abs(), v.y.abs()))
        }
    }
}

/// Connects the populations `ends` of projection `projection` (its name, for errors;
/// `projection_id` keys its random streams) by `spec`.
pub fn connect(
    projection: &str,
    spec: &ConnSpec,
    ends: &Endpoints,
    seed: Seed,
    projection_id: u64,
) -> Result<ByTarget> {
    connect_where(projection, spec, ends, seed, projection_id, &|_| true)
}

/// Which targets a rank keeps (`crate::distribution`): the others get no sources.
pub(crate) type Keep<'a> = &'a (dyn Fn(usize) -> bool + Sync);

/// [`connect`], keeping only the sources of the targets `keep` accepts (the others get
/// none), so each kept target gets the sources it gets from `connect`. The rules that
/// draw per target (`pairwise_bernoulli`, `fixed_indegree`, `fixed_total_number` with
/// multapses once its counts per target are drawn) draw only for those, from the same
/// streams, and `all_to_all` and `one_to_one` list only those; the rules whose streams
/// are per source (`fixed_outdegree`) or global (`fixed_total_number` without
/// multapses) draw everything, as their stream layout requires, but store only the
/// kept pairs. An error
/// is that of the lowest failing kept target (or source, for `fixed_outdegree`).
pub(crate) fn connect_where(
    projection: &str,
    spec: &ConnSpec,
    ends: &Endpoints,
    seed: Seed,
    projection_id: u64,
    keep: Keep<'_>,
) -> Result<ByTarget> {
    for (n, side) in [(ends.n_sources, "source"), (ends.n_targets, "target")] {
        if n >= u32::MAX as usize {
            return Err(Error::Resources(format!(
                "projection `{projection}`: {n} {side} neurons exceed the supported 2^32 − 1"
            )));
        }
    }
    if spec.use_on_source && !matches!(spec.rule, Rule::PairwiseBernoulli(_)) {
        return Err(Error::invalid(
            projection,
            "use_on_source",
            true,
            format!(
                "applies to pairwise_bernoulli only, not {}",
                spec.rule.name()
            ),
        ));
    }
    let on_grid = grid_mask_resolved(projection, spec, ends)?;
    let spec = on_grid.as_ref().unwrap_or(spec);
    let spatial = spatial(projection, spec, ends)?;
    match spec.rule {
        Rule::PairwiseBernoulli(p) => bernoulli::pairwise_bernoulli(
            projection,
            p,
            spec,
            ends,
            spatial.as_ref(),
            seed,
            projection_id,
            keep,
        ),
        Rule::FixedIndegree(k) => degree::fixed_indegree(
            projection,
            k,
            spec,
            ends,
            spatial.as_ref(),
            seed,
            projection_id,
            keep,
        ),
        Rule::AllToAll => Ok(total::all_to_all(spec, ends, keep)),
        Rule::OneToOne => total::one_to_one(projection, spec, ends, keep),
        Rule::FixedTotalNumber(n) => {
            total::fixed_total_number(projection, n, spec, ends, seed, projection_id, keep)
        }
        Rule::FixedOutdegree(k) => degree::fixed_outdegree(
            projection,
            k,
            spec,
            ends,
            spatial.as_ref(),
            seed,
            projection_id,
            keep,
        ),
    }
}

/// `spec` with its grid mask turned into the rectangle NEST makes of it on the layer
/// NEST applies it to (`MaskedLayer::check_mask_`): the target layer for
/// `pairwise_bernoulli` (NEST's `use_on_source = False`, a converse mask on the target
/// layer) and `fixed_outdegree`, the source layer otherwise; `None` without a grid mask.
fn grid_mask_resolved(
    projection: &str,
    spec: &ConnSpec,
    ends: &Endpoints,
) -> Result<Option<ConnSpec>> {
    let Some(mask) = spec.mask.as_ref().filter(|m| m.grid_shape().is_some()) else {
        return Ok(None);
    };
    let (space, side) = if spec.mask_on_target() {
        (ends.target_space, "target")
    } else {
        (ends.source_space, "source")
    };
    let Some(space) = space else {
        return Err(Error::invalid(
            projection,
            "mask",
            mask.shape(),
            format!("the {side} population is not spatial; a grid mask needs a grid layer"),
        ));
    };
    let mut resolved = spec.clone();
    resolved.mask = Some(space.resolve_mask(projection, mask)?);
    Ok(Some(resolved))
}

/// The checked spatial part of a projection, if it has a mask or kernel.
fn spatial<'a>(
    projection: &str,
    spec: &'a ConnSpec,
    ends: &Endpoints<'a>,
) -> Result<Option<Spatial<'a>>> {
    if spec.mask.is_none() && spec.kernel.is_none() {
        return Ok(None);
    }
    let param = if spec.mask.is_some() {
        "mask"
    } else {
        "kernel"
    };
    if !matches!(
        spec.rule,
        Rule::PairwiseBernoulli(_) | Rule::FixedIndegree(_) | Rule::FixedOutdegree(_)
    ) {
        return Err(Error::invalid(
            projection,
            param,
            spec.rule.name(),
            "a mask or kernel needs the rule pairwise_bernoulli, fixed_indegree or fixed_outdegree",
        ));
    }
    let space = |s: Option<&'a Space>, n: usize, side: &str| {
        match s {
        Some(s) if s.len() == n => Ok(s),
        Some(s) => Err(Error::invalid(
            projection,
            format!("{side} positions"),
            s.len(),
            format!("the {side} population has {n} neurons; give one position each"),
        )),
        None => Err(Error::invalid(
            projection,
            param,
            spec.mask.as_ref().map(|m| m.shape().clone()),
            format!("the {side} population is not spatial; give it positions (a layout) to use a mask or kernel"),
        )),
    }
    };
    let sources = space(ends.source_space, ends.n_sources, "source")?;
    let targets = space(ends.target_space, ends.n_targets, "target")?;
    if sources.dims() != targets.dims() {
        return Err(Error::invalid(
            projection,
            "positions",
            (sources.dims(), targets.dims()),
            "source and target layers must have the same number of dimensions",
        ));
    }
    if let Some(k) = &spec.kernel {
        k.validate(projection)?;
    }
    if let Some(m) = &spec.mask {
        // The mask is checked on the layer NEST checks it on (`MaskedLayer::check_mask_`):
        // the targets' for fixed_outdegree and for pairwise_bernoulli centred on the
        // source (whose sources NEST reads in the target layer's geometry).
        let on_target = match spec.rule {
            Rule::FixedOutdegree(_) => true,
            Rule::PairwiseBernoulli(_) => !spec.use_on_source,
            _ => false,
        };
        let selected = if on_target { targets } else { sources };
        check_compatible(projection, m, selected)?;
    }
    Ok(Some(Spatial {
        sources,
        targets,
        mask: spec.mask.as_ref(),
        kernel: spec.kernel.clone(),
    }))
}
