//! Devices into blocks: each generator's connections and each multimeter's targets are
//! split by the block that holds the target neuron, and become that block's stimuli
//! (with a stream keyed by generator, population and block) and samplers. On several
//! ranks only the blocks a rank owns get them (the streams are per block, so a rank's
//! stimuli draw what one process's draw for the same blocks).

use crate::engine::block::{block_of, block_start};
use crate::engine::generator_tap::{tap_key, GeneratorTap};
use crate::engine::population::PopulationDyn;
use crate::engine::sampler::BlockSampler;
use crate::engine::shared_clock::{SharedClock, CLOCK_KEY};
use crate::engine::stimulus::{BlockStimulus, StimulusKind};
use crate::models::Recordable;
use crate::rng::{Purpose, Seed};

/// A device's connection to one neuron: (index in its population, weight, delay steps).
pub(crate) type DeviceConnection = (u32, f64, u16);

/// A generator as declared: its kind and, per target population, its connections.
pub(crate) struct GeneratorSpec {
    pub kind: StimulusKind,
    /// Per target population (its index), the connections `(index, weight, delay steps)`.
    pub targets: Vec<(usize, Vec<DeviceConnection>)>,
    /// Per target population, the spike channel of the receptor port it feeds.
    pub port_channels: Vec<Option<usize>>,
}

/// A multimeter as declared: its sampling grid (steps) and, per population, the indices
/// of the neurons it samples.
pub(crate) struct MultimeterSpec {
    pub interval: i64,
    pub offset: i64,
    pub window: (i64, i64),
    pub record_from: Vec<Recordable>,
    pub targets: Vec<(usize, Vec<u32>)>,
}

/// Stream entity of a generator (disjoint from populations').
pub(crate) fn generator_entity(g: u64) -> u64 {
    (1 << 40) | g
}

/// Stream index of block `block` of population `population`.
fn block_key(population: usize, block: usize) -> u64 {
    ((population as u64) << 32) | block as u64
}

/// Gives every block the stimuli of the generators that reach its neurons, in
/// generator order.
pub(super) fn place_generators(
    populations: &mut [Box<dyn PopulationDyn>],
    generators: &[GeneratorSpec],
    seed: Seed,
) {
    for (g, spec) in generators.iter().enumerate() {
        for ((p, connections), &port_channel) in spec.targets.iter().zip(&spec.port_channels) {
            let pop_counts = populations[*p].counts_spikes();
            let blocks = populations[*p].blocks();
            for (b, block) in blocks.iter_mut().enumerate() {
                if !block.owned {
                    continue;
                }
                let in_block: Vec<_> = connections
                    .iter()
                    .filter(|(i, _, _)| block_of(*i) == b)
                    .collect();
                if in_block.is_empty() {
                    continue;
                }
                let kind = match &spec.kind {
                    // A parrot ignores spike_weights too; it repeats multiplicities.
                    StimulusKind::Spikes { spikes, window } if pop_counts => StimulusKind::Spikes {
                        spikes: spikes.iter().map(|s| s.counted()).collect(),
                        window: *window,
                    },
                    other => other.clone(),
                };
                let mut stimulus = BlockStimulus::new(
                    kind,
                    in_block
                        .iter()
                        .map(|(i, _, _)| i - block_start(b) as u32)
                        .collect(),
                    in_block.iter().map(|c| c.1).collect(),
                    in_block.iter().map(|c| c.2).collect(),
                    seed.stream(
                        Purpose::Simulation,
                        generator_entity(g as u64),
                        block_key(*p, b),
                    ),
                );
                stimulus.port_channel = port_channel;
                stimulus.device = g;
                block.stimuli.push(stimulus);
            }
        }
    }
}

/// The train each spike recorder on a generator receives: one tap per recorder and
/// generator it records, drawing from a stream keyed by both (see `generator_tap`).
pub(crate) fn place_generator_taps(
    recorded: impl Iterator<Item = (usize, usize)>,
    generators: &[GeneratorSpec],
    seed: Seed,
) -> Vec<GeneratorTap> {
    recorded
        .map(|(recorder, g)| {
            let rng = seed.stream(
                Purpose::Simulation,
                generator_entity(g as u64),
                tap_key(recorder),
            );
            GeneratorTap::new(g, recorder, &generators[g].kind, rng)
        })
        .collect()
}

/// The clock of every generator that sends one train to all its targets (see
/// `shared_clock`), at the start, drawing from a stream keyed by the generator.
pub(crate) fn place_shared_clocks(generators: &[GeneratorSpec], seed: Seed) -> Vec<SharedClock> {
    let entity = |g: usize| generator_entity(g as u64);
    generators
        .iter()
        .enumerate()
        .filter_map(|(g, spec)| {
            let rng = seed.stream(Purpose::Simulation, entity(g), CLOCK_KEY);
            SharedClock::new(g, &spec.kind, rng)
        })
        .collect()
}

/// Gives every block a sampler per multimeter that samples some of its neurons.
pub(super) fn place_multimeters(
    populations: &mut [Box<dyn PopulationDyn>],
    multimeters: &[MultimeterSpec],
) {
    for (m, spec) in multimeters.iter().enumerate() {
        for (p, indices) in &spec.targets {
            let blocks = populations[*p].blocks();
            for (b, block) in blocks.iter_mut().enumerate() {
                if !block.owned {
                    continue;
                }
                let mut targets: Vec<u32> = indices
                    .iter()
                    .filter(|&&i| block_of(i) == b)
                    .map(|&i| i - block_start(b) as u32)
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
                    first: first_stamp(0, spec.offset),
                    record_from: spec.record_from.clone(),
                    targets,
                    stamps: Vec::new(),
                    values: Vec::new(),
                });
            }
        }
    }
}

/// The first stamp a multimeter created at step `now` with sampling offset `offset`
/// (steps) records (see [`BlockSampler::first`]).
pub(crate) fn first_stamp(now: i64, offset: i64) -> i64 {
    if offset == 0 {
        now + 1
    } else {
        now + 2
    }
}
