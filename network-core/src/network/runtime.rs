//! A built network and its scheduler: advance all populations one slice (at most
//! min_delay steps) in parallel, then exchange spikes and collect recordings.

use super::builder::PopulationInfo;
use super::files::{FileFormat, FileSettings, RecordFile};
use super::handles::{MultimeterHandle, ProjectionHandle, Shared, SpikeRecorderHandle};
use super::progress::{self, Progress};
use super::recording::{Samples, SpikeEvents};
use super::stats::NeuronStats;
use crate::devices::RecordTo;
use crate::engine::plastic;
use crate::engine::population::BLOCK_LEN;
use crate::engine::population::{PopulationDyn, SliceInput};
use crate::engine::projection::Projection;
use crate::engine::schedule::LongestFirst;
use crate::error::{Error, Result};
use crate::models::Recordable;
use crate::provenance::{Provenance, PROJECT};
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
    /// Where its events go besides memory.
    pub record_to: RecordTo,
    /// The file, when the recorder writes one (opened by `build`).
    pub file: Option<RecordFile>,
}

/// A multimeter's samples, targets and file.
#[derive(Debug)]
pub(crate) struct MeterRuntime {
    pub name: String,
    pub samples: Shared<Samples>,
    /// Number of neurons sampled.
    pub targets: usize,
    pub record_from: Vec<Recordable>,
    pub record_to: RecordTo,
    pub file: Option<RecordFile>,
}

/// A generator's name, NEST model and number of targets.
#[derive(Debug, Clone)]
pub(crate) struct DeviceInfo {
    pub name: String,
    pub model: &'static str,
    pub targets: usize,
}

/// What `NetworkBuilder::build` hands over.
pub(crate) struct Parts {
    pub resolution: Resolution,
    pub seed: Seed,
    pub threads: Option<usize>,
    pub populations: Vec<Box<dyn PopulationDyn>>,
    pub population_info: Vec<PopulationInfo>,
    pub projections: Vec<Projection>,
    pub recorders: Vec<RecorderRuntime>,
    pub meters: Vec<MeterRuntime>,
    pub generators: Vec<DeviceInfo>,
    pub slice_len: i64,
    pub files: FileSettings,
    pub description_sha256: String,
    pub created: Instant,
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
    pub(super) resolution: Resolution,
    pub(super) seed: Seed,
    pool: Option<rayon::ThreadPool>,
    pub(super) threads: usize,
    populations: Vec<Box<dyn PopulationDyn>>,
    pub(super) population_info: Vec<PopulationInfo>,
    /// Projections grouped by target population.
    incoming: Vec<Vec<Projection>>,
    /// Per projection (creation order): its target population and its index there.
    projection_slots: Vec<(usize, usize)>,
    pub(super) projection_info: Vec<ProjectionInfo>,
    pub(super) recorders: Vec<RecorderRuntime>,
    pub(super) meters: Vec<MeterRuntime>,
    pub(super) generators: Vec<DeviceInfo>,
    generator_names: Vec<String>,
    /// Per population, the spikes of the last slice, not yet delivered.
    pending: Vec<Vec<(i64, u32)>>,
    /// Per population, the number of spikes emitted so far.
    spike_counts: Vec<usize>,
    /// Hands out each slice's block tasks to the threads.
    schedule: LongestFirst,
    /// Per population, per-neuron spike counts and interval sums.
    pub(super) stats: Vec<NeuronStats>,
    step: i64,
    slice_len: i64,
    pub(super) build_time: Duration,
    simulation_time: Duration,
    description_sha256: String,
    progress: bool,
}

impl Network {
    /// The network from the builder's parts; opens the recorder files.
    pub(crate) fn assemble(parts: Parts) -> Result<Self> {
        let Parts {
            resolution,
            seed,
            threads,
            populations,
            population_info,
            projections,
            mut recorders,
            mut meters,
            generators,
            slice_len,
            files,
            description_sha256,
            created,
        } = parts;
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
        let threads = threads.unwrap_or_else(rayon::current_num_threads);
        let provenance = Provenance {
            software: PROJECT.to_string(),
            resolution_ms: resolution.ms(),
            seed: seed.0,
            threads,
            description_sha256: description_sha256.clone(),
        };
        for r in &mut recorders {
            r.file = open_file(&r.name, &r.record_to, &files, &[], &provenance)?;
        }
        for m in &mut meters {
            let names: Vec<_> = m.record_from.iter().map(|r| r.name()).collect();
            let columns: Vec<&str> = names.iter().map(|n| n.as_ref()).collect();
            m.file = open_file(&m.name, &m.record_to, &files, &columns, &provenance)?;
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
            if let Some(file) = recorder.file.as_mut() {
                for &(stamp, sender) in &slice {
                    file.row(sender, self.resolution.step_to_ms(stamp), &[]);
                }
            }
            let mut events = recorder.events.write();
            for (stamp, sender) in slice {
                events.push(sender, stamp);
            }
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
            let meter = &mut self.meters[device];
            if let Some(file) = meter.file.as_mut() {
                for (stamp, sender, values) in &rows {
                    file.row(*sender, self.resolution.step_to_ms(*stamp), values);
                }
            }
            let mut samples = meter.samples.write();
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

    /// The neurons a recorder watches: per population (its index), their indices in it,
    /// ascending, in population order.
    pub fn recorder_neurons(&self, recorder: &SpikeRecorderHandle) -> Vec<(usize, Vec<u32>)> {
        self.recorders[recorder.index]
            .masks
            .iter()
            .enumerate()
            .filter_map(|(p, mask)| {
                let mask = mask.as_ref()?;
                let indices = (0..mask.len() as u32)
                    .filter(|&i| mask[i as usize])
                    .collect();
                Some((p, indices))
            })
            .collect()
    }

    /// The samples a multimeter has recorded so far.
    pub fn samples(&self, multimeter: &MultimeterHandle) -> RwLockReadGuard<'_, Samples> {
        self.meters[multimeter.index].samples.read()
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

    /// Wall-clock time from the builder's creation to the built network.
    pub fn build_time(&self) -> Duration {
        self.build_time
    }

    /// Where this network's results come from: version, resolution, seed, threads and
    /// the description's hash.
    pub fn provenance(&self) -> Provenance {
        Provenance {
            software: PROJECT.to_string(),
            resolution_ms: self.resolution.ms(),
            seed: self.seed.0,
            threads: self.threads,
            description_sha256: self.description_sha256.clone(),
        }
    }

    /// The paths of the files the recorders write, by recorder name.
    pub fn output_files(&self) -> Vec<(&str, &std::path::Path)> {
        let recorders = self
            .recorders
            .iter()
            .filter_map(|r| Some((r.name.as_str(), r.file.as_ref()?.path())));
        let meters = self
            .meters
            .iter()
            .filter_map(|m| Some((m.name.as_str(), m.file.as_ref()?.path())));
        recorders.chain(meters).collect()
    }

    /// A multimeter's handle, found by its name.
    pub fn multimeter_handle(&self, name: &str) -> Option<MultimeterHandle> {
        let index = self.meters.iter().position(|m| m.name == name)?;
        Some(MultimeterHandle {
            index,
            samples: self.meters[index].samples.clone(),
        })
    }

    /// A spike recorder's handle, found by its name.
    pub fn spike_recorder_handle(&self, name: &str) -> Option<SpikeRecorderHandle> {
        let index = self.recorders.iter().position(|r| r.name == name)?;
        Some(SpikeRecorderHandle {
            index,
            events: self.recorders[index].events.clone(),
        })
    }

    /// A multimeter's name.
    pub fn multimeter_name(&self, multimeter: &MultimeterHandle) -> &str {
        &self.meters[multimeter.index].name
    }

    /// The name of the population a node id (1-based) belongs to, and the neuron's
    /// index in it.
    pub fn locate(&self, node_id: u32) -> Option<(&str, usize)> {
        let info = self
            .population_info
            .iter()
            .find(|p| p.first_node_id <= node_id && node_id < p.first_node_id + p.len as u32)?;
        Some((&info.name, (node_id - info.first_node_id) as usize))
    }
}

/// Opens the file `record_to` asks for (none for memory recording).
fn open_file(
    entity: &str,
    record_to: &RecordTo,
    settings: &FileSettings,
    columns: &[&str],
    provenance: &Provenance,
) -> Result<Option<RecordFile>> {
    let (format, directory) = match record_to {
        RecordTo::Memory => return Ok(None),
        RecordTo::Ascii { directory } => (FileFormat::Ascii, directory),
        RecordTo::Csv { directory } => (FileFormat::Csv, directory),
    };
    let directory = directory.as_deref().unwrap_or(&settings.data_path);
    RecordFile::create(entity, directory, settings, format, columns, provenance).map(Some)
}
