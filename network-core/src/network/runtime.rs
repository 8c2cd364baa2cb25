//! A built network and its scheduler: advance all populations one slice (at most
//! min_delay steps) in parallel, then exchange spikes and collect recordings.

use super::ascii::AsciiSink;
use super::builder::PopulationInfo;
use super::handles::{MultimeterHandle, ProjectionHandle, Shared, SpikeRecorderHandle};
use super::recording::{Samples, SpikeEvents};
use crate::engine::plastic;
use crate::engine::population::BLOCK_LEN;
use crate::engine::population::{PopulationDyn, SliceInput};
use crate::engine::projection::Projection;
use crate::engine::schedule::LongestFirst;
use crate::error::{Error, Result};
use crate::rng::Seed;
use crate::time::Resolution;
use std::sync::RwLockReadGuard;
use std::time::{Duration, Instant};

/// A spike recorder's window, the neurons it watches per population, and its events.
#[derive(Debug)]
pub(crate) struct RecorderRuntime {
    pub name: String,
    pub window: (i64, i64),
    /// Per population: `None` if not recorded, else one flag per neuron.
    pub masks: Vec<Option<Vec<bool>>>,
    pub events: Shared<SpikeEvents>,
    /// The ASCII file, when the recorder writes one.
    pub file: Option<AsciiSink>,
}

/// What the network knows of a projection.
#[derive(Debug, Clone)]
pub struct ProjectionInfo {
    /// Its name.
    pub name: String,
    /// Index of the source population.
    pub source: usize,
    /// Index of the target population.
    pub target: usize,
    /// The synapse model's name.
    pub synapse_model: String,
    /// Number of synapses.
    pub synapses: usize,
    /// Memory held by its synapses (bytes).
    pub bytes: usize,
}

/// A built network, ready to simulate.
pub struct Network {
    resolution: Resolution,
    seed: Seed,
    pool: Option<rayon::ThreadPool>,
    threads: usize,
    populations: Vec<Box<dyn PopulationDyn>>,
    population_info: Vec<PopulationInfo>,
    /// Projections grouped by target population.
    incoming: Vec<Vec<Projection>>,
    /// Per projection (creation order): its target population and its index there.
    projection_slots: Vec<(usize, usize)>,
    projection_info: Vec<ProjectionInfo>,
    recorders: Vec<RecorderRuntime>,
    samples: Vec<(String, Shared<Samples>)>,
    generator_names: Vec<String>,
    /// Per population, the spikes of the last slice, not yet delivered.
    pending: Vec<Vec<(i64, u32)>>,
    /// Per population, the number of spikes emitted so far.
    spike_counts: Vec<usize>,
    /// Hands out each slice's block tasks to the threads.
    schedule: LongestFirst,
    step: i64,
    slice_len: i64,
    simulation_time: Duration,
}

impl Network {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn assemble(
        resolution: Resolution,
        seed: Seed,
        threads: Option<usize>,
        populations: Vec<Box<dyn PopulationDyn>>,
        population_info: Vec<PopulationInfo>,
        projections: Vec<Projection>,
        recorders: Vec<RecorderRuntime>,
        samples: Vec<(String, Shared<Samples>)>,
        generator_names: Vec<String>,
        slice_len: i64,
    ) -> Result<Self> {
        let pool = match threads {
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| Error::Resources(format!("cannot start {n} threads: {e}")))?,
            ),
            None => None,
        };
        let projection_info = projections
            .iter()
            .map(|p| ProjectionInfo {
                name: p.name.clone(),
                source: p.source,
                target: p.target,
                synapse_model: p.synapse_model.clone(),
                synapses: p.synapses,
                bytes: p.bytes(),
            })
            .collect();
        let mut incoming: Vec<Vec<Projection>> =
            (0..populations.len()).map(|_| Vec::new()).collect();
        let mut projection_slots = Vec::with_capacity(projections.len());
        for p in projections {
            projection_slots.push((p.target, incoming[p.target].len()));
            incoming[p.target].push(p);
        }
        let mut populations = populations;
        plastic::install(&mut populations, &mut incoming, slice_len, &resolution);
        Ok(Self {
            resolution,
            seed,
            threads: threads.unwrap_or_else(rayon::current_num_threads),
            pool,
            pending: vec![Vec::new(); populations.len()],
            spike_counts: vec![0; populations.len()],
            populations,
            population_info,
            incoming,
            projection_slots,
            projection_info,
            recorders,
            samples,
            generator_names,
            schedule: LongestFirst::default(),
            step: 0,
            slice_len,
            simulation_time: Duration::ZERO,
        })
    }

    /// Simulates `t_ms` milliseconds more (a multiple of the resolution). Calls add up:
    /// `simulate(a); simulate(b)` equals `simulate(a + b)`.
    pub fn simulate(&mut self, t_ms: f64) -> Result<()> {
        let steps = self.resolution.grid_steps("simulate", "time", t_ms)?;
        if steps < 0 {
            return Err(Error::invalid("simulate", "time", t_ms, "must be >= 0 ms"));
        }
        let started = Instant::now();
        let end = self.step.checked_add(steps).ok_or_else(|| {
            Error::invalid(
                "simulate",
                "time",
                t_ms,
                "takes the network past the longest time the engine represents",
            )
        })?;
        let pool = self.pool.take();
        match &pool {
            Some(pool) => pool.install(|| self.run_until(end)),
            None => self.run_until(end),
        }
        self.pool = pool;
        for recorder in &mut self.recorders {
            if let Some(file) = recorder.file.as_mut() {
                file.append(&recorder.name, &recorder.events.read())?;
            }
        }
        self.simulation_time += started.elapsed();
        Ok(())
    }

    fn run_until(&mut self, end: i64) {
        while self.step < end {
            let slice_end = (self.step + self.slice_len).min(end);
            self.run_slice(self.step, slice_end);
            self.step = slice_end;
        }
    }

    fn run_slice(&mut self, start: i64, end: i64) {
        let inputs: Vec<SliceInput<'_>> = self
            .incoming
            .iter()
            .map(|incoming| SliceInput {
                start,
                end,
                incoming,
                spikes: &self.pending,
            })
            .collect();
        let mut tasks = Vec::new();
        for (population, input) in self.populations.iter_mut().zip(&inputs) {
            population.slice_tasks(input, &mut tasks);
        }
        self.schedule.run(tasks);
        for (p, population) in self.populations.iter_mut().enumerate() {
            let spikes = &mut self.pending[p];
            spikes.clear();
            for block in population.blocks().iter_mut() {
                spikes.append(&mut block.spikes);
            }
            spikes.sort_unstable();
            self.spike_counts[p] += spikes.len();
        }
        self.record_spikes();
        self.collect_samples();
    }

    fn record_spikes(&mut self) {
        for recorder in &mut self.recorders {
            let mut slice: Vec<(i64, u32)> = Vec::new();
            for (p, mask) in recorder.masks.iter().enumerate() {
                let Some(mask) = mask else { continue };
                let first = self.population_info[p].first_node_id;
                for &(step, i) in &self.pending[p] {
                    let stamp = step + 1;
                    if mask[i as usize] && recorder.window.0 < stamp && stamp <= recorder.window.1 {
                        slice.push((stamp, first + i));
                    }
                }
            }
            if slice.is_empty() {
                continue;
            }
            slice.sort_unstable();
            let mut events = recorder.events.write();
            for (stamp, sender) in slice {
                events.push(sender, stamp);
            }
        }
    }

    fn collect_samples(&mut self) {
        if self.samples.is_empty() {
            return;
        }
        let mut rows: Vec<Vec<(i64, u32, Vec<f64>)>> = vec![Vec::new(); self.samples.len()];
        for (p, population) in self.populations.iter_mut().enumerate() {
            let first = self.population_info[p].first_node_id;
            for (b, block) in population.blocks().iter_mut().enumerate() {
                let offset = (b * crate::engine::population::BLOCK_LEN) as u32;
                for sampler in &mut block.samplers {
                    let n = sampler.record_from.len();
                    for (k, &(stamp, i)) in sampler.stamps.iter().enumerate() {
                        rows[sampler.device].push((
                            stamp,
                            first + offset + i,
                            sampler.values[k * n..(k + 1) * n].to_vec(),
                        ));
                    }
                    sampler.stamps.clear();
                    sampler.values.clear();
                }
            }
        }
        for (device, mut rows) in rows.into_iter().enumerate() {
            if rows.is_empty() {
                continue;
            }
            rows.sort_by_key(|r| (r.0, r.1));
            let mut samples = self.samples[device].1.write();
            for (stamp, sender, values) in rows {
                samples.push(sender, stamp, &values);
            }
        }
    }

    /// The number of spikes population `population` (its index) has emitted so far,
    /// whether recorded or not.
    pub fn spike_count(&self, population: usize) -> usize {
        self.spike_counts[population]
    }

    /// The spikes a recorder has recorded so far.
    pub fn spikes(&self, recorder: &SpikeRecorderHandle) -> RwLockReadGuard<'_, SpikeEvents> {
        self.recorders[recorder.index].events.read()
    }

    /// A recorder's name.
    pub fn recorder_name(&self, recorder: &SpikeRecorderHandle) -> &str {
        &self.recorders[recorder.index].name
    }

    /// The number of neurons a recorder watches.
    pub fn recorder_targets(&self, recorder: &SpikeRecorderHandle) -> usize {
        self.recorders[recorder.index]
            .masks
            .iter()
            .flatten()
            .map(|m| m.iter().filter(|&&x| x).count())
            .sum()
    }

    /// The samples a multimeter has recorded so far.
    pub fn samples(&self, multimeter: &MultimeterHandle) -> RwLockReadGuard<'_, Samples> {
        self.samples[multimeter.index].1.read()
    }

    /// The populations, in creation order.
    pub fn populations(&self) -> &[PopulationInfo] {
        &self.population_info
    }

    /// The projections, in creation order.
    pub fn projections(&self) -> &[ProjectionInfo] {
        &self.projection_info
    }

    /// One projection.
    pub fn projection(&self, projection: &ProjectionHandle) -> &ProjectionInfo {
        &self.projection_info[projection.index]
    }

    /// The weights of a projection's synapses now, as `(source, target, weight)` (indices
    /// within the source and target populations), sorted by source and target, synapses
    /// of the same pair in creation order. STDP weights are those after the last spike
    /// each synapse has transmitted (as NEST's `GetConnections(...).weight`); static and
    /// tsodyks synapses report their constant weight (pA, or mV onto `iaf_psc_delta`).
    pub fn weights(&self, projection: &ProjectionHandle) -> Vec<(u32, u32, f64)> {
        let (p, k) = self.projection_slots[projection.index];
        let proj = &self.incoming[p][k];
        let blocks = self.populations[p].blocks_ref();
        let mut out = Vec::with_capacity(proj.synapses);
        for (b, block) in proj.blocks.iter().enumerate() {
            let state = blocks[b].plastic.get(k).and_then(Option::as_ref);
            for s in 0..block.row_start.len().saturating_sub(1) {
                for i in block.row_start[s] as usize..block.row_start[s + 1] as usize {
                    let weight = state
                        .and_then(|st| st.weight(i))
                        .or(proj.weight)
                        .unwrap_or_else(|| block.weights[i]);
                    let target = (b * BLOCK_LEN) as u32 + u32::from(block.targets[i]);
                    out.push((s as u32, target, weight));
                }
            }
        }
        out.sort_by_key(|&(s, t, _)| (s, t));
        out
    }

    /// The names of the generators, in creation order.
    pub fn generator_names(&self) -> &[String] {
        &self.generator_names
    }

    /// Simulated time so far (ms).
    pub fn time(&self) -> f64 {
        self.resolution.step_to_ms(self.step)
    }

    /// The resolution.
    pub fn resolution(&self) -> Resolution {
        self.resolution
    }

    /// The seed everything random was drawn from.
    pub fn seed(&self) -> Seed {
        self.seed
    }

    /// The number of threads the simulation runs on.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Spikes are exchanged every this many steps (the smallest synaptic delay).
    pub fn min_delay_steps(&self) -> i64 {
        self.slice_len
    }

    /// Wall-clock time spent in `simulate` so far.
    pub fn simulation_time(&self) -> Duration {
        self.simulation_time
    }
}
