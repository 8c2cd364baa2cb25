//! The placement step: which block holds which neuron, synapse, device and plastic
//! state. The builder collects declarations (populations, projections, generators,
//! multimeters); placement turns them into per-block runtime state, the same for any
//! thread count: a block is `BLOCK_LEN` (1024) consecutive neurons of one population with its
//! own ring buffers and random stream, the synapses onto it (split by target block when
//! a projection is added, [`place_projection`]), the stimuli and samplers of the devices
//! that reach its neurons, and the plastic state of the synapses onto it. On several
//! ranks ([`crate::distribution`]) only the blocks a rank owns get ring buffers and
//! run; the ranks agree on the delays, so all use the same slice length.

mod devices;
mod draws;
mod staging;
mod step_table;
mod synapses;

pub(crate) use devices::{
    first_stamp, generator_entity, place_generator_taps, place_shared_clocks, GeneratorSpec,
    MultimeterSpec,
};
pub(crate) use staging::{StagingBuffers, STAGED_BYTES, STAGED_TOTAL};
pub(crate) use synapses::{place_projection, EdgeList, PairSpaces, ProjectionSite};

use super::info::{PopulationInfo, ProjectionInfo};
use super::resources::{self, MemoryBudget};
use crate::distribution::{Communicator, Ownership};
use crate::engine::block::{block_count, block_size};
use crate::engine::population::{BlockRuntime, PopulationDyn};
use crate::engine::projection::Projection;
use crate::engine::ring::{self, Ring};
use crate::engine::single_rows::SingleRows;
use crate::error::{Error, Result};
use crate::rng::{Purpose, Seed};
use crate::time::Resolution;

/// What the builder declared, ready to be placed.
pub(crate) struct Declarations<'a> {
    pub resolution: Resolution,
    pub seed: Seed,
    /// The populations with their state, no blocks yet.
    pub populations: Vec<Box<dyn PopulationDyn>>,
    pub population_info: &'a [PopulationInfo],
    /// The projections, in creation order, their synapses already split by block.
    pub projections: Vec<Projection>,
    pub generators: &'a [GeneratorSpec],
    pub multimeters: &'a [MultimeterSpec],
    /// The kernel's `min_delay` and `max_delay` (steps), when set.
    pub delay_extrema: Option<(i64, i64)>,
    /// The blocks this rank owns.
    pub ownership: Ownership,
    /// The ranks, to agree on the delays.
    pub comm: &'a dyn Communicator,
}

/// The network's parts laid out in blocks.
pub(crate) struct Placement {
    /// The populations, each with its blocks' runtime.
    pub populations: Vec<Box<dyn PopulationDyn>>,
    /// Per population, the projections onto it (in creation order).
    pub incoming: Vec<Vec<Projection>>,
    /// Per projection (creation order): its target population and its index there.
    pub projection_slots: Vec<(usize, usize)>,
    /// The projections as the network reports them, in creation order.
    pub projection_info: Vec<ProjectionInfo>,
    /// Spikes are exchanged every this many steps (the smallest synaptic delay).
    pub slice_len: i64,
    /// The longest delay (steps) the ring buffers hold.
    pub max_delay: i64,
    /// Whether `min_delay` and `max_delay` were set by the user (NEST's kernel
    /// `user_set_delay_extrema`): a delay outside them is then an error, never a reason to
    /// widen them.
    pub user_delay_extrema: bool,
}

/// Stream entity of a population's own draws.
fn population_entity(p: usize) -> u64 {
    p as u64
}

/// Places the declared network: sizes the ring buffers from the delays (their memory
/// is reserved in `memory` first), gives every block its runtime, distributes
/// generators and multimeters over the blocks and moves plastic state into the blocks
/// that own it.
pub(crate) fn place(declared: Declarations<'_>, memory: &mut MemoryBudget) -> Result<Placement> {
    let Declarations {
        resolution,
        seed,
        mut populations,
        population_info,
        projections,
        generators,
        multimeters,
        delay_extrema,
        ownership,
        comm,
    } = declared;
    let mut projections = projections;
    agree_on_projections(comm, &mut projections);
    let max_delay = projections
        .iter()
        .map(|p| i64::from(p.max_delay))
        .chain(generators.iter().flat_map(|g| {
            g.targets
                .iter()
                .flat_map(|(_, c)| c.iter().map(|&(_, _, d)| i64::from(d)))
        }))
        .max()
        .unwrap_or(1);
    let slice_len = projections
        .iter()
        .filter(|p| p.synapses > 0)
        .map(|p| i64::from(p.min_delay))
        .min()
        .unwrap_or(max_delay)
        .max(1);
    // The user's extremes are the kernel's (NEST's `min_delay` and `max_delay` as set):
    // delays set between runs may take any value within them.
    let slice_len = delay_extrema.map_or(slice_len, |(min, _)| min);
    let max_delay = delay_extrema.map_or(max_delay, |(_, max)| max);
    let slots = (max_delay + slice_len + 1) as usize;
    let mut ring_total = 0u64;
    for (p, info) in population_info.iter().enumerate() {
        let owned = ownership.owned_neurons(p, info.len);
        ring_total += resources::ring_bytes(owned, slots as u64);
        memory.reserve(
            &format!(
                "the ring buffers of population `{}` ({} steps of delay for {} neurons)",
                info.name, slots, owned
            ),
            resources::ring_bytes(owned, slots as u64),
            0,
        )?;
    }
    // Rings that would not stay in cache log their inputs (same sums, `engine::ring`).
    let deferred = ring::deferred(ring_total);
    for (p, pop) in populations.iter_mut().enumerate() {
        let len = pop.len();
        let blocks: Vec<BlockRuntime> = (0..block_count(len))
            .map(|b| BlockRuntime {
                owned: ownership.owns(p, b),
                ring: if ownership.owns(p, b) {
                    Ring::new(block_size(len, b), slots, pop.spike_channels(), deferred)
                } else {
                    Ring::default()
                },
                rng: seed.stream(Purpose::Simulation, population_entity(p), b as u64),
                stimuli: Vec::new(),
                samplers: Vec::new(),
                spikes: Vec::new(),
                plastic: Vec::new(),
                archive: None,
                weight_events: Vec::new(),
            })
            .collect();
        *pop.blocks() = blocks;
        pop.release_unowned();
    }
    devices::place_generators(&mut populations, generators, seed);
    devices::place_multimeters(&mut populations, multimeters);
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
    let mut incoming: Vec<Vec<Projection>> = (0..populations.len()).map(|_| Vec::new()).collect();
    let mut projection_slots = Vec::with_capacity(projections.len());
    for p in projections {
        projection_slots.push((p.target, incoming[p.target].len()));
        incoming[p.target].push(p);
    }
    keep_single_input(
        &mut populations,
        population_info,
        &incoming,
        slots as u64,
        memory,
    )?;
    synapses::install_plastic(&mut populations, &mut incoming, slice_len, &resolution);
    Ok(Placement {
        populations,
        incoming,
        projection_slots,
        projection_info,
        slice_len,
        max_delay,
        user_delay_extrema: delay_extrema.is_some(),
    })
}

/// Gives the ring of every block that synapses with single-precision weights reach
/// rows of single precision for their input (`engine::ring`), reserving their memory.
fn keep_single_input(
    populations: &mut [Box<dyn PopulationDyn>],
    info: &[PopulationInfo],
    incoming: &[Vec<Projection>],
    slots: u64,
    memory: &mut MemoryBudget,
) -> Result<()> {
    for ((pop, info), incoming) in populations.iter_mut().zip(info).zip(incoming) {
        let spike_channels = pop.spike_channels() as u64;
        let name = &info.name;
        let mut kept = 0u64;
        for (b, block) in pop.blocks().iter_mut().enumerate() {
            if block.owned && incoming.iter().any(|p| p.adds_single(b)) {
                block.ring.keep_single_input();
                kept += 1;
            }
        }
        if kept > 0 {
            memory.reserve(
                &format!("the single-precision ring rows of population `{name}`"),
                kept.saturating_mul(SingleRows::bytes(slots, spike_channels)),
                0,
            )?;
        }
    }
    Ok(())
}

/// NEST's check of every delay against the kernel's `min_delay` and `max_delay`
/// (steps); `generator_names` names the generators in order.
pub(crate) fn check_delays<'a>(
    (min, max): (i64, i64),
    projections: &'a [Projection],
    generators: &'a [GeneratorSpec],
    generator_names: impl Fn(usize) -> &'a str,
    res: &Resolution,
) -> Result<()> {
    let delays = projections.iter().filter(|p| p.synapses > 0).map(|p| {
        (
            p.name.as_str(),
            i64::from(p.min_delay),
            i64::from(p.max_delay),
        )
    });
    let generator_delays = generators.iter().enumerate().filter_map(|(g, spec)| {
        let all = spec
            .targets
            .iter()
            .flat_map(|(_, c)| c.iter().map(|c| i64::from(c.2)));
        let (lo, hi) = all.fold((i64::MAX, i64::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
        (lo <= hi).then_some((generator_names(g), lo, hi))
    });
    for (name, lo, hi) in delays.chain(generator_delays) {
        let (bad, rule) = if lo < min {
            (lo, "greater than or equal to min_delay")
        } else if hi > max {
            (hi, "smaller than or equal to max_delay")
        } else {
            continue;
        };
        return Err(Error::invalid(
            name,
            "delay",
            res.step_to_ms(bad),
            format!(
                "must be {rule} (the kernel's min_delay {} ms, max_delay {} ms)",
                res.step_to_ms(min),
                res.step_to_ms(max)
            ),
        ));
    }
    Ok(())
}

/// Makes every projection's synapse count and smallest and largest delay those of the
/// whole network: a rank that drew the synapses and random delays of only its own
/// targets learns the others' (the slice length, the ring buffers and the STDP archives
/// depend on them; the count is reported). One process: nothing to do.
fn agree_on_projections(comm: &dyn Communicator, projections: &mut [Projection]) {
    if comm.size() == 1 {
        return;
    }
    let local: Vec<u64> = projections
        .iter()
        .flat_map(|p| {
            [
                u64::from(p.min_delay),
                u64::from(p.max_delay),
                p.synapses as u64,
            ]
        })
        .collect();
    let all = comm.all_gather(&local);
    for p in projections.iter_mut() {
        p.synapses = 0;
    }
    for rank in all.chunks_exact(local.len().max(1)) {
        for (p, part) in projections.iter_mut().zip(rank.chunks_exact(3)) {
            p.min_delay = p.min_delay.min(part[0] as u16);
            p.max_delay = p.max_delay.max(part[1] as u16);
            p.synapses += part[2] as usize;
        }
    }
}
