//! Spike trains that are not Poisson: NEST's `pulsepacket_generator` (one train of
//! Gaussian packets for all targets, generated at the start of each `min_delay` slice as
//! NEST's `update` does) and the superpositions `gamma_sup_generator` and
//! `ppd_sup_generator` (per target, the occupation of the component processes' states,
//! advanced by binomial draws every active step). The rate drive calls them
//! (`engine::rate_drive`).

use crate::rng::Stream;
use rand_distr::{Binomial, Distribution, Poisson, StandardNormal};
use std::collections::VecDeque;
use std::sync::Arc;

/// NEST's tolerance of a packet: packets are drawn this many `sdev` before their centre.
const SDEV_TOLERANCE: f64 = 10.0;

/// `pulsepacket_generator` at work. Every block draws the packets from the stream the
/// blocks share, so all targets receive the same train.
#[derive(Debug, Clone)]
pub(crate) struct PulsePackets {
    /// Packet centres, sorted (ms).
    pub centres: Arc<[f64]>,
    /// Spikes per packet.
    pub activity: u32,
    /// Standard deviation of a spike's time in its packet (ms).
    pub sdev: f64,
    /// Tics per step of the grid.
    pub tics_per_step: i64,
    /// NEST's `min_delay` in steps: slices start at its multiples.
    pub slice_len: i64,
    tolerance: f64,
    /// The first packet not yet drawn, and the end of those due.
    start: usize,
    stop: usize,
    /// Drawn spikes (steps), sorted.
    spikes: VecDeque<i64>,
    /// The slice header runs at the run's first step, whatever its offset.
    header_due: bool,
    /// Whether the device was active at the start of the slice.
    slice_active: bool,
}

/// NEST's `Time(Time::ms(x))` in tics: `x · 1000 + 0.5`, truncated.
fn tics_of(x: f64) -> i64 {
    (x * crate::time::TICS_PER_MS as f64 + 0.5) as i64
}

impl PulsePackets {
    /// Packets around `centres` (sorted, ms) of `activity` spikes each.
    pub fn new(centres: Vec<f64>, activity: u32, sdev: f64, tics_per_step: i64) -> Self {
        Self {
            centres: Arc::from(centres),
            activity,
            sdev,
            tics_per_step,
            slice_len: 1,
            tolerance: 1.0,
            start: 0,
            stop: 0,
            spikes: VecDeque::new(),
            header_due: true,
            slice_active: false,
        }
    }

    /// New parameters between runs: NEST drops the spikes drawn but not yet sent.
    pub fn replace(&mut self, centres: Vec<f64>, activity: u32, sdev: f64) {
        self.centres = Arc::from(centres);
        (self.activity, self.sdev) = (activity, sdev);
        self.spikes.clear();
    }

    /// NEST's `pre_run_hook` at `now` (ms): the packets within the tolerance of now are
    /// due again, those further in the past are skipped.
    pub fn begin_run(&mut self, now: f64, slice_len: i64) {
        self.slice_len = slice_len.max(1);
        self.tolerance = if self.sdev > 0.0 {
            self.sdev * SDEV_TOLERANCE
        } else {
            1.0
        };
        (self.start, self.stop) = (0, 0);
        while self.stop < self.centres.len() && self.centres[self.stop] - now <= self.tolerance {
            if (self.centres[self.stop] - now).abs() > self.tolerance {
                self.start += 1;
            }
            self.stop += 1;
        }
        self.header_due = true;
    }

    /// NEST's `update` at the slice origin `origin` (steps): the activity check, and the
    /// packets due within the tolerance of it drawn from `shared`.
    fn slice_header(&mut self, origin: i64, window: (i64, i64), shared: &mut Stream) {
        self.slice_active = window.0 < origin && origin <= window.1;
        if !self.slice_active || (self.start == self.centres.len() && self.spikes.is_empty()) {
            return;
        }
        let tps = self.tics_per_step;
        let origin_tics = origin * tps;
        while self.stop < self.centres.len()
            && (tics_of(self.centres[self.stop]) - origin_tics) as f64 * 0.001 <= self.tolerance
        {
            self.stop += 1;
        }
        if self.start >= self.stop {
            return;
        }
        let mut drawn = Vec::from(std::mem::take(&mut self.spikes));
        while self.start < self.stop {
            for _ in 0..self.activity {
                let z: f64 = StandardNormal.sample(shared);
                let tics = tics_of(self.sdev * z + self.centres[self.start]);
                if tics >= origin_tics {
                    // NEST's `get_steps`: tics rounded up to the step.
                    drawn.push(((tics + tps - 1) as f64 * (1.0 / tps as f64)) as i64);
                }
            }
            self.start += 1;
        }
        drawn.sort_unstable();
        self.spikes = drawn.into();
    }

    /// The number of spikes of step `s` (sent with NEST's lag `s − origin`, so that
    /// they arrive stamped `s + 1`).
    pub fn step(&mut self, s: i64, window: (i64, i64), shared: &mut Stream) -> u32 {
        if self.header_due || s.rem_euclid(self.slice_len) == 0 {
            self.header_due = false;
            self.slice_header(s - s.rem_euclid(self.slice_len), window, shared);
        }
        if !self.slice_active {
            return 0;
        }
        let mut n = 0;
        while let Some(&k) = self.spikes.front() {
            if k > s {
                break;
            }
            if k == s {
                n += 1;
            }
            self.spikes.pop_front();
        }
        n
    }
}

/// A binomial count of `n` trials at `p`, or NEST's Poisson approximation where it uses
/// it (`n >= 100` and `p <= 0.01`, or `n >= 500` and `n · p <= 0.1`), capped at `n`.
fn transitions(rng: &mut Stream, n: u64, p: f64) -> u64 {
    if n == 0 || p <= 0.0 {
        return 0;
    }
    if (n >= 100 && p <= 0.01) || (n >= 500 && p * n as f64 <= 0.1) {
        let k = Poisson::new(p * n as f64).map_or(0.0, |d| d.sample(rng));
        return (k as u64).min(n);
    }
    Binomial::new(n, p.min(1.0)).map_or(0, |d| d.sample(rng))
}

/// `gamma_sup_generator` per target: how many component processes are in each of the
/// `gamma_shape` stages of their interval.
#[derive(Debug, Clone)]
pub(crate) struct GammaSup {
    /// Rate of each component (Hz).
    pub rate: f64,
    /// Stages per interval.
    pub shape: u64,
    /// Components.
    pub n_proc: u64,
    /// Transition probability per step (set at each run).
    prob: f64,
    /// Per target, the occupation of each stage.
    occupation: Vec<Vec<u64>>,
}

impl GammaSup {
    /// `n_proc` components of `shape` stages at `rate` (Hz).
    pub fn new(rate: f64, shape: u64, n_proc: u64) -> Self {
        Self {
            rate,
            shape,
            n_proc,
            prob: 0.0,
            occupation: Vec::new(),
        }
    }

    /// NEST's `pre_run_hook`: the transition probability per step of `h` ms; targets
    /// without state start in the approximate equilibrium occupation.
    pub fn begin_run(&mut self, h: f64, targets: usize) {
        self.prob = self.rate * self.shape as f64 * h / 1000.0;
        let per_stage = self.n_proc / self.shape;
        let mut initial = vec![per_stage; self.shape as usize];
        if let Some(last) = initial.last_mut() {
            *last += self.n_proc - per_stage * self.shape;
        }
        self.occupation.resize(targets, initial);
    }

    /// One active step: each target's components advance a stage with the transition
    /// probability; those leaving the last stage spike.
    pub fn step(&mut self, rng: &mut Stream, counts: &mut [u32]) -> bool {
        if self.rate <= 0.0 {
            return false;
        }
        let mut any = false;
        for (occ, count) in self.occupation.iter_mut().zip(counts.iter_mut()) {
            let moved: Vec<u64> = occ
                .iter()
                .map(|&n| transitions(rng, n, self.prob))
                .collect();
            let last = occ.len() - 1;
            for (i, &m) in moved.iter().enumerate() {
                occ[i] -= m;
                occ[if i == last { 0 } else { i + 1 }] += m;
            }
            *count = moved[last] as u32;
            any |= moved[last] > 0;
        }
        any
    }
}

/// `ppd_sup_generator` per target: components ready to fire, and those within their
/// dead time by the step they fired in (a ring of `dead_time / h` bins).
#[derive(Debug, Clone)]
pub(crate) struct PpdSup {
    /// Rate of each component (Hz).
    pub rate: f64,
    /// Dead time (ms).
    pub dead_time: f64,
    /// Components.
    pub n_proc: u64,
    /// Modulation frequency (Hz).
    pub frequency: f64,
    /// Relative modulation amplitude.
    pub relative_amplitude: f64,
    /// Hazard per step without modulation, and ω (rad/ms); set at each run.
    hazard: f64,
    omega: f64,
    /// Per target: (ready components, dead-time ring, the ring's next bin).
    ages: Vec<(u64, Vec<u64>, usize)>,
}

impl PpdSup {
    /// `n_proc` components at `rate` (Hz) with `dead_time` (ms), modulated by
    /// `frequency` (Hz) and `relative_amplitude`.
    pub fn new(rate: f64, dead_time: f64, n_proc: u64, modulation: (f64, f64)) -> Self {
        Self {
            rate,
            dead_time,
            n_proc,
            frequency: modulation.0,
            relative_amplitude: modulation.1,
            hazard: 0.0,
            omega: 0.0,
            ages: Vec::new(),
        }
    }

    /// NEST's `pre_run_hook` on a grid of `h` ms: hazard, ω, and for targets without
    /// state the equilibrium occupation of the dead-time bins.
    pub fn begin_run(&mut self, h: f64, targets: usize) {
        let bins = (self.dead_time / h) as u64;
        self.omega = 2.0 * std::f64::consts::PI * self.frequency / 1000.0;
        self.hazard = 1.0 / (1000.0 / self.rate - self.dead_time) * h;
        let per_bin = (self.rate / 1000.0 * self.n_proc as f64 * h) as u64;
        let ready = self.n_proc.saturating_sub(per_bin * bins);
        self.ages
            .resize(targets, (ready, vec![per_bin; bins as usize], 0));
    }

    /// One active step at `t_ms` (the step's start): ready components fire with the
    /// (modulated) hazard and enter their dead time; those whose dead time ends are
    /// ready again.
    pub fn step(&mut self, t_ms: f64, rng: &mut Stream, counts: &mut [u32]) -> bool {
        if self.rate <= 0.0 {
            return false;
        }
        let hazard = if self.relative_amplitude > 0.0 && self.frequency != 0.0 {
            self.hazard * (1.0 + self.relative_amplitude * (self.omega * t_ms).sin())
        } else {
            self.hazard
        };
        let mut any = false;
        for ((ready, dead, next), count) in self.ages.iter_mut().zip(counts.iter_mut()) {
            let fired = transitions(rng, *ready, hazard);
            if !dead.is_empty() {
                *ready = *ready + dead[*next] - fired;
                dead[*next] = fired;
                *next = (*next + 1) % dead.len();
            }
            *count = fired as u32;
            any |= fired > 0;
        }
        any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{Purpose, Seed};

    #[test]
    fn packets_without_spread_fall_on_their_centres() {
        // Centres 5.0 and 12.35 ms at 0.1 ms, 3 spikes each, slices of 10 steps: sent
        // in steps 50 and 124 (12.35 ms rounds to tic 12350, up to step 124).
        let mut p = PulsePackets::new(vec![5.0, 12.35], 3, 0.0, 100);
        let mut rng = Seed(1).stream(Purpose::Simulation, 0, 0);
        p.begin_run(0.0, 10);
        let sent: Vec<(i64, u32)> = (0..200)
            .map(|s| (s, p.step(s, (i64::MIN, i64::MAX), &mut rng)))
            .filter(|&(_, n)| n > 0)
            .collect();
        assert_eq!(sent, [(50, 3), (124, 3)]);
    }

    #[test]
    fn superpositions_keep_their_components() {
        let mut rng = Seed(3).stream(Purpose::Simulation, 0, 0);
        let mut g = GammaSup::new(50.0, 3, 7);
        g.begin_run(0.1, 2);
        // 7 components over 3 stages: 2, 2, 3.
        assert_eq!(g.occupation[0], [2, 2, 3]);
        let mut ppd = PpdSup::new(80.0, 2.5, 1000, (0.0, 0.0));
        ppd.begin_run(0.1, 2);
        let mut counts = [0; 2];
        for _ in 0..500 {
            g.step(&mut rng, &mut counts);
            ppd.step(0.0, &mut rng, &mut counts);
        }
        for occ in &g.occupation {
            assert_eq!(occ.iter().sum::<u64>(), 7);
        }
        for (ready, dead, _) in &ppd.ages {
            assert_eq!(ready + dead.iter().sum::<u64>(), 1000);
            assert_eq!(dead.len(), 25);
        }
    }
}
