//! A synapse model's parameter drawn for every synapse of a projection (NEST's
//! `syn_spec={"U": nest.random.uniform(..)}`): each synapse keeps the value it drew, as
//! NEST keeps every parameter per synapse.

use crate::error::Result;
use crate::network::builder::initial::stream_key;
use crate::network::handles::ProjectionHandle;
use crate::network::runtime::Network;
use crate::rng::Purpose;
use crate::synapse::{SampleValue, Value};

impl Network {
    /// Draws the rule parameter `name` (`U`, `tau_rec`, `Wmax`, ..., in the units of
    /// `docs/models.md`) of every synapse of a projection from `value` (a random term;
    /// a constant sets all alike), each synapse's value checked as NEST checks it when
    /// connecting (the error names the synapse). The draws come from one stream per
    /// projection, parameter and target block, in the block's synapse order, so they
    /// depend on the seed alone, not on threads or processes. Made where the projection
    /// is, before the first run (the `network!` macro and the loader call it right
    /// after the build).
    pub fn draw_synapse_parameter(
        &mut self,
        projection: &ProjectionHandle,
        name: &str,
        value: &Value,
    ) -> Result<()> {
        // The name is checked (a rule parameter of this projection) before any draw.
        self.synapse_parameters(projection, name)?;
        let (p, k) = self.projection_slots[projection.index];
        let key = stream_key(projection.index, name);
        let seed = self.seed;
        let drawn: Vec<Vec<f64>> = self.incoming[p][k]
            .blocks()
            .iter()
            .enumerate()
            .map(|(b, block)| {
                let mut rng = seed.stream(Purpose::SynapseRule, key, b as u64);
                (0..block.targets.len())
                    .map(|_| value.sample(&mut rng))
                    .collect()
            })
            .collect::<Result<_>>()?;
        let slots = self.synapse_slots(projection);
        let values: Vec<f64> = slots.iter().map(|&(_, _, (b, i))| drawn[b][i]).collect();
        self.set_rule_parameter_per_synapse(projection, name, values, &slots)
    }
}
