//! A built network and its scheduler: advance all populations one slice (at most
//! min_delay steps) in parallel, then exchange spikes and collect recordings.

use super::files::FileSettings;
use super::info::{DeviceInfo, PopulationInfo, ProjectionInfo};
use super::placement::Placement;
use super::progress::{self, Progress};
use super::recording::{MeterRuntime, RecorderRuntime};
use super::stats::NeuronStats;
use crate::engine::block::block_start;
use crate::engine::population::{PopulationDyn, SliceInput};
use crate::engine::projection::Projection;
use crate::engine::schedule::LongestFirst;
use crate::error::{Error, Result};
use crate::provenance::{Provenance, PROJECT};
use crate::rng::Seed;
use crate::time::Resolution;
use std::time::{Duration, Instant};

/// What `NetworkBuilder::build` hands over: the placed network and its devices.
pub(crate) struct Parts {
    pub resolution: Resolution,
    pub seed: Seed,
    pub threads: Option<usize>,
    pub placement: Placement,
    pub population_info: Vec<PopulationInfo>,
    pub recorders: Vec<RecorderRuntime>,
    pub meters: Vec<MeterRuntime>,
    pub generators: Vec<DeviceInfo>,
    pub files: FileSettings,
    pub description_sha256: String,
    pub created: Instant,
}

/// A built network, ready to simulate.
pub struct Network {
    pub(super) resolution: Resolution,
    pub(super) seed: Seed,
    pool: Option<rayon::ThreadPool>,
    pub(super) threads: usize,
    pub(super) populations: Vec<Box<dyn PopulationDyn>>,
    pub(super) population_info: Vec<PopulationInfo>,
    /// Projections grouped by target population.
    pub(super) incoming: Vec<Vec<Projection>>,
    /// Per projection (creation order): its target population and its index there.
    pub(super) projection_slots: Vec<(usize, usize)>,
    pub(super) projection_info: Vec<ProjectionInfo>,
    pub(super) recorders: Vec<RecorderRuntime>,
    pub(super) meters: Vec<MeterRuntime>,
    pub(super) generators: Vec<DeviceInfo>,
    pub(super) generator_names: Vec<String>,
    /// Per population, the spikes of the last slice, not yet delivered.
    pending: Vec<Vec<(i64, u32)>>,
    /// Per population, the number of spikes emitted so far.
    pub(super) spike_counts: Vec<usize>,
    /// Hands out each slice's block tasks to the threads.
    schedule: LongestFirst,
    /// Per population, per-neuron spike counts and interval sums.
    pub(super) stats: Vec<NeuronStats>,
    pub(super) step: i64,
    pub(super) slice_len: i64,
    pub(super) build_time: Duration,
    pub(super) simulation_time: Duration,
    pub(super) description_sha256: String,
    progress: bool,
}

impl Network {
    /// The network from the builder's placed parts; starts its thread pool and opens the
    /// recorder files.
    pub(crate) fn new(parts: Parts) -> Result<Self> {
        let Parts {
            resolution,
            seed,
            threads,
            placement,
            population_info,
            mut recorders,
            mut meters,
            generators,
            files,
            description_sha256,
            created,
        } = parts;
        let Placement {
            populations,
            incoming,
            projection_slots,
            projection_info,
            slice_len,
        } = placement;
        let pool = match threads {
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| Error::Resources(format!("cannot start {n} threads: {e}")))?,
            ),
            None => None,
        };
        let threads = threads.unwrap_or_else(rayon::current_num_threads);
        let provenance = Provenance {
            software: PROJECT.to_string(),
            resolution_ms: resolution.ms(),
            seed: seed.0,
            threads,
            description_sha256: description_sha256.clone(),
        };
        for r in &mut recorders {
            r.open_file(&files, &provenance)?;
        }
        for m in &mut meters {
            m.open_file(&files, &provenance)?;
        }
        Ok(Self {
            resolution,
            seed,
            threads,
            pool,
            pending: vec![Vec::new(); populations.len()],
            spike_counts: vec![0; populations.len()],
            stats: populations
                .iter()
                .map(|p| NeuronStats::new(p.len()))
                .collect(),
            populations,
            population_info,
            incoming,
            projection_slots,
            projection_info,
            recorders,
            meters,
            generator_names: generators.iter().map(|g| g.name.clone()).collect(),
            generators,
            schedule: LongestFirst::default(),
            step: 0,
            slice_len,
            build_time: created.elapsed(),
            simulation_time: Duration::ZERO,
            description_sha256,
            progress: true,
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
        let mut progress = Progress::new(
            progress::allowed(self.progress),
            self.resolution,
            self.step,
            end,
        );
        let pool = self.pool.take();
        match &pool {
            Some(pool) => pool.install(|| self.run_until(end, &mut progress)),
            None => self.run_until(end, &mut progress),
        }
        self.pool = pool;
        progress.finish(self.step);
        self.simulation_time += started.elapsed();
        self.flush_files()
    }

    /// Writes every recorder file's waiting lines.
    fn flush_files(&mut self) -> Result<()> {
        let files = self.recorders.iter_mut().map(|r| &mut r.file);
        let files = files.chain(self.meters.iter_mut().map(|m| &mut m.file));
        let mut first_error = Ok(());
        for file in files.flatten() {
            let result = file.flush();
            if first_error.is_ok() {
                first_error = result;
            }
        }
        first_error
    }

    /// Shows a progress bar on stderr during long `simulate` calls when stderr is a
    /// terminal (default: on; the environment variable `NETWORK_PROGRESS=0` also
    /// turns it off).
    pub fn set_progress(&mut self, show: bool) {
        self.progress = show;
    }

    fn run_until(&mut self, end: i64, progress: &mut Progress) {
        while self.step < end {
            let slice_end = (self.step + self.slice_len).min(end);
            self.run_slice(self.step, slice_end);
            self.step = slice_end;
            progress.update(self.step);
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
            self.stats[p].add(spikes);
        }
        self.record_spikes();
        self.collect_samples();
        let files = self.recorders.iter_mut().map(|r| &mut r.file);
        for file in files
            .chain(self.meters.iter_mut().map(|m| &mut m.file))
            .flatten()
        {
            file.write_batch();
        }
    }

    fn record_spikes(&mut self) {
        for recorder in &mut self.recorders {
            recorder.record(&self.pending, &self.population_info, self.resolution);
        }
    }

    fn collect_samples(&mut self) {
        if self.meters.is_empty() {
            return;
        }
        let mut rows: Vec<Vec<(i64, u32, Vec<f64>)>> = vec![Vec::new(); self.meters.len()];
        for (p, population) in self.populations.iter_mut().enumerate() {
            let first = self.population_info[p].first_node_id;
            for (b, block) in population.blocks().iter_mut().enumerate() {
                let offset = block_start(b) as u32;
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
        for (meter, rows) in self.meters.iter_mut().zip(rows) {
            meter.record(rows, self.resolution);
        }
    }
}
