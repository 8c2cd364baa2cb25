//! A population at work: its model, its state (a structure of arrays per block of
//! neurons), and per block the ring buffers, generators, multimeters and spikes of the
//! current slice. On several ranks a rank keeps the state of its own blocks only.

mod at_arrival;
mod delivery;
mod runs;

use super::archive::SpikeArchive;
use super::block::{block_count, block_of, block_size, block_start, BLOCK_LEN};
use super::param_sets::{v_m_before, ParamSets};
use super::plastic::PlasticState;
use super::projection::arrivals::{ArrivalLists, GROUP_BLOCKS};
use super::projection::{Channel, Projection};
use super::ring::Ring;
use super::sampler::BlockSampler;
use super::schedule::BlockTask;
use super::stimulus::BlockStimulus;
use super::weight_events::WeightEvent;
use crate::error::{Error, Result};
use crate::models::{NeuronModel, Recordable, StepInput};
use crate::rng::Stream;
use crate::storage::{Dyn, Length};
use crate::time::Resolution;
use at_arrival::Arrived;
use delivery::{deliver_spikes_drawing_ahead, deliver_spikes_shared};
use runs::advance_runs;

/// Everything of one block of neurons except the model state.
#[derive(Debug)]
pub(crate) struct BlockRuntime {
    /// Whether this rank runs the block (always, on one process): a block another rank
    /// owns has no ring buffers and no task.
    pub owned: bool,
    pub ring: Ring,
    pub rng: Stream,
    pub stimuli: Vec<BlockStimulus>,
    pub samplers: Vec<BlockSampler>,
    /// Spikes of the current slice: `(step, index within the population)`.
    pub spikes: Vec<(i64, u32)>,
    /// Per incoming projection (in the order of `SliceInput::incoming`), the state of
    /// its plastic synapses onto this block; `None` for a static projection.
    pub plastic: Vec<Option<PlasticState>>,
    /// The spike history of this block's neurons, kept when an STDP projection targets
    /// the population.
    pub archive: Option<SpikeArchive>,
    /// The slice's transmissions through recorded projections, for weight recorders.
    pub weight_events: Vec<WeightEvent>,
}

impl BlockRuntime {
    /// Whether a current generator reaches a neuron of the block (generators are placed
    /// when the network is built, so a block without one never receives current).
    fn receives_current(&self) -> bool {
        self.stimuli.iter().any(|s| s.kind.emits_current())
    }
}

/// What a population needs to advance one slice of steps `start..end`.
pub(crate) struct SliceInput<'a> {
    pub start: i64,
    pub end: i64,
    /// The projections onto this population.
    pub incoming: &'a [Projection],
    /// Per population, the spikes of the previous slice, sorted by (step, index).
    pub spikes: &'a [Vec<(i64, u32)>],
}

/// A population of any model and size, as the scheduler sees it.
pub(crate) trait PopulationDyn: Send + Sync {
    /// The number of neurons.
    fn len(&self) -> usize;
    /// The per-block runtime (empty until the network is built).
    fn blocks(&mut self) -> &mut Vec<BlockRuntime>;
    /// The per-block runtime, to read.
    fn blocks_ref(&self) -> &[BlockRuntime];
    /// A model parameter by its NEST name (e.g. `tau_minus`), if the model has it.
    fn param(&self, name: &str) -> Option<f64>;
    /// Parameter `name` of neuron `i` (its own parameter set), or its membrane
    /// potential for `V_m` (mV; `None` where another rank holds the neuron).
    fn value_of(&mut self, i: usize, name: &str) -> Option<f64>;
    /// Whether the model counts spikes and ignores weights (`parrot_neuron`).
    fn counts_spikes(&self) -> bool;
    /// Sets the membrane potential (mV) of neuron `i`.
    fn set_v_m(&mut self, i: usize, v_m: f64);
    /// Sets model parameter `name` (NEST's name, NEST's units) of every neuron between
    /// runs: the table's and the model's checks run again and the propagators are
    /// recomputed for `res`; `entity` names the population in errors. A changed `E_L`
    /// keeps each neuron's absolute `V_m`, as NEST does.
    fn set_param(&mut self, entity: &str, name: &str, value: f64, res: &Resolution) -> Result<()>;
    /// As [`PopulationDyn::set_param`], for the neurons `indices` only (valid indices):
    /// the population then keeps several parameter sets (`engine::param_sets`).
    fn set_param_of(
        &mut self,
        entity: &str,
        indices: &[u32],
        name: &str,
        value: f64,
        res: &Resolution,
    ) -> Result<()>;
    /// As [`PopulationDyn::set_param_of`], with a value per neuron (`(index, value)`,
    /// valid indices, each once): a population's initial values per neuron.
    fn set_param_each(
        &mut self,
        entity: &str,
        pairs: &[(u32, f64)],
        name: &str,
        res: &Resolution,
    ) -> Result<()>;
    /// The model's receptor ports (0 when the weight's sign picks the channel).
    fn receptor_ports(&self) -> usize;
    /// The spike input channels of each neuron's ring buffers.
    fn spike_channels(&self) -> usize;
    /// What a multimeter can record from these neurons.
    fn recordables(&self) -> Vec<Recordable>;
    /// Frees the neuron state of the blocks that `blocks()` marks as owned by another
    /// rank (called once the blocks are placed): a rank holds the state of its own
    /// blocks only. Nothing to free on one process.
    fn release_unowned(&mut self);
    /// The slice's work, one task per block: deliver the previous slice's spikes into
    /// the block, then advance its neurons over the slice. Blocks are independent, so the
    /// tasks may run in any order on any thread with the same result.
    fn slice_tasks<'a>(&'a mut self, input: &'a SliceInput<'a>, tasks: &mut Vec<BlockTask<'a>>);

    /// Ends a run at step `end`: every count a dense Poisson drive sent before `end` and
    /// has not drawn yet is drawn into the rings (`stimulus::dense`), so that a change
    /// between runs applies from `end` on.
    fn end_run(&mut self, end: i64);

    /// Keeps, per group of blocks, the synapses delivered at arrival by arrival step,
    /// for `steps` steps (more than any delay plus a slice): a projection onto the
    /// population is delivered at arrival.
    fn keep_arrival_lists(&mut self, steps: usize);

    /// Adds the synapses noted for arrival at steps `now..` to their steps' rows in the
    /// rings, through `incoming` (whose arrival groups they were noted from; the caller
    /// then takes the projections back to their blocks), and keeps no lists
    /// from then on: the projections go back to delivery at sending.
    fn leave_arrival_lists(&mut self, now: i64, incoming: &[Projection]);
}

/// A population of model `M` with `L` neurons.
pub(crate) struct Population<M: NeuronModel, L: Length> {
    model: M,
    propagators: M::Propagators,
    /// The state, one structure of arrays per block of `BLOCK_LEN` neurons (the unit of
    /// work, ownership and storage); empty for a block another rank owns, once built.
    states: Vec<M::State<Dyn>>,
    /// Per block, whether `states` holds its neurons (all, until the network is built).
    held: Vec<bool>,
    len: L,
    blocks: Vec<BlockRuntime>,
    /// The parameter sets when neurons differ (`None`: all share `model`).
    sets: Option<ParamSets<M>>,
    /// Per group of blocks, the synapses delivered at arrival by the step they arrive
    /// at (empty unless a projection onto the population is).
    arrival_lists: Vec<ArrivalLists>,
}

impl<M: NeuronModel, L: Length> Population<M, L> {
    pub fn new(model: M, propagators: M::Propagators, len: L) -> Self {
        let n = block_count(len.value());
        Self {
            states: (0..n)
                .map(|b| model.init_state(Dyn(block_size(len.value(), b))))
                .collect(),
            held: vec![true; n],
            model,
            propagators,
            len,
            blocks: Vec::new(),
            sets: None,
            arrival_lists: Vec::new(),
        }
    }
}

/// NEST's bound on `t_ref`, which the engine counts in 32 bits.
fn check_t_ref<M: NeuronModel>(model: &M, entity: &str, res: &Resolution) -> Result<()> {
    if let Some(t_ref) = model.get("t_ref") {
        if res.steps_ceil(t_ref) > i64::from(u32::MAX) {
            return Err(Error::invalid(
                entity,
                "t_ref",
                t_ref,
                format!(
                    "must be at most 2^32 − 1 steps of {} ms (the refractory count is 32 bits)",
                    res.ms()
                ),
            ));
        }
    }
    Ok(())
}

impl<M: NeuronModel, L: Length> PopulationDyn for Population<M, L> {
    fn len(&self) -> usize {
        self.len.value()
    }

    fn blocks(&mut self) -> &mut Vec<BlockRuntime> {
        &mut self.blocks
    }

    fn blocks_ref(&self) -> &[BlockRuntime] {
        &self.blocks
    }

    fn param(&self, name: &str) -> Option<f64> {
        self.model.get(name)
    }

    fn value_of(&mut self, i: usize, name: &str) -> Option<f64> {
        let model = match &self.sets {
            Some(sets) => sets.model_of(i),
            None => &self.model,
        };
        if name != "V_m" {
            return model.get(name);
        }
        let b = block_of(i as u32);
        if !self.held[b] {
            return None;
        }
        let view = M::blocks(&mut self.states[b], BLOCK_LEN)
            .into_iter()
            .next()?;
        model.recordable(&view, Recordable::V_m, i - block_start(b))
    }

    fn counts_spikes(&self) -> bool {
        M::COUNTS_SPIKES
    }

    fn set_v_m(&mut self, i: usize, v_m: f64) {
        let b = block_of(i as u32);
        if self.held[b] {
            let model = match &self.sets {
                Some(sets) => sets.model_of(i),
                None => &self.model,
            };
            model.set_v_m(&mut self.states[b], i - block_start(b), v_m);
        }
    }

    fn set_param(&mut self, entity: &str, name: &str, value: f64, res: &Resolution) -> Result<()> {
        if self.sets.is_some() {
            let all: Vec<u32> = (0..self.len.value() as u32).collect();
            return self.set_param_of(entity, &all, name, value, res);
        }
        let mut model = self.model.clone();
        model.set(entity, name, value)?;
        model.validate(entity)?;
        check_t_ref(&model, entity, res)?;
        // NEST keeps V_m (absolute) when E_L changes; the models keep it relative.
        let kept_v_m = match (self.model.get("E_L"), model.get("E_L")) {
            (Some(old), Some(new)) if old.to_bits() != new.to_bits() => {
                let len = self.len.value();
                let old_model = &self.model;
                let mut v_m = Vec::with_capacity(len);
                for (b, state) in self.states.iter_mut().enumerate() {
                    let n = block_size(len, b);
                    // Another rank's block has no view: nothing here to keep.
                    match M::blocks(state, BLOCK_LEN).into_iter().next() {
                        Some(view) if self.held[b] => v_m.extend(
                            (0..n).map(|i| old_model.recordable(&view, Recordable::V_m, i)),
                        ),
                        _ => v_m.extend((0..n).map(|_| None)),
                    }
                }
                Some(v_m)
            }
            _ => None,
        };
        self.propagators = model.propagators(res);
        self.model = model;
        if let Some(v_m) = kept_v_m {
            for (i, v) in v_m.into_iter().enumerate() {
                if let Some(v) = v {
                    self.set_v_m(i, v);
                }
            }
        }
        Ok(())
    }

    fn set_param_of(
        &mut self,
        entity: &str,
        indices: &[u32],
        name: &str,
        value: f64,
        res: &Resolution,
    ) -> Result<()> {
        let pairs: Vec<(u32, f64)> = indices.iter().map(|&i| (i, value)).collect();
        self.set_param_each(entity, &pairs, name, res)
    }

    fn set_param_each(
        &mut self,
        entity: &str,
        pairs: &[(u32, f64)],
        name: &str,
        res: &Resolution,
    ) -> Result<()> {
        let len = self.len.value();
        let mut sets = match self.sets.take() {
            Some(s) => s,
            None => ParamSets::uniform(&self.model, len, res),
        };
        let before = match sets.set_each(entity, pairs, name, res, |m| check_t_ref(m, entity, res))
        {
            Ok(b) => b,
            Err(e) => {
                // Nothing changed; a population that was uniform stays so.
                self.sets = (sets.common().is_none()).then_some(sets);
                return Err(e);
            }
        };
        // NEST keeps V_m (absolute) when E_L changes; the models keep it relative.
        let kept: Vec<(u32, Option<f64>)> = match name {
            "E_L" => v_m_before(&mut self.states, &self.held, &before),
            _ => Vec::new(),
        };
        for (i, v) in kept {
            if let Some(v) = v {
                let b = block_of(i);
                sets.model_of(i as usize).set_v_m(
                    &mut self.states[b],
                    i as usize - block_start(b),
                    v,
                );
            }
        }
        // Neurons that share one set again run on the uniform path.
        match sets.common() {
            Some(m) => {
                self.model = m.clone();
                self.propagators = self.model.propagators(res);
                self.sets = None;
            }
            None => self.sets = Some(sets),
        }
        Ok(())
    }

    fn receptor_ports(&self) -> usize {
        self.model.receptor_ports()
    }

    fn spike_channels(&self) -> usize {
        self.model.spike_channels()
    }

    fn recordables(&self) -> Vec<Recordable> {
        self.model.recordables()
    }

    fn release_unowned(&mut self) {
        for (b, rt) in self.blocks.iter().enumerate() {
            if !rt.owned && self.held[b] {
                self.states[b] = self.model.init_state(Dyn(0));
                self.held[b] = false;
            }
        }
    }

    fn end_run(&mut self, end: i64) {
        for rt in self.blocks.iter_mut().filter(|rt| rt.owned) {
            for stimulus in &mut rt.stimuli {
                stimulus.catch_up(end, &mut rt.ring, M::channel);
            }
        }
    }

    fn keep_arrival_lists(&mut self, steps: usize) {
        let groups = self.blocks.len().div_ceil(GROUP_BLOCKS);
        self.arrival_lists = vec![ArrivalLists::new(steps); groups];
    }

    fn leave_arrival_lists(&mut self, now: i64, incoming: &[Projection]) {
        let lists = std::mem::take(&mut self.arrival_lists);
        let groups = self.blocks.chunks_mut(GROUP_BLOCKS).zip(lists);
        for (g, (blocks, mut lists)) in groups.enumerate() {
            at_arrival::flush::<M>(g, blocks, &mut lists, now, incoming);
        }
    }

    fn slice_tasks<'a>(&'a mut self, input: &'a SliceInput<'a>, tasks: &mut Vec<BlockTask<'a>>) {
        let model = &self.model;
        let propagators = &self.propagators;
        let sets = self.sets.as_ref();
        if !self.arrival_lists.is_empty() {
            // Delivery at arrival writes a group of blocks' rows: one task per group.
            let groups = self
                .states
                .chunks_mut(GROUP_BLOCKS)
                .zip(self.blocks.chunks_mut(GROUP_BLOCKS))
                .zip(self.arrival_lists.iter_mut());
            for (g, ((states, blocks), lists)) in groups.enumerate() {
                tasks.push(Box::new(move || {
                    let held = at_arrival::deliver::<M>(g, blocks, lists, input);
                    for (k, (state, rt)) in states.iter_mut().zip(blocks.iter_mut()).enumerate() {
                        if rt.owned {
                            let b = g * GROUP_BLOCKS + k;
                            let arrived = held.then(|| Arrived::new(lists, k, input.start));
                            advance(model, propagators, sets, b, state, rt, input, arrived);
                        }
                    }
                }));
            }
            return;
        }
        for (b, (state, rt)) in self
            .states
            .iter_mut()
            .zip(self.blocks.iter_mut())
            .enumerate()
        {
            if rt.owned {
                tasks.push(Box::new(move || {
                    advance(model, propagators, sets, b, state, rt, input, None)
                }));
            }
        }
    }
}

/// Block `b`'s work for one slice: with its neurons' own parameter sets where they
/// differ; `arrived`, where given, holds the block's sums from delivery at arrival.
#[allow(clippy::too_many_arguments)]
fn advance<M: NeuronModel>(
    model: &M,
    propagators: &M::Propagators,
    sets: Option<&ParamSets<M>>,
    b: usize,
    state: &mut M::State<Dyn>,
    rt: &mut BlockRuntime,
    input: &SliceInput<'_>,
    arrived: Option<Arrived<'_>>,
) {
    match sets {
        // Neurons differ: the block's runs of `grain` neurons, each with its set.
        Some(sets) => {
            let views: Vec<_> = M::blocks(state, sets.grain()).into_iter().collect();
            advance_runs(sets, b, views, rt, input, arrived)
        }
        None => {
            if let Some(view) = M::blocks(state, BLOCK_LEN).into_iter().next() {
                advance_block(model, propagators, b, view, rt, input, arrived)
            }
        }
    }
}

/// Delivers the previous slice's spikes into block `b`, then advances its neurons over
/// the slice, with the widest instructions this processor has (`engine::wide`).
fn advance_block<M: NeuronModel>(
    model: &M,
    propagators: &M::Propagators,
    b: usize,
    view: M::Block<'_>,
    rt: &mut BlockRuntime,
    input: &SliceInput<'_>,
    arrived: Option<Arrived<'_>>,
) {
    #[cfg(target_arch = "x86_64")]
    if super::wide::has_v3() {
        // SAFETY: the processor has every feature `advance_block_v3` enables.
        #[allow(unsafe_code)]
        unsafe {
            advance_block_v3(model, propagators, b, view, rt, input, arrived)
        };
        return;
    }
    // The baseline: on x86-64 a fallback for processors without x86-64-v3.
    advance_block_body::<M, { !cfg!(target_arch = "x86_64") }>(
        model,
        propagators,
        b,
        view,
        rt,
        input,
        arrived,
    );
}

super::wide::x86_64_v3! {
    /// [`advance_block_body`] compiled for x86-64-v3 (AVX2, FMA, BMI, SSE4.1 rounding);
    /// callable only where the processor has these features.
    #[cfg(target_arch = "x86_64")]
    #[allow(unsafe_code)]
    unsafe fn advance_block_v3<M: NeuronModel>(
        model: &M,
        propagators: &M::Propagators,
        b: usize,
        view: M::Block<'_>,
        rt: &mut BlockRuntime,
        input: &SliceInput<'_>,
        arrived: Option<Arrived<'_>>,
    ) {
        advance_block_body::<M, true>(model, propagators, b, view, rt, input, arrived);
    }
}

/// The block's work; inlined into each compiled variant, with the neuron update (its
/// `#[inline(always)]` marks that) and the generators. Delivery is compiled once in
/// this crate for every model (`population/delivery.rs`): with `DRAW_AHEAD` the
/// x86-64-v3 copy, which draws the first step's Poisson counts while it waits for
/// memory; without, [`deliver_spikes_shared`].
#[inline(always)]
fn advance_block_body<M: NeuronModel, const DRAW_AHEAD: bool>(
    model: &M,
    propagators: &M::Propagators,
    b: usize,
    mut view: M::Block<'_>,
    rt: &mut BlockRuntime,
    input: &SliceInput<'_>,
    mut arrived: Option<Arrived<'_>>,
) {
    let offset = (b * BLOCK_LEN) as u32;
    let draws_at_arrival = at_arrival::draws_at_arrival(rt, arrived.is_some());
    if DRAW_AHEAD {
        // The first step's dense Poisson counts are drawn while delivery waits for
        // memory.
        let mut stimuli = std::mem::take(&mut rt.stimuli);
        let mut drawing = false;
        if input.start < input.end {
            for stimulus in &mut stimuli {
                drawing |= stimulus.begin_drawing_ahead(input.start, draws_at_arrival);
            }
        }
        let mut draw_ahead = || {
            if drawing {
                drawing = stimuli.iter_mut().any(BlockStimulus::draw_ahead);
            }
        };
        let channel = Channel::by_sign(M::channel);
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `DRAW_AHEAD` is set on x86-64 only in `advance_block_v3`, which
        // runs where the processor has x86-64-v3.
        #[allow(unsafe_code)]
        unsafe {
            deliver_spikes_drawing_ahead(b, rt, input, M::COUNTS_SPIKES, channel, &mut draw_ahead)
        };
        #[cfg(not(target_arch = "x86_64"))]
        deliver_spikes_drawing_ahead(b, rt, input, M::COUNTS_SPIKES, channel, &mut draw_ahead);
        rt.stimuli = stimuli;
    } else {
        deliver_spikes_shared(b, rt, input, M::COUNTS_SPIKES, Channel::by_sign(M::channel));
    }
    let no_current = !rt.receives_current();
    for s in input.start..input.end {
        let sums = arrived.as_mut().map_or(&mut [][..], |a| a.of(s));
        for stimulus in &mut rt.stimuli {
            if draws_at_arrival && stimulus.is_dense() {
                stimulus.arrive(s, sums, M::channel);
                continue;
            }
            match stimulus.port_channel {
                None => stimulus.apply(s, &mut rt.ring, M::channel),
                Some(c) => stimulus.apply(s, &mut rt.ring, |_| c),
            }
        }
        let (spikes_in, current) = rt.ring.step_mut_with(s, sums);
        let spikes = &mut rt.spikes;
        let step_input = StepInput {
            spikes: spikes_in,
            current,
            no_current,
            rng: &mut rt.rng,
        };
        model.update(propagators, &mut view, step_input, &mut |i| {
            spikes.push((s, offset + i))
        });
        for sampler in &mut rt.samplers {
            if sampler.due(s + 1) {
                sampler.sample(s + 1, |var, i| {
                    model.recordable(&view, var, i).unwrap_or(f64::NAN)
                });
            }
        }
    }
    if let Some(archive) = rt.archive.as_mut() {
        archive.record(&rt.spikes, offset);
    }
}
