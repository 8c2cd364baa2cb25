//! `NetworkBuilder::connect` and `connect_pairs`: projections between populations, by
//! connection rule or explicit pairs, handed to the placement step as they are added.

use super::slices::Parts;
use super::NetworkBuilder;
use crate::connect::Rule;
use crate::connect::{connect_where, ByTarget, ConnSpec, Endpoints};
use crate::engine::block::block_of;
use crate::error::{Error, Result};
use crate::network::canonical::Call;
use crate::network::handles::{PopulationHandle, ProjectionHandle, Selection};
use crate::network::placement::{place_projection, EdgeList, PairSpaces, ProjectionSite};
use crate::network::receptors::{check_nonnegative_weights, Event};
use crate::network::resources;
use crate::spatial::Space;
use crate::storage::Length;
use crate::synapse::{Synapse, Value};

/// How a projection's expressions of positions see each pair (see [`PairSpaces`]).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Measured {
    stored: [bool; 2],
    on_target: bool,
    /// Whether the sources are read in the target layer's geometry.
    source_view: bool,
}

impl Measured {
    /// How NEST measures the pairs of a projection made by `spec`; `same_layer`: the
    /// source and target populations are one.
    pub(super) fn of(spec: &ConnSpec, same_layer: bool) -> Self {
        // NEST hands its spatial parameters the position its tree stores (wrapped into
        // a periodic layer) on the side a mask query finds: the sources, whichever way
        // the mask is centred, except for fixed_outdegree, which queries the targets and
        // reads the sources from the same cached tree when they are the same layer.
        let found = match spec.rule {
            Rule::FixedOutdegree(_) => [same_layer, true],
            _ => [true, false],
        };
        // pairwise_bernoulli centred on the source reads the sources in the target
        // layer's geometry and measures on the target layer (`Space::on_geometry_of`).
        let bernoulli_on_target =
            matches!(spec.rule, Rule::PairwiseBernoulli(_)) && !spec.use_on_source;
        Measured {
            stored: if spec.mask.is_some() {
                found
            } else {
                [false; 2]
            },
            on_target: matches!(spec.rule, Rule::FixedOutdegree(_)) || bernoulli_on_target,
            source_view: bernoulli_on_target,
        }
    }

    /// The source positions in the geometry the pairs are read in, when it is not the
    /// source layer's own (pass it as the source of [`Measured::spaces`]).
    pub(super) fn source_view(self, source: &Space, target: &Space) -> Option<Space> {
        self.source_view
            .then(|| source.on_geometry_of(target))
            .flatten()
    }

    /// Where the pairs between `source` (or its [`Measured::source_view`]) and `target`
    /// are read.
    pub(super) fn spaces<'a>(self, source: &'a Space, target: &'a Space) -> PairSpaces<'a> {
        PairSpaces {
            source,
            target,
            stored: self.stored,
            on_target: self.on_target,
        }
    }
}

impl NetworkBuilder {
    /// Connects `source` to `target` with a connection rule (NEST's `Connect` with a
    /// `conn_spec`), through `synapse`. The connections are drawn now, in parallel, from
    /// streams keyed by the projection and the target (or source) neuron, so they depend
    /// on the seed alone. An impossible request is an error naming the projection and the
    /// neuron.
    pub fn connect<LS: Length, LT: Length>(
        &mut self,
        name: &str,
        source: &PopulationHandle<LS>,
        target: &PopulationHandle<LT>,
        spec: &ConnSpec,
        synapse: impl Into<Synapse>,
    ) -> Result<ProjectionHandle> {
        let synapse = synapse.into();
        self.note(
            Call::new("connect")
                .field("name", name)
                .field("source", source.index)
                .field("target", target.index)
                .debug("conn_spec", spec)
                .synapse(&synapse),
        );
        self.connect_parts(name, &source.all(), &target.all(), spec, &synapse)
    }

    /// Connects the neurons `source` to the neurons `target` (NEST's `Connect` on
    /// sliced NodeCollections, `Connect(pre[0:100], post[50:])`): the rule sees the
    /// slices alone (a `fixed_indegree` target draws from the source slice, a
    /// `one_to_one` pairs the slices' i-th neurons, a mask is placed at the slices'
    /// positions). Indices are increasing and distinct, as NEST's slices are.
    pub fn connect_selections(
        &mut self,
        name: &str,
        source: &Selection,
        target: &Selection,
        spec: &ConnSpec,
        synapse: impl Into<Synapse>,
    ) -> Result<ProjectionHandle> {
        let synapse = synapse.into();
        let mut call = Call::new("connect_selections")
            .field("name", name)
            .field("source", source.population)
            .field("target", target.population)
            .debug("conn_spec", spec)
            .synapse(&synapse);
        for (side, sel) in [("source_indices", source), ("target_indices", target)] {
            if let Some(list) = sel.indices() {
                call = call.debug(side, &list);
            }
        }
        self.note(call);
        self.connect_parts(name, source, target, spec, &synapse)
    }

    /// [`Self::connect`] on selections (the whole populations when not sliced).
    fn connect_parts(
        &mut self,
        name: &str,
        source: &Selection,
        target: &Selection,
        spec: &ConnSpec,
        synapse: &Synapse,
    ) -> Result<ProjectionHandle> {
        synapse.validate(name, &self.resolution)?;
        let parts = Parts::new(name, self, source, target, spec)?;
        let src = &self.population_info[source.population];
        let tgt = &self.population_info[target.population];
        let ends = Endpoints {
            n_sources: parts.sources.len(src.len),
            n_targets: parts.targets.len(tgt.len),
            same: parts.same(),
            source_space: parts.source_space.as_ref().or(src.space.as_deref()),
            target_space: parts.target_space.as_ref().or(tgt.space.as_deref()),
        };
        let id = self.projections.len() as u64;
        let mut estimate = resources::expected_synapses(spec, &ends);
        // On several ranks, this rank's share: the synapses onto its own targets.
        let ownership = self.ownership();
        let mut on = "";
        if ownership.distributed() {
            let owned = ownership.owned_neurons(target.population, tgt.len);
            estimate = (estimate as f64 * owned as f64 / tgt.len.max(1) as f64).ceil() as u64;
            on = " on this rank";
        }
        let blocks = ownership.owned_blocks(target.population, tgt.len);
        let (lasting, drawn) =
            resources::projection_bytes_on(estimate, src.len, tgt.len, blocks, synapse);
        // Checked before the rule draws; the exact count is checked again before assembly.
        self.memory.check(
            &format!(
                "projection `{name}` ({} by {}: about {estimate} synapses{on})",
                format_args!("{} -> {}", src.name, tgt.name),
                spec.rule.name()
            ),
            lasting,
            drawn,
        )?;
        // On several ranks, each draws the sources of its own targets only.
        let keep = |t: usize| ownership.owns(target.population, block_of(parts.targets.index(t)));
        let edges = connect_where(name, spec, &ends, self.seed, id, &keep)
            .map_err(|e| parts.local_numbers(e))?;
        let measured = Measured::of(spec, source.population == target.population);
        let edges = parts.widen(edges, tgt.len);
        let edges = EdgeList {
            offsets: &edges.offsets,
            sources: &edges.sources,
        };
        self.add_projection(
            name,
            source.population,
            target.population,
            edges,
            synapse,
            measured,
        )
    }

    /// Connects explicit pairs `(source index, target index)` through `synapse`, in the
    /// given order (NEST's `Connect` with arrays and `one_to_one`).
    pub fn connect_pairs<LS: Length, LT: Length>(
        &mut self,
        name: &str,
        source: &PopulationHandle<LS>,
        target: &PopulationHandle<LT>,
        pairs: &[(u32, u32)],
        synapse: impl Into<Synapse>,
    ) -> Result<ProjectionHandle> {
        let synapse = synapse.into();
        let (n_src, n_tgt) = (source.len.value(), target.len.value());
        self.note(
            Call::new("connect_pairs")
                .field("name", name)
                .field("source", source.index)
                .field("target", target.index)
                .synapse(&synapse),
        );
        let bytes: Vec<u8> = pairs
            .iter()
            .flat_map(|&(s, t)| s.to_le_bytes().into_iter().chain(t.to_le_bytes()))
            .collect();
        self.hash.add(&bytes);
        for &(s, t) in pairs {
            if s as usize >= n_src || t as usize >= n_tgt {
                return Err(Error::invalid(
                    name,
                    "pairs",
                    (s, t),
                    format!("indices must be below the sizes ({n_src}, {n_tgt})"),
                ));
            }
        }
        // On several ranks, this rank keeps the pairs onto its own blocks (the
        // placement step adds up the ranks' counts).
        let ownership = self.ownership();
        let owned: Vec<(u32, u32)>;
        let pairs = if ownership.distributed() {
            owned = pairs
                .iter()
                .copied()
                .filter(|&(_, t)| ownership.owns(target.index, block_of(t)))
                .collect();
            &owned[..]
        } else {
            pairs
        };
        let edges = ByTarget::from_pairs(&[pairs], n_tgt);
        self.add_projection(
            name,
            source.index,
            target.index,
            EdgeList {
                offsets: &edges.offsets,
                sources: &edges.sources,
            },
            &synapse,
            Measured::default(),
        )
    }

    /// Adds a projection whose sources per target are given as an edge list (target
    /// `t`'s sources are `sources[offsets[t]..offsets[t + 1]]`).
    fn add_projection(
        &mut self,
        name: &str,
        source: usize,
        target: usize,
        edges: EdgeList<'_>,
        synapse: &Synapse,
        measured: Measured,
    ) -> Result<ProjectionHandle> {
        self.check_name(name, "projection")?;
        synapse.validate(name, &self.resolution)?;
        self.receptor_channel(name, target, synapse.receptor_type(), Event::Spike)?;
        for param in synapse.target_parameters() {
            self.check_stdp_target(name, target, synapse.model(), param)?;
        }
        let mut base = synapse.base();
        if self.populations[target].counts_spikes()
            && matches!(synapse, Synapse::Static(_) | Synapse::StaticHomW(_))
        {
            // A parrot ignores weights: each spike counts once (plastic synapses keep
            // their weights and deliver the count, see `engine::plastic`).
            base.weight = Value::Constant(1.0);
        }
        let ownership = self.ownership();
        let owns_block = |b: usize| ownership.owns(target, b);
        let layers = self.population_info[source]
            .space
            .as_deref()
            .zip(self.population_info[target].space.as_deref());
        let view = layers.and_then(|(s, t)| measured.source_view(s, t));
        let site = ProjectionSite {
            name,
            id: self.projections.len() as u64,
            source,
            target,
            n_sources: self.population_info[source].len,
            n_targets: self.population_info[target].len,
            spaces: layers.map(|(s, t)| measured.spaces(view.as_ref().unwrap_or(s), t)),
            owns_block: &owns_block,
        };
        let synapses = edges.sources.len() as u64;
        let blocks = ownership.owned_blocks(target, site.n_targets);
        let (lasting, drawn) = resources::projection_bytes_on(
            synapses,
            site.n_sources,
            site.n_targets,
            blocks,
            synapse,
        );
        self.memory.reserve(
            &format!("projection `{name}` ({synapses} synapses)"),
            lasting,
            drawn,
        )?;
        let projection = place_projection(
            &site,
            edges,
            &base,
            synapse,
            &self.resolution,
            self.seed,
            &self.staging,
        )?;
        check_nonnegative_weights(name, &self.population_info[target], &projection)?;
        self.take_name(name, "projection");
        self.projections.push(projection);
        Ok(ProjectionHandle::new(self.projections.len() - 1))
    }

    /// The target of an STDP projection (`model`) must have `param` (`tau_minus`,
    /// NEST's ArchivingNode parameter): the postsynaptic trace decays with it.
    fn check_stdp_target(&self, name: &str, target: usize, model: &str, param: &str) -> Result<()> {
        let info = &self.population_info[target];
        match self.populations[target].param(param) {
            Some(_) => Ok(()),
            None => Err(Error::invalid(
                name,
                "synapse_model",
                model,
                format!(
                    "the target population `{}` ({}) has no {param}, which {model} needs; use a model with {param}",
                    info.name, info.model
                ),
            )),
        }
    }
}
