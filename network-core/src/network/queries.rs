//! What a built network tells: recorded spikes and samples (read through the network,
//! by handle), devices by name, populations, projections and their weights, time and
//! provenance.

use super::handles::{GeneratorHandle, MultimeterHandle, ProjectionHandle, SpikeRecorderHandle};
use super::info::{PopulationInfo, ProjectionInfo};
use super::recording::{Samples, SpikeEvents};
use super::runtime::Network;
use crate::engine::block::block_start;
use crate::models::Recordable;
use crate::provenance::{Provenance, PROJECT};
use crate::rng::Seed;
use crate::time::Resolution;
use std::time::Duration;

impl Network {
    /// The number of spikes population `population` (its index) has emitted so far,
    /// whether recorded or not.
    pub fn spike_count(&self, population: usize) -> usize {
        self.spike_counts[population]
    }

    /// The spikes a recorder has recorded so far. A handle indexes the network that
    /// built it; one from another network panics if that network has fewer recorders.
    pub fn spikes(&self, recorder: &SpikeRecorderHandle) -> &SpikeEvents {
        &self.recorders[recorder.index].events
    }

    /// The number of spikes a recorder has recorded so far, to memory or only to its
    /// file (see [`Network::record_files_only`]).
    pub fn recorded(&self, recorder: &SpikeRecorderHandle) -> u64 {
        self.recorders[recorder.index].recorded
    }

    /// The number of samples (one per neuron and time) a multimeter has recorded so far,
    /// to memory or only to its file.
    pub fn samples_recorded(&self, multimeter: &MultimeterHandle) -> u64 {
        self.meters[multimeter.index].recorded
    }

    /// The memory (bytes) the built network takes by the builder's estimate (its
    /// parts, ring buffers included; recorded data not included).
    pub fn memory_estimate(&self) -> u64 {
        self.memory.committed
    }

    /// A recorder's name.
    pub fn recorder_name(&self, recorder: &SpikeRecorderHandle) -> &str {
        &self.recorders[recorder.index].name
    }

    /// A recorder's window `(start, stop)` in ms, origin included: it records spikes
    /// stamped in `(start, stop]`; `stop` is `f64::INFINITY` for an open window.
    pub fn recorder_window(&self, recorder: &SpikeRecorderHandle) -> (f64, f64) {
        self.window_ms(self.recorders[recorder.index].window)
    }

    /// A multimeter's window `(start, stop]` (ms; `stop` infinite when open), as it is
    /// now (protocols may move it between runs).
    pub fn multimeter_window(&self, multimeter: &MultimeterHandle) -> (f64, f64) {
        self.window_ms(self.meters[multimeter.index].window)
    }

    /// A device window in steps as ms (an open end, at or past `i64::MAX / 4`, infinite).
    fn window_ms(&self, (start, stop): (i64, i64)) -> (f64, f64) {
        let stop = if stop >= i64::MAX / 4 {
            f64::INFINITY
        } else {
            self.resolution.step_to_ms(stop)
        };
        (self.resolution.step_to_ms(start), stop)
    }

    /// The number of neurons a recorder watches.
    pub fn recorder_targets(&self, recorder: &SpikeRecorderHandle) -> usize {
        self.recorders[recorder.index].targets()
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

    /// The samples a multimeter has recorded so far. A handle indexes the network that
    /// built it; one from another network panics if that network has fewer multimeters.
    pub fn samples(&self, multimeter: &MultimeterHandle) -> &Samples {
        &self.meters[multimeter.index].samples
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
    /// of the same pair by delay, then in creation order. STDP weights are those after the last spike
    /// each synapse has transmitted (as NEST's `GetConnections(...).weight`); static and
    /// tsodyks synapses report their constant weight (pA, or mV onto `iaf_psc_delta`).
    pub fn weights(&self, projection: &ProjectionHandle) -> Vec<(u32, u32, f64)> {
        let (p, k) = self.projection_slots[projection.index];
        let proj = &self.incoming[p][k];
        let blocks = self.populations[p].blocks_ref();
        let mut out = Vec::with_capacity(proj.synapses);
        for (b, block) in proj.blocks().iter().enumerate() {
            let state = blocks[b].plastic.get(k).and_then(Option::as_ref);
            for s in 0..block.row_start.len().saturating_sub(1) {
                for i in block.row_start[s] as usize..block.row_start[s + 1] as usize {
                    let weight = state
                        .and_then(|st| st.weight(i))
                        .or(proj.weight)
                        .unwrap_or_else(|| block.weights.get(i));
                    let target = (block_start(b) + block.target(i)) as u32;
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

    /// The node id a generator's events carry in a spike recorder on it
    /// ([`NetworkBuilder::record_generator`](crate::NetworkBuilder::record_generator)): the generators are numbered after every
    /// neuron, in creation order (NEST numbers devices and neurons together in creation
    /// order; here the neurons keep the ids of a script that creates its devices last).
    pub fn generator_node_id(&self, generator: &GeneratorHandle) -> u32 {
        self.generator_first_id + generator.index as u32
    }

    /// The generators a spike recorder records, in the order they were attached.
    pub fn recorder_generators(&self, recorder: &SpikeRecorderHandle) -> Vec<GeneratorHandle> {
        let generators = &self.recorders[recorder.index].generators;
        generators
            .iter()
            .map(|&g| GeneratorHandle::new(g))
            .collect()
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

    /// Spikes are exchanged every this many steps (the smallest synaptic delay: NEST's
    /// kernel `min_delay`).
    pub fn min_delay_steps(&self) -> i64 {
        self.slice_len
    }

    /// The longest delay the ring buffers hold, in steps (NEST's kernel `max_delay`).
    pub fn max_delay_steps(&self) -> i64 {
        self.max_delay
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
            .chain(&self.rate_meters)
            .filter_map(|m| Some((m.name.as_str(), m.file.as_ref()?.path())));
        recorders.chain(meters).collect()
    }

    /// A multimeter's handle, found by its name.
    pub fn multimeter_handle(&self, name: &str) -> Option<MultimeterHandle> {
        let index = self.meters.iter().position(|m| m.name == name)?;
        Some(MultimeterHandle::new(index))
    }

    /// A spike recorder's handle, found by its name.
    pub fn spike_recorder_handle(&self, name: &str) -> Option<SpikeRecorderHandle> {
        let index = self.recorders.iter().position(|r| r.name == name)?;
        Some(SpikeRecorderHandle::new(index))
    }

    /// A multimeter's name.
    pub fn multimeter_name(&self, multimeter: &MultimeterHandle) -> &str {
        &self.meters[multimeter.index].name
    }

    /// The name of the population a node id (1-based) belongs to, and the neuron's
    /// index in it; for a generator's id ([`Network::generator_node_id`]), its name and 0.
    pub fn locate(&self, node_id: u32) -> Option<(&str, usize)> {
        let info = self
            .population_info
            .iter()
            .find(|p| p.first_node_id <= node_id && node_id < p.first_node_id + p.len as u32);
        match info {
            Some(info) => Some((&info.name, (node_id - info.first_node_id) as usize)),
            None => {
                let g = node_id.checked_sub(self.generator_first_id)? as usize;
                Some((self.generator_names.get(g)?, 0))
            }
        }
    }

    /// The samples of a multimeter on rate neurons (those recorded before
    /// [`Network::record_files_only`] if it writes a file).
    pub fn rate_samples(&self, multimeter: &super::RateMultimeterHandle) -> &Samples {
        &self.rate_meters[multimeter.0].samples
    }

    /// Positions (mm) of a rate population placed by a layout.
    pub fn rate_positions(
        &self,
        population: &super::RatePopulationHandle,
    ) -> Option<&[crate::spatial::Point]> {
        self.rate_space(population.index())
            .map(crate::spatial::Space::positions)
    }

    /// The space (positions, extent, periodicity) of the rate population created
    /// `index`-th, if it was placed by a layout.
    pub fn rate_space(&self, index: usize) -> Option<&crate::spatial::Space> {
        self.rate.spaces.get(index)?.as_deref()
    }

    /// The number of samples (one per neuron and time) a multimeter on rate neurons has
    /// recorded so far, to memory or only to its file.
    pub fn rate_samples_recorded(&self, multimeter: &super::RateMultimeterHandle) -> u64 {
        self.rate_meters[multimeter.0].recorded
    }

    /// The values of `variable` a multimeter on rate neurons sampled at the latest time
    /// it recorded, one per neuron (also when it keeps its samples only in its file);
    /// `None` before its first sample or when it does not record `variable`.
    pub fn rate_latest(
        &self,
        multimeter: &super::RateMultimeterHandle,
        variable: Recordable,
    ) -> Option<Vec<f64>> {
        let meter = &self.rate_meters[multimeter.0];
        let column = meter.record_from.iter().position(|r| *r == variable)?;
        (!meter.latest.is_empty()).then(|| meter.latest.iter().map(|(_, _, v)| v[column]).collect())
    }

    /// A multimeter on rate neurons' name.
    pub fn rate_multimeter_name(&self, multimeter: &super::RateMultimeterHandle) -> &str {
        &self.rate.meters[multimeter.0].name
    }

    /// A multimeter on rate neurons' window `(start, stop]` (ms; `stop` infinite when
    /// open), as it is now (protocols may move it between runs).
    pub fn rate_multimeter_window(&self, multimeter: &super::RateMultimeterHandle) -> (f64, f64) {
        self.window_ms(self.rate.meters[multimeter.0].window)
    }

    /// The rate population a multimeter samples: its name and its first node id (a
    /// sender's index in it is its node id minus this).
    pub fn rate_multimeter_population(
        &self,
        multimeter: &super::RateMultimeterHandle,
    ) -> (&str, u32) {
        let meter = &self.rate.meters[multimeter.0];
        (
            self.rate.populations[meter.population].name(),
            meter.first_node_id,
        )
    }

    /// The multimeter on rate neurons named `name`.
    pub fn rate_multimeter_handle(&self, name: &str) -> Option<super::RateMultimeterHandle> {
        let index = self.rate.meters.iter().position(|m| m.name == name)?;
        Some(super::RateMultimeterHandle(index))
    }

    /// Waveform relaxation so far: the iterations done, and the intervals in which it
    /// stopped at `wfr_max_iterations` without converging (NEST warns of each).
    pub fn rate_iterations(&self) -> (u64, u64) {
        (self.rate.iterations, self.rate.unconverged)
    }
}
