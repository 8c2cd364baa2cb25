//! Parameters that differ within a population (NEST's `pop[0:5].set(I_e=...)`): the
//! population keeps several parameter sets, each with its propagators, and each neuron
//! an index into them. The update then runs per run of neurons sharing a set.
//!
//! A population whose neurons all share one set keeps the uniform path (one set per
//! block, `engine::population`) and never comes here. Runs are aligned to the *grain*:
//! the largest power of two, at most a block, such that every aligned run of that many
//! neurons shares one set, so that a half population set apart still updates 512
//! neurons per call, and per-neuron values one neuron per call (the slow path). A model
//! updates each neuron from its own state and input alone, so the values are the uniform
//! path's, bit for bit.

use super::block::BLOCK_LEN;
use crate::error::{Error, Result};
use crate::models::{NeuronModel, Recordable};
use crate::storage::Dyn;
use crate::time::Resolution;
use std::collections::HashMap;

/// A population's distinct parameter sets and each neuron's set.
pub(crate) struct ParamSets<M: NeuronModel> {
    /// The distinct sets with their propagators for the network's resolution.
    sets: Vec<(M, M::Propagators)>,
    /// Per neuron, its index in `sets`.
    of: Vec<u32>,
    /// Every aligned run of `grain` neurons shares one set (a power of two dividing
    /// [`BLOCK_LEN`]).
    grain: usize,
}

impl<M: NeuronModel> ParamSets<M> {
    /// All `len` neurons in the one set `model`.
    pub fn uniform(model: &M, len: usize, res: &Resolution) -> Self {
        ParamSets {
            sets: vec![(model.clone(), model.propagators(res))],
            of: vec![0; len],
            grain: BLOCK_LEN,
        }
    }

    /// The grain: the largest power of two, at most [`BLOCK_LEN`], that divides every
    /// index where the set changes.
    pub fn grain(&self) -> usize {
        self.grain
    }

    /// The set of neuron `i`.
    pub fn model_of(&self, i: usize) -> &M {
        &self.sets[self.of[i] as usize].0
    }

    /// The one set every neuron shares, if they do.
    pub fn common(&self) -> Option<&M> {
        let first = *self.of.first()?;
        self.of
            .iter()
            .all(|&s| s == first)
            .then(|| &self.sets[first as usize].0)
    }

    /// Sets parameter `name` of each neuron in `pairs` (`(index, value)`, valid
    /// indices, each once, any order): each (set, value) met is copied, changed and
    /// checked as the model checks a whole population (`entity` names it in errors);
    /// identical sets are shared, found by their text in a hash map, so a value per
    /// neuron (a population's `with { .. }`) costs one set per distinct value. On an
    /// error nothing changes. Returns, per changed neuron, its old set, for the caller
    /// to keep V_m where `E_L` changed.
    pub fn set_each(
        &mut self,
        entity: &str,
        pairs: &[(u32, f64)],
        name: &str,
        res: &Resolution,
        check: impl Fn(&M) -> Result<()>,
    ) -> Result<Vec<(u32, M)>> {
        let mut index: HashMap<String, u32> = self
            .sets
            .iter()
            .enumerate()
            .map(|(k, (s, _))| (format!("{s:?}"), k as u32))
            .collect();
        // The set each (old set, value) becomes.
        let mut changed: HashMap<(u32, u64), u32> = HashMap::new();
        let mut new_sets: Vec<(M, M::Propagators)> = Vec::new();
        let mut moves: Vec<(u32, u32)> = Vec::with_capacity(pairs.len());
        for &(i, value) in pairs {
            let old = self.of[i as usize];
            let at = match changed.get(&(old, value.to_bits())) {
                Some(&k) => k,
                None => {
                    let mut m = self.sets[old as usize].0.clone();
                    m.set(entity, name, value)?;
                    m.validate(entity)?;
                    check(&m)?;
                    let base = &self.sets[0].0;
                    if m.spike_channels() != base.spike_channels()
                        || m.receptor_ports() != base.receptor_ports()
                    {
                        return Err(Error::invalid(
                            entity,
                            name,
                            value,
                            "changes the receptor ports of some neurons only; set it on the \
                             whole population",
                        ));
                    }
                    let next = (self.sets.len() + new_sets.len()) as u32;
                    let k = *index.entry(format!("{m:?}")).or_insert_with(|| {
                        new_sets.push((m.clone(), m.propagators(res)));
                        next
                    });
                    changed.insert((old, value.to_bits()), k);
                    k
                }
            };
            moves.push((i, at));
        }
        self.sets.extend(new_sets);
        let mut before = Vec::with_capacity(moves.len());
        for (i, new) in moves {
            let old = self.of[i as usize];
            if new != old {
                before.push((i, self.sets[old as usize].0.clone()));
                self.of[i as usize] = new;
            }
        }
        self.prune();
        Ok(before)
    }

    /// Drops sets no neuron uses (renumbering the rest) and recomputes the grain.
    fn prune(&mut self) {
        let mut used = vec![false; self.sets.len()];
        for &s in &self.of {
            used[s as usize] = true;
        }
        let mut renumber = vec![0u32; self.sets.len()];
        let mut next = 0;
        for (k, u) in used.iter().enumerate() {
            if *u {
                renumber[k] = next;
                next += 1;
            }
        }
        let mut k = 0;
        self.sets.retain(|_| {
            k += 1;
            used[k - 1]
        });
        for s in &mut self.of {
            *s = renumber[*s as usize];
        }
        let mut grain = BLOCK_LEN;
        for i in 1..self.of.len() {
            if self.of[i] != self.of[i - 1] {
                grain = grain.min(1 << i.trailing_zeros());
            }
        }
        self.grain = grain;
    }

    /// Set `k` and its propagators.
    pub fn get(&self, k: usize) -> &(M, M::Propagators) {
        &self.sets[k]
    }

    /// The set index of each run of `grain` neurons of block `b`.
    pub fn runs_of_block(&self, b: usize) -> impl Iterator<Item = usize> + '_ {
        let start = b * BLOCK_LEN;
        let end = (start + BLOCK_LEN).min(self.of.len());
        (start..end)
            .step_by(self.grain)
            .map(|i| self.of[i] as usize)
    }
}

/// The membrane potentials (mV) of neurons `indices` as the sets they had read them,
/// for keeping V_m across an `E_L` change (NEST keeps V_m absolute).
pub(crate) fn v_m_before<M: NeuronModel>(
    states: &mut [M::State<Dyn>],
    held: &[bool],
    before: &[(u32, M)],
) -> Vec<(u32, Option<f64>)> {
    before
        .iter()
        .map(|(i, m)| {
            let b = *i as usize / BLOCK_LEN;
            // Another rank's block has no state here: nothing to keep.
            let v_m = match M::blocks(&mut states[b], BLOCK_LEN).into_iter().next() {
                Some(view) if held[b] => {
                    m.recordable(&view, Recordable::V_m, *i as usize % BLOCK_LEN)
                }
                _ => None,
            };
            (*i, v_m)
        })
        .collect()
}
