//! Running a slice's block tasks on the thread pool, longest first.
//!
//! A slice ends with a barrier (spikes are exchanged between slices), so the slowest
//! thread sets the pace. Handing out tasks from one queue ordered by the duration each
//! took in the previous slice (longest processing time first) leaves the threads at most
//! about one short task apart, where splitting the work by index ranges can leave one
//! thread idle for a whole block. Tasks are independent: the order changes no result.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// One block's work for one slice.
pub(crate) type BlockTask<'a> = Box<dyn FnOnce() + Send + 'a>;

/// The order in which to hand out tasks, and what each cost last time.
#[derive(Debug, Default)]
pub(crate) struct LongestFirst {
    /// Duration of each task in the previous slice (ns); empty before the first.
    last_ns: Vec<u64>,
}

impl LongestFirst {
    /// Runs `tasks` on the current rayon pool and returns when all are done.
    pub fn run(&mut self, tasks: Vec<BlockTask<'_>>) {
        let n = tasks.len();
        let threads = rayon::current_num_threads().min(n);
        if threads <= 1 {
            // One thread: the order changes nothing, so nothing is timed (two clock
            // reads per task were a fifth of a small network's step).
            tasks.into_iter().for_each(|task| task());
            return;
        }
        if self.last_ns.len() != n {
            self.last_ns = vec![0; n];
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(self.last_ns[i]));
        let slots: Vec<Mutex<Option<BlockTask<'_>>>> =
            tasks.into_iter().map(|t| Mutex::new(Some(t))).collect();
        let durations: Vec<AtomicU64> = (0..n).map(|_| AtomicU64::new(0)).collect();
        let next = AtomicUsize::new(0);
        rayon::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|_| loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&i) = order.get(k) else { break };
                    let task = slots[i].lock().map(|mut slot| slot.take());
                    if let Ok(Some(task)) = task {
                        let started = Instant::now();
                        task();
                        durations[i].store(elapsed_ns(started), Ordering::Relaxed);
                    }
                });
            }
        });
        for (last, d) in self.last_ns.iter_mut().zip(&durations) {
            *last = d.load(Ordering::Relaxed);
        }
    }
}

fn elapsed_ns(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX)
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
            let mut schedule = LongestFirst::default();
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
}
