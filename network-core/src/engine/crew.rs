//! Helper threads that wait for each slice's work spinning instead of sleeping.
//!
//! A slice of a small network is a few microseconds of work, and a thread pool whose
//! idle threads sleep (rayon's) wakes them through the kernel for every slice: under a
//! hypervisor each wake-up is an interrupt to another core, and two threads simulated
//! CUBA more slowly than one. A crew's helpers spin between slices (for up to
//! [`SPIN_BEFORE_PARKING`], then park until the next slice), so a slice starts on every
//! thread within a fraction of a microsecond, as OpenMP's active wait policy gives NEST.
//! A helper that finds itself on its caller's processor moves off it ([`cpus`]).

use super::cpus;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a helper spins for the next slice before it parks (and needs a wake-up).
const SPIN_BEFORE_PARKING: Duration = Duration::from_micros(100);

/// How many times the caller spins for its helpers to finish before it yields its core
/// between looks (a few thousand `pause` instructions: tens to hundreds of microseconds).
const YIELD_AFTER_SPINS: u32 = 1 << 12;

/// The work of one slice: called once on each thread with the thread's index.
type Job<'a> = &'a (dyn Fn(usize) + Sync);

/// What the calling thread and its helpers share.
struct Shared {
    /// Incremented for each slice's work.
    epoch: AtomicU64,
    /// Points to the current slice's [`Job`] (on the calling thread's stack).
    job: AtomicPtr<()>,
    /// Helpers done with the current slice's work.
    finished: AtomicUsize,
    /// Whether a helper's part of the current work panicked.
    panicked: AtomicBool,
    /// Per helper: parked, or about to park (the caller then wakes it).
    parked: Vec<AtomicBool>,
    stop: AtomicBool,
    /// The processor the caller ran on as it published the current slice's work
    /// (`usize::MAX` where unknown).
    caller_cpu: AtomicUsize,
    /// Whether the system allows the crew's threads at least one processor each (then a
    /// helper on its caller's processor moves off it).
    spread: bool,
}

/// Helper threads for the calling thread: [`Crew::run`] runs a job on all of them.
pub(crate) struct Crew {
    shared: Arc<Shared>,
    helpers: Vec<JoinHandle<()>>,
    asked: usize,
}

impl std::fmt::Debug for Crew {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Crew")
            .field("helpers", &self.helpers.len())
            .finish()
    }
}

impl Crew {
    /// A crew of `helpers` threads besides the calling one.
    pub fn new(helpers: usize) -> Self {
        let shared = Arc::new(Shared {
            epoch: AtomicU64::new(0),
            job: AtomicPtr::new(std::ptr::null_mut()),
            finished: AtomicUsize::new(0),
            panicked: AtomicBool::new(false),
            parked: (0..helpers).map(|_| AtomicBool::new(false)).collect(),
            stop: AtomicBool::new(false),
            caller_cpu: AtomicUsize::new(usize::MAX),
            spread: std::thread::available_parallelism().is_ok_and(|n| n.get() > helpers),
        });
        let asked = helpers + 1;
        let mut helpers = Vec::with_capacity(asked - 1);
        for k in 0..asked - 1 {
            let shared = Arc::clone(&shared);
            let started = std::thread::Builder::new()
                .name(format!("network-crew-{}", k + 1))
                .spawn(move || help(&shared, k));
            match started {
                Ok(helper) => helpers.push(helper),
                // The system gives no more threads: the crew works with those it has
                // (every share is taken by some thread; results do not change).
                Err(_) => break,
            }
        }
        Self {
            shared,
            helpers,
            asked,
        }
    }

    /// Threads that run a job: the helpers and the calling thread.
    #[cfg(test)]
    pub fn threads(&self) -> usize {
        self.helpers.len() + 1
    }

    /// The threads asked for when the crew was made, the calling one included (more than
    /// run a job where the system gave fewer).
    pub fn asked(&self) -> usize {
        self.asked
    }

    /// Calls `job(i)` on every thread `i` (0 the calling thread, then each helper) and
    /// returns when all calls have returned; a panic in any of them is raised here.
    pub fn run(&self, job: &(dyn Fn(usize) + Sync)) {
        let shared = &*self.shared;
        let job: Job<'_> = job;
        shared.finished.store(0, Ordering::Relaxed);
        if shared.spread {
            let cpu = cpus::current().unwrap_or(usize::MAX);
            shared.caller_cpu.store(cpu, Ordering::Relaxed);
        }
        shared.job.store(
            (&job as *const Job<'_>).cast_mut().cast(),
            Ordering::Relaxed,
        );
        shared.epoch.fetch_add(1, Ordering::SeqCst);
        for (helper, parked) in self.helpers.iter().zip(&shared.parked) {
            if parked.load(Ordering::SeqCst) {
                helper.thread().unpark();
            }
        }
        let own = catch_unwind(AssertUnwindSafe(|| job(0)));
        // Every helper finishes (a panic is caught there): until then `job` stays alive.
        // Spinning, then yielding: on a machine with more threads than cores a helper
        // may be waiting for this core.
        let mut spins = 0u32;
        while shared.finished.load(Ordering::Acquire) < self.helpers.len() {
            spins = spins.saturating_add(1);
            if spins < YIELD_AFTER_SPINS {
                std::hint::spin_loop();
            } else {
                std::thread::yield_now();
            }
        }
        if let Err(panic) = own {
            resume_unwind(panic);
        }
        if shared.panicked.swap(false, Ordering::Relaxed) {
            panic!("a block task panicked on a helper thread");
        }
    }
}

impl Drop for Crew {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        for helper in &self.helpers {
            helper.thread().unpark();
        }
        for helper in self.helpers.drain(..) {
            let _ = helper.join();
        }
    }
}

/// Helper `k`'s loop: wait for a new epoch, run the job as thread `k + 1`, report.
fn help(shared: &Shared, k: usize) {
    let mut seen = 0;
    loop {
        let mut since = Instant::now();
        let mut spins = 0u32;
        loop {
            if shared.stop.load(Ordering::Acquire) {
                return;
            }
            let epoch = shared.epoch.load(Ordering::Acquire);
            if epoch != seen {
                seen = epoch;
                break;
            }
            spins = spins.wrapping_add(1);
            if !spins.is_multiple_of(1024) || since.elapsed() < SPIN_BEFORE_PARKING {
                std::hint::spin_loop();
                continue;
            }
            // Announce the parking before the last look at the epoch: the caller
            // increments the epoch before it looks at the flag, so one of the two sees
            // the other (and an unpark before the park makes it return at once).
            shared.parked[k].store(true, Ordering::SeqCst);
            if shared.epoch.load(Ordering::SeqCst) == seen && !shared.stop.load(Ordering::SeqCst) {
                std::thread::park();
            }
            shared.parked[k].store(false, Ordering::SeqCst);
            since = Instant::now();
        }
        let job = shared
            .job
            .load(Ordering::Relaxed)
            .cast::<Job<'_>>()
            .cast_const();
        // SAFETY: the pointer was stored before this epoch was published (the epoch's
        // SeqCst increment orders the store before this thread's Acquire load), and it
        // points to a `Job` that the caller of `Crew::run` keeps alive until every helper
        // has incremented `finished` below; the referent is `Sync`.
        #[allow(unsafe_code)]
        let job: Job<'_> = unsafe { *job };
        if shared.spread {
            let caller = shared.caller_cpu.load(Ordering::Relaxed);
            if cpus::current() == Some(caller) {
                cpus::move_off(caller);
            }
        }
        if catch_unwind(AssertUnwindSafe(|| job(k + 1))).is_err() {
            shared.panicked.store(true, Ordering::Relaxed);
        }
        shared.finished.fetch_add(1, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_thread_runs_each_job_once() {
        for helpers in [0, 1, 3] {
            let crew = Crew::new(helpers);
            let counts: Vec<AtomicUsize> =
                (0..crew.threads()).map(|_| AtomicUsize::new(0)).collect();
            for round in 1..=200 {
                if round % 50 == 0 {
                    // Long enough for the helpers to park: they must wake again.
                    std::thread::sleep(Duration::from_millis(2));
                }
                crew.run(&|i| {
                    counts[i].fetch_add(1, Ordering::Relaxed);
                });
                assert!(counts.iter().all(|c| c.load(Ordering::Relaxed) == round));
            }
        }
    }

    #[test]
    fn a_panic_on_a_helper_reaches_the_caller() {
        let crew = Crew::new(1);
        let caught = catch_unwind(AssertUnwindSafe(|| {
            crew.run(&|i| assert_ne!(i, 1, "helper fails"));
        }));
        assert!(caught.is_err());
        // The crew still works afterwards.
        let ran = AtomicUsize::new(0);
        crew.run(&|_| {
            ran.fetch_add(1, Ordering::Relaxed);
        });
        assert_eq!(ran.load(Ordering::Relaxed), 2);
    }
}
