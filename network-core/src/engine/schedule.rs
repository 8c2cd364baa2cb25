//! Running a slice's block tasks on the threads, each thread mostly on the same blocks.
//!
//! A slice ends with a barrier (spikes are exchanged between slices), so the slowest
//! thread sets the pace, and a block's state and rings are cheapest where they were last
//! touched: in the cache of the core that ran the block in the previous slice. So the
//! tasks are cut into one share per thread, of about equal duration as each task took
//! in the previous slice (contiguous where that balances them, else dealt longest first:
//! [`Shares`]); a thread runs its own share first, then helps with what is left of the
//! others'. The shares move only as durations drift, so a block
//! mostly stays on its core (handing out tasks longest first from one queue, as before,
//! moved blocks between cores every slice: the microcircuit on 2 threads simulated 5 %
//! slower, CUBA 20 %). The threads are a [`Crew`]: the calling thread and helpers that
//! spin between slices instead of sleeping. Where one thread runs a slice faster than
//! all (a small network), it runs alone ([`ThreadTrial`]). Tasks are independent: the
//! order changes no result.

use super::crew::Crew;
use super::shares::Shares;
use super::thread_trial::{Measured, ThreadTrial, Threads};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// One block's work for one slice.
pub(crate) type BlockTask<'a> = Box<dyn FnOnce() + Send + 'a>;

/// What each task cost last time, from which the threads' shares are cut.
#[derive(Debug, Default)]
pub(crate) struct StableShares {
    /// Duration of each task in the previous slice (ns); empty before the first.
    last_ns: Vec<u64>,
    /// The threads' shares of the tasks, cut from `last_ns`.
    shares: Shares,
    /// The threads that run the tasks, made at the first slice with several threads
    /// (as many as the current rayon pool's).
    crew: Option<Crew>,
    /// Whether slices run on all threads or on the calling one.
    trial: ThreadTrial,
    /// When the slice before started, unless the run paused since.
    previous_start: Option<Instant>,
    /// Where the slice before ran on all threads, the time its tasks took over the
    /// threads' number (ns).
    previous_occupied: Option<f64>,
}

impl StableShares {
    /// Runs `tasks` on the current rayon pool and returns when all are done.
    pub fn run(&mut self, tasks: Vec<BlockTask<'_>>) {
        let n = tasks.len();
        let pool_threads = rayon::current_num_threads();
        let mut threads = pool_threads.min(n);
        let occupied_ns = self.previous_occupied.take();
        if threads > 1 {
            let now = Instant::now();
            let previous = self.previous_start.map(|start| Measured {
                ns: elapsed_ns(start, now) as f64,
                occupied_ns,
            });
            self.previous_start = Some(now);
            if self.trial.next(previous) == Threads::One {
                threads = 1;
            }
        }
        if threads <= 1 {
            // One thread: the order changes nothing, so nothing is timed (two clock
            // reads per task were a fifth of a small network's step).
            tasks.into_iter().for_each(|task| task());
            return;
        }
        if self.last_ns.len() != n {
            self.last_ns = vec![0; n];
        }
        self.shares.plan(&self.last_ns, threads);
        let (order, bounds) = (&self.shares.order, &self.shares.bounds);
        let cursors: Vec<AtomicUsize> = bounds[..threads]
            .iter()
            .map(|&b| AtomicUsize::new(b))
            .collect();
        let slots: Vec<Mutex<Option<BlockTask<'_>>>> =
            tasks.into_iter().map(|t| Mutex::new(Some(t))).collect();
        let durations: Vec<AtomicU64> = (0..n).map(|_| AtomicU64::new(0)).collect();
        if self.crew.as_ref().is_none_or(|c| c.asked() != pool_threads) {
            self.crew = Some(Crew::new(pool_threads - 1));
        }
        let crew = self.crew.as_ref().expect("made above");
        crew.run(&|me| {
            if me >= threads {
                return;
            }
            // Its own share first, then what is left of the others'.
            for k in (0..threads).map(|j| (me + j) % threads) {
                loop {
                    let at = cursors[k].fetch_add(1, Ordering::Relaxed);
                    if at >= bounds[k + 1] {
                        break;
                    }
                    let i = order[at];
                    let task = slots[i].lock().map(|mut slot| slot.take());
                    if let Ok(Some(task)) = task {
                        let started = Instant::now();
                        task();
                        let ns = elapsed_ns(started, Instant::now());
                        durations[i].store(ns, Ordering::Relaxed);
                    }
                }
            }
        });
        for (last, d) in self.last_ns.iter_mut().zip(&durations) {
            *last = d.load(Ordering::Relaxed);
        }
        let busy: u64 = self.last_ns.iter().sum();
        self.previous_occupied = Some(busy as f64 / threads as f64);
    }

    /// Marks a pause in the run: the time until the next slice is not a slice's.
    pub fn pause(&mut self) {
        self.previous_start = None;
        self.previous_occupied = None;
    }
}

fn elapsed_ns(started: Instant, now: Instant) -> u64 {
    u64::try_from(now.duration_since(started).as_nanos()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_every_task_once_on_any_pool() {
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let mut results = [0u32; 7];
            let mut schedule = StableShares::default();
            for round in 1..=3 {
                let tasks: Vec<BlockTask<'_>> = results
                    .iter_mut()
                    .enumerate()
                    .map(|(i, r)| -> BlockTask<'_> {
                        Box::new(move || {
                            std::thread::sleep(std::time::Duration::from_micros(50 * i as u64));
                            *r += 1;
                        })
                    })
                    .collect();
                pool.install(|| schedule.run(tasks));
                assert!(results.iter().all(|&r| r == round));
            }
        }
    }

    #[test]
    fn a_slice_on_all_threads_reports_its_tasks_time_per_thread() {
        // Four tasks of at least 2 ms each on two threads: the trial hears of their time
        // over the two threads, at least 4 ms, not of their sum.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let mut schedule = StableShares::default();
        let tasks: Vec<BlockTask<'_>> = (0..4)
            .map(|_| -> BlockTask<'_> {
                Box::new(|| std::thread::sleep(std::time::Duration::from_millis(2)))
            })
            .collect();
        pool.install(|| schedule.run(tasks));
        let occupied = schedule.previous_occupied.expect("ran on all threads");
        let sum: u64 = schedule.last_ns.iter().sum();
        assert!(sum >= 8_000_000, "{sum} ns");
        assert_eq!(occupied, sum as f64 / 2.0);
        // A slice on one thread reports none.
        pool.install(|| schedule.run(Vec::new()));
        assert_eq!(schedule.previous_occupied, None);
    }
}
