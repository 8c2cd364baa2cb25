//! Many processes: the seam between the engine and the processes it runs on.
//!
//! A network runs on one or several *ranks* (processes, e.g. under `mpirun`). Each rank
//! owns a fixed set of neuron blocks (round-robin over the blocks of all populations,
//! `Ownership`): their neurons, ring buffers, generators, multimeters, plastic state
//! and the synapses onto them. Every rank draws the network from the same keyed streams
//! and keeps what its blocks need, so the network is the same for any number of ranks.
//! Once per slice (min_delay steps) the ranks exchange their spikes through the
//! [`Communicator`] and sort them in the same `(step, neuron)` order as one process
//! does, so delivery order and sums — and therefore spikes, weights and recordings —
//! depend on the seed alone.
//!
//! One process uses [`Local`]; the cargo feature `mpi` adds `mpi::Mpi` (rsmpi over the
//! system's MPI). A builder takes the communicator [`install`]ed for the process (or
//! [`Local`]), or one given to `NetworkBuilder::communicator`.

mod agree;
mod exchange;
#[cfg(feature = "mpi")]
pub mod mpi;
pub(crate) mod rate;

pub(crate) use agree::{agree, agree_on, failed_elsewhere, Unbuilt};
pub use agree::{failed_alone, settle_failure};
pub(crate) use exchange::{exchange_samples, exchange_spikes, SampleRow};

use std::sync::{Arc, OnceLock};

/// Collective operations between the ranks of one network. Every rank calls each
/// operation in the same order (they are collective); the engine calls them from the
/// thread that runs `build` and `simulate`.
pub trait Communicator: Send + Sync + std::fmt::Debug {
    /// This process's rank, `0..size()`.
    fn rank(&self) -> usize;
    /// The number of ranks.
    fn size(&self) -> usize;
    /// Every rank's `local` words, concatenated in rank order, on every rank
    /// (MPI_Allgatherv).
    fn all_gather(&self, local: &[u64]) -> Vec<u64>;
    /// Every rank's `local` words, concatenated in rank order, on rank 0; empty on the
    /// other ranks (MPI_Gatherv).
    fn gather_to_root(&self, local: &[u64]) -> Vec<u64>;
    /// Stops every rank at once with exit status `code` (MPI_Abort): for an error that
    /// only some ranks meet, so that no rank waits for the others forever.
    fn abort(&self, code: i32) -> !;
}

/// The communicator of a single process: nothing to exchange.
#[derive(Debug, Clone, Copy, Default)]
pub struct Local;

impl Communicator for Local {
    fn rank(&self) -> usize {
        0
    }
    fn size(&self) -> usize {
        1
    }
    fn all_gather(&self, local: &[u64]) -> Vec<u64> {
        local.to_vec()
    }
    fn gather_to_root(&self, local: &[u64]) -> Vec<u64> {
        local.to_vec()
    }
    fn abort(&self, code: i32) -> ! {
        std::process::exit(code)
    }
}

static INSTALLED: OnceLock<Arc<dyn Communicator>> = OnceLock::new();

/// Makes `communicator` the one every later `NetworkBuilder::new` of this process uses
/// (the generated `network!` structs and the loader build through it). Returns `false`
/// (and changes nothing) when one was installed before.
pub fn install(communicator: Arc<dyn Communicator>) -> bool {
    INSTALLED.set(communicator).is_ok()
}

/// The communicator installed for this process, or [`Local`].
pub fn current() -> Arc<dyn Communicator> {
    INSTALLED.get().cloned().unwrap_or_else(|| Arc::new(Local))
}

/// How recorders that write files lay them out on several ranks (one rank: one file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RecorderFiles {
    /// One file per recorder, `{prefix}{name}.{dat|csv}`, written by rank 0 with every
    /// rank's events, byte for byte the file one process writes (default). Rank 0 also
    /// holds every event in memory (`Network::spikes`, `samples`); the other ranks hold
    /// those of their own neurons.
    #[default]
    Merged,
    /// NEST's layout: every rank writes `{prefix}{name}-{rank}.{dat|csv}` with the
    /// events of its own neurons and holds only those in memory.
    PerRank,
}

/// Which rank owns which block: the blocks of all populations, numbered in population
/// order, are dealt round-robin to the ranks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ownership {
    rank: usize,
    size: usize,
    /// Per population, the global number of its first block.
    first_block: Vec<usize>,
}

impl Ownership {
    /// The ownership of rank `rank` of `size` over populations with `blocks[p]` blocks.
    pub fn new(rank: usize, size: usize, blocks: impl IntoIterator<Item = usize>) -> Self {
        let mut next = 0;
        let first_block = blocks
            .into_iter()
            .map(|n| {
                let first = next;
                next += n;
                first
            })
            .collect();
        Self {
            rank,
            size: size.max(1),
            first_block,
        }
    }

    /// Whether this rank owns block `b` of population `p`.
    pub fn owns(&self, p: usize, b: usize) -> bool {
        self.size == 1 || (self.first_block[p] + b) % self.size == self.rank
    }

    /// How many of the `len` neurons of population `p` this rank owns (all, on one
    /// process).
    pub fn owned_neurons(&self, p: usize, len: usize) -> usize {
        (0..crate::engine::block::block_count(len))
            .filter(|&b| self.owns(p, b))
            .map(|b| crate::engine::block::block_size(len, b))
            .sum()
    }

    /// How many of the `len` neurons' blocks of population `p` this rank owns.
    pub fn owned_blocks(&self, p: usize, len: usize) -> usize {
        (0..crate::engine::block::block_count(len))
            .filter(|&b| self.owns(p, b))
            .count()
    }

    /// Whether there is more than one rank.
    pub fn distributed(&self) -> bool {
        self.size > 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_dealt_round_robin_across_populations() {
        // Populations of 3, 2 and 1 blocks: global blocks 0..6, rank 1 of 2 owns 1, 3, 5.
        let own = Ownership::new(1, 2, [3, 2, 1]);
        let owned: Vec<(usize, usize)> = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (2, 0)]
            .into_iter()
            .filter(|&(p, b)| own.owns(p, b))
            .collect();
        assert_eq!(owned, vec![(0, 1), (1, 0), (2, 0)]);
        let one = Ownership::new(0, 1, [3, 2, 1]);
        assert!((0..3).all(|b| one.owns(0, b)));
        // 2,500 neurons in blocks of 1,024, 1,024 and 452: rank 1 owns the second.
        assert_eq!(own.owned_neurons(0, 2500), 1024);
        assert_eq!(Ownership::new(0, 2, [3]).owned_neurons(0, 2500), 1476);
        assert_eq!(own.owned_blocks(0, 2500), 1);
        assert_eq!(one.owned_neurons(0, 2500), 2500);
    }

    /// A rank drawing only its targets gets, for each, the sources one process draws
    /// (the oracle: `connect` over all targets), and nothing for the others, for every
    /// rule, with and without multapses and autapses, with and without a mask.
    #[test]
    fn a_rank_draws_the_sources_one_process_draws_for_its_targets() {
        use crate::connect::{connect, connect_where, ConnSpec, Endpoints, Rule, SameNeurons};
        use crate::rng::Seed;
        use crate::spatial::{Layout, Mask, Place};
        let check = |spec: ConnSpec, ends: &Endpoints| {
            let blocks = crate::engine::block::block_count(ends.n_targets);
            for rank in 0..2 {
                let own = Ownership::new(rank, 2, [blocks]);
                let keep = |t: usize| own.owns(0, crate::engine::block::block_of(t as u32));
                let all = connect("p", &spec, ends, Seed(7), 3).unwrap();
                let mine = connect_where("p", &spec, ends, Seed(7), 3, &keep).unwrap();
                assert_eq!(mine.n_targets(), ends.n_targets);
                let mut kept = 0;
                for t in 0..ends.n_targets {
                    let expected = if keep(t) { all.sources_of(t) } else { &[] };
                    assert_eq!(mine.sources_of(t), expected, "{spec:?} target {t}");
                    kept += expected.len();
                }
                assert_eq!(
                    mine.len(),
                    kept,
                    "{spec:?}: only the kept sources are stored"
                );
                assert!(
                    kept > 0 && kept < all.len(),
                    "{spec:?}: both ranks get some"
                );
            }
        };
        let ends = Endpoints {
            n_sources: 2500,
            n_targets: 3100,
            same: SameNeurons::None,
            source_space: None,
            target_space: None,
        };
        for rule in [
            Rule::FixedIndegree(40),
            Rule::PairwiseBernoulli(0.02),
            Rule::FixedOutdegree(30),
            Rule::FixedTotalNumber(5000),
            Rule::AllToAll,
        ] {
            check(ConnSpec::new(rule), &ends);
        }
        check(
            ConnSpec::new(Rule::FixedTotalNumber(5000)).no_multapses(),
            &ends,
        );
        check(
            ConnSpec::new(Rule::FixedOutdegree(30)).no_multapses(),
            &ends,
        );
        let same = Endpoints {
            n_sources: 2100,
            n_targets: 2100,
            same: SameNeurons::Identity,
            ..ends
        };
        check(ConnSpec::new(Rule::OneToOne), &same);
        check(ConnSpec::new(Rule::AllToAll).no_autapses(), &same);
        check(
            ConnSpec::new(Rule::FixedTotalNumber(9000)).no_autapses(),
            &same,
        );
        // Spatial: a 48 x 48 grid (3 blocks), masks and a kernel.
        let grid = Layout::Grid {
            shape: vec![48, 48],
            extent: Some(vec![4.8, 4.8]),
            center: None,
            edge_wrap: true,
        }
        .place("layer", 48 * 48, Seed(1), 0)
        .unwrap();
        let on = Endpoints {
            n_sources: grid.len(),
            n_targets: grid.len(),
            same: SameNeurons::Identity,
            source_space: Some(&grid),
            target_space: Some(&grid),
        };
        let mask = Mask::circle(0.45);
        for rule in [
            Rule::FixedOutdegree(12),
            Rule::FixedIndegree(12),
            Rule::PairwiseBernoulli(0.3),
        ] {
            check(ConnSpec::new(rule).with_mask(mask.clone()), &on);
        }
    }
}
