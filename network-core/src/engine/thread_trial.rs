//! Whether a slice runs on the calling thread alone or on all the threads asked for,
//! chosen by timing both while the network runs.
//!
//! A second thread pays only where a slice holds enough work: each slice ends with a
//! barrier, and a block run on another core than in the slice before brings its state,
//! rings and spike lists over. On a small network (CUBA's 4,000 neurons, Brunel at a
//! tenth of its size) two threads simulated 1.4-1.5x more slowly than one on the 2-core
//! machine of the benchmarks, while larger networks take twice the speed. Where the
//! two meet depends on the machine, the network and its activity, so no size is fixed:
//! from time to time a few slices run each way, alternately, and the faster way is kept
//! until the next trial. The choice changes no result (a slice's tasks are independent).

/// How a slice's tasks run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Threads {
    /// All on the calling thread, one after the other.
    One,
    /// Shared among all the threads the pool has.
    All,
}

impl Threads {
    fn other(self) -> Self {
        match self {
            Threads::One => Threads::All,
            Threads::All => Threads::One,
        }
    }

    fn index(self) -> usize {
        match self {
            Threads::One => 0,
            Threads::All => 1,
        }
    }
}

/// Slices in one segment of a trial (all run the same way).
const SEGMENT: u32 = 10;
/// The first slices of a segment, not measured: their blocks' data moves between cores.
const WARM_UP: u32 = 2;
/// Segments in a trial, alternately the kept way and the other one.
const SEGMENTS: u32 = 4;
/// Slices before the first trial.
const FIRST_TRIAL: u32 = 64;
/// Slices between trials after a change; each trial that keeps the way doubles it, up to
/// [`LONGEST_INTERVAL`], so a way that keeps losing costs ever less.
const SHORTEST_INTERVAL: u32 = 1 << 10;
const LONGEST_INTERVAL: u32 = 1 << 16;
/// The other way is abandoned as soon as [`ABANDON_AFTER`] of its slices are measured
/// where their median took this much longer than the kept way's (a network of few, long
/// slices then loses 5 slices to each trial, not 10).
const ABANDON_ABOVE: f64 = 1.25;
const ABANDON_AFTER: usize = 3;
/// The other way is taken where its median slice is at least this much shorter.
const TAKE_BELOW: f64 = 0.95;

/// The way slices run now, and the trial that may change it.
#[derive(Debug)]
pub(crate) struct ThreadTrial {
    /// The way kept between trials.
    kept: Threads,
    /// Slices to run before the next trial.
    until_trial: u32,
    /// Slices between trials after this one.
    interval: u32,
    /// The trial in progress: slices started, and the measured durations by way (ns).
    trial: Option<(u32, [Vec<u64>; 2])>,
}

impl Default for ThreadTrial {
    fn default() -> Self {
        Self {
            kept: Threads::All,
            until_trial: FIRST_TRIAL,
            interval: SHORTEST_INTERVAL,
            trial: None,
        }
    }
}

impl ThreadTrial {
    /// How the next slice runs, given how long the previous one took from its start to
    /// this call (`None` where the run paused in between).
    pub fn next(&mut self, previous_ns: Option<u64>) -> Threads {
        match self.trial.take() {
            None if self.until_trial > 0 => {
                self.until_trial -= 1;
                self.kept
            }
            None => {
                self.trial = Some((1, [Vec::new(), Vec::new()]));
                self.way_at(0)
            }
            Some((started, mut durations)) => {
                let finished = started - 1;
                if let Some(ns) = previous_ns.filter(|_| finished % SEGMENT >= WARM_UP) {
                    durations[self.way_at(finished).index()].push(ns);
                }
                self.continue_trial(started, durations)
            }
        }
    }

    /// How slice `slice` of a trial runs: segments alternate, the kept way first.
    fn way_at(&self, slice: u32) -> Threads {
        if (slice / SEGMENT).is_multiple_of(2) {
            self.kept
        } else {
            self.kept.other()
        }
    }

    /// Ends the trial (abandoned, or after its last segment) or runs its slice `started`.
    fn continue_trial(&mut self, started: u32, mut durations: [Vec<u64>; 2]) -> Threads {
        let in_first_other = started > SEGMENT && started <= 2 * SEGMENT;
        let other_measured = durations[self.kept.other().index()].len();
        let abandon_due = in_first_other && other_measured >= ABANDON_AFTER;
        let last = started == SEGMENTS * SEGMENT;
        // The other way's median over the kept way's, where a decision is due.
        let ratio = if abandon_due || last {
            let kept = median(&mut durations[self.kept.index()]);
            let other = median(&mut durations[self.kept.other().index()]);
            match (kept, other) {
                (Some(k), Some(o)) if k > 0 => Some(o as f64 / k as f64),
                _ => None,
            }
        } else {
            None
        };
        let abandon = abandon_due && ratio.is_some_and(|r| r > ABANDON_ABOVE);
        if !abandon && !last {
            self.trial = Some((started + 1, durations));
            return self.way_at(started);
        }
        if last && ratio.is_some_and(|r| r < TAKE_BELOW) {
            self.kept = self.kept.other();
            self.interval = SHORTEST_INTERVAL;
        } else {
            self.interval = (self.interval * 2).min(LONGEST_INTERVAL);
        }
        self.until_trial = self.interval;
        self.kept
    }
}

/// The median of `values` (the upper one of an even count), sorting them.
fn median(values: &mut [u64]) -> Option<u64> {
    values.sort_unstable();
    values.get(values.len() / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `slices` slices whose durations are `one` and `all` ns by way, and returns
    /// how many ran each way.
    fn run(trial: &mut ThreadTrial, slices: u32, one: u64, all: u64) -> [u32; 2] {
        let mut counts = [0; 2];
        let mut previous = None;
        for _ in 0..slices {
            let way = trial.next(previous);
            counts[way.index()] += 1;
            previous = Some(if way == Threads::One { one } else { all });
        }
        counts
    }

    #[test]
    fn keeps_all_threads_where_they_are_faster() {
        let mut trial = ThreadTrial::default();
        let [one, all] = run(&mut trial, 100_000, 2_000, 1_000);
        // Each trial ends once 3 slices on one thread (2x slower) are measured after
        // its 2 warm-up slices (15 slices a trial), and the intervals double from 2,048:
        // trials start after about 64, 2.1k, 6.2k, 14.4k, 30.8k and 63.6k slices, the
        // next one past 100k.
        assert_eq!(trial.kept, Threads::All);
        let per_trial = WARM_UP + ABANDON_AFTER as u32;
        assert_eq!(one, 6 * per_trial, "{one} slices on one thread");
        assert_eq!(one + all, 100_000);
    }

    #[test]
    fn takes_one_thread_where_it_is_faster_and_tries_all_again() {
        let mut trial = ThreadTrial::default();
        // The decision comes as the slice after the trial's last one starts.
        let [one, _] = run(
            &mut trial,
            FIRST_TRIAL + SEGMENTS * SEGMENT + 1,
            1_000,
            1_500,
        );
        assert_eq!(trial.kept, Threads::One);
        assert_eq!(one, 2 * SEGMENT + 1);
        // After the change, the next trial comes after the shortest interval; all threads,
        // slower, are abandoned once 3 of their slices are measured.
        let [_, all] = run(&mut trial, SHORTEST_INTERVAL + 2 * SEGMENT, 1_000, 1_500);
        assert_eq!(all, WARM_UP + ABANDON_AFTER as u32);
        // When the network grows busier, all threads come back at the next trial.
        run(&mut trial, 3 * SHORTEST_INTERVAL, 3_000, 1_500);
        assert_eq!(trial.kept, Threads::All);
    }

    #[test]
    fn a_pause_or_a_close_race_changes_nothing() {
        let mut trial = ThreadTrial::default();
        // Within 5 %: the kept way stays.
        run(&mut trial, FIRST_TRIAL + SEGMENTS * SEGMENT + 1, 980, 1_000);
        assert_eq!(trial.kept, Threads::All);
        assert_eq!(trial.interval, 2 * SHORTEST_INTERVAL);
        // A pause before every slice (no duration): nothing is measured, nothing changes.
        for _ in 0..10 * SHORTEST_INTERVAL {
            trial.next(None);
        }
        assert_eq!(trial.kept, Threads::All);
    }
}
