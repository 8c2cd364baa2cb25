//! `NetworkBuilder::connect`: connection rules between populations.

use super::builder::NetworkBuilder;
use super::handles::{PopulationHandle, ProjectionHandle};
use super::resources;
use crate::connect::{connect, ConnSpec, Endpoints};
use crate::error::Result;
use crate::storage::Length;
use crate::synapse::Synapse;

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
        self.note(format_args!(
            "connect {name} {} {} {spec:?} {synapse:?}",
            source.index, target.index
        ));
        synapse.validate(name, &self.resolution)?;
        let src = &self.population_info[source.index];
        let tgt = &self.population_info[target.index];
        let ends = Endpoints {
            n_sources: src.len,
            n_targets: tgt.len,
            same_population: source.index == target.index,
            source_space: src.space.as_deref(),
            target_space: tgt.space.as_deref(),
        };
        let id = self.projections.len() as u64;
        let estimate = resources::expected_synapses(spec, &ends);
        let (lasting, drawn) = resources::projection_bytes(estimate, src.len, tgt.len, &synapse);
        // Checked before the rule draws; the exact count is checked again before assembly.
        self.memory.check(
            &format!(
                "projection `{name}` ({} by {}: about {estimate} synapses)",
                format_args!("{} -> {}", src.name, tgt.name),
                spec.rule.name()
            ),
            lasting,
            drawn,
        )?;
        let edges = connect(name, spec, &ends, self.seed, id)?;
        self.add_projection(
            name,
            source.index,
            target.index,
            &edges.offsets,
            &edges.sources,
            &synapse,
        )
    }
}
