//! Synapses between runs: NEST's `GetConnections` (source, target, weight, delay,
//! receptor and the rule's state of every synapse of a projection) and `SetStatus` on
//! their weights and plastic state.

use super::synapse_order::{slots_in, Slot};
use super::Setting;
use crate::engine::projection::Weights;
use crate::error::{closest, Error, Result};
use crate::network::handles::ProjectionHandle;
use crate::network::runtime::Network;
use crate::spec::registry::SynapseModel;
use crate::time::TICS_PER_MS;

/// Values of one state variable for synapses of one block: `(synapse in the block, value)`.
type Settings = Vec<(usize, f64)>;

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

impl Network {
    /// Every synapse of a projection, sorted by source and target (synapses of the same
    /// pair by delay, then in creation order), as NEST's `GetConnections` with `source`, `target`,
    /// `weight`, `delay`, `receptor` and the synapse model's state.
    pub fn connections(&self, projection: &ProjectionHandle) -> Vec<Connection> {
        let (p, k) = self.projection_slots[projection.index];
        let proj = &self.incoming[p][k];
        // Rebuilt once where the projection is delivered at arrival.
        let synapses = proj.blocks();
        let blocks = self.populations[p].blocks_ref();
        let ms_per_step = self.resolution.tics_per_step() as f64 / TICS_PER_MS as f64;
        slots_in(&synapses)
            .into_iter()
            .map(|(source, target, (b, i))| {
                let block = &synapses[b];
                let state = blocks[b].plastic.get(k).and_then(Option::as_ref);
                let weight = state
                    .and_then(|st| st.weight(i))
                    .or(proj.weight)
                    .unwrap_or_else(|| block.weights.get(i));
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
        let (p, k) = self.projection_slots[projection.index];
        if let Some(rule) = &self.incoming[p][k].plastic {
            for (&w, (_, _, (b, i))) in weights.iter().zip(self.synapse_slots(projection)) {
                rule.check_weight_of(&entity, b, i, w)?;
            }
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
        let (p, k) = self.projection_slots[projection.index];
        // Back to its blocks first: the slots are then read from them, not rebuilt.
        self.leave_arrivals(p);
        let slots = self.synapse_slots(projection);
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
            for block in proj.blocks_mut() {
                block.weights = Weights::default();
            }
        } else {
            if let Some(w) = proj.weight.take() {
                for block in proj.blocks_mut() {
                    block.weights = Weights::repeat(w, block.targets.len());
                }
            }
            for (&(_, _, (b, i)), &w) in slots.iter().zip(weights) {
                proj.blocks_mut()[b].weights.set(i, w);
            }
        }
        Ok(())
    }

    /// Sets a state variable of the synapses of a plastic projection between runs
    /// (NEST's `conns.set(Kplus=...)`), from the next step on: `Kplus` of the STDP
    /// models (`Kplus_triplet` too of `stdp_triplet_synapse`), `x`, `y`, `u` of
    /// `tsodyks_synapse`, `x`, `u` of `tsodyks2_synapse`, `u` and `a` of
    /// `quantal_stp_synapse`; `weight` as [`Network::set_weights`]; `delay` (ms) and the
    /// rule's parameters (`U`, `tau_rec`, `Wmax`, ... in the units of `docs/models.md`),
    /// see [`Network::set_synapse_states`]. One number sets every synapse alike, a list
    /// one value per synapse in the order of [`Network::connections`]. NEST's checks
    /// apply (`u` in [0, 1], `Kplus` >= 0, `x + y` <= 1 for `tsodyks_synapse`, `a` a
    /// non-negative integer); the error names the projection, the parameter and the
    /// value.
    pub fn set_synapse_state(
        &mut self,
        projection: &ProjectionHandle,
        name: &str,
        value: impl Into<Setting>,
    ) -> Result<()> {
        self.set_synapse_states(projection, &[(name, value.into())])
    }

    /// Sets several values of a projection's synapses together, as one NEST `SetStatus`
    /// with a dictionary does: the checks see the new values of all of them (`x` and `y`
    /// of `tsodyks_synapse` may move together), and nothing changes when one is invalid.
    /// Besides the state of [`Network::set_synapse_state`] and `weight`:
    ///
    /// - `delay` (ms): rounded to steps as NEST does, one per synapse or one for all.
    ///   Outside the kernel's `min_delay` and `max_delay` ([`Network::min_delay_steps`],
    ///   [`Network::max_delay_steps`]) it widens them before the first run, as NEST's
    ///   delay checker does, unless the user set them (then, after the first `Simulate`,
    ///   and on a network with rate neurons it is an error: NEST's "Minimum and maximum
    ///   delay cannot be changed after Simulate has been called").
    /// - a parameter of the rule (`U`, `tau_rec`, `tau_fac`, `tau_psc` of the Tsodyks
    ///   models, `Wmax`, `lambda`, `alpha`, `mu_plus`, ... of STDP, `p_transmit`, ...):
    ///   checked as when connecting (the model's table and NEST's checks), one number
    ///   for all synapses or one per synapse (each synapse then keeps a rule of its own,
    ///   as NEST keeps every parameter per synapse; [`Network::synapse_parameters`]
    ///   reads them back). A common property of a `_hom` model (its `tau_plus`,
    ///   `Wmax`, ...) is refused, as NEST refuses it through a connection (it belongs to
    ///   the synapse model).
    /// - `receptor_type` and `synapse_model` are refused, as NEST refuses them.
    pub fn set_synapse_states(
        &mut self,
        projection: &ProjectionHandle,
        values: &[(&str, Setting)],
    ) -> Result<()> {
        let info = self.projection_info.get(projection.index).ok_or_else(|| {
            Error::Name(format!(
                "projection #{} does not exist in this network",
                projection.index
            ))
        })?;
        let entity = info.name.clone();
        let n = info.synapses;
        let model = info.synapse_model.clone();
        let spec = SynapseModel::from_name(&model);
        let common = spec.map_or(&[][..], |m| m.common());
        let table = spec.map_or(&[][..], |m| m.parameters());
        let (p, k) = self.projection_slots[projection.index];
        let rule = self.incoming[p][k].plastic.as_deref();
        // the values per name, one per synapse in the order of `connections`
        let mut weight = None;
        let mut delays = None;
        let mut parameters: Vec<(&str, Vec<f64>)> = Vec::new();
        let mut sets: Vec<(&'static str, Vec<f64>)> = Vec::new();
        let slots = self.synapse_slots(projection);
        let blocks = self.populations[p].blocks_ref();
        let names: &'static [&'static str] = rule.map_or(&[], |r| r.state_names());
        let rule_parameters = rule.map(|r| r.parameter_names()).unwrap_or_default();
        for (name, setting) in values {
            let shown = match setting {
                Setting::Number(v) => format!("{v}"),
                Setting::List(list) => format!("{list:?}"),
            };
            let per_synapse = match setting {
                Setting::Number(v) => vec![*v; n],
                Setting::List(list) if list.len() == n => list.clone(),
                Setting::List(list) => {
                    return Err(Error::invalid(
                        &entity,
                        name,
                        list,
                        format!("needs one value per synapse ({n}) or one number for all"),
                    ))
                }
            };
            if *name == "weight" {
                weight = Some(per_synapse);
                continue;
            }
            if *name == "delay" {
                delays = Some(self.delay_steps_of(&entity, &per_synapse)?);
                continue;
            }
            if let Some(&known) = names.iter().find(|&&s| s == *name) {
                sets.retain(|(n, _)| *n != known);
                sets.push((known, per_synapse));
                continue;
            }
            if common.contains(name) {
                return Err(invalid_text(
                    &entity,
                    name,
                    shown,
                    format!(
                        "a common property of {model}: NEST keeps it in the synapse model, \
                         not in each connection, and refuses it in `conns.set` \
                         (\"Unaccessed elements in params\"); give it where the projection \
                         is made (NEST: CopyModel or SetDefaults before Connect)"
                    ),
                )
                .with_units(table));
            }
            if rule_parameters.contains(name) {
                parameters.retain(|(n, _)| n != name);
                parameters.push((name, per_synapse));
                continue;
            }
            let settable = ["weight", "delay"]
                .into_iter()
                .chain(names.iter().copied())
                .chain(
                    rule_parameters
                        .iter()
                        .copied()
                        .filter(|p| !names.contains(p) && !common.contains(p)),
                )
                .collect::<Vec<_>>();
            if [
                "receptor_type",
                "receptor",
                "synapse_model",
                "source",
                "target",
            ]
            .contains(name)
            {
                return Err(invalid_text(
                    &entity,
                    name,
                    shown,
                    format!(
                        "fixed once the synapses are made (NEST refuses it in `conns.set`: \
                         \"Unaccessed elements in params\"); what can be set between runs: {}",
                        settable.join(", ")
                    ),
                ));
            }
            return Err(Error::UnknownParameter {
                entity: format!("{entity} ({model}; settable: {})", settable.join(", ")),
                param: name.to_string(),
                suggestion: closest(name, &settable).map(str::to_string),
            });
        }
        // the rule with its new parameters, checked with the weights as they will be
        let new_rule = match rule {
            Some(rule) if !parameters.is_empty() => {
                let current = self.connections(projection);
                let weights: Vec<f64> = weight
                    .clone()
                    .unwrap_or_else(|| current.iter().map(|c| c.weight).collect());
                let places: Vec<(usize, usize)> = slots.iter().map(|&(_, _, at)| at).collect();
                let block_lens: Vec<usize> = self.incoming[p][k]
                    .blocks()
                    .iter()
                    .map(|b| b.targets.len())
                    .collect();
                let synapse = |j: usize| synapse_entity(&entity, &slots, j);
                let new = rule.with_synapse_parameters(
                    synapse,
                    &parameters,
                    &places,
                    &block_lens,
                    &weights,
                )?;
                let more = new.varied_bytes().saturating_sub(rule.varied_bytes()) as u64;
                self.memory.check(
                    &format!("the synapses' own parameters of {entity}"),
                    more,
                    0,
                )?;
                Some((new, more))
            }
            _ => None,
        };
        // every synapse's new state, checked before anything changes
        for (j, &(_, _, (b, i))) in slots.iter().enumerate() {
            if sets.is_empty() {
                break;
            }
            let state = blocks[b].plastic[k]
                .as_ref()
                .expect("a plastic projection keeps state in each block it reaches");
            let mut new = state.state(i);
            for (name, v) in &sets {
                for entry in new.iter_mut().filter(|(n, _)| n == name) {
                    entry.1 = v[j];
                }
            }
            if let Err((name, value, reason)) = state.check_state(&new) {
                return Err(Error::invalid(
                    synapse_entity(&entity, &slots, j),
                    name,
                    value,
                    reason,
                ));
            }
        }
        // the new rule first, so that the weights are checked against it
        let (new_rule, more) = match new_rule {
            Some((new, more)) => (Some(new), more),
            None => (None, 0),
        };
        // each block's synapses' new values of each state variable
        let per_block: Vec<(&str, Vec<Settings>)> = sets
            .iter()
            .map(|(name, v)| {
                let mut settings = vec![Vec::new(); blocks.len()];
                for (&(_, _, (b, i)), &value) in slots.iter().zip(v.iter()) {
                    settings[b].push((i, value));
                }
                (*name, settings)
            })
            .collect();
        // STDP synapses sharing a row's trace that part keep one trace each from then on
        let rule = new_rule.as_ref().or(self.incoming[p][k].plastic.as_deref());
        let kplus = per_block.iter().find(|(name, _)| *name == "Kplus");
        let parting: u64 = blocks
            .iter()
            .enumerate()
            .filter_map(|(b, block)| {
                let state = block.plastic.get(k)?.as_ref()?;
                let settings = kplus.map(|(_, per)| per[b].as_slice());
                Some(state.parting_bytes(rule.is_some_and(|r| r.varies_in(b)), settings))
            })
            .sum();
        self.memory.check(
            &format!(
                "projection `{entity}` with a presynaptic trace per synapse (its synapses \
                 from one source share one until `Kplus` differs between them or their \
                 parameters do)"
            ),
            parting,
            more,
        )?;
        let old_rule = new_rule.map(|new| self.incoming[p][k].plastic.replace(Box::new(new)));
        if let Some(w) = weight {
            if let Err(e) = self.set_weights(projection, &w) {
                if let Some(old) = old_rule {
                    self.incoming[p][k].plastic = old;
                }
                return Err(e);
            }
        }
        // the synapses' own rules, once nothing can fail
        self.memory.committed += more + parting;
        let rule = self.incoming[p][k].plastic.as_deref();
        let blocks = self.populations[p].blocks();
        for (b, block) in blocks.iter_mut().enumerate() {
            if let Some(Some(state)) = block.plastic.get_mut(k) {
                // Rules of their own part the rows now, as counted above (and once).
                if rule.is_some_and(|rule| rule.varies_in(b)) {
                    state.each_synapse();
                }
            }
        }
        for (name, per_block) in &per_block {
            // Each block's synapses at once: a row of STDP synapses set whole keeps
            // its one trace.
            for (block, settings) in blocks.iter_mut().zip(per_block) {
                if let Some(Some(state)) = block.plastic.get_mut(k) {
                    if !settings.is_empty() {
                        state.set_state(settings, name);
                    }
                }
            }
        }
        if let Some((_, extrema)) = &delays {
            self.widen_delay_extrema(*extrema);
        }
        if delays.is_some() {
            self.leave_arrivals(p);
        }
        let proj = &mut self.incoming[p][k];
        if let Some((steps, _)) = delays {
            let mut per_block: Vec<Vec<u16>> = proj
                .blocks()
                .iter()
                .map(|b| vec![0; b.targets.len()])
                .collect();
            for (&(_, _, (b, i)), d) in slots.iter().zip(steps) {
                per_block[b][i] = d;
            }
            proj.store_delays(per_block);
        }
        Ok(())
    }

    /// Sets rule parameter `name` of a projection's synapses here to `values`, one per
    /// synapse of `slots` ([`Network::synapse_slots`]), each checked as NEST checks it.
    pub(super) fn set_rule_parameter_per_synapse(
        &mut self,
        projection: &ProjectionHandle,
        name: &str,
        values: Vec<f64>,
        slots: &[(u32, u32, Slot)],
    ) -> Result<()> {
        let entity = self.projection_info[projection.index].name.clone();
        let (p, k) = self.projection_slots[projection.index];
        let weights: Vec<f64> = self
            .connections(projection)
            .iter()
            .map(|c| c.weight)
            .collect();
        let proj = &self.incoming[p][k];
        let Some(rule) = proj.plastic.as_deref() else {
            return Ok(());
        };
        let places: Vec<Slot> = slots.iter().map(|&(_, _, at)| at).collect();
        let block_lens: Vec<usize> = proj.blocks().iter().map(|b| b.targets.len()).collect();
        let new = rule.with_synapse_parameters(
            |j| synapse_entity(&entity, slots, j),
            &[(name, values)],
            &places,
            &block_lens,
            &weights,
        )?;
        // the synapses' own rules count in the estimate: an error before anything
        // changes when they would not fit the memory limit
        let more = new.varied_bytes().saturating_sub(rule.varied_bytes()) as u64;
        self.memory.reserve(
            &format!("the synapses' own parameters of {entity}"),
            more,
            0,
        )?;
        self.incoming[p][k].plastic = Some(Box::new(new));
        Ok(())
    }

    /// The value of a rule parameter of a projection's synapses (`U`, `tau_rec`,
    /// `Wmax`, ..., in the units of `docs/models.md`) when all of them share it; an error
    /// saying to read each when they differ ([`Network::synapse_parameters`]).
    pub fn synapse_parameter(&self, projection: &ProjectionHandle, name: &str) -> Result<f64> {
        let values = self.synapse_parameters(projection, name)?;
        let (p, k) = self.projection_slots[projection.index];
        let shared = self.incoming[p][k]
            .plastic
            .as_deref()
            .and_then(|r| r.parameter(name));
        match values.first() {
            None => Ok(shared.unwrap_or(f64::NAN)),
            Some(&v) if values.iter().all(|x| x.to_bits() == v.to_bits()) => Ok(v),
            Some(_) => Err(Error::invalid(
                &self.projection_info[projection.index].name,
                name,
                format!("{values:?}"),
                "differs between synapses; read each with `synapse_parameters` or `read_connections`",
            )),
        }
    }

    /// A rule parameter of every synapse of a projection, in the order of
    /// [`Network::connections`], as NEST's `GetConnections(...).get(name)` reports it
    /// (units of `docs/models.md`).
    pub fn synapse_parameters(
        &self,
        projection: &ProjectionHandle,
        name: &str,
    ) -> Result<Vec<f64>> {
        let info = &self.projection_info[projection.index];
        let (p, k) = self.projection_slots[projection.index];
        let rule = self.incoming[p][k].plastic.as_deref();
        let names = rule.map(|r| r.parameter_names()).unwrap_or_default();
        match rule {
            Some(rule) if names.contains(&name) => Ok(self
                .synapse_slots(projection)
                .into_iter()
                .map(|(_, _, (b, i))| rule.parameter_of(b, i, name).unwrap_or(f64::NAN))
                .collect()),
            _ => Err(Error::UnknownParameter {
                entity: format!("{} ({})", info.name, info.synapse_model),
                param: name.to_string(),
                suggestion: closest(name, &names).map(str::to_string),
            }),
        }
    }

    /// Each synapse of a projection as `(source, target, slot)`, sorted by source and
    /// target, synapses of the same pair by delay, then in creation order.
    pub(super) fn synapse_slots(&self, projection: &ProjectionHandle) -> Vec<(u32, u32, Slot)> {
        let (p, k) = self.projection_slots[projection.index];
        let proj = &self.incoming[p][k];
        slots_in(&proj.blocks())
    }
}

/// A projection's name, with the synapse (its index among `slots`, source and target)
/// when it has more than one.
fn synapse_entity(entity: &str, slots: &[(u32, u32, Slot)], j: usize) -> String {
    match slots.len() > 1 {
        true => format!(
            "{entity} (synapse {j}: source {}, target {})",
            slots[j].0, slots[j].1
        ),
        false => entity.to_string(),
    }
}

/// An [`Error::InvalidParameter`] whose value is written as given (`4.5 ms`, a list).
fn invalid_text(
    entity: impl std::fmt::Display,
    param: impl std::fmt::Display,
    value: String,
    reason: impl std::fmt::Display,
) -> Error {
    Error::InvalidParameter {
        entity: entity.to_string(),
        param: param.to_string(),
        value,
        reason: reason.to_string(),
    }
}
