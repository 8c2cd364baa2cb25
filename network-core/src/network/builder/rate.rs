//! `NetworkBuilder::rate_population` and friends: populations of NEST's rate neurons,
//! the rate connections between them, multimeters on them and the kernel's
//! waveform-relaxation settings. Rate neurons have handles of their own, so a spike
//! connection onto a rate neuron (or a rate connection onto a spiking one), which NEST
//! refuses, cannot be written.

use super::NetworkBuilder;
use crate::devices::Multimeter;
use crate::distribution::rate::{owned, Share};
use crate::distribution::Communicator;
use crate::engine::rate::{
    RateBuffers, RateEdge, RateMeter, RatePopulation, RatePopulationDyn, RateSystem, Relaxation,
};
use crate::error::{Error, Result};
use crate::models::rate::{RateNonlinearity, RatePropagators};
use crate::network::canonical::Call;
use crate::network::recording::MeterRuntime;
use crate::rng::Purpose;
use network_spec::rate::{WaveformRelaxation, RATE_RECORDABLES};
use std::sync::Arc;

/// A population of rate neurons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RatePopulationHandle {
    pub(super) index: usize,
    pub(super) len: usize,
}

impl RatePopulationHandle {
    /// The number of neurons.
    pub fn len(&self) -> usize {
        self.len
    }
    /// Whether it has no neurons (never: a population has at least one).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// Index among the rate populations, in creation order.
    pub fn index(&self) -> usize {
        self.index
    }
}

/// A multimeter on rate neurons; its samples are `Network::rate_samples(&handle)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RateMultimeterHandle(pub(crate) usize);

/// A rate connection model with its parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RateConnection {
    /// `rate_connection_delayed`: `weight`, `delay` (ms).
    Delayed {
        /// The weight (its sign picks excitatory or inhibitory input).
        weight: f64,
        /// The delay (ms), rounded to the nearest step.
        delay: f64,
    },
    /// `rate_connection_instantaneous`: `weight`.
    Instantaneous {
        /// The weight (its sign picks excitatory or inhibitory input).
        weight: f64,
    },
}

/// Which sources reach which targets.
#[derive(Debug, Clone, PartialEq)]
pub enum RateRule {
    /// Every source to every target (NEST's `all_to_all`).
    AllToAll,
    /// Source `i` to target `i` (NEST's `one_to_one`; equal sizes).
    OneToOne,
    /// These (source, target) index pairs, in this order.
    Pairs(Vec<(u32, u32)>),
}

/// What the builder collects about rate neurons.
#[derive(Default)]
pub(crate) struct RateDeclarations {
    populations: Vec<Box<dyn RatePopulationDyn>>,
    first_node_ids: Vec<u32>,
    names: Vec<String>,
    /// (source population, source, edge), in creation order.
    edges: Vec<(usize, u32, RateEdge, bool)>,
    meters: Vec<RateMeter>,
    /// Each multimeter's samples, window and file, as a spiking multimeter's.
    pub recording: Vec<MeterRuntime>,
    relaxation: WaveformRelaxation,
    /// Per population, its positions when it was placed by a layout
    /// (`spatial_rate_population`).
    pub spaces: Vec<Option<std::sync::Arc<crate::spatial::Space>>>,
    /// Rate connection statements so far (keys the streams of their rules and values).
    pub connections: u64,
    /// The end of the last rate population's node ids.
    pub next_node_id: u32,
}

impl NetworkBuilder {
    /// Adds a population of `len` rate neurons with parameters `params`
    /// (`LinRateIpn`, `TanhRateIpn`, `ThresholdLinRateIpn`, `SigmoidRateIpn`).
    pub fn rate_population<M: RateNonlinearity>(
        &mut self,
        name: &str,
        params: M,
        len: usize,
    ) -> Result<RatePopulationHandle> {
        self.check_name(name, "population")?;
        let mut call = Call::new("rate_population")
            .field("name", name)
            .field("nest_model", M::NAME)
            .field("size", len);
        for p in M::PARAMETERS {
            if let Some(v) = params.get(p.name) {
                call = call.field(p.name, v);
            }
        }
        self.note(call);
        if len == 0 {
            return Err(Error::invalid(
                name,
                "size",
                0,
                "a population needs at least one neuron",
            ));
        }
        params.validate(name)?;
        let first_node_id = self.next_node_id(name, len)?;
        let index = self.rate.populations.len();
        let propagators = RatePropagators::new(&params, self.resolution.ms());
        let rate = params.initial_rate();
        self.rate.populations.push(Box::new(RatePopulation {
            name: name.to_string(),
            params,
            propagators,
            // Sized at `build`, when the interval, the delays and the ranks are known.
            buffers: RateBuffers::new(0..len, len, 0, 1, rate, Vec::new()),
        }));
        self.rate.first_node_ids.push(first_node_id);
        self.rate.names.push(name.to_string());
        self.rate.spaces.push(None);
        self.rate.next_node_id = first_node_id + len as u32;
        self.take_name(name, "population");
        Ok(RatePopulationHandle { index, len })
    }

    /// Connects rate population `source` to `target` by `rule` with `connection`.
    pub fn rate_connect(
        &mut self,
        name: &str,
        source: &RatePopulationHandle,
        target: &RatePopulationHandle,
        rule: &RateRule,
        connection: RateConnection,
    ) -> Result<()> {
        self.note(
            Call::new("rate_connect")
                .field("name", name)
                .field("source", source.index)
                .field("target", target.index)
                .debug("rule", rule)
                .debug("connection", &connection),
        );
        let (weight, delay) = match connection {
            RateConnection::Delayed { weight, delay } => {
                if !delay.is_finite() {
                    return Err(Error::invalid(name, "delay", delay, "must be finite (ms)"));
                }
                let steps = self.resolution.delay_steps(delay);
                if steps < 1 {
                    return Err(Error::invalid(
                        name,
                        "delay",
                        delay,
                        format!(
                            "must be at least the resolution {} ms",
                            self.resolution.ms()
                        ),
                    ));
                }
                (weight, Some(steps))
            }
            RateConnection::Instantaneous { weight } => (weight, None),
        };
        if !weight.is_finite() {
            return Err(Error::invalid(name, "weight", weight, "must be finite"));
        }
        let pairs: Vec<(u32, u32)> = match rule {
            RateRule::AllToAll => (0..target.len as u32)
                .flat_map(|t| (0..source.len as u32).map(move |s| (s, t)))
                .collect(),
            RateRule::OneToOne => {
                if source.len != target.len {
                    return Err(Error::invalid(
                        name,
                        "rule",
                        "one_to_one",
                        format!(
                            "needs equal sizes (source {}, target {})",
                            source.len, target.len
                        ),
                    ));
                }
                (0..source.len as u32).map(|i| (i, i)).collect()
            }
            RateRule::Pairs(pairs) => {
                for &(s, t) in pairs {
                    if s as usize >= source.len || t as usize >= target.len {
                        return Err(Error::invalid(
                            name,
                            "pairs",
                            (s, t),
                            format!(
                                "indices must be below the sizes (source {}, target {})",
                                source.len, target.len
                            ),
                        ));
                    }
                }
                pairs.clone()
            }
        };
        self.rate.connections += 1;
        for (s, t) in pairs {
            self.push_rate_edge(source, target, s, t, weight, delay);
        }
        Ok(())
    }

    /// One rate connection from neuron `s` of `source` to neuron `t` of `target`:
    /// `delay` in steps, `None` for an instantaneous one.
    pub(super) fn push_rate_edge(
        &mut self,
        source: &RatePopulationHandle,
        target: &RatePopulationHandle,
        s: u32,
        t: u32,
        weight: f64,
        delay: Option<i64>,
    ) {
        let edge = RateEdge {
            population: target.index as u32,
            target: t,
            weight,
            delay: delay.unwrap_or(0),
        };
        self.rate
            .edges
            .push((source.index, s, edge, delay.is_none()));
    }

    /// Adds a multimeter on the neurons `indices` of `target` (all when `None`) with
    /// NEST's multimeter parameters `params`: `record_from` (`rate`, `noise`), `interval`
    /// and `offset` (ms), the window `(origin + start, origin + stop]`, `record_to` (NEST's
    /// ASCII file `{data_prefix}{name}.dat`, or CSV, as a spiking multimeter writes) and
    /// `time_in_steps`.
    pub fn rate_multimeter(
        &mut self,
        name: &str,
        target: &RatePopulationHandle,
        indices: Option<&[u32]>,
        params: Multimeter,
    ) -> Result<RateMultimeterHandle> {
        self.check_name(name, "multimeter")?;
        self.note(
            Call::new("rate_multimeter")
                .field("name", name)
                .field("target", target.index)
                .debug("indices", &indices)
                .debug("params", &params),
        );
        for r in &params.record_from {
            if !RATE_RECORDABLES.contains(r) {
                return Err(Error::invalid(
                    name,
                    "record_from",
                    r.name(),
                    format!(
                        "{} records `rate` and `noise` only",
                        self.rate.populations[target.index].model_name()
                    ),
                ));
            }
        }
        let grid = params.grid(name, &self.resolution)?;
        let window = params.window.steps(name, &self.resolution)?;
        let targets: Vec<u32> = match indices {
            Some(ix) => {
                if let Some(&bad) = ix.iter().find(|&&i| i as usize >= target.len) {
                    return Err(Error::invalid(
                        name,
                        "targets",
                        bad,
                        format!("must be below the population size {}", target.len),
                    ));
                }
                ix.to_vec()
            }
            None => (0..target.len as u32).collect(),
        };
        self.take_name(name, "multimeter");
        self.rate.recording.push(MeterRuntime::new(
            name,
            self.resolution,
            &params,
            targets.len(),
            grid,
            window,
        ));
        self.rate.meters.push(RateMeter {
            name: name.to_string(),
            population: target.index,
            targets,
            record_from: params.record_from,
            grid,
            window,
            first_node_id: self.rate.first_node_ids[target.index],
            stamps: Vec::new(),
            values: Vec::new(),
            order: Vec::new(),
        });
        Ok(RateMultimeterHandle(self.rate.meters.len() - 1))
    }

    /// NEST's kernel settings of waveform relaxation (`use_wfr`, `wfr_comm_interval`,
    /// `wfr_tol`, `wfr_max_iterations`, `wfr_interpolation_order`), checked as NEST does.
    pub fn waveform_relaxation(&mut self, settings: WaveformRelaxation) -> Result<()> {
        let mut call = Call::new("waveform_relaxation");
        for p in WaveformRelaxation::PARAMETERS {
            if let Some(v) = settings.get(p.name) {
                call = call.field(p.name, v);
            }
        }
        self.note(call);
        settings.validate(self.resolution.ms())?;
        self.rate.relaxation = settings;
        Ok(())
    }

    /// The rate system at `build` on this rank of `ranks` (its neurons of each population,
    /// their streams, keyed by population and neuron, and the connections onto them),
    /// and NEST's `min_delay` it implies (steps), if it has connections or multimeters:
    /// the least delay of a delayed connection, with instantaneous ones
    /// `wfr_comm_interval` (the resolution without waveform relaxation), and with a
    /// multimeter 1 ms (its connection's default delay).
    pub(super) fn rate_system(
        rate: RateDeclarations,
        resolution: &crate::time::Resolution,
        spiking_slice: Option<i64>,
        seed: crate::rng::Seed,
        ranks: &Arc<dyn Communicator>,
    ) -> (RateSystem, Option<i64>) {
        let RateDeclarations {
            mut populations,
            edges,
            meters,
            relaxation,
            spaces,
            ..
        } = rate;
        let wfr = &relaxation;
        let comm = if wfr.use_wfr {
            resolution.delay_steps(wfr.wfr_comm_interval).max(1)
        } else {
            1
        };
        // A multimeter is connected to its neurons in NEST by a static synapse of the
        // default delay, 1 ms, which counts in NEST's min_delay too.
        let meter_delay = (!meters.is_empty()).then(|| resolution.delay_steps(1.0).max(1));
        let min_delay = edges
            .iter()
            .map(|(_, _, e, instant)| if *instant { comm } else { e.delay })
            .chain(meter_delay)
            .min();
        let max_delay = edges.iter().map(|(_, _, e, _)| e.delay).max().unwrap_or(0);
        let len = match (min_delay, spiking_slice) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) => a,
            (None, Some(b)) => b,
            (None, None) => 1,
        }
        .max(1) as usize;
        let mut delayed: Vec<Vec<Vec<RateEdge>>> = populations
            .iter()
            .map(|p| vec![Vec::new(); p.size()])
            .collect();
        let mut instant = delayed.clone();
        let (rank, size) = (ranks.rank(), ranks.size());
        let mine: Vec<_> = populations
            .iter()
            .map(|p| owned(rank, size, p.size()))
            .collect();
        let connected = !edges.is_empty();
        for (p, s, mut e, is_instant) in edges {
            let targets = &mine[e.population as usize];
            if !targets.contains(&(e.target as usize)) {
                continue;
            }
            e.target -= targets.start as u32;
            let list = if is_instant {
                &mut instant
            } else {
                &mut delayed
            };
            list[p][s as usize].push(e);
        }
        for (index, (p, owned)) in populations.iter_mut().zip(&mine).enumerate() {
            let total = p.size();
            let streams = owned
                .clone()
                .map(|i| seed.stream(Purpose::Simulation, RATE_ENTITY + index as u64, i as u64))
                .collect();
            let b = p.buffers();
            let rate = b.rate[0];
            let ring = max_delay as usize + len + 1;
            *b = RateBuffers::new(owned.clone(), total, len, ring, rate, streams);
        }
        let sizes = populations.iter().map(|p| p.size()).collect();
        let relax = Relaxation {
            use_wfr: wfr.use_wfr,
            tol: wfr.wfr_tol,
            max_iterations: wfr.wfr_max_iterations as usize,
        };
        let share = Box::new(Share::new(ranks.clone(), sizes));
        let mut system = RateSystem::new(populations, delayed, instant, relax, len, meters, share);
        system.spaces = spaces;
        system.connected = connected;
        (system, min_delay)
    }
}

/// The stream entity of rate population `p` is `RATE_ENTITY + p`, far from the
/// entities of spiking populations and devices.
pub(super) const RATE_ENTITY: u64 = 0x7261_7465 << 32;
