//! Running a description's `protocol` block on a loaded network: its `simulate` and
//! `set` statements in order, as the `run_protocol` method `network!` generates runs
//! them.

use crate::build::Loaded;
use network_core::{Error, Network, Result, Setting};
use network_syntax::description::SetValue;
use network_syntax::lowering::{rate_indices, total_time, Action, Target};

impl Loaded {
    /// The simulated time of the protocol, ms; `None` without one.
    pub fn protocol_ms(&self) -> Option<f64> {
        (!self.protocol.is_empty()).then(|| total_time(&self.protocol))
    }

    /// Runs the protocol, calling `simulate` for each `simulate` statement (with the
    /// network and the time, ms) so that a caller can show progress; the `set`
    /// statements between them change the network as NEST's `SetStatus` does.
    pub fn run_protocol_with(
        &mut self,
        mut simulate: impl FnMut(&mut Network, f64) -> Result<()>,
    ) -> Result<()> {
        let actions = self.protocol.clone();
        for a in &actions {
            match a {
                Action::Simulate(t) => simulate(&mut self.network, *t)?,
                Action::SetNeurons {
                    target,
                    param,
                    value,
                } => {
                    let population = |p: usize| &self.populations[p].1;
                    let selection = match target {
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
                        Target::Selection(_) => {
                            return Err(Error::Name(
                                "protocol: a mask selection cannot be set; please report this"
                                    .into(),
                            ))
                        }
                    };
                    self.network.set_neurons(&selection, param, *value)?;
                }
                Action::SetGenerator { name, param, value } => {
                    let g = find(&self.generators, name, "generator")?;
                    let value = match value {
                        SetValue::Number(v) => Setting::Number(*v),
                        SetValue::List(l) => Setting::List(l.clone()),
                    };
                    self.network.set_generator(&g, param, value)?;
                }
                Action::SetRecorder {
                    name,
                    multimeter: true,
                    param,
                    value,
                } => {
                    let m = find(&self.multimeters, name, "multimeter")?;
                    self.network.set_multimeter(&m, param, *value)?;
                }
                Action::SetRecorder {
                    name, param, value, ..
                } => {
                    let r = find(&self.spike_recorders, name, "spike recorder")?;
                    self.network.set_spike_recorder(&r, param, *value)?;
                }
                Action::SetWeight { field, value } => {
                    let p = find(&self.projections, field, "connection")?;
                    self.network.set_weight(&p, *value)?;
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
