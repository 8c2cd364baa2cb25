//! The builder: create populations, devices and projections in NEST's order and with
//! NEST's checks, then `build()` the network.

use super::assemble::{assemble, EdgeList, ProjectionSite};
use super::files::FileSettings;
use super::handles::Shared;
use super::handles::*;
use super::receptors::Event;
use super::recording::{Samples, SpikeEvents};
use super::resources::{self, MemoryBudget};
use super::runtime::{DeviceInfo, MeterRuntime, Network, RecorderRuntime};
use crate::devices::{
    DcGenerator, Multimeter, NoiseGenerator, PoissonGenerator, RecordTo, SpikeGenerator,
    SpikeRecorder,
};
use crate::engine::plastic;
use crate::engine::poisson::PoissonDrive;
use crate::engine::population::{BlockRuntime, Population, PopulationDyn, BLOCK_LEN};
use crate::engine::projection::Projection;
use crate::engine::ring::Ring;
use crate::engine::sampler::BlockSampler;
use crate::engine::stimulus::{BlockStimulus, StimulusKind};
use crate::error::{Error, Result};
use crate::models::{NeuronModel, Recordable};
use crate::provenance::DescriptionHash;
use crate::report::FiringRanges;
use crate::rng::{Purpose, Seed};
use crate::spatial::Place;
use crate::spatial::{check_compatible, select, Layout, Mask, Point, Space};
use crate::storage::Length;
use crate::synapse::SampleValue;
use crate::synapse::{delay_steps, StaticSynapse, Synapse, Value};
use crate::time::Resolution;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// A neuron model under a name: NEST's model itself (`Model::nest`) or a variant with its
/// own defaults (NEST's `CopyModel` + `SetDefaults`, `Model::variant`).
#[derive(Debug, Clone, PartialEq)]
pub struct Model<M: NeuronModel> {
    name: String,
    params: M,
    firing: Option<FiringRanges>,
}

impl<M: NeuronModel> Model<M> {
    /// NEST's model with these parameters, validated.
    pub fn nest(params: M) -> Result<Self> {
        Self::variant(M::NAME, params)
    }

    /// A variant named `name` with these parameters, validated.
    pub fn variant(name: &str, params: M) -> Result<Self> {
        params.validate(name)?;
        Ok(Self {
            name: name.to_string(),
            params,
            firing: None,
        })
    }

    /// The same model with the firing-rate ranges its cells are known to have (rest,
    /// active, max); the report checks each population's measured rate against them.
    pub fn with_firing(self, firing: FiringRanges) -> Result<Self> {
        firing.validate(&self.name)?;
        Ok(Self {
            firing: (!firing.is_empty()).then_some(firing),
            ..self
        })
    }

    /// The declared firing-rate ranges.
    pub fn firing(&self) -> Option<&FiringRanges> {
        self.firing.as_ref()
    }

    /// The model's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The parameters.
    pub fn params(&self) -> &M {
        &self.params
    }
}

/// What the network knows of a population.
#[derive(Debug, Clone)]
pub struct PopulationInfo {
    /// Its name.
    pub name: String,
    /// Its model's name (a NEST model or a variant).
    pub model: String,
    /// The NEST model it is based on.
    pub base_model: &'static str,
    /// The number of neurons.
    pub len: usize,
    /// Node id of its first neuron (1-based; ids run on across populations).
    pub first_node_id: u32,
    /// Positions (mm) of a spatial population; `None` for a non-spatial one.
    pub space: Option<Arc<Space>>,
    /// The firing-rate ranges its model declares.
    pub firing: Option<FiringRanges>,
}

/// A device's connection to one neuron: (index in its population, weight, delay steps).
pub(crate) type DeviceConnection = (u32, f64, u16);

/// A generator waiting for `build`: its kind and, per target population, its
/// connections `(index, weight, delay steps)`.
pub(crate) struct GeneratorSpec {
    pub name: String,
    /// NEST's model name.
    pub model: &'static str,
    pub kind: StimulusKind,
    pub targets: Vec<(usize, Vec<DeviceConnection>)>,
    /// Per target population, the spike channel of the receptor port it feeds.
    pub port_channels: Vec<Option<usize>>,
}

pub(crate) struct MultimeterSpec {
    pub name: String,
    pub samples: Shared<Samples>,
    pub interval: i64,
    pub offset: i64,
    pub window: (i64, i64),
    pub record_from: Vec<Recordable>,
    pub targets: Vec<(usize, Vec<u32>)>,
    pub record_to: RecordTo,
}

/// Builds a network: populations, devices and projections, each checked as it is added.
pub struct NetworkBuilder {
    pub(crate) resolution: Resolution,
    pub(crate) seed: Seed,
    pub(crate) threads: Option<usize>,
    names: HashMap<String, &'static str>,
    pub(crate) populations: Vec<Box<dyn PopulationDyn>>,
    pub(crate) population_info: Vec<PopulationInfo>,
    pub(crate) projections: Vec<Projection>,
    pub(crate) generators: Vec<GeneratorSpec>,
    pub(crate) recorders: Vec<RecorderRuntime>,
    pub(crate) multimeters: Vec<MultimeterSpec>,
    pub(crate) memory: MemoryBudget,
    files: FileSettings,
    hash: DescriptionHash,
    created: Instant,
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
            recorders: Vec::new(),
            multimeters: Vec::new(),
            memory: MemoryBudget::from_machine(),
            files: FileSettings::default(),
            hash: DescriptionHash::default(),
            created: Instant::now(),
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

    /// Records the text of the description this network is built from (the
    /// `network!` macro passes a hash of its input) in the description hash that
    /// every output carries. Builder calls are hashed as they are made.
    pub fn describe(&mut self, description: &str) {
        self.note(format_args!("description {description}"));
    }

    /// Adds a builder call with its values to the description hash.
    pub(super) fn note(&mut self, call: std::fmt::Arguments<'_>) {
        self.hash.add(call.to_string().as_bytes());
    }

    /// Runs the simulation on `threads` threads (default: rayon's global pool). Results
    /// do not depend on it.
    pub fn threads(mut self, threads: usize) -> Self {
        self.threads = Some(threads.max(1));
        self
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

    /// The node id of the first neuron of a new population of `len` neurons; node ids
    /// are 32-bit, as the synapse storage's source indices.
    fn next_node_id(&self, name: &str, len: usize) -> Result<u32> {
        let first = self
            .population_info
            .last()
            .map_or(1, |p| u64::from(p.first_node_id) + p.len as u64);
        if first + len as u64 > u64::from(u32::MAX) {
            return Err(Error::Resources(format!(
                "population `{name}`: {len} neurons take the network past 2^32 − 1 neurons, \
                 the most node ids can number; make the population smaller"
            )));
        }
        Ok(first as u32)
    }

    /// The models count refractory steps in 32 bits: a `t_ref` longer than that many
    /// steps of this resolution is an error naming the model.
    fn check_refractory_steps<M: NeuronModel>(&self, model: &Model<M>) -> Result<()> {
        let Some(t_ref) = model.params.get("t_ref") else {
            return Ok(());
        };
        if self.resolution.steps_ceil(t_ref) > i64::from(u32::MAX) {
            let longest = self.resolution.step_to_ms(i64::from(u32::MAX));
            return Err(Error::invalid(
                &model.name,
                "t_ref",
                t_ref,
                format!(
                    "must be at most {longest} ms at the resolution {} ms (2^32 − 1 steps)",
                    self.resolution.ms()
                ),
            ));
        }
        Ok(())
    }

    /// Adds a population of `len` neurons of `model`.
    pub fn population<M: NeuronModel, L: Length>(
        &mut self,
        name: &str,
        model: &Model<M>,
        len: L,
    ) -> Result<PopulationHandle<L>> {
        self.check_name(name, "population")?;
        self.note(format_args!(
            "population {name} {} {:?} {:?} {}",
            model.name,
            model.params,
            model.firing,
            len.value()
        ));
        if len.value() == 0 {
            return Err(Error::invalid(
                name,
                "size",
                0,
                "a population needs at least one neuron",
            ));
        }
        self.check_refractory_steps(model)?;
        let first_node_id = self.next_node_id(name, len.value())?;
        self.memory.reserve(
            &format!(
                "population `{name}` ({} neurons of {})",
                len.value(),
                M::NAME
            ),
            resources::neuron_bytes::<M>(len.value()),
            0,
        )?;
        let propagators = model.params.propagators(&self.resolution);
        self.populations.push(Box::new(Population::new(
            model.params.clone(),
            propagators,
            len,
        )));
        self.population_info.push(PopulationInfo {
            name: name.to_string(),
            model: model.name.clone(),
            base_model: M::NAME,
            len: len.value(),
            first_node_id,
            space: None,
            firing: model.firing,
        });
        self.take_name(name, "population");
        Ok(PopulationHandle {
            index: self.populations.len() - 1,
            len,
        })
    }

    /// Adds a spatial population of `len` neurons of `model`, placed by `layout`
    /// (positions in mm; random positions come from the population's own stream).
    pub fn spatial_population<M: NeuronModel, L: Length>(
        &mut self,
        name: &str,
        model: &Model<M>,
        len: L,
        layout: &Layout,
    ) -> Result<PopulationHandle<L>> {
        self.note(format_args!("layout {name} {layout:?}"));
        let index = self.populations.len();
        let positions = resources::position_bytes(len.value());
        let neurons = resources::neuron_bytes::<M>(len.value());
        let what = format!("population `{name}` ({} neurons in space)", len.value());
        // Checked before the positions are drawn, committed once the population exists.
        self.memory.check(&what, positions + neurons, 0)?;
        let space = layout.place(name, len.value(), self.seed, index as u64)?;
        let handle = self.population(name, model, len)?;
        self.memory.reserve(&what, positions, 0)?;
        self.population_info[index].space = Some(Arc::new(space));
        Ok(handle)
    }

    /// The neurons of a spatial population that lie inside `mask` placed at `center`
    /// (absolute position, mm), e.g. "the l23pyr neurons within 0.5 mm of the origin".
    /// An empty result is an error naming the population and the mask.
    pub fn within<L: Length>(
        &self,
        population: &PopulationHandle<L>,
        mask: &Mask,
        center: [f64; 3],
    ) -> Result<Selection> {
        let info = &self.population_info[population.index];
        let space = info.space.as_deref().ok_or_else(|| {
            Error::invalid(
                &info.name,
                "mask",
                "within",
                "the population is not spatial; give it positions (a layout) to select by mask",
            )
        })?;
        mask.validate(&info.name)?;
        check_compatible(&info.name, mask, space)?;
        let at = Point::new(center[0], center[1], center[2]);
        let indices = select(space, mask, &at);
        if indices.is_empty() {
            return Err(Error::EmptySelection {
                entity: info.name.clone(),
                message: format!("no neuron lies inside the mask at {center:?}"),
            });
        }
        Ok(Selection {
            population: population.index,
            indices: Some(indices),
        })
    }

    /// Positions (mm) of a spatial population's neurons.
    pub fn positions<L: Length>(&self, population: &PopulationHandle<L>) -> Option<&[Point]> {
        self.population_info[population.index]
            .space
            .as_deref()
            .map(Space::positions)
    }

    /// Sets the initial membrane potential (mV) of the selected neurons, constant or
    /// drawn per neuron (from a stream keyed by population and neuron index).
    pub fn initial_v_m(&mut self, selection: &Selection, v_m: Value) -> Result<()> {
        let name = self.population_info[selection.population].name.clone();
        if self.populations[selection.population]
            .param("V_m")
            .is_none()
        {
            return Err(Error::invalid(
                &name,
                "V_m",
                "initial value",
                format!(
                    "{} has no membrane potential; set V_m only on neuron models",
                    self.population_info[selection.population].model
                ),
            ));
        }
        self.note(format_args!("initial_v_m {selection:?} {v_m:?}"));
        v_m.validate(&name, "V_m")?;
        let indices = self.resolve(&name, selection)?;
        for i in indices {
            let mut rng = self.seed.stream(
                Purpose::InitialState,
                selection.population as u64,
                u64::from(i),
            );
            let v = v_m.sample(&mut rng)?;
            self.populations[selection.population].set_v_m(i as usize, v);
        }
        Ok(())
    }

    /// A handle to the population created `index`-th, with its size as a
    /// [`Dyn`](crate::storage::Dyn) length
    /// (for code that creates populations in a loop).
    pub fn population_handle(&self, index: usize) -> Option<PopulationHandle<crate::storage::Dyn>> {
        self.population_info.get(index).map(|p| PopulationHandle {
            index,
            len: crate::storage::Dyn(p.len),
        })
    }

    /// The population information, in creation order.
    pub fn population_info(&self) -> &[PopulationInfo] {
        &self.population_info
    }

    /// The indices a selection stands for, checked against the population.
    pub(crate) fn resolve(&self, entity: &str, selection: &Selection) -> Result<Vec<u32>> {
        let info = self
            .population_info
            .get(selection.population)
            .ok_or_else(|| {
                Error::Name(format!(
                    "{entity}: population #{} does not exist",
                    selection.population
                ))
            })?;
        let indices = match &selection.indices {
            None => (0..info.len as u32).collect(),
            Some(list) => {
                if let Some(&bad) = list.iter().find(|&&i| i as usize >= info.len) {
                    return Err(Error::invalid(
                        entity,
                        "targets",
                        bad,
                        format!(
                            "`{}` has {} neurons (indices 0..{})",
                            info.name, info.len, info.len
                        ),
                    ));
                }
                list.clone()
            }
        };
        if indices.is_empty() {
            return Err(Error::EmptySelection {
                entity: entity.to_string(),
                message: format!("the selection of `{}` contains no neuron", info.name),
            });
        }
        Ok(indices)
    }

    /// Adds a spike recorder on the selected neurons.
    pub fn spike_recorder(
        &mut self,
        name: &str,
        params: SpikeRecorder,
        sources: &[Selection],
    ) -> Result<SpikeRecorderHandle> {
        self.check_name(name, "spike recorder")?;
        self.note(format_args!("spike_recorder {name} {params:?} {sources:?}"));
        let window = params.window.steps(name, &self.resolution)?;
        let mut masks: Vec<Option<Vec<bool>>> = vec![None; self.populations.len()];
        for selection in sources {
            let indices = self.resolve(name, selection)?;
            if masks[selection.population].is_none() {
                let len = self.population_info[selection.population].len;
                self.memory.reserve(
                    &format!("spike recorder `{name}` (flags for {len} neurons)"),
                    len as u64,
                    0,
                )?;
            }
            let mask = masks[selection.population]
                .get_or_insert_with(|| vec![false; self.population_info[selection.population].len]);
            for i in indices {
                mask[i as usize] = true;
            }
        }
        self.take_name(name, "spike recorder");
        let events = Shared::new(SpikeEvents::new(self.resolution));
        self.recorders.push(RecorderRuntime {
            name: name.to_string(),
            window,
            masks,
            events: events.clone(),
            record_to: params.record_to,
            file: None,
        });
        Ok(SpikeRecorderHandle {
            index: self.recorders.len() - 1,
            events,
        })
    }

    /// Adds a multimeter (or voltmeter) on the selected neurons.
    pub fn multimeter(
        &mut self,
        name: &str,
        params: Multimeter,
        targets: &[Selection],
    ) -> Result<MultimeterHandle> {
        self.check_name(name, "multimeter")?;
        self.note(format_args!("multimeter {name} {params:?} {targets:?}"));
        let (interval, offset) = params.grid(name, &self.resolution)?;
        let window = params.window.steps(name, &self.resolution)?;
        let mut resolved = Vec::new();
        for selection in targets {
            let indices = self.resolve(name, selection)?;
            self.check_recordables(name, selection.population, &params.record_from)?;
            resolved.push((selection.population, indices));
        }
        self.take_name(name, "multimeter");
        let samples = Shared::new(Samples::new(self.resolution, params.record_from.clone()));
        self.multimeters.push(MultimeterSpec {
            samples: samples.clone(),
            name: name.to_string(),
            interval,
            offset,
            window,
            record_from: params.record_from,
            targets: resolved,
            record_to: params.record_to,
        });
        Ok(MultimeterHandle {
            index: self.multimeters.len() - 1,
            samples,
        })
    }

    fn add_generator(
        &mut self,
        name: &str,
        model: &'static str,
        kind: StimulusKind,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.check_name(name, "generator")?;
        synapse.validate(name, &self.resolution)?;
        let id = self.generators.len() as u64;
        let event = match kind {
            StimulusKind::Dc { .. } | StimulusKind::Noise { .. } => Event::Current,
            StimulusKind::Poisson { .. } | StimulusKind::Spikes { .. } => Event::Spike,
        };
        let mut resolved = Vec::new();
        let mut port_channels = Vec::new();
        for selection in targets {
            let indices = self.resolve(name, selection)?;
            port_channels.push(self.receptor_channel(
                name,
                selection.population,
                synapse.receptor_type,
                event,
            )?);
            self.memory.reserve(
                &format!("generator `{name}` ({} targets)", indices.len()),
                resources::device_bytes(indices.len()),
                0,
            )?;
            let mut connections = Vec::with_capacity(indices.len());
            for i in indices {
                let mut rng = self.seed.stream(
                    Purpose::SynapseParams,
                    generator_entity(id),
                    target_key(selection.population, i),
                );
                let weight = synapse.weight.sample(&mut rng)?;
                let delay = delay_steps(name, synapse.delay.sample(&mut rng)?, &self.resolution)?;
                // A parrot ignores weights: each spike counts once.
                let weight = if self.populations[selection.population].counts_spikes() {
                    1.0
                } else {
                    weight
                };
                connections.push((i, weight, delay));
            }
            resolved.push((selection.population, connections));
        }
        self.take_name(name, "generator");
        self.generators.push(GeneratorSpec {
            name: name.to_string(),
            model,
            kind,
            targets: resolved,
            port_channels,
        });
        Ok(GeneratorHandle::new(self.generators.len() - 1))
    }

    /// Adds a `dc_generator` connected to the selected neurons through `synapse`.
    pub fn dc_generator(
        &mut self,
        name: &str,
        params: DcGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note(format_args!(
            "dc_generator {name} {params:?} {targets:?} {synapse:?}"
        ));
        let window = params.validate(name, &self.resolution)?;
        let kind = StimulusKind::Dc {
            amplitude: params.amplitude,
            window,
        };
        self.add_generator(name, "dc_generator", kind, targets, synapse)
    }

    /// Adds a `poisson_generator`: each selected neuron receives its own train through
    /// `synapse`.
    pub fn poisson_generator(
        &mut self,
        name: &str,
        params: PoissonGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note(format_args!(
            "poisson_generator {name} {params:?} {targets:?} {synapse:?}"
        ));
        let window = params.validate(name, &self.resolution)?;
        let mean = params.rate * self.resolution.ms() * 1e-3;
        let kind = StimulusKind::Poisson {
            mean,
            drive: PoissonDrive::new(mean, 1),
            window,
        };
        self.add_generator(name, "poisson_generator", kind, targets, synapse)
    }

    /// Adds a `spike_generator` connected to the selected neurons through `synapse`.
    pub fn spike_generator(
        &mut self,
        name: &str,
        params: SpikeGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note(format_args!(
            "spike_generator {name} {params:?} {targets:?} {synapse:?}"
        ));
        let (spikes, window) = params.validate(name, &self.resolution)?;
        let kind = StimulusKind::Spikes {
            spikes: Arc::from(spikes),
            window,
        };
        self.add_generator(name, "spike_generator", kind, targets, synapse)
    }

    /// Adds a `noise_generator` connected to the selected neurons through `synapse`.
    pub fn noise_generator(
        &mut self,
        name: &str,
        params: NoiseGenerator,
        targets: &[Selection],
        synapse: &StaticSynapse,
    ) -> Result<GeneratorHandle> {
        self.note(format_args!(
            "noise_generator {name} {params:?} {targets:?} {synapse:?}"
        ));
        let (window, dt) = params.validate(name, &self.resolution)?;
        let omega_h = 2.0 * std::f64::consts::PI * params.frequency / 1000.0 * self.resolution.ms();
        let phase = params.phase * std::f64::consts::PI / 180.0;
        let kind = StimulusKind::Noise {
            mean: params.mean,
            std: params.std,
            std_mod: params.std_mod,
            rotation: (omega_h.cos(), omega_h.sin()),
            oscillator: (phase.cos(), phase.sin()),
            dt,
            window,
        };
        self.add_generator(name, "noise_generator", kind, targets, synapse)
    }

    /// Connects explicit pairs `(source index, target index)` through `synapse`, in the
    /// given order (NEST's `Connect` with arrays and `one_to_one`).
    pub fn connect_pairs<LS: Length, LT: Length>(
        &mut self,
        name: &str,
        source: &PopulationHandle<LS>,
        target: &PopulationHandle<LT>,
        pairs: &[(u32, u32)],
        synapse: impl Into<Synapse>,
    ) -> Result<ProjectionHandle> {
        let synapse = synapse.into();
        let (n_src, n_tgt) = (source.len.value(), target.len.value());
        self.note(format_args!(
            "connect_pairs {name} {} {} {synapse:?}",
            source.index, target.index
        ));
        let bytes: Vec<u8> = pairs
            .iter()
            .flat_map(|&(s, t)| s.to_le_bytes().into_iter().chain(t.to_le_bytes()))
            .collect();
        self.hash.add(&bytes);
        let mut counts = vec![0usize; n_tgt + 1];
        for &(s, t) in pairs {
            if s as usize >= n_src || t as usize >= n_tgt {
                return Err(Error::invalid(
                    name,
                    "pairs",
                    (s, t),
                    format!("indices must be below the sizes ({n_src}, {n_tgt})"),
                ));
            }
            counts[t as usize + 1] += 1;
        }
        for t in 0..n_tgt {
            counts[t + 1] += counts[t];
        }
        let mut fill = counts.clone();
        let mut sources = vec![0u32; pairs.len()];
        for &(s, t) in pairs {
            sources[fill[t as usize]] = s;
            fill[t as usize] += 1;
        }
        self.add_projection(
            name,
            source.index,
            target.index,
            &counts,
            &sources,
            &synapse,
        )
    }

    pub(crate) fn add_projection(
        &mut self,
        name: &str,
        source: usize,
        target: usize,
        offsets: &[usize],
        sources: &[u32],
        synapse: &Synapse,
    ) -> Result<ProjectionHandle> {
        self.check_name(name, "projection")?;
        synapse.validate(name, &self.resolution)?;
        self.receptor_channel(name, target, synapse.receptor_type(), Event::Spike)?;
        if let Synapse::Stdp(_) = synapse {
            self.check_stdp_target(name, target)?;
        }
        let mut base = synapse.base();
        if self.populations[target].counts_spikes() && matches!(synapse, Synapse::Static(_)) {
            // A parrot ignores weights: each spike counts once (plastic synapses keep
            // their weights and deliver the count, see `engine::plastic`).
            base.weight = Value::Constant(1.0);
        }
        let site = ProjectionSite {
            name,
            id: self.projections.len() as u64,
            source,
            target,
            n_sources: self.population_info[source].len,
            n_targets: self.population_info[target].len,
        };
        let synapses = sources.len() as u64;
        let (lasting, drawn) =
            resources::projection_bytes(synapses, site.n_sources, site.n_targets, synapse);
        self.memory.reserve(
            &format!("projection `{name}` ({synapses} synapses)"),
            lasting,
            drawn,
        )?;
        let mut projection = assemble(
            &site,
            EdgeList { offsets, sources },
            &base,
            &self.resolution,
            self.seed,
        )?;
        plastic::attach(&mut projection, synapse, &self.resolution)?;
        self.take_name(name, "projection");
        self.projections.push(projection);
        Ok(ProjectionHandle::new(self.projections.len() - 1))
    }

    /// The target of an `stdp_synapse` projection must have `tau_minus` (NEST's
    /// ArchivingNode): the postsynaptic trace decays with it.
    fn check_stdp_target(&self, name: &str, target: usize) -> Result<()> {
        let info = &self.population_info[target];
        match self.populations[target].param("tau_minus") {
            Some(_) => Ok(()),
            None => Err(Error::invalid(
                name,
                "synapse_model",
                "stdp_synapse",
                format!(
                    "the target population `{}` ({}) has no tau_minus, which STDP needs; use a model with tau_minus",
                    info.name, info.model
                ),
            )),
        }
    }

    /// Finishes the network: sizes the ring buffers from the delays and distributes
    /// generators and multimeters over the blocks of neurons.
    pub fn build(self) -> Result<Network> {
        let max_delay = self
            .projections
            .iter()
            .map(|p| i64::from(p.max_delay))
            .chain(self.generators.iter().flat_map(|g| {
                g.targets
                    .iter()
                    .flat_map(|(_, c)| c.iter().map(|&(_, _, d)| i64::from(d)))
            }))
            .max()
            .unwrap_or(1);
        let slice_len = self
            .projections
            .iter()
            .filter(|p| p.synapses > 0)
            .map(|p| i64::from(p.min_delay))
            .min()
            .unwrap_or(max_delay)
            .max(1);
        let slots = (max_delay + slice_len + 1) as usize;
        let mut memory = self.memory.clone();
        for info in &self.population_info {
            memory.reserve(
                &format!(
                    "the ring buffers of population `{}` ({} steps of delay for {} neurons)",
                    info.name, slots, info.len
                ),
                resources::ring_bytes(info.len, slots as u64),
                0,
            )?;
        }
        let mut populations = self.populations;
        for (p, pop) in populations.iter_mut().enumerate() {
            let len = pop.len();
            let blocks: Vec<BlockRuntime> = (0..len.div_ceil(BLOCK_LEN))
                .map(|b| BlockRuntime {
                    ring: Ring::new(
                        BLOCK_LEN.min(len - b * BLOCK_LEN),
                        slots,
                        pop.spike_channels(),
                    ),
                    rng: self
                        .seed
                        .stream(Purpose::Simulation, population_entity(p), b as u64),
                    stimuli: Vec::new(),
                    samplers: Vec::new(),
                    spikes: Vec::new(),
                    plastic: Vec::new(),
                    archive: None,
                })
                .collect();
            *pop.blocks() = blocks;
        }
        for (g, spec) in self.generators.iter().enumerate() {
            for ((p, connections), &port_channel) in spec.targets.iter().zip(&spec.port_channels) {
                let pop_counts = populations[*p].counts_spikes();
                let blocks = populations[*p].blocks();
                for (b, block) in blocks.iter_mut().enumerate() {
                    let in_block: Vec<_> = connections
                        .iter()
                        .filter(|(i, _, _)| *i as usize / BLOCK_LEN == b)
                        .collect();
                    if in_block.is_empty() {
                        continue;
                    }
                    let kind = match &spec.kind {
                        // A parrot ignores spike_weights too; it repeats multiplicities.
                        StimulusKind::Spikes { spikes, window } if pop_counts => {
                            StimulusKind::Spikes {
                                spikes: spikes.iter().map(|&(t, _, m)| (t, 1.0, m)).collect(),
                                window: *window,
                            }
                        }
                        other => other.clone(),
                    };
                    let mut stimulus = BlockStimulus::new(
                        kind,
                        in_block
                            .iter()
                            .map(|(i, _, _)| i - (b * BLOCK_LEN) as u32)
                            .collect(),
                        in_block.iter().map(|c| c.1).collect(),
                        in_block.iter().map(|c| c.2).collect(),
                        self.seed.stream(
                            Purpose::Simulation,
                            generator_entity(g as u64),
                            block_key(*p, b),
                        ),
                    );
                    stimulus.port_channel = port_channel;
                    block.stimuli.push(stimulus);
                }
            }
        }
        let mut meters = Vec::new();
        for (m, spec) in self.multimeters.iter().enumerate() {
            for (p, indices) in &spec.targets {
                let blocks = populations[*p].blocks();
                for (b, block) in blocks.iter_mut().enumerate() {
                    let mut targets: Vec<u32> = indices
                        .iter()
                        .filter(|&&i| i as usize / BLOCK_LEN == b)
                        .map(|&i| i - (b * BLOCK_LEN) as u32)
                        .collect();
                    if targets.is_empty() {
                        continue;
                    }
                    targets.sort_unstable();
                    targets.dedup();
                    block.samplers.push(BlockSampler {
                        device: m,
                        interval: spec.interval,
                        offset: spec.offset,
                        window: spec.window,
                        record_from: spec.record_from.clone(),
                        targets,
                        stamps: Vec::new(),
                        values: Vec::new(),
                    });
                }
            }
            meters.push(MeterRuntime {
                name: spec.name.clone(),
                samples: spec.samples.clone(),
                targets: spec.targets.iter().map(|(_, t)| t.len()).sum(),
                record_to: spec.record_to.clone(),
                record_from: spec.record_from.clone(),
                file: None,
            });
        }
        let generators = self
            .generators
            .iter()
            .map(|g| DeviceInfo {
                name: g.name.clone(),
                model: g.model,
                targets: g.targets.iter().map(|(_, c)| c.len()).sum(),
            })
            .collect();
        Network::assemble(super::runtime::Parts {
            resolution: self.resolution,
            seed: self.seed,
            threads: self.threads,
            populations,
            population_info: self.population_info,
            projections: self.projections,
            recorders: self.recorders,
            meters,
            generators,
            slice_len,
            files: self.files,
            description_sha256: self.hash.hex(),
            created: self.created,
        })
    }
}

/// Stream entity of a population's own draws.
fn population_entity(p: usize) -> u64 {
    p as u64
}

/// Stream entity of a generator (disjoint from populations').
fn generator_entity(g: u64) -> u64 {
    (1 << 40) | g
}

fn block_key(population: usize, block: usize) -> u64 {
    ((population as u64) << 32) | block as u64
}

fn target_key(population: usize, index: u32) -> u64 {
    ((population as u64) << 32) | u64::from(index)
}
