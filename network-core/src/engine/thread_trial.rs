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
//!
//! Bursts can mislead the durations: NEST's hpc_benchmark at scale 1 spends 0.5 ms on a
//! quiet slice and up to 800 ms on a burst, about every 25 slices, so one way's segments
//! may hold the bursts and the other's none; its trial took one thread, and two
//! simulated 1.1 times as fast as one instead of 1.8. So all threads are kept (or taken
//! back), whatever the durations say, where their tasks kept them busy over the trial's
//! slices on all threads ([`OCCUPIED`]; a trial that finds them busy through its first
//! segment ends there): one thread is faster only where the tasks run
//! more slowly on all threads by more than the threads' occupancy times their number (1.5
//! on two threads at the threshold), and what grows with parallel work (two cores sharing the memory's
//! bandwidth) grows by less; what makes one thread win (the barrier, blocks moving between
//! cores) shows as threads waiting. Measured occupancies on 2 threads: hpc_benchmark
//! (scale 1) and COBA 0.91, the microcircuit at scale 0.2 0.78-0.80, Brunel at scale 0.1
//! 0.60, CUBA 0.42-0.53.

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
/// All threads are kept (or taken) where their tasks filled at least this share of the
/// threads' time over the trial's slices on all threads.
const OCCUPIED: f64 = 0.75;

/// The way slices run now, and the trial that may change it.
#[derive(Debug)]
pub(crate) struct ThreadTrial {
    /// The way kept between trials.
    kept: Threads,
    /// Slices to run before the next trial.
    until_trial: u32,
    /// Slices between trials after this one.
    interval: u32,
    /// The trial in progress: slices started, and the measured slices by way.
    trial: Option<(u32, [Vec<Measured>; 2])>,
}

/// A slice as the trial measures it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Measured {
    /// From the slice's start to the next slice's start (ns).
    pub ns: f64,
    /// On all threads: the time the threads spent in its tasks over their number (ns),
    /// `ns` where they were never idle.
    pub occupied_ns: Option<f64>,
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
    /// How the next slice runs, given the previous one (`None` where the run paused in
    /// between).
    pub fn next(&mut self, previous: Option<Measured>) -> Threads {
        match self.trial.take() {
            None if self.until_trial > 0 => {
                self.until_trial -= 1;
                self.kept
            }
            None => {
                self.trial = Some((1, [Vec::new(), Vec::new()]));
                self.way_at(0)
            }
            Some((started, mut measured)) => {
                let finished = started - 1;
                if let Some(slice) = previous.filter(|_| finished % SEGMENT >= WARM_UP) {
                    measured[self.way_at(finished).index()].push(slice);
                }
                self.continue_trial(started, measured)
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
    fn continue_trial(&mut self, started: u32, mut measured: [Vec<Measured>; 2]) -> Threads {
        let in_first_other = started > SEGMENT && started <= 2 * SEGMENT;
        let other_measured = measured[self.kept.other().index()].len();
        let abandon_due = in_first_other && other_measured >= ABANDON_AFTER;
        let last = started == SEGMENTS * SEGMENT;
        // The other way's median slice over the kept way's, where a decision is due.
        let ratio = if abandon_due || last {
            let kept = median(&mut measured[self.kept.index()]);
            let other = median(&mut measured[self.kept.other().index()]);
            match (kept, other) {
                (Some(k), Some(o)) if k > 0.0 => Some(o / k),
                _ => None,
            }
        } else {
            None
        };
        let occupied = occupancy(&measured[Threads::All.index()]) >= OCCUPIED;
        let faster = match self.kept {
            Threads::All => ratio.is_some_and(|r| r < TAKE_BELOW) && !occupied,
            Threads::One => ratio.is_some_and(|r| r < TAKE_BELOW) || occupied,
        };
        // All threads kept busy through the kept way's first segment: one thread cannot
        // win, and its segments would cost up to twice their time.
        let settled = self.kept == Threads::All && started == SEGMENT && occupied;
        let abandon = settled || abandon_due && !faster && ratio.is_some_and(|r| r > ABANDON_ABOVE);
        if !abandon && !last {
            self.trial = Some((started + 1, measured));
            return self.way_at(started);
        }
        if last && faster {
            self.kept = self.kept.other();
            self.interval = SHORTEST_INTERVAL;
        } else {
            self.interval = (self.interval * 2).min(LONGEST_INTERVAL);
        }
        self.until_trial = self.interval;
        self.kept
    }
}

/// The median duration of `slices` (the upper one of an even count), sorting them.
fn median(slices: &mut [Measured]) -> Option<f64> {
    slices.sort_unstable_by(|a, b| a.ns.total_cmp(&b.ns));
    slices.get(slices.len() / 2).map(|m| m.ns)
}

/// The share of the threads' time their tasks filled over `slices` (run on all threads).
fn occupancy(slices: &[Measured]) -> f64 {
    let (occupied, ns) = slices.iter().fold((0.0, 0.0), |(o, t), m| {
        (o + m.occupied_ns.unwrap_or(0.0), t + m.ns)
    });
    if ns > 0.0 {
        occupied / ns
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `slices` slices whose durations are `one` and `all` ns by way (on all
    /// threads, the threads idle), and returns how many ran each way.
    fn run(trial: &mut ThreadTrial, slices: u32, one: u64, all: u64) -> [u32; 2] {
        let mut counts = [0; 2];
        let mut previous = None;
        for _ in 0..slices {
            let way = trial.next(previous);
            counts[way.index()] += 1;
            let ns = if way == Threads::One { one } else { all };
            previous = Some(Measured {
                ns: ns as f64,
                occupied_ns: (way == Threads::All).then_some(0.0),
            });
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

    /// Runs one trial from its first slice, slice `i` taking `ns(i, way)` with the
    /// threads occupied for `occupied` of it where it runs on all, and returns the way
    /// kept after it.
    fn one_trial(ns: impl Fn(u32, Threads) -> f64, occupied: f64) -> Threads {
        let mut trial = ThreadTrial::default();
        let mut previous = None;
        for _ in 0..FIRST_TRIAL {
            trial.next(None);
        }
        for i in 0..=SEGMENTS * SEGMENT {
            let way = trial.next(previous);
            let ns = ns(i, way);
            previous = Some(Measured {
                ns,
                occupied_ns: (way == Threads::All).then_some(occupied * ns),
            });
        }
        trial.kept
    }

    #[test]
    fn the_slowest_slice_of_a_way_does_not_decide() {
        // One thread 20 % faster; one of its slices interrupted for 50 times as long.
        let kept = one_trial(
            |i, way| match way {
                Threads::One if i == SEGMENT + WARM_UP => 40_000.0,
                Threads::One => 800.0,
                Threads::All => 1_000.0,
            },
            0.0,
        );
        assert_eq!(kept, Threads::One);
        // All threads 20 % faster; one of their slices interrupted likewise.
        let kept = one_trial(
            |i, way| match way {
                Threads::All if i == WARM_UP => 40_000.0,
                Threads::All => 800.0,
                Threads::One => 1_000.0,
            },
            0.0,
        );
        assert_eq!(kept, Threads::All);
    }

    #[test]
    fn threads_kept_busy_stay_whatever_the_durations() {
        // Slices on one thread half as long (bursts that fell on the other segments):
        // with the threads in their tasks 90 % of the time, all threads stay and no
        // slice runs on one thread; idle for half of it, one thread is taken.
        let kept = one_trial(
            |_, way| {
                assert_eq!(way, Threads::All);
                1_000.0
            },
            0.9,
        );
        assert_eq!(kept, Threads::All);
        let kept = one_trial(
            |_, way| if way == Threads::One { 500.0 } else { 1_000.0 },
            0.5,
        );
        assert_eq!(kept, Threads::One);
        // Kept on one thread, all threads that keep busy are taken back.
        let mut trial = ThreadTrial::default();
        run(
            &mut trial,
            FIRST_TRIAL + SEGMENTS * SEGMENT + 1,
            1_000,
            1_500,
        );
        assert_eq!(trial.kept, Threads::One);
        let mut previous = None;
        for _ in 0..SHORTEST_INTERVAL + SEGMENTS * SEGMENT + 1 {
            let way = trial.next(previous);
            previous = Some(Measured {
                ns: 1_000.0,
                occupied_ns: (way == Threads::All).then_some(800.0),
            });
        }
        assert_eq!(trial.kept, Threads::All);
    }
}
