//! A built network and its scheduler: advance all populations one slice (at most
//! min_delay steps) in parallel, then exchange spikes and collect recordings.

use super::at_arrival::deliver_at_arrival;
use super::files::FileSettings;
use super::info::{DeviceInfo, PopulationInfo, ProjectionInfo};
use super::placement::Placement;
use super::progress::{self, Progress};
use super::recording::{MeterRuntime, RecorderRuntime};
use super::resources::MemoryBudget;
use super::stats::NeuronStats;
use super::weight_recording::WeightRecorderRuntime;
use crate::distribution::{
    exchange_samples, exchange_spikes, Communicator, RecorderFiles, SampleRow,
};
use crate::engine::block::{block_count, block_start};
use crate::engine::generator_tap::GeneratorTap;
use crate::engine::population::{PopulationDyn, SliceInput};
use crate::engine::projection::arrivals;
use crate::engine::projection::Projection;
use crate::engine::rate::RateSystem;
use crate::engine::schedule::StableShares;
use crate::engine::shared_clock::SharedClock;
use crate::error::{Error, Result};
use crate::provenance::{Provenance, PROJECT};
use crate::rng::Seed;
use crate::time::Resolution;
use std::sync::Arc;
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
    /// The builder's memory limit and its estimate of the built network.
    pub memory: MemoryBudget,
    /// The ranks the network runs on.
    pub comm: Arc<dyn Communicator>,
    /// How recorder files are laid out on several ranks.
    pub recorder_files: RecorderFiles,
    /// The rate neurons.
    pub rate: RateSystem,
    /// The trains spike recorders receive from generators.
    pub taps: Vec<GeneratorTap>,
    /// The shared trains of generators, kept at now for recorders added later.
    pub clocks: Vec<SharedClock>,
    /// The node id of the first generator (the others follow in creation order).
    pub generator_first_id: u32,
    /// Per multimeter on rate neurons, its samples, window and file.
    pub rate_meters: Vec<MeterRuntime>,
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
    /// Weight recorders (added after the build: `add_weight_recorder`).
    pub(super) weight_recorders: Vec<WeightRecorderRuntime>,
    pub(super) generators: Vec<DeviceInfo>,
    pub(super) generator_names: Vec<String>,
    /// Per population, the spikes of the last slice, not yet delivered.
    pending: Vec<Vec<(i64, u32)>>,
    /// Per population, the number of spikes emitted so far.
    pub(super) spike_counts: Vec<usize>,
    /// Hands out each slice's block tasks to the threads.
    schedule: StableShares,
    /// Per population, per-neuron spike counts and interval sums.
    pub(super) stats: Vec<NeuronStats>,
    pub(super) step: i64,
    pub(super) slice_len: i64,
    /// The longest delay (steps) the ring buffers hold (NEST's kernel `max_delay`).
    pub(super) max_delay: i64,
    /// Whether the user set `min_delay` and `max_delay` (then never widened).
    pub(super) user_delay_extrema: bool,
    pub(super) build_time: Duration,
    pub(super) simulation_time: Duration,
    pub(super) description_sha256: String,
    progress: bool,
    /// Where recorder files go, for recorders added between runs.
    pub(super) files: FileSettings,
    /// The memory limit and the built network's estimate; recorded data is checked
    /// against it before every `simulate` call.
    pub(super) memory: MemoryBudget,
    /// The ranks the network runs on (one process: `distribution::Local`).
    pub(super) comm: Arc<dyn Communicator>,
    /// Whether this rank's recorders record every rank's events (one process, or rank 0
    /// of merged output) or only those of its own neurons.
    pub(super) records_all: bool,
    /// How recorder files are laid out on several ranks.
    pub(super) recorder_files: RecorderFiles,
    /// On several ranks, per population, this rank's spikes of the last slice, sorted.
    local: Vec<Vec<(i64, u32)>>,
    /// The rate neurons, advanced slice by slice beside the spiking ones.
    pub(super) rate: RateSystem,
    /// Per multimeter on rate neurons, its samples, window and file (sampled by
    /// `rate.meters`).
    pub(super) rate_meters: Vec<MeterRuntime>,
    /// The trains spike recorders receive from generators (recorded on rank 0).
    pub(super) taps: Vec<GeneratorTap>,
    /// Per generator sending one train to all its targets, that train at now (stepped
    /// on rank 0, beside the taps): what a recorder connected between runs takes over.
    pub(super) clocks: Vec<SharedClock>,
    /// The node id of the first generator (the others follow in creation order).
    pub(super) generator_first_id: u32,
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
            memory,
            comm,
            recorder_files,
            rate,
            taps,
            clocks,
            generator_first_id,
            mut rate_meters,
        } = parts;
        let records_all =
            comm.size() == 1 || (recorder_files == RecorderFiles::Merged && comm.rank() == 0);
        let files = match recorder_files {
            RecorderFiles::PerRank if comm.size() > 1 => files.for_rank(comm.rank()),
            _ => files,
        };
        let Placement {
            mut populations,
            mut incoming,
            projection_slots,
            projection_info,
            slice_len,
            max_delay,
            user_delay_extrema,
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
        // Merged output: rank 0 writes each file alone.
        let writes_files = records_all || recorder_files == RecorderFiles::PerRank;
        for r in recorders.iter_mut().filter(|_| writes_files) {
            r.open_file(&files, &provenance)?;
        }
        for m in meters
            .iter_mut()
            .chain(&mut rate_meters)
            .filter(|_| writes_files)
        {
            m.open_file(&files, &provenance)?;
        }
        let n_populations = populations.len();
        if arrivals::asked_for() {
            deliver_at_arrival(&mut populations, &mut incoming, slice_len);
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
            weight_recorders: Vec::new(),
            generator_names: generators.iter().map(|g| g.name.clone()).collect(),
            generators,
            schedule: StableShares::default(),
            step: 0,
            slice_len,
            max_delay,
            user_delay_extrema,
            build_time: created.elapsed(),
            simulation_time: Duration::ZERO,
            description_sha256,
            progress: true,
            files,
            memory,
            local: vec![Vec::new(); if comm.size() > 1 { n_populations } else { 0 }],
            comm,
            records_all,
            recorder_files,
            rate_meters,
            rate,
            taps,
            clocks,
            generator_first_id,
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
        let fits = self.check_recording_memory(t_ms, end);
        crate::distribution::agree_on(&*self.comm, "simulate", fits)?;
        // Generators whose state NEST sets at the start of every run (`pre_run_hook`).
        let now_ms = self.resolution.step_to_ms(self.step);
        for population in &mut self.populations {
            for block in population.blocks().iter_mut() {
                for stimulus in &mut block.stimuli {
                    stimulus.begin_run(now_ms, self.slice_len);
                }
            }
        }
        let clocks = self.clocks.iter_mut().map(|c| &mut c.stimulus);
        for stimulus in self.taps.iter_mut().map(|t| &mut t.stimulus).chain(clocks) {
            stimulus.begin_run(now_ms, self.slice_len);
        }
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
        let flushed = self.flush_files();
        crate::distribution::agree_on(&*self.comm, "simulate", flushed)
    }

    /// The bytes by which the recorders' data in memory is estimated to grow during
    /// `simulate(t_ms)`: multimeters exactly, spike recorders at their assumed rate
    /// (100 Hz, or 1.5 times the rate measured so far where higher).
    /// `simulate` refuses a call when this would take the memory past the limit.
    pub fn recording_estimate(&self, t_ms: f64) -> Result<u64> {
        let steps = self
            .resolution
            .grid_steps("recording_estimate", "time", t_ms)?;
        let end = self.step.saturating_add(steps.max(0));
        let spikes: u64 = self
            .recorders
            .iter()
            .map(|r| r.growth(self.step, end, self.resolution))
            .sum();
        let samples: u64 = self
            .meters
            .iter()
            .chain(&self.rate_meters)
            .map(|m| m.growth(self.step, end))
            .sum();
        Ok(spikes.saturating_add(samples))
    }

    /// Refuses a `simulate` call up to step `end` whose recorded data would take the
    /// memory past the limit: the data recorded so far plus each recorder's estimated
    /// growth ([`MeterRuntime::growth`], [`RecorderRuntime::growth`]), on top of the
    /// network's own estimate.
    fn check_recording_memory(&self, t_ms: f64, end: i64) -> Result<()> {
        let held: u64 = self
            .recorders
            .iter()
            .map(RecorderRuntime::bytes)
            .sum::<u64>()
            + self
                .meters
                .iter()
                .chain(&self.rate_meters)
                .map(MeterRuntime::bytes)
                .sum::<u64>();
        let mut budget = self.memory.clone();
        budget.committed = budget.committed.saturating_add(held);
        let recorders = self.recorders.iter().map(|r| {
            let g = r.growth(self.step, end, self.resolution);
            (format!("spike recorder `{}`", r.name), g, r.file.is_some())
        });
        let meters = self.meters.iter().chain(&self.rate_meters).map(|m| {
            let g = m.growth(self.step, end);
            (format!("multimeter `{}`", m.name), g, m.file.is_some())
        });
        for (what, growth, has_file) in recorders.chain(meters) {
            let hint = if has_file {
                "; its data also goes to its file, so keep only the file: Network::record_files_only(true) (`network run` without --plot)"
            } else {
                "; record fewer neurons, a coarser interval or a shorter window, or to a file"
            };
            budget
                .reserve(&format!("{what}, recording {t_ms} ms in memory"), growth, 0)
                .map_err(|e| Error::Resources(format!("{e}{hint}")))?;
        }
        Ok(())
    }

    /// Whether recorders that write a file keep their data only there (`true`) or also
    /// in memory (`false`, the default, so that `spikes` and `samples` read it). Files
    /// only, recording takes no memory however long the run; `spikes` and `samples` of
    /// those recorders then hold what was recorded before the call, and
    /// [`Network::recorded`] and [`Network::samples_recorded`] still count every row.
    pub fn record_files_only(&mut self, files_only: bool) {
        for r in &mut self.recorders {
            r.in_memory = !(files_only && r.file.is_some());
        }
        for m in self.meters.iter_mut().chain(&mut self.rate_meters) {
            m.in_memory = !(files_only && m.file.is_some());
        }
    }

    /// Writes every recorder file's waiting lines.
    fn flush_files(&mut self) -> Result<()> {
        let files = self.recorders.iter_mut().map(|r| &mut r.file);
        let files = files.chain(self.meters.iter_mut().map(|m| &mut m.file));
        let files = files.chain(self.rate_meters.iter_mut().map(|m| &mut m.file));
        let files = files.chain(self.weight_recorders.iter_mut().map(|w| &mut w.file));
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
            let mut slice_end = (self.step + self.slice_len).min(end);
            if !self.rate.is_empty() {
                // NEST continues an interval a run ended inside (rate neurons see it).
                let origin = self.step - self.step.rem_euclid(self.slice_len);
                slice_end = slice_end.min(origin + self.slice_len);
            }
            self.run_slice(self.step, slice_end);
            self.step = slice_end;
            progress.update(self.step);
        }
        for population in &mut self.populations {
            population.end_run(self.step);
        }
        self.schedule.pause();
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
        self.rate.run_interval(start, end);
        self.collect_rate_samples();
        for (p, population) in self.populations.iter_mut().enumerate() {
            let spikes = &mut self.pending[p];
            spikes.clear();
            for block in population.blocks().iter_mut() {
                spikes.append(&mut block.spikes);
            }
        }
        if self.comm.size() > 1 {
            for (local, spikes) in self.local.iter_mut().zip(&mut self.pending) {
                spikes.sort_unstable();
                local.clone_from(spikes);
            }
            // Every rank's spikes, sorted below as one process sorts them.
            exchange_spikes(&*self.comm, &mut self.pending);
        }
        for p in 0..self.populations.len() {
            let spikes = &mut self.pending[p];
            spikes.sort_unstable();
            self.spike_counts[p] += spikes.len();
            self.stats[p].add(spikes);
        }
        self.tap_generators(start, end);
        self.record_spikes();
        self.collect_samples();
        self.collect_weights();
        let files = self.recorders.iter_mut().map(|r| &mut r.file);
        for file in files
            .chain(self.meters.iter_mut().map(|m| &mut m.file))
            .chain(self.rate_meters.iter_mut().map(|m| &mut m.file))
            .flatten()
        {
            file.write_batch();
        }
    }

    /// The spikes generators sent spike recorders in steps `start..end`, handed to
    /// the recorders (on rank 0 only, so that each is recorded once); the shared
    /// trains' clocks advanced alike.
    fn tap_generators(&mut self, start: i64, end: i64) {
        if self.comm.rank() != 0 {
            return;
        }
        for clock in &mut self.clocks {
            (start..end).for_each(|s| clock.step(s));
        }
        for tap in &mut self.taps {
            let sender = self.generator_first_id + tap.generator as u32;
            let events = &mut self.recorders[tap.recorder].from_generators;
            for s in start..end {
                tap.step(s, |offset| events.push((s + 1, sender, offset)));
            }
        }
    }

    fn record_spikes(&mut self) {
        let spikes = if self.records_all {
            &self.pending
        } else {
            &self.local
        };
        for recorder in &mut self.recorders {
            recorder.record(spikes, &self.population_info, self.resolution);
        }
    }

    /// Hands the rate multimeters' samples of this slice to their recorders: on several
    /// ranks with merged output, every rank's samples to rank 0, in the order one
    /// process takes them in (each rank samples its own neurons).
    fn collect_rate_samples(&mut self) {
        if self.rate.meters.is_empty() {
            return;
        }
        let mut collected = Vec::new();
        for (index, meter) in self.rate.meters.iter_mut().enumerate() {
            let n = meter.record_from.len();
            for (k, (&(stamp, sender), &order)) in meter.stamps.iter().zip(&meter.order).enumerate()
            {
                collected.push(SampleRow {
                    meter: index,
                    block: order,
                    stamp,
                    sender,
                    values: meter.values[k * n..(k + 1) * n].to_vec(),
                });
            }
            meter.stamps.clear();
            meter.values.clear();
            meter.order.clear();
        }
        if self.comm.size() > 1 && self.records_all {
            collected = exchange_samples(&*self.comm, &collected);
        } else if self.comm.size() > 1 && self.recorder_files == RecorderFiles::Merged {
            exchange_samples(&*self.comm, &collected);
        }
        let mut rows: Vec<Vec<(i64, u32, Vec<f64>)>> = vec![Vec::new(); self.rate_meters.len()];
        for row in collected {
            rows[row.meter].push((row.stamp, row.sender, row.values));
        }
        for (meter, rows) in self.rate_meters.iter_mut().zip(rows) {
            meter.record(rows, self.resolution);
        }
    }

    fn collect_samples(&mut self) {
        if self.meters.is_empty() {
            return;
        }
        let mut collected = Vec::new();
        let mut global_block = 0u64;
        for (p, population) in self.populations.iter_mut().enumerate() {
            let first = self.population_info[p].first_node_id;
            for (b, block) in population.blocks().iter_mut().enumerate() {
                let offset = block_start(b) as u32;
                for sampler in &mut block.samplers {
                    let n = sampler.record_from.len();
                    for (k, &(stamp, i)) in sampler.stamps.iter().enumerate() {
                        collected.push(SampleRow {
                            meter: sampler.device,
                            block: global_block + b as u64,
                            stamp,
                            sender: first + offset + i,
                            values: sampler.values[k * n..(k + 1) * n].to_vec(),
                        });
                    }
                    sampler.stamps.clear();
                    sampler.values.clear();
                }
            }
            global_block += block_count(self.population_info[p].len) as u64;
        }
        if self.comm.size() > 1 && self.records_all {
            // Merged output: rank 0 records every rank's samples, in block order.
            collected = exchange_samples(&*self.comm, &collected);
        } else if self.comm.size() > 1 && self.recorder_files == RecorderFiles::Merged {
            exchange_samples(&*self.comm, &collected);
        }
        let mut rows: Vec<Vec<(i64, u32, Vec<f64>)>> = vec![Vec::new(); self.meters.len()];
        for row in collected {
            rows[row.meter].push((row.stamp, row.sender, row.values));
        }
        for (meter, rows) in self.meters.iter_mut().zip(rows) {
            meter.record(rows, self.resolution);
        }
    }
}

impl Network {
    /// Returns the projections onto population `p` delivered at arrival to delivery at
    /// sending, their synapses in flight added to the rings first: before their
    /// synapses change (`set_weights`, `set_synapse_states`) or a weight recorder starts
    /// recording them, so that the copy is never stale and spikes already sent arrive
    /// with the weights they were sent with, as in NEST.
    pub(super) fn leave_arrivals(&mut self, p: usize) {
        let incoming = &mut self.incoming[p];
        if incoming
            .iter()
            .all(|projection| projection.arrivals().is_none())
        {
            return;
        }
        self.populations[p].leave_arrival_lists(self.step, incoming);
        for projection in incoming {
            projection.deliver_at_sending();
        }
    }
}
