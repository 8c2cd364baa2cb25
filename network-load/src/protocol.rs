//! Running a description's `protocol` block on a loaded network: its `simulate` and
//! `set` statements in order, as the `run_protocol` method `network!` generates runs
//! them.

use crate::build::{multimeter_params, spike_recorder_params, weight_recorder_params, Loaded};
use network_core::{Error, Network, ProjectionHandle, Result, Selection, Setting};
use network_syntax::description::SetValue;
use network_syntax::lowering::{rate_indices, total_time, Action, Recorder, RecorderType, Target};

impl Loaded {
    /// The simulated time of the protocol, ms; `None` without one.
    pub fn protocol_ms(&self) -> Option<f64> {
        (!self.protocol.is_empty()).then(|| total_time(&self.protocol))
    }

    /// Runs the protocol, calling `simulate` for each `simulate` statement (with the
    /// network and the time, ms) so that a caller can show progress; the `set`
    /// statements between them change the network as NEST's `SetStatus` does, and the
    /// `record` statements add recorders (listed with the build's from then on).
    pub fn run_protocol_with(
        &mut self,
        mut simulate: impl FnMut(&mut Network, f64) -> Result<()>,
    ) -> Result<()> {
        let actions = self.protocol.clone();
        // The mask selections the protocol binds, by slot.
        let mut selections: Vec<Option<Selection>> = Vec::new();
        for a in &actions {
            match a {
                Action::Simulate(t) => simulate(&mut self.network, *t)?,
                Action::SetNeurons {
                    target,
                    param,
                    value,
                } => {
                    let selection = self.selection(target, &selections)?;
                    self.network.set_neurons_to(&selection, param, value)?;
                }
                Action::Within(w) => {
                    let pop = &self.populations[w.population].1;
                    let selection = self.network.within(pop, &w.mask.mask, w.center)?;
                    selections.resize(selections.len().max(w.slot + 1), None);
                    selections[w.slot] = Some(selection);
                }
                Action::Record(r) => self.record(r, &selections)?,
                Action::SetGenerator { name, values } => {
                    let g = find(&self.generators, name, "generator")?;
                    let values: Vec<(&str, Setting)> = values
                        .iter()
                        .map(|(param, value)| (*param, setting(value)))
                        .collect();
                    self.network.set_generator_params(&g, &values)?;
                }
                Action::SetRecorder {
                    name,
                    kind,
                    param,
                    value,
                } => match kind {
                    RecorderType::Spikes => {
                        let r = find(&self.spike_recorders, name, "spike recorder")?;
                        self.network.set_spike_recorder(&r, param, *value)?;
                    }
                    RecorderType::Multimeter => {
                        let m = find(&self.multimeters, name, "multimeter")?;
                        self.network.set_multimeter(&m, param, *value)?;
                    }
                    RecorderType::Weights => {
                        let w = find(&self.weight_recorders, name, "weight recorder")?;
                        self.network.set_weight_recorder(&w, param, *value)?;
                    }
                },
                Action::SetWeight { field, value } => {
                    let p = find(&self.projections, field, "connection")?;
                    self.network.set_weight(&p, *value)?;
                }
                Action::SetSynapses { field, values } => {
                    let p = find(&self.projections, field, "connection")?;
                    let values: Vec<(&str, Setting)> = values
                        .iter()
                        .map(|(param, v)| (*param, setting(v)))
                        .collect();
                    self.network.set_synapse_states(&p, &values)?;
                }
                Action::ReadConnections {
                    name,
                    field,
                    columns,
                } => {
                    let p = find(&self.projections, field, "connection")?;
                    let table = self.network.read_connections(&p, columns)?;
                    let file = match self.record_files {
                        true => self.network.write_connection_table(name, &table)?,
                        false => None,
                    };
                    self.connection_reads.push((name.clone(), table, file));
                }
                Action::SetRate {
                    population,
                    select,
                    param,
                    value,
                } => {
                    let (_, p) = self.rate.populations.get(*population).ok_or_else(|| {
                        Error::Name(format!("protocol: no rate population #{population}"))
                    })?;
                    let indices = rate_indices(select);
                    self.network
                        .set_rate_neurons(p, indices.as_deref(), param, *value)?;
                }
                Action::SetRateMultimeter { name, param, value } => {
                    let m = find(&self.rate.multimeters, name, "multimeter on rate neurons")?;
                    self.network.set_rate_multimeter(&m, param, *value)?;
                }
            }
        }
        Ok(())
    }

    /// The neurons of `target`; a mask selection is one the protocol bound before.
    fn selection(&self, target: &Target, selections: &[Option<Selection>]) -> Result<Selection> {
        let population = |p: usize| &self.populations[p].1;
        Ok(match target {
            Target::All(p) => population(*p).all(),
            Target::Range {
                population: p,
                start,
                end,
            } => population(*p).range(*start..*end),
            Target::List {
                population: p,
                indices,
            } => population(*p).indices(indices),
            Target::Selection(slot) => selections
                .get(*slot)
                .cloned()
                .flatten()
                .ok_or_else(|| {
                    Error::Name(format!(
                        "protocol: mask selection #{slot} is used before it is made; please report this"
                    ))
                })?,
        })
    }

    /// Adds a recorder between runs; it is listed with those the build made.
    fn record(&mut self, r: &Recorder, selections: &[Option<Selection>]) -> Result<()> {
        let files = self.record_files;
        let targets = |targets: &[Target]| -> Result<Vec<Selection>> {
            targets
                .iter()
                .map(|t| self.selection(t, selections))
                .collect()
        };
        match r {
            Recorder::Spikes(r) => {
                let sources = targets(&r.targets)?;
                let params = spike_recorder_params(r, files);
                let h = self.network.add_spike_recorder(&r.name, params, &sources)?;
                for name in &r.generators {
                    let g = find(&self.generators, name, "generator")?;
                    self.network.add_record_generator(&h, &g)?;
                }
                self.spike_recorders.push((r.name.clone(), h));
            }
            Recorder::Multimeter(m) => {
                let sources = targets(&m.targets)?;
                let params = multimeter_params(m, files);
                let h = self.network.add_multimeter(&m.name, params, &sources)?;
                self.multimeters.push((m.name.clone(), h));
            }
            Recorder::Weights(w) => {
                let projections: Vec<ProjectionHandle> = w
                    .connections
                    .iter()
                    .map(|c| find(&self.projections, c, "connection"))
                    .collect::<Result<_>>()?;
                let all = |pops: &[usize]| -> Vec<Selection> {
                    pops.iter().map(|&p| self.populations[p].1.all()).collect()
                };
                let (senders, receivers) = (all(&w.senders), all(&w.targets));
                let params = weight_recorder_params(w, files);
                let h = self.network.add_weight_recorder(
                    &w.name,
                    params,
                    &projections,
                    &senders,
                    &receivers,
                )?;
                self.weight_recorders.push((w.name.clone(), h));
            }
        }
        Ok(())
    }

    /// Runs the protocol (see [`Loaded::run_protocol_with`]).
    pub fn run_protocol(&mut self) -> Result<()> {
        self.run_protocol_with(|net, t| net.simulate(t))
    }
}

/// The handle named `name`.
fn find<H: Copy>(parts: &[(String, H)], name: &str, what: &str) -> Result<H> {
    parts
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, h)| *h)
        .ok_or_else(|| Error::Name(format!("protocol: no {what} named `{name}`")))
}

/// A protocol's value as the engine's setters take it.
fn setting(value: &SetValue) -> Setting {
    match value {
        SetValue::Number(v) => Setting::Number(*v),
        SetValue::List(l) => Setting::List(l.clone()),
    }
}
