//! The MPI communicator (cargo feature `mpi`): rsmpi over the system's MPI.

use super::Communicator;
use mpi::datatype::PartitionMut;
use mpi::topology::Communicator as _;
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;
use mpi::Count;
use std::sync::Arc;

/// The MPI world, as the engine's [`Communicator`]. Holds no MPI handle (each call
/// takes `MPI_COMM_WORLD`), so it can be shared between threads; MPI runs with
/// `MPI_THREAD_SERIALIZED`.
#[derive(Debug, Clone, Copy)]
pub struct Mpi {
    rank: usize,
    size: usize,
}

/// MPI for the life of this value: finalizes MPI when dropped. Keep it alive in `main`
/// for as long as networks run.
pub struct MpiGuard {
    _universe: mpi::environment::Universe,
    /// The world as a communicator.
    pub communicator: Mpi,
}

impl std::fmt::Debug for MpiGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MpiGuard")
            .field("communicator", &self.communicator)
            .finish()
    }
}

/// Initializes MPI and [`install`](super::install)s its world for every later builder
/// of this process; `None` when MPI was initialized before.
pub fn init() -> Option<MpiGuard> {
    let (universe, _) = mpi::initialize_with_threading(mpi::Threading::Serialized)?;
    let world = universe.world();
    let communicator = Mpi {
        rank: world.rank() as usize,
        size: world.size() as usize,
    };
    super::install(Arc::new(communicator));
    Some(MpiGuard {
        _universe: universe,
        communicator,
    })
}

/// Per-rank counts (in words) and their displacements, from each rank's count.
fn partition(counts: &[Count]) -> (Vec<Count>, usize) {
    let mut displs = Vec::with_capacity(counts.len());
    let mut total: usize = 0;
    for &c in counts {
        displs.push(Count::try_from(total).expect("exchange larger than 2^31 words"));
        total += c as usize;
    }
    (displs, total)
}

impl Communicator for Mpi {
    fn rank(&self) -> usize {
        self.rank
    }

    fn size(&self) -> usize {
        self.size
    }

    fn all_gather(&self, local: &[u64]) -> Vec<u64> {
        let world = SimpleCommunicator::world();
        let n = Count::try_from(local.len()).expect("exchange larger than 2^31 words");
        let mut counts = vec![0 as Count; self.size];
        world.all_gather_into(&n, &mut counts[..]);
        let (displs, total) = partition(&counts);
        let mut all = vec![0u64; total];
        {
            let mut into = PartitionMut::new(&mut all[..], &counts[..], &displs[..]);
            world.all_gather_varcount_into(local, &mut into);
        }
        all
    }

    fn gather_to_root(&self, local: &[u64]) -> Vec<u64> {
        let world = SimpleCommunicator::world();
        let root = world.process_at_rank(0);
        let n = Count::try_from(local.len()).expect("exchange larger than 2^31 words");
        if self.rank != 0 {
            root.gather_into(&n);
            root.gather_varcount_into(local);
            return Vec::new();
        }
        let mut counts = vec![0 as Count; self.size];
        root.gather_into_root(&n, &mut counts[..]);
        let (displs, total) = partition(&counts);
        let mut all = vec![0u64; total];
        {
            let mut into = PartitionMut::new(&mut all[..], &counts[..], &displs[..]);
            root.gather_varcount_into_root(local, &mut into);
        }
        all
    }

    fn abort(&self, code: i32) -> ! {
        SimpleCommunicator::world().abort(code)
    }
}
