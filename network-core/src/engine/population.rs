//! A population at work: its model, its state (a structure of arrays), and per block of
//! neurons the ring buffers, generators, multimeters and spikes of the current slice.

use super::archive::SpikeArchive;
use super::block::{block_size, BLOCK_LEN};
use super::plastic::PlasticState;
use super::projection::Projection;
use super::ring::Ring;
use super::sampler::BlockSampler;
use super::schedule::BlockTask;
use super::stimulus::BlockStimulus;
use super::weight_events::WeightEvent;
use crate::error::{Error, Result};
use crate::models::{NeuronModel, Recordable, StepInput};
use crate::rng::Stream;
use crate::storage::Length;
use crate::time::Resolution;

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
    /// Whether the model counts spikes and ignores weights (`parrot_neuron`).
    fn counts_spikes(&self) -> bool;
    /// Sets the membrane potential (mV) of neuron `i`.
    fn set_v_m(&mut self, i: usize, v_m: f64);
    /// Sets model parameter `name` (NEST's name, NEST's units) of every neuron between
    /// runs: the table's and the model's checks run again and the propagators are
    /// recomputed for `res`; `entity` names the population in errors. A changed `E_L`
    /// keeps each neuron's absolute `V_m`, as NEST does.
    fn set_param(&mut self, entity: &str, name: &str, value: f64, res: &Resolution) -> Result<()>;
    /// The model's receptor ports (0 when the weight's sign picks the channel).
    fn receptor_ports(&self) -> usize;
    /// The spike input channels of each neuron's ring buffers.
    fn spike_channels(&self) -> usize;
    /// What a multimeter can record from these neurons.
    fn recordables(&self) -> Vec<Recordable>;
    /// The slice's work, one task per block: deliver the previous slice's spikes into
    /// the block, then advance its neurons over the slice. Blocks are independent, so the
    /// tasks may run in any order on any thread with the same result.
    fn slice_tasks<'a>(&'a mut self, input: &'a SliceInput<'a>, tasks: &mut Vec<BlockTask<'a>>);
}

/// A population of model `M` with `L` neurons.
pub(crate) struct Population<M: NeuronModel, L: Length> {
    model: M,
    propagators: M::Propagators,
    state: M::State<L>,
    len: L,
    blocks: Vec<BlockRuntime>,
}

impl<M: NeuronModel, L: Length> Population<M, L> {
    pub fn new(model: M, propagators: M::Propagators, len: L) -> Self {
        Self {
            state: model.init_state(len),
            model,
            propagators,
            len,
            blocks: Vec::new(),
        }
    }
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

    fn counts_spikes(&self) -> bool {
        M::COUNTS_SPIKES
    }

    fn set_v_m(&mut self, i: usize, v_m: f64) {
        self.model.set_v_m(&mut self.state, i, v_m);
    }

    fn set_param(&mut self, entity: &str, name: &str, value: f64, res: &Resolution) -> Result<()> {
        let mut model = self.model.clone();
        model.set(entity, name, value)?;
        model.validate(entity)?;
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
        // NEST keeps V_m (absolute) when E_L changes; the models keep it relative.
        let kept_v_m = match (self.model.get("E_L"), model.get("E_L")) {
            (Some(old), Some(new)) if old.to_bits() != new.to_bits() => {
                let len = self.len.value();
                let old_model = &self.model;
                let views = M::blocks(&mut self.state, BLOCK_LEN);
                let mut v_m = Vec::with_capacity(len);
                for (b, view) in views.iter().enumerate() {
                    for i in 0..block_size(len, b) {
                        v_m.push(old_model.recordable(view, Recordable::V_m, i));
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
                    self.model.set_v_m(&mut self.state, i, v);
                }
            }
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

    fn slice_tasks<'a>(&'a mut self, input: &'a SliceInput<'a>, tasks: &mut Vec<BlockTask<'a>>) {
        let model = &self.model;
        let propagators = &self.propagators;
        let views = M::blocks(&mut self.state, BLOCK_LEN);
        for (b, (view, rt)) in views.into_iter().zip(self.blocks.iter_mut()).enumerate() {
            if !rt.owned {
                continue;
            }
            tasks.push(Box::new(move || {
                advance_block(model, propagators, b, view, rt, input)
            }));
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
) {
    #[cfg(target_arch = "x86_64")]
    if super::wide::has_v3() {
        // SAFETY: the processor has every feature `advance_block_v3` enables.
        #[allow(unsafe_code)]
        unsafe {
            advance_block_v3(model, propagators, b, view, rt, input)
        };
        return;
    }
    advance_block_body(model, propagators, b, view, rt, input);
}

/// [`advance_block_body`] compiled for x86-64-v3 (AVX2, FMA, BMI, SSE4.1 rounding);
/// callable only where the processor has these features.
#[cfg(target_arch = "x86_64")]
#[target_feature(
    enable = "avx,avx2,fma,bmi1,bmi2,lzcnt,popcnt,sse3,ssse3,sse4.1,sse4.2,f16c,movbe"
)]
#[allow(unsafe_code)]
unsafe fn advance_block_v3<M: NeuronModel>(
    model: &M,
    propagators: &M::Propagators,
    b: usize,
    view: M::Block<'_>,
    rt: &mut BlockRuntime,
    input: &SliceInput<'_>,
) {
    advance_block_body(model, propagators, b, view, rt, input);
}

/// The block's work; inlined into each compiled variant, with the neuron update (its
/// `#[inline(always)]` marks that) and the generators.
#[inline(always)]
fn advance_block_body<M: NeuronModel>(
    model: &M,
    propagators: &M::Propagators,
    b: usize,
    mut view: M::Block<'_>,
    rt: &mut BlockRuntime,
    input: &SliceInput<'_>,
) {
    let offset = (b * BLOCK_LEN) as u32;
    for (k, projection) in input.incoming.iter().enumerate() {
        let spikes = &input.spikes[projection.source];
        let port = projection.port_channel();
        let archive = rt.archive.as_mut();
        let recorded = projection
            .weights_recorded
            .then_some((&mut rt.weight_events, k as u32));
        match (&projection.plastic, rt.plastic.get_mut(k), port) {
            (Some(rule), Some(Some(state)), None) => projection.deliver_plastic(
                rule,
                state,
                b,
                spikes,
                &mut rt.ring,
                archive,
                M::COUNTS_SPIKES,
                M::channel,
                recorded,
            ),
            (Some(rule), Some(Some(state)), Some(c)) => projection.deliver_plastic(
                rule,
                state,
                b,
                spikes,
                &mut rt.ring,
                archive,
                M::COUNTS_SPIKES,
                |_| c,
                recorded,
            ),
            (_, _, port) => {
                match port {
                    None => projection.deliver(b, spikes, &mut rt.ring, M::channel),
                    Some(c) => projection.deliver(b, spikes, &mut rt.ring, |_| c),
                }
                if let Some((events, k)) = recorded {
                    projection.record_static(b, spikes, k, events);
                }
            }
        }
    }
    for s in input.start..input.end {
        for stimulus in &mut rt.stimuli {
            match stimulus.port_channel {
                None => stimulus.apply(s, &mut rt.ring, M::channel),
                Some(c) => stimulus.apply(s, &mut rt.ring, |_| c),
            }
        }
        let (spikes_in, current) = rt.ring.step_mut(s);
        let spikes = &mut rt.spikes;
        let step_input = StepInput {
            spikes: spikes_in,
            current,
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
