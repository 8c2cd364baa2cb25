//! Turns a projection's edge list (sources per target) into compact, block-split synapse
//! storage, drawing random weights and delays from per-target streams.

use crate::engine::population::BLOCK_LEN;
use crate::engine::projection::{BlockSynapses, Projection};
use crate::error::{Error, Result};
use crate::rng::{Purpose, Seed};
use crate::synapse::SampleValue;
use crate::synapse::{delay_steps, StaticSynapse};
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
}

/// Builds the projection's block-split storage, in parallel over target blocks.
pub(crate) fn assemble(
    site: &ProjectionSite<'_>,
    edges: EdgeList<'_>,
    synapse: &StaticSynapse,
    res: &Resolution,
    seed: Seed,
) -> Result<Projection> {
    synapse.validate(site.name, res)?;
    let weight = synapse.weight.constant();
    let delay = match synapse.delay.constant() {
        Some(d) => Some(delay_steps(site.name, d, res)?),
        None => None,
    };
    let n_blocks = site.n_targets.div_ceil(BLOCK_LEN);
    let blocks: Vec<BlockSynapses> = (0..n_blocks)
        .into_par_iter()
        .map(|b| {
            let first = b * BLOCK_LEN;
            let last = ((b + 1) * BLOCK_LEN).min(site.n_targets);
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
                weights: if weight.is_none() { vec![0.0; count] } else { Vec::new() },
                delays: if delay.is_none() { vec![0; count] } else { Vec::new() },
                row_start,
            };
            for t in first..last {
                let mut rng = (weight.is_none() || delay.is_none())
                    .then(|| seed.stream(Purpose::SynapseParams, site.id, t as u64));
                for &s in &edges.sources[edges.offsets[t]..edges.offsets[t + 1]] {
                    let k = fill[s as usize] as usize;
                    fill[s as usize] += 1;
                    block.targets[k] = (t - first) as u16;
                    if let Some(rng) = rng.as_mut() {
                        if weight.is_none() {
                            block.weights[k] = synapse.weight.sample(rng)?;
                        }
                        if delay.is_none() {
                            let d = synapse.delay.sample(rng)?;
                            block.delays[k] = delay_steps(site.name, d, res)?;
                        }
                    }
                }
            }
            Ok(block)
        })
        .collect::<Result<_>>()?;
    let synapses = edges.offsets[site.n_targets];
    let (min_delay, max_delay) = match delay {
        Some(d) => (d, d),
        None => blocks
            .iter()
            .flat_map(|b| b.delays.iter().copied())
            .fold((u16::MAX, 0), |(lo, hi), d| (lo.min(d), hi.max(d))),
    };
    Ok(Projection {
        name: site.name.to_string(),
        source: site.source,
        target: site.target,
        synapse_model: synapse.model.clone(),
        weight,
        delay,
        blocks,
        synapses,
        min_delay,
        max_delay,
        receptor_type: synapse.receptor_type,
        plastic: None,
    })
}
