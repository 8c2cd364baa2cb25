//! Synapses between runs: NEST's `GetConnections` (source, target, weight, delay,
//! receptor and the rule's state of every synapse of a projection) and `SetStatus` on
//! their weights.

use crate::engine::block::block_start;
use crate::error::{Error, Result};
use crate::network::handles::ProjectionHandle;
use crate::network::runtime::Network;
use crate::time::TICS_PER_MS;

/// One synapse of a projection, as NEST's `GetConnections(...).get()` reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Connection {
    /// The presynaptic neuron: its index in the source population.
    pub source: u32,
    /// The postsynaptic neuron: its index in the target population.
    pub target: u32,
    /// The weight now (pA, mV onto `iaf_psc_delta`, nS onto conductance-based models);
    /// an STDP weight as after the last spike the synapse transmitted.
    pub weight: f64,
    /// The delay (ms), as NEST reports it (steps times the resolution).
    pub delay: f64,
    /// NEST's `receptor_type` (0: the weight's sign picks the channel).
    pub receptor: u16,
    /// The rule's state besides the weight, by NEST's names (`Kplus` of STDP; `x`, `y`,
    /// `u` of `tsodyks_synapse`; ...), as after the last spike it transmitted.
    pub state: Vec<(&'static str, f64)>,
}

/// Where a synapse is stored: its target block and its index among the block's
/// synapses.
type Slot = (usize, usize);

impl Network {
    /// Every synapse of a projection, sorted by source and target (synapses of the same
    /// pair in creation order), as NEST's `GetConnections` with `source`, `target`,
    /// `weight`, `delay`, `receptor` and the synapse model's state.
    pub fn connections(&self, projection: &ProjectionHandle) -> Vec<Connection> {
        let (p, k) = self.projection_slots[projection.index];
        let proj = &self.incoming[p][k];
        let blocks = self.populations[p].blocks_ref();
        let ms_per_step = self.resolution.tics_per_step() as f64 / TICS_PER_MS as f64;
        self.synapse_slots(projection)
            .into_iter()
            .map(|(source, target, (b, i))| {
                let block = &proj.blocks[b];
                let state = blocks[b].plastic.get(k).and_then(Option::as_ref);
                let weight = state
                    .and_then(|st| st.weight(i))
                    .or(proj.weight)
                    .unwrap_or_else(|| block.weights[i]);
                let delay = proj.delay(block, i);
                Connection {
                    source,
                    target,
                    weight,
                    delay: f64::from(delay) * ms_per_step,
                    receptor: proj.receptor_type,
                    state: state.map(|st| st.state(i)).unwrap_or_default(),
                }
            })
            .collect()
    }

    /// Sets the weight of every synapse of a projection (NEST's
    /// `SetStatus(GetConnections(...), {"weight": w})`), from the next step on.
    pub fn set_weight(&mut self, projection: &ProjectionHandle, weight: f64) -> Result<()> {
        let n = self.projection_info[projection.index].synapses;
        self.set_weights(projection, &vec![weight; n])
    }

    /// Sets the weight of each synapse of a projection, in the order of
    /// [`Network::connections`] (NEST's `SetStatus` with a list of weights), from the
    /// next step on. A `_hom` synapse model keeps one weight for the projection: set
    /// its synapses all alike ([`Network::set_weight`]).
    pub fn set_weights(&mut self, projection: &ProjectionHandle, weights: &[f64]) -> Result<()> {
        let info = &self.projection_info[projection.index];
        let entity = info.name.clone();
        if weights.len() != info.synapses {
            return Err(Error::invalid(
                &entity,
                "weight",
                weights.len(),
                format!("needs one weight per synapse ({})", info.synapses),
            ));
        }
        if let Some(&bad) = weights.iter().find(|w| !w.is_finite()) {
            return Err(Error::invalid(&entity, "weight", bad, "must be finite"));
        }
        let alike = weights.windows(2).all(|w| w[0].to_bits() == w[1].to_bits());
        if !alike && info.synapse_model.contains("_hom") {
            return Err(Error::invalid(
                &entity,
                "weight",
                weights,
                format!(
                    "{} keeps one weight for all its synapses (a common property in NEST): \
                     give them all the same weight",
                    info.synapse_model
                ),
            ));
        }
        let target = info.target;
        if self.populations[target].counts_spikes() {
            return Err(Error::invalid(
                &entity,
                "weight",
                weights.first(),
                "its targets are parrot neurons, which ignore weights",
            ));
        }
        let slots = self.synapse_slots(projection);
        let (p, k) = self.projection_slots[projection.index];
        let proj = &mut self.incoming[p][k];
        let blocks = self.populations[p].blocks();
        let in_state = proj
            .plastic
            .as_ref()
            .is_some_and(|rule| rule.owns_weights());
        if in_state {
            for (&(_, _, (b, i)), &w) in slots.iter().zip(weights) {
                if let Some(Some(state)) = blocks[b].plastic.get_mut(k) {
                    state.set_weight(i, w);
                }
            }
        } else if alike && !weights.is_empty() {
            proj.weight = Some(weights[0]);
            for block in &mut proj.blocks {
                block.weights = Vec::new();
            }
        } else {
            if let Some(w) = proj.weight.take() {
                for block in &mut proj.blocks {
                    block.weights = vec![w; block.targets.len()];
                }
            }
            for (&(_, _, (b, i)), &w) in slots.iter().zip(weights) {
                proj.blocks[b].weights[i] = w;
            }
        }
        Ok(())
    }

    /// Each synapse of a projection as `(source, target, slot)`, sorted by source and
    /// target, synapses of the same pair in creation order.
    fn synapse_slots(&self, projection: &ProjectionHandle) -> Vec<(u32, u32, Slot)> {
        let (p, k) = self.projection_slots[projection.index];
        let proj = &self.incoming[p][k];
        let mut out = Vec::with_capacity(proj.synapses);
        for (b, block) in proj.blocks.iter().enumerate() {
            for s in 0..block.row_start.len().saturating_sub(1) {
                for i in block.row_start[s] as usize..block.row_start[s + 1] as usize {
                    let target = block_start(b) as u32 + block.target(i) as u32;
                    out.push((s as u32, target, (b, i)));
                }
            }
        }
        out.sort_by_key(|&(s, t, _)| (s, t));
        out
    }
}
