//! The builder: create populations, devices and projections in NEST's order and with
//! NEST's checks, then `build()` the network. Each kind of part is added in its own
//! module (`populations`, `connections`, `generators`, `recorders`); this one holds
//! what they share and hands the declarations to the placement step.

mod connections;
mod generators;
pub(crate) mod initial;
pub(crate) mod populations;
mod rate;
pub use rate::{RateConnection, RateMultimeterHandle, RatePopulationHandle, RateRule};
mod rate_spatial;
pub use rate_spatial::RateConnectionOf;
mod rate_generators;
mod recorders;
mod slices;
pub(crate) mod train_generators;

use super::canonical::Call;
use super::files::FileSettings;
use super::info::{DeviceInfo, PopulationInfo};
use super::placement::{self, Declarations, GeneratorSpec, MultimeterSpec, StagingBuffers};
use super::receptors::{self, Event};
use super::recording::{MeterRuntime, RecorderRuntime};
use super::resources::MemoryBudget;
use super::runtime::{Network, Parts};
use crate::distribution::{self, Communicator, Ownership, RecorderFiles};
use crate::engine::block::block_count;
use crate::engine::population::PopulationDyn;
use crate::engine::projection::Projection;
use crate::error::{Error, Result};
use crate::models::Recordable;
use crate::provenance::DescriptionHash;
use crate::rng::Seed;
use crate::time::Resolution;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// Builds a network: populations, devices and projections, each checked as it is added.
pub struct NetworkBuilder {
    resolution: Resolution,
    seed: Seed,
    threads: Option<usize>,
    names: HashMap<String, &'static str>,
    populations: Vec<Box<dyn PopulationDyn>>,
    population_info: Vec<PopulationInfo>,
    projections: Vec<Projection>,
    generators: Vec<GeneratorSpec>,
    generator_info: Vec<DeviceInfo>,
    recorders: Vec<RecorderRuntime>,
    multimeters: Vec<MultimeterSpec>,
    meters: Vec<MeterRuntime>,
    /// Weight recorders, attached to their projections once the network is built.
    weight_recorders: Vec<recorders::WeightRecorderSpec>,
    memory: MemoryBudget,
    files: FileSettings,
    hash: DescriptionHash,
    created: Instant,
    /// NEST's kernel `min_delay` and `max_delay` in steps, when set.
    delay_extrema: Option<(i64, i64)>,
    /// The ranks the network is built on (one process: `distribution::Local`); joins
    /// `build`'s agreement as a failure if the builder is dropped unbuilt.
    comm: distribution::Unbuilt,
    /// How recorder files are laid out on several ranks.
    recorder_files: RecorderFiles,
    /// Rate populations, their connections and multimeters.
    rate: rate::RateDeclarations,
    /// Where projections' target words wait on their way to their rows, kept from one
    /// projection to the next and freed when the network is built.
    staging: StagingBuffers,
}

impl NetworkBuilder {
    /// A builder with resolution `resolution` and seed `seed`.
    pub fn new(resolution: Resolution, seed: Seed) -> Self {
        Self {
            resolution,
            seed,
            threads: None,
            names: HashMap::new(),
            populations: Vec::new(),
            population_info: Vec::new(),
            projections: Vec::new(),
            generators: Vec::new(),
            generator_info: Vec::new(),
            recorders: Vec::new(),
            multimeters: Vec::new(),
            meters: Vec::new(),
            weight_recorders: Vec::new(),
            memory: MemoryBudget::from_machine(),
            files: FileSettings::default(),
            hash: DescriptionHash::default(),
            created: Instant::now(),
            delay_extrema: None,
            comm: distribution::Unbuilt::new(distribution::current()),
            recorder_files: RecorderFiles::default(),
            rate: rate::RateDeclarations::default(),
            staging: StagingBuffers::new(),
        }
    }

    /// Limits the memory (bytes) the network may take; by default the machine's available
    /// memory when the builder was created (Linux `MemAvailable`), unlimited where that
    /// cannot be read. Every population, projection, device and the ring buffers are
    /// estimated before they are allocated, and a part that would not fit is an
    /// [`Error::Resources`] naming it, its estimate and the limit.
    pub fn memory_limit(mut self, bytes: u64) -> Self {
        self.memory.limit = bytes;
        self
    }

    /// The memory (bytes) the parts added so far take by the builder's estimate.
    pub fn memory_estimate(&self) -> u64 {
        self.memory.committed
    }

    /// NEST's kernel settings `min_delay` and `max_delay` (ms; `min_delay` rounded down
    /// to the grid, `max_delay` up, as NEST's `DelayChecker` does): every connection's delay must lie between them (checked at
    /// `build`), and the network advances in slices of `min_delay`. Unset, as in NEST,
    /// they follow from the connections. `min_delay` must be at least the resolution
    /// and not above `max_delay`. Results do not depend on them.
    pub fn delay_extrema(mut self, min_delay: f64, max_delay: f64) -> Result<Self> {
        self.note(
            Call::new("delay_extrema")
                .field("min_delay", min_delay)
                .field("max_delay", max_delay),
        );
        let res = self.resolution;
        for (name, v) in [("min_delay", min_delay), ("max_delay", max_delay)] {
            if !v.is_finite() {
                return Err(Error::invalid("kernel", name, v, "must be finite (ms)"));
            }
        }
        let (min, max) = res.delay_extrema_steps(min_delay, max_delay);
        if min < 1 {
            return Err(Error::invalid(
                "kernel",
                "min_delay",
                min_delay,
                format!("must be at least the resolution ({} ms)", res.ms()),
            ));
        }
        if min > max {
            return Err(Error::invalid(
                "kernel",
                "min_delay",
                min_delay,
                format!("must not be above max_delay ({max_delay} ms)"),
            ));
        }
        if max > crate::spec::synapse::MAX_DELAY_STEPS {
            return Err(Error::invalid(
                "kernel",
                "max_delay",
                max_delay,
                format!(
                    "must be at most {} ms",
                    res.step_to_ms(crate::spec::synapse::MAX_DELAY_STEPS)
                ),
            ));
        }
        self.delay_extrema = Some((min, max));
        Ok(self)
    }

    /// The directory recorder files go to when the recorder names none (NEST's
    /// `data_path`; default: the working directory). It must exist when the network
    /// is built.
    pub fn data_path(mut self, directory: impl Into<PathBuf>) -> Self {
        self.files.data_path = directory.into();
        self
    }

    /// A prefix of every recorder file's name (NEST's `data_prefix`; default none).
    pub fn data_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.files.data_prefix = prefix.into();
        self
    }

    /// Whether an existing recorder file is replaced (default) or is an error (NEST's
    /// `overwrite_files`, whose default is `false`).
    pub fn overwrite_files(mut self, overwrite: bool) -> Self {
        self.files.overwrite = overwrite;
        self
    }

    /// Records the text of the description this network is built from (`network!` and
    /// the loader pass its canonical form) in the description hash that every output
    /// carries. Builder calls are hashed as they are made.
    pub fn describe(&mut self, description: &str) {
        self.note(Call::new("description").field("text", description));
    }

    /// Adds a builder call with its values to the description hash.
    fn note(&mut self, call: Call) {
        self.hash.add(call.text().as_bytes());
    }

    /// Runs the simulation on `threads` threads (default: rayon's global pool). Results
    /// do not depend on it.
    pub fn threads(mut self, threads: usize) -> Self {
        self.threads = Some(threads.max(1));
        self
    }

    /// Builds the network on the ranks of `communicator` (default: the one
    /// [`distribution::install`]ed for the process, or one process). Every rank makes the
    /// same builder calls; each keeps the neurons of its blocks and the synapses onto
    /// them. Results do not depend on the number of ranks.
    pub fn communicator(mut self, communicator: Arc<dyn Communicator>) -> Self {
        // The replaced one was never built on: it must not join an agreement.
        self.comm.disarm();
        self.comm = distribution::Unbuilt::new(communicator);
        self
    }

    /// How recorder files are laid out on several ranks (default: one merged file,
    /// written by rank 0; see [`RecorderFiles`]).
    pub fn recorder_files(mut self, layout: RecorderFiles) -> Self {
        self.recorder_files = layout;
        self
    }

    /// Which blocks this rank owns, over the populations declared so far.
    fn ownership(&self) -> Ownership {
        Ownership::new(
            self.comm.comm().rank(),
            self.comm.comm().size(),
            self.population_info.iter().map(|p| block_count(p.len)),
        )
    }

    /// How many of the `len` neurons of a population declared next this rank owns.
    fn owned_neurons_of_next(&self, len: usize) -> usize {
        let p = self.population_info.len();
        Ownership::new(
            self.comm.comm().rank(),
            self.comm.comm().size(),
            self.population_info
                .iter()
                .map(|p| block_count(p.len))
                .chain([block_count(len)]),
        )
        .owned_neurons(p, len)
    }

    /// The resolution.
    pub fn resolution(&self) -> Resolution {
        self.resolution
    }

    /// The seed.
    pub fn seed(&self) -> Seed {
        self.seed
    }

    /// Checks that `name` is free for a new `kind`; [`Self::take_name`] records it once
    /// the new part is complete, so a failed call leaves the name free.
    fn check_name(&self, name: &str, kind: &'static str) -> Result<()> {
        if name.is_empty() {
            return Err(Error::Name(format!("a {kind} needs a non-empty name")));
        }
        if let Some(existing) = self.names.get(name) {
            return Err(Error::Name(format!(
                "duplicate name `{name}`: already used by a {existing}; choose another name for this {kind}"
            )));
        }
        Ok(())
    }

    fn take_name(&mut self, name: &str, kind: &'static str) {
        self.names.insert(name.to_string(), kind);
    }

    /// Checks `receptor_type` of a connection named `entity` onto population `target`
    /// (see [`receptors::receptor_channel`]); returns the spike channel it feeds, `None`
    /// when the weight's sign picks it.
    fn receptor_channel(
        &self,
        entity: &str,
        target: usize,
        receptor_type: u16,
        event: Event,
    ) -> Result<Option<usize>> {
        receptors::receptor_channel(
            entity,
            &self.population_info[target],
            self.populations[target].receptor_ports(),
            receptor_type,
            event,
        )
    }

    /// Checks that population `target` has each of `record_from` (a multimeter named
    /// `entity` samples it).
    fn check_recordables(
        &self,
        entity: &str,
        target: usize,
        record_from: &[Recordable],
    ) -> Result<()> {
        receptors::check_recordables(
            entity,
            &self.population_info[target],
            &self.populations[target].recordables(),
            record_from,
        )
    }

    /// Finishes the network: the placement step lays populations, synapses, devices and
    /// plastic state out in blocks (sizing the ring buffers from the delays), then the
    /// network opens its recorder files.
    ///
    /// On several ranks building is collective: every rank calls `build`, and all
    /// return `Ok` or all an error (a rank whose builder call failed before joins when
    /// its builder is dropped).
    pub fn build(mut self) -> Result<Network> {
        let comm = self.comm.disarm();
        if let Err(rank) = distribution::agree(&*comm, true, &[]) {
            return Err(distribution::failed_elsewhere("building the network", rank));
        }
        let built = self.build_here();
        distribution::agree_on(&*comm, "building the network", built)
    }

    /// The node id of the first generator: the generators are numbered after every
    /// neuron (spiking and rate), in creation order, so that the neurons keep NEST's ids
    /// of a script creating no device between them.
    fn generator_first_id(&self) -> Result<u32> {
        let first = self
            .population_info
            .last()
            .map_or(1, |p| u64::from(p.first_node_id) + p.len as u64)
            .max(u64::from(self.rate.next_node_id));
        if first + self.generators.len() as u64 > u64::from(u32::MAX) {
            return Err(Error::Resources(format!(
                "{} generators after {} neurons take node ids past {}",
                self.generators.len(),
                first - 1,
                u32::MAX
            )));
        }
        Ok(first as u32)
    }

    /// `build` on this rank, between the ranks' agreements.
    fn build_here(self) -> Result<Network> {
        let generator_first_id = self.generator_first_id()?;
        let ownership = self.ownership();
        let mut memory = self.memory;
        if let Some(extrema) = self.delay_extrema {
            let info = &self.generator_info;
            placement::check_delays(
                extrema,
                &self.projections,
                &self.generators,
                |g| info[g].name.as_str(),
                &self.resolution,
            )?;
        }
        let taps = placement::place_generator_taps(
            self.recorders
                .iter()
                .enumerate()
                .flat_map(|(r, rec)| rec.generators.iter().map(move |&g| (r, g))),
            &self.generators,
            self.seed,
        );
        let clocks = placement::place_shared_clocks(&self.generators, self.seed);
        let spiking = !self.projections.is_empty() || !self.generators.is_empty();
        let extrema = self.delay_extrema;
        let mut placement = placement::place(
            Declarations {
                resolution: self.resolution,
                seed: self.seed,
                populations: self.populations,
                population_info: &self.population_info,
                projections: self.projections,
                generators: &self.generators,
                multimeters: &self.multimeters,
                delay_extrema: self.delay_extrema,
                ownership,
                comm: &**self.comm.comm(),
            },
            &mut memory,
        )?;
        let spiking_slice = extrema
            .map(|(min, _)| min)
            .or(spiking.then_some(placement.slice_len));
        let mut rate_declarations = self.rate;
        let rate_meters = std::mem::take(&mut rate_declarations.recording);
        let (rate, _) = Self::rate_system(
            rate_declarations,
            &self.resolution,
            spiking_slice,
            self.seed,
            self.comm.comm(),
        );
        memory.reserve("the rate neurons", rate.memory_bytes(), 0)?;
        if !rate.is_empty() {
            // NEST's min_delay counts rate connections too.
            placement.slice_len = rate.len as i64;
        }
        let weight_recorders = self.weight_recorders;
        let mut network = Network::new(Parts {
            resolution: self.resolution,
            seed: self.seed,
            threads: self.threads,
            placement,
            population_info: self.population_info,
            recorders: self.recorders,
            meters: self.meters,
            generators: self.generator_info,
            files: self.files,
            description_sha256: self.hash.hex(),
            created: self.created,
            memory,
            comm: self.comm.comm().clone(),
            recorder_files: self.recorder_files,
            rate,
            taps,
            clocks,
            generator_first_id,
            rate_meters,
        })?;
        for spec in weight_recorders {
            spec.attach(&mut network)?;
        }
        Ok(network)
    }
}
