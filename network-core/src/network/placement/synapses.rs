//! Synapses into blocks: a projection's edge list (sources per target) becomes compact
//! synapse storage split by target block: the target words moved into their source rows
//! (through `staging`'s buckets), then the random weights and delays drawn row after row
//! from the block's own stream and written in order (drawn target by target, each would
//! land at a random place in the rows: a third of the microcircuit's build). A plastic
//! projection's per-synapse state is laid out per target block, aligned with the block's
//! rows, and moved into the target block's runtime when the network is built (with a
//! spike archive per block for STDP targets).

use super::draws::{redraw_limit, PerSynapse};
use super::staging::{Buckets, StagingBuffers};
use super::step_table::StepTable;
use crate::engine::archive::SpikeArchive;
use crate::engine::block::{block_count, block_start, BLOCK_LEN};
use crate::engine::huge_pages::advise;
use crate::engine::plastic::Plastic;
use crate::engine::population::PopulationDyn;
use crate::engine::projection::{
    pack, BlockSynapses, Delays, Projection, Weights, PACKED_DELAY_SPAN,
};
use crate::error::{Error, Result};
use crate::rng::{Purpose, Seed, Stream};
use crate::spatial::Space;
use crate::synapse::Pair;
use crate::synapse::{delay_steps, StaticSynapse, Synapse, MAX_DELAY_STEPS};
use crate::time::Resolution;
use rayon::prelude::*;

/// The sources of each target: target `t`'s sources are
/// `sources[offsets[t]..offsets[t + 1]]`, in draw order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EdgeList<'a> {
    pub offsets: &'a [usize],
    pub sources: &'a [u32],
}

/// Where a projection goes and how it is keyed.
pub(crate) struct ProjectionSite<'a> {
    pub name: &'a str,
    pub id: u64,
    pub source: usize,
    pub target: usize,
    pub n_sources: usize,
    pub n_targets: usize,
    /// The source and target positions, when both populations have them: an
    /// expression of positions reads them per synapse.
    pub spaces: Option<PairSpaces<'a>>,
    /// Whether this rank owns target block `b` (always, on one process): a block
    /// another rank owns gets no synapses and no `row_start` (its size is that of the
    /// source population, not of this rank's share).
    pub owns_block: &'a (dyn Fn(usize) -> bool + Sync),
}

/// Where an expression of positions finds the two neurons of a synapse, as NEST's
/// spatial connection code hands them to its parameters.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PairSpaces<'a> {
    pub source: &'a Space,
    pub target: &'a Space,
    /// Whether the source (0) or target (1) position is the one NEST's tree stores
    /// (wrapped into a periodic layer): the side a mask query found.
    pub stored: [bool; 2],
    /// Whether the displacement is measured on the target layer (NEST's
    /// `fixed_outdegree` and `pairwise_bernoulli` centred on the source compute weights
    /// and delays there), else on the source layer.
    pub on_target: bool,
}

impl PairSpaces<'_> {
    /// The pair source neuron `s`, target neuron `t` as NEST's parameters see it.
    pub(crate) fn pair(&self, s: usize, t: usize) -> Pair {
        let at = |space: &Space, i: usize, stored: bool| {
            let p = space.positions()[i];
            if stored {
                space.stored_position(&p)
            } else {
                p
            }
        };
        let source = at(self.source, s, self.stored[0]);
        let target = at(self.target, t, self.stored[1]);
        let layer = if self.on_target {
            self.target
        } else {
            self.source
        };
        layer.pair(&source, &target)
    }
}

/// Places a projection's synapses: block-split storage of `edges` with the weights and
/// delays of `base` (the synapse's static part, as the builder adjusted it), made
/// plastic when `synapse` is a plastic model. An impossible value is an error naming
/// the projection.
pub(crate) fn place_projection(
    site: &ProjectionSite<'_>,
    edges: EdgeList<'_>,
    base: &StaticSynapse,
    synapse: &Synapse,
    res: &Resolution,
    seed: Seed,
    staging: &StagingBuffers,
) -> Result<Projection> {
    let mut projection = assemble(site, edges, base, res, seed, staging)?;
    // Stochastic synapses draw from one stream per target block.
    if let Some(plastic) = Plastic::new(synapse, res) {
        make_plastic(&mut projection, plastic, |b| {
            seed.stream(Purpose::Transmission, site.id, b as u64)
        })?;
    }
    Ok(projection)
}

/// Builds the projection's block-split storage, in parallel over target blocks, each
/// block's target words staged in `staging`'s buckets on their way to their rows.
fn assemble(
    site: &ProjectionSite<'_>,
    edges: EdgeList<'_>,
    synapse: &StaticSynapse,
    res: &Resolution,
    seed: Seed,
    staging: &StagingBuffers,
) -> Result<Projection> {
    synapse.validate(site.name, res)?;
    // An expression of positions needs both; the displacement is measured on the
    // source layer, as NEST measures it.
    let spatial = synapse.weight.is_spatial() || synapse.delay.is_spatial();
    let spaces = match site.spaces {
        Some(s) => Some(s),
        None if spatial => {
            return Err(Error::invalid(
                site.name,
                if synapse.weight.is_spatial() {
                    "weight"
                } else {
                    "delay"
                },
                "an expression of distance or positions",
                "needs positions: give both populations a layout",
            ))
        }
        None => None,
    };
    let weight = synapse.weight.constant();
    let delay = match synapse.delay.constant() {
        Some(d) => Some(delay_steps(site.name, d, res)?),
        None => None,
    };
    let weights = PerSynapse::new(&synapse.weight);
    let delays = PerSynapse::new(&synapse.delay);
    let delay_table = match delay {
        Some(_) => None,
        None => StepTable::new(&synapse.delay, res, redraw_limit(&synapse.delay)),
    };
    // The conversion of a drawn delay to steps, its checks in one comparison; an
    // impossible delay takes the checked path for its error.
    let to_steps = |d: f64| {
        let steps = res.delay_steps(d);
        if d.is_finite() && (1..=MAX_DELAY_STEPS).contains(&steps) {
            Ok(steps as u16)
        } else {
            delay_steps(site.name, d, res)
        }
    };
    let mut blocks: Vec<BlockSynapses> = (0..block_count(site.n_targets))
        .into_par_iter()
        .map(|b| {
            if !(site.owns_block)(b) {
                return Ok(BlockSynapses::default());
            }
            let first = block_start(b);
            let last = block_start(b + 1).min(site.n_targets);
            let mut row_start = vec![0u32; site.n_sources + 1];
            for t in first..last {
                for &s in &edges.sources[edges.offsets[t]..edges.offsets[t + 1]] {
                    row_start[s as usize + 1] += 1;
                }
            }
            let mut total: u64 = 0;
            for r in row_start.iter_mut() {
                total += u64::from(*r);
                *r = u32::try_from(total).map_err(|_| {
                    Error::Resources(format!(
                        "projection `{}`: more than 2^32 synapses onto one block of {BLOCK_LEN} targets",
                        site.name
                    ))
                })?;
            }
            let count = total as usize;
            let mut fill = row_start.clone();
            let mut block = BlockSynapses {
                targets: vec![0; count],
                weights: Weights::zeroed(count, synapse.weight.weight_storage()),
                delays: if delay.is_none() { vec![0; count] } else { Vec::new() },
                row_start,
            };
            advise(&mut block.targets);
            advise(&mut block.delays);
            // The target words into their rows, target by target.
            staging.with(count, |buffer| {
                let mut buckets = buffer.map(|buffer| Buckets::new(buffer, count));
                for t in first..last {
                    let word = (t - first) as u16;
                    for &s in &edges.sources[edges.offsets[t]..edges.offsets[t + 1]] {
                        let position = fill[s as usize];
                        fill[s as usize] += 1;
                        match buckets.as_mut() {
                            Some(buckets) => buckets.push(position, word),
                            None => block.targets[position as usize] = word,
                        }
                    }
                }
                if let Some(buckets) = buckets {
                    buckets.into_rows(&mut block.targets);
                }
            });
            // Then the weights and delays drawn, row after row, from the block's stream.
            if weight.is_none() || delay.is_none() {
                let mut rng = seed.stream(Purpose::SynapseDraws, site.id, b as u64);
                for s in 0..site.n_sources {
                    let row = block.row_start[s] as usize..block.row_start[s + 1] as usize;
                    for k in row {
                        let pair = spaces
                            .filter(|_| spatial)
                            .map(|spaces| spaces.pair(s, first + usize::from(block.targets[k])));
                        if weight.is_none() {
                            block.weights.set(k, weights.draw_weight(pair.as_ref(), &mut rng)?);
                        }
                        if delay.is_none() {
                            block.delays[k] = match &delay_table {
                                Some(table) => table.draw(&mut rng),
                                None => to_steps(delays.draw(pair.as_ref(), &mut rng)?)?,
                            };
                        }
                    }
                }
            }
            if delay.is_none() {
                // A pair's synapses by delay: the order delivery at arrival keeps.
                block.sort_rows_by_delay_per_target();
            }
            Ok(block)
        })
        // The lowest failing block's error, whichever thread met one first.
        .collect::<Vec<Result<_>>>()
        .into_iter()
        .collect::<Result<_>>()?;
    let synapses = edges.offsets[site.n_targets];
    let (min_delay, max_delay) = match delay {
        Some(d) => (d, d),
        None => blocks
            .par_iter()
            .map(|b| {
                let lo = b.delays.iter().copied().min().unwrap_or(u16::MAX);
                (lo, b.delays.iter().copied().max().unwrap_or(0))
            })
            .reduce(|| (u16::MAX, 0), |(a, b), (c, d)| (a.min(c), b.max(d))),
    };
    let delays = match delay {
        Some(d) => Delays::Constant(d),
        None if max_delay.saturating_sub(min_delay) < PACKED_DELAY_SPAN => {
            pack_delays(&mut blocks, min_delay);
            Delays::Packed(min_delay)
        }
        None => Delays::PerSynapse,
    };
    Ok(Projection {
        name: site.name.to_string(),
        source: site.source,
        target: site.target,
        synapse_model: synapse.model.clone(),
        weight,
        delays,
        storage: blocks.into(),
        synapses,
        min_delay,
        max_delay,
        receptor_type: synapse.receptor_type,
        plastic: None,
        weights_recorded: false,
    })
}

/// Moves each synapse's delay (at most `min_delay + PACKED_DELAY_SPAN − 1`) into the
/// upper bits of its target word and frees the per-synapse delays.
fn pack_delays(blocks: &mut [BlockSynapses], min_delay: u16) {
    blocks.par_iter_mut().for_each(|block| {
        let delays = std::mem::take(&mut block.delays);
        for (word, d) in block.targets.iter_mut().zip(delays) {
            *word = pack(usize::from(*word), d - min_delay);
        }
    });
}

/// Makes `projection` plastic under `plastic`: lays out each target block's initial
/// state from the weights assembled like a static projection's. STDP weights become
/// per-synapse state (checked); the other models' weights stay where they are.
/// `stream(b)` is target block `b`'s stream of a stochastic model's draws.
fn make_plastic(
    projection: &mut Projection,
    mut plastic: Plastic,
    stream: impl Fn(usize) -> Stream + Sync,
) -> Result<()> {
    // In parallel over target blocks (each block's state written by one thread, the
    // first error in block order reported): hpc_benchmark's plastic state is 24 bytes
    // for each of 10^8 synapses and more.
    let constant = projection.weight;
    let owns_weights = plastic.owns_weights();
    let name = projection.name.clone();
    let initial = projection
        .blocks_mut()
        .par_iter_mut()
        .enumerate()
        .map(|(b, block)| {
            let weights = &block.weights;
            let state = plastic.initial_state(
                &name,
                block.targets.len(),
                &block.row_start,
                |k| constant.unwrap_or_else(|| weights.get(k)),
                || stream(b),
            )?;
            if owns_weights {
                // The weights now live in the state only.
                block.weights = Weights::default();
            }
            Ok(state)
        })
        .collect::<Vec<Result<_>>>()
        .into_iter()
        .collect::<Result<Vec<_>>>()?;
    if owns_weights {
        projection.weight = None;
    }
    plastic.initial = initial;
    projection.plastic = Some(Box::new(plastic));
    Ok(())
}

/// Moves each plastic projection's initial state into its target's blocks (aligned with
/// `incoming`, the projections onto each population) and gives every population that an
/// STDP projection targets a spike archive per block. `slice_len` is the number of steps
/// between spike exchanges.
pub(super) fn install_plastic(
    populations: &mut [Box<dyn PopulationDyn>],
    incoming: &mut [Vec<Projection>],
    slice_len: i64,
    res: &Resolution,
) {
    for (population, projections) in populations.iter_mut().zip(incoming.iter_mut()) {
        let len = population.len();
        let mut n_incoming: Option<Vec<u32>> = None;
        let mut stdp_max_delay = 0;
        let mut triplet = false;
        for (k, projection) in projections.iter_mut().enumerate() {
            let Some(plastic) = projection.plastic.as_deref() else {
                continue;
            };
            if plastic.needs_archive() {
                triplet |= plastic.needs_triplet_trace();
                stdp_max_delay = stdp_max_delay.max(projection.max_delay);
                let counts = n_incoming.get_or_insert_with(|| vec![0; len]);
                for (b, block) in projection.blocks().iter().enumerate() {
                    for k in 0..block.targets.len() {
                        counts[block_start(b) + block.target(k)] += 1;
                    }
                }
            }
            let Some(plastic) = projection.plastic.as_mut() else {
                continue;
            };
            let blocks = population.blocks();
            for (b, state) in std::mem::take(&mut plastic.initial).into_iter().enumerate() {
                let slots = &mut blocks[b].plastic;
                if slots.len() <= k {
                    slots.resize(k + 1, None);
                }
                slots[k] = Some(state);
            }
        }
        if let Some(counts) = n_incoming {
            let tau_minus = population
                .param("tau_minus")
                .expect("an stdp target has tau_minus (checked when connecting)");
            let tau_minus_triplet = triplet.then(|| {
                population
                    .param("tau_minus_triplet")
                    .expect("a triplet target has tau_minus_triplet (checked when connecting)")
            });
            let ms_per_step = res.tics_per_step() as f64 / crate::time::TICS_PER_MS as f64;
            let horizon = (f64::from(stdp_max_delay) + slice_len as f64) * ms_per_step;
            // A block another rank owns keeps no history (it never runs here).
            for (b, rt) in population.blocks().iter_mut().enumerate() {
                if !rt.owned {
                    continue;
                }
                let neurons = &counts[block_start(b)..block_start(b + 1).min(len)];
                rt.archive = Some(SpikeArchive::new(
                    tau_minus,
                    tau_minus_triplet,
                    horizon,
                    res.tics_per_step(),
                    neurons,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::block::block_of;
    use crate::synapse::SampleValue;
    use crate::Value;

    /// Two target blocks of a projection with drawn weights and delays and repeated
    /// pairs, assembled with the staging buffers and without (every block straight into
    /// its rows): both against rows written out by hand from the edge list, a row
    /// listing its targets in increasing order (a repeated pair once per synapse), then
    /// each synapse's weight and delay drawn by the values themselves (a delay with a
    /// table of steps by its table, tested on its own in `step_table`) from its block's
    /// stream, row after row, and a repeated pair's synapses then ordered by delay.
    #[test]
    fn rows_list_their_targets_in_order_with_draws_row_after_row() {
        let (n_sources, n_targets) = (700, BLOCK_LEN + 300);
        let mut offsets = vec![0];
        let mut sources = Vec::new();
        for t in 0..n_targets {
            for i in 0..(t % 13) {
                sources.push(((t * 7 + i * 389) % n_sources) as u32);
                if i == 3 {
                    // A repeated pair.
                    sources.push(((t * 7) % n_sources) as u32);
                }
            }
            offsets.push(sources.len());
        }
        let edges = EdgeList {
            offsets: &offsets,
            sources: &sources,
        };
        let weight = Value::Normal {
            mean: 87.8,
            std: 8.78,
            min: None,
            max: None,
        };
        let delay = Value::Normal {
            mean: 1.5,
            std: 0.75,
            min: Some(0.1),
            max: None,
        };
        let res = Resolution::default();
        let seed = Seed(5);
        let owns_block = |_: usize| true;
        let site = ProjectionSite {
            name: "p",
            id: 3,
            source: 0,
            target: 1,
            n_sources,
            n_targets,
            spaces: None,
            owns_block: &owns_block,
        };
        // Hand oracle: rows[block][source] = (target word, weight, delay steps).
        let mut words = vec![vec![Vec::new(); n_sources]; 2];
        for t in 0..n_targets {
            for &s in &sources[offsets[t]..offsets[t + 1]] {
                words[block_of(t as u32)][s as usize].push(t % BLOCK_LEN);
            }
        }
        // A delay drawn per synapse: its steps could be 0 (a chance of 5·10⁻¹² per draw).
        let delay_per_draw = Value::Lognormal {
            mu: 1.5f64.ln(),
            sigma: 0.5,
        };
        let delay_with_table: *const Value = &delay;
        // Drawn weights and delays, and each drawn alone: a constant is not drawn.
        for (weight, delay) in [
            (&weight, &delay),
            (&weight, &delay_per_draw),
            (&weight, &Value::Constant(1.5)),
            (&Value::Constant(2.0), &delay),
        ] {
            let table = StepTable::new(delay, &res, redraw_limit(delay));
            assert_eq!(
                table.is_some(),
                std::ptr::eq(delay, delay_with_table),
                "{delay:?}"
            );
            let synapse = StaticSynapse::new(weight.clone(), delay.clone());
            let rows: Vec<Vec<Vec<_>>> = (0..2)
                .map(|b| {
                    let mut rng = seed.stream(Purpose::SynapseDraws, site.id, b as u64);
                    let mut draw = |word| {
                        let w = match weight {
                            Value::Constant(w) => *w,
                            _ => weight.drawn_weight(weight.sample(&mut rng).unwrap()),
                        };
                        let d = match (delay, &table) {
                            (Value::Constant(d), _) => res.delay_steps(*d) as u16,
                            (_, Some(table)) => table.draw(&mut rng),
                            _ => res.delay_steps(delay.sample(&mut rng).unwrap()) as u16,
                        };
                        (word, w, d)
                    };
                    let block = &words[b];
                    block
                        .iter()
                        .map(|row| {
                            // Drawn in target order; a pair's synapses then by delay.
                            let mut row: Vec<_> = row.iter().map(|&t| draw(t)).collect();
                            row.sort_by_key(|&(t, _, d)| (t, d));
                            row
                        })
                        .collect()
                })
                .collect();
            for staging in [StagingBuffers::new(), StagingBuffers::default()] {
                let projection = assemble(&site, edges, &synapse, &res, seed, &staging).unwrap();
                for (b, block) in projection.blocks().iter().enumerate() {
                    for (s, row) in rows[b].iter().enumerate() {
                        let span = block.row_start[s] as usize..block.row_start[s + 1] as usize;
                        let got: Vec<_> = span
                            .map(|k| {
                                (
                                    block.target(k),
                                    projection.weight.unwrap_or_else(|| block.weights.get(k)),
                                    projection.delay(block, k),
                                )
                            })
                            .collect();
                        assert_eq!(&got, row, "block {b}, source {s}");
                    }
                }
            }
        }
    }
}
