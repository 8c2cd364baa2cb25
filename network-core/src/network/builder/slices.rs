//! Connections between slices of populations (NEST's `Connect(pre[0:100], post)`):
//! the rules draw on the slices as if they were populations of their own (local
//! indices, the slices' positions), and the edges are mapped back to the populations.

use super::NetworkBuilder;
use crate::connect::{ByTarget, ConnSpec, SameNeurons};
use crate::error::{Error, Result};
use crate::network::handles::Selection;
use crate::spatial::Space;

/// The neurons of one side: all of a population, or these indices of it.
pub(super) enum Side<'a> {
    /// Every neuron.
    All,
    /// Increasing, distinct indices.
    Some(&'a [u32]),
}

impl Side<'_> {
    /// The number of neurons, of a population of `len`.
    pub fn len(&self, len: usize) -> usize {
        match self {
            Side::All => len,
            Side::Some(list) => list.len(),
        }
    }

    /// The population index of local neuron `i`.
    pub fn index(&self, i: usize) -> u32 {
        match self {
            Side::All => i as u32,
            Side::Some(list) => list[i],
        }
    }
}

/// How the two sides of a projection share neurons.
enum Overlap {
    /// Two populations.
    None,
    /// One population, the same neurons on both sides in the same order.
    Identity,
    /// Different slices of one population: per local target its local source, per
    /// local source its local target, where the neuron is on both sides.
    Map {
        source_of: Vec<Option<u32>>,
        target_of: Vec<Option<u32>>,
    },
}

impl Overlap {
    /// The overlap of two increasing index lists of one population (a merge); `None` of
    /// the whole population.
    fn of(sources: Option<&[u32]>, targets: Option<&[u32]>, len: usize) -> Self {
        let all: Vec<u32>;
        let (s, t) = match (sources, targets) {
            (Some(s), Some(t)) => (s, t),
            (s, t) => {
                all = (0..len as u32).collect();
                (s.unwrap_or(&all), t.unwrap_or(&all))
            }
        };
        let (mut source_of, mut target_of) = (vec![None; t.len()], vec![None; s.len()]);
        let (mut i, mut j) = (0, 0);
        while i < s.len() && j < t.len() {
            match s[i].cmp(&t[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    source_of[j] = Some(i as u32);
                    target_of[i] = Some(j as u32);
                    i += 1;
                    j += 1;
                }
            }
        }
        Overlap::Map {
            source_of,
            target_of,
        }
    }
}

/// Both sides of a projection between selections, checked.
pub(super) struct Parts<'a> {
    pub sources: Side<'a>,
    pub targets: Side<'a>,
    /// Which sides are one population: not, as a whole (or equal slices: local source
    /// i is local target i), or as overlapping slices ([`Parts::same`]).
    overlap: Overlap,
    /// The slices' positions, for a sliced spatial population.
    pub source_space: Option<Space>,
    pub target_space: Option<Space>,
}

impl<'a> Parts<'a> {
    /// Checks the selections of projection `name`: indices within their populations,
    /// increasing and distinct; on one population with autapses excluded, finds which
    /// source is which target (NEST excludes a pair of one node with itself).
    pub fn new(
        name: &str,
        b: &NetworkBuilder,
        source: &'a Selection,
        target: &'a Selection,
        spec: &ConnSpec,
    ) -> Result<Self> {
        let side = |sel: &'a Selection, what: &str| -> Result<Side<'a>> {
            let info = b.population_info.get(sel.population).ok_or_else(|| {
                Error::Name(format!(
                    "projection `{name}`: population #{} does not exist",
                    sel.population
                ))
            })?;
            let Some(list) = sel.indices() else {
                return Ok(Side::All);
            };
            if let Some(w) = list.windows(2).find(|w| w[0] >= w[1]) {
                return Err(Error::invalid(
                    name,
                    what,
                    (w[0], w[1]),
                    "a slice's indices must increase (each neuron once), as NEST's are",
                ));
            }
            if let Some(&bad) = list.iter().find(|&&i| i as usize >= info.len) {
                return Err(Error::invalid(
                    name,
                    what,
                    bad,
                    format!(
                        "`{}` has {} neurons (indices 0..{})",
                        info.name, info.len, info.len
                    ),
                ));
            }
            Ok(Side::Some(list))
        };
        let sources = side(source, "source index")?;
        let targets = side(target, "target index")?;
        let overlap = if source.population != target.population {
            Overlap::None
        } else if source.indices() == target.indices() {
            Overlap::Identity
        } else if spec.allow_autapses {
            // Only the autapse test reads the overlap.
            Overlap::None
        } else {
            let len = b.population_info[source.population].len;
            Overlap::of(source.indices(), target.indices(), len)
        };
        let subspace = |sel: &Selection, side: &Side| -> Result<Option<Space>> {
            let info = &b.population_info[sel.population];
            match (side, &info.space) {
                (Side::Some(list), Some(space)) => Space::new(
                    &info.name,
                    space.dims(),
                    list.iter()
                        .map(|&i| space.positions()[i as usize])
                        .collect(),
                    *space.center(),
                    *space.extent(),
                    space.edge_wrap(),
                )
                // A slice of a grid layer is still that grid (NEST's sliced layer).
                .map(|s| match space.grid() {
                    Some(g) => Some(s.with_grid(g.to_vec())),
                    None => Some(s),
                }),
                _ => Ok(None),
            }
        };
        let source_space = subspace(source, &sources)?;
        let target_space = subspace(target, &targets)?;
        Ok(Parts {
            sources,
            targets,
            overlap,
            source_space,
            target_space,
        })
    }

    /// Which local sources are which local targets.
    pub fn same(&self) -> SameNeurons<'_> {
        match &self.overlap {
            Overlap::None => SameNeurons::None,
            Overlap::Identity => SameNeurons::Identity,
            Overlap::Map {
                source_of,
                target_of,
            } => SameNeurons::Map {
                source_of,
                target_of,
            },
        }
    }

    /// `e`, a rule's error, saying that the neurons it names are numbered within the
    /// slices when a side is one.
    pub fn local_numbers(&self, e: Error) -> Error {
        match (e, &self.sources, &self.targets) {
            (e, Side::All, Side::All) => e,
            (
                Error::Connection {
                    projection,
                    message,
                },
                ..,
            ) => Error::Connection {
                projection,
                message: format!(
                    "{message} (neurons numbered from 0 within the source and target slices)"
                ),
            },
            (e, ..) => e,
        }
    }

    /// The edges drawn on the slices, by target of the whole target population
    /// (`n_targets` neurons) and with the source population's indices.
    pub fn widen(&self, local: ByTarget, n_targets: usize) -> ByTarget {
        if let (Side::All, Side::All) = (&self.sources, &self.targets) {
            return local;
        }
        let mut counts = vec![0usize; n_targets + 1];
        for t in 0..local.n_targets() {
            counts[self.targets.index(t) as usize + 1] = local.sources_of(t).len();
        }
        for t in 0..n_targets {
            counts[t + 1] += counts[t];
        }
        let mut sources = vec![0u32; local.len()];
        for t in 0..local.n_targets() {
            let start = counts[self.targets.index(t) as usize];
            for (k, &s) in local.sources_of(t).iter().enumerate() {
                sources[start + k] = self.sources.index(s as usize);
            }
        }
        ByTarget {
            offsets: counts,
            sources,
        }
    }
}
