//! A dense Poisson drive (one count per target and step, every target through the same
//! weight and delay) sent step by step, or drawn at the step its spikes arrive.
//!
//! Its counts depend on nothing but the generator's stream, so the counts sent in step
//! `e` may be drawn in step `e + d` instead, when they arrive: the same numbers from the
//! same stream in the same order, added to that step's input while it is in the caches,
//! instead of written into the ring `d` steps ahead and read back from memory. A block
//! whose step input comes with sums from delivery at arrival (`population::at_arrival`)
//! draws that way; any other sends as NEST does. [`BlockStimulus::next_sent`] is the
//! first step whose counts are not drawn yet, whichever way the steps before it went: a
//! block sending catches up on the counts not drawn yet before its own step's, and every
//! run ends with all counts sent in it drawn into the ring ([`BlockStimulus::catch_up`]),
//! so that a change between runs (a rate, a window) applies from the next step on, as in
//! NEST.

use super::draw_ahead::dense_drive;
use super::{BlockStimulus, StimulusKind};
use crate::engine::block::Row32;
use crate::engine::poisson::sends_in;
use crate::engine::ring::Ring;
use crate::engine::single_rows::{add_each, add_run};

impl BlockStimulus {
    /// Whether this is a dense Poisson drive.
    #[inline]
    pub fn is_dense(&self) -> bool {
        matches!(&self.kind, StimulusKind::Poisson { drive, .. } if dense_drive(drive, self.shared).is_some())
    }

    /// The shared weight and delay (steps) of a dense drive.
    fn weight_and_delay(&self) -> (f64, u16) {
        self.shared
            .expect("a dense drive's synapses share one weight and delay")
    }

    /// The first step whose counts are not drawn yet: `s`, the step this is asked in,
    /// where none were drawn before (nothing is sent before a stimulus's first step).
    #[inline]
    pub(super) fn next_sent(&mut self, s: i64) -> i64 {
        *self.next_sent.get_or_insert(s)
    }

    /// The step whose counts a block drawing at arrival (`at_arrival`) or sending draws
    /// first in step `s`; `None` where that step's counts are drawn already.
    pub(super) fn first_drawn_in(&mut self, s: i64, at_arrival: bool) -> Option<i64> {
        let next = self.next_sent(s);
        if at_arrival {
            let sent = s - i64::from(self.weight_and_delay().1);
            (sent >= next).then_some(sent)
        } else {
            Some(next)
        }
    }

    /// Draws the counts sent in step `e`, the next not drawn, into `counts` (those drawn
    /// ahead kept); returns false where the generator sends nothing in `e`.
    #[inline(always)]
    fn draw_sent(&mut self, e: i64) -> bool {
        debug_assert_eq!(self.next_sent, Some(e), "the counts are drawn in order");
        self.next_sent = Some(e + 1);
        let StimulusKind::Poisson { drive, window, .. } = &self.kind else {
            return false;
        };
        if !sends_in(*window, e) {
            return false;
        }
        let Some((sampler, _)) = dense_drive(drive, self.shared) else {
            return false;
        };
        let drawn = match self.drawn_ahead.take() {
            Some((step, drawn)) if step == e => drawn,
            _ => 0,
        };
        sampler.sample_many(&mut self.rng, &mut self.counts[drawn..]);
        true
    }

    /// The spike channel of the drive's weight.
    fn channel_of(&self, w: f64, channel: impl Fn(f64) -> usize) -> usize {
        self.port_channel.unwrap_or_else(|| channel(w))
    }

    /// Sends the counts of every step before `end` not drawn yet into `ring`, each at
    /// its arrival step, from `first` where none were drawn before. A zero count adds
    /// +0.0, which changes no value.
    #[inline(always)]
    pub(super) fn send_until(
        &mut self,
        first: i64,
        end: i64,
        ring: &mut Ring,
        channel: impl Fn(f64) -> usize,
    ) {
        let (w, d) = self.weight_and_delay();
        let c = self.channel_of(w, &channel);
        let mut e = self.next_sent(first);
        while e < end {
            if self.draw_sent(e) {
                let slot = ring.slot(e + i64::from(d));
                let values = self.counts.iter().map(|&n| w * f64::from(n));
                let targets = self.targets.iter().map(|&t| t as usize);
                // Into the rows of single precision where the block has them
                // (`engine::single_rows`), else into the ring's own.
                match (ring.single_input(), self.consecutive_from) {
                    (Some(single), Some(first)) => single.add_run(slot, c, first, values),
                    (Some(single), None) => single.add_each(slot, c, targets.zip(values)),
                    (None, Some(first)) => ring.add_run(slot, c, first, values),
                    (None, None) => ring.add_each(slot, c, targets.zip(values)),
                }
            }
            e += 1;
        }
    }

    /// Adds the counts arriving in step `t` (sent `d` steps before), drawn now, to
    /// `sums` (the block's single-precision input of step `t`, `[spike channel]`), each
    /// weight times count rounded to single precision as the ring's rows of single
    /// precision take it. Counts drawn already (sent into the ring) are not drawn again.
    #[inline(always)]
    pub fn arrive(&mut self, t: i64, sums: &mut [Row32], channel: impl Fn(f64) -> usize) {
        let Some(sent) = self.first_drawn_in(t, true) else {
            return;
        };
        if !self.draw_sent(sent) {
            return;
        }
        let w = self.weight_and_delay().0;
        let row = &mut sums[self.channel_of(w, channel)];
        let values = self.counts.iter().map(|&n| w * f64::from(n));
        match self.consecutive_from {
            Some(first) => add_run(row, first, values),
            None => add_each(row, self.targets.iter().map(|&t| t as usize).zip(values)),
        }
    }

    /// Sends into `ring` the counts of every step before `end` (a run's end) not drawn
    /// yet, for a dense drive; nothing for any other stimulus.
    pub fn catch_up(&mut self, end: i64, ring: &mut Ring, channel: impl Fn(f64) -> usize) {
        if self.is_dense() {
            self.send_until(end, end, ring, channel);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::block::BLOCK_LEN;
    use crate::engine::poisson::{PoissonDrive, PoissonSampler};
    use crate::rng::{Purpose, Seed};

    const MEAN: f64 = 1.7789;
    const N: usize = 50;

    /// A dense Poisson drive of `N` targets from neuron 4 on, weight 0.1 (no `f32`),
    /// delay 3 steps, sending in steps 1..=40.
    fn drive() -> BlockStimulus {
        let kind = StimulusKind::Poisson {
            mean: MEAN,
            drive: PoissonDrive::new(MEAN, N),
            window: (0, 40),
        };
        let rng = Seed(9).stream(Purpose::Simulation, 0, 0);
        let targets = (4..4 + N as u32).collect();
        BlockStimulus::new(kind, targets, vec![0.1; N], vec![3; N], rng)
    }

    #[test]
    fn counts_drawn_when_they_arrive_are_those_sent_in_order() {
        // By hand: the counts of the steps that send (1 to 40), drawn one step after
        // another from the generator's stream; step s's arrive at s + 3.
        let mut stimulus = drive();
        assert!(stimulus.is_dense());
        let mut stream = stimulus.rng.clone();
        let mut expected = |sends: bool| {
            let mut counts = vec![0u32; N];
            if sends {
                PoissonSampler::new(MEAN).sample_many(&mut stream, &mut counts);
            }
            counts
        };
        let mut sums = vec![[0f32; BLOCK_LEN]; 2];
        // From step 0 on: nothing arrives before step 3, and step 0 sends nothing.
        for t in 0..10 {
            stimulus.arrive(t, &mut sums, |_| 1);
            let counts = if t >= 3 {
                expected(t - 3 >= 1)
            } else {
                vec![0; N]
            };
            for (k, &n) in counts.iter().enumerate() {
                assert_eq!(sums[1][4 + k], (0.1 * f64::from(n)) as f32, "step {t}");
            }
            assert!(sums[0].iter().all(|&x| x == 0.0));
            sums[1].fill(0.0);
        }
        // The run ends at 10: the counts of steps 7, 8 and 9 go into the ring, at 10, 11
        // and 12; those steps then draw nothing when they arrive, step 13 the counts of
        // step 10.
        let mut ring = Ring::new(BLOCK_LEN, 8, 2, false);
        stimulus.catch_up(10, &mut ring, |_| 1);
        for t in 10..13 {
            stimulus.arrive(t, &mut sums, |_| 1);
            assert!(sums[1].iter().all(|&x| x == 0.0), "step {t} is in the ring");
            let counts = expected(true);
            let (mut spikes, _) = ring.step_mut(t);
            let row = spikes.channel(1);
            for (k, &n) in counts.iter().enumerate() {
                assert_eq!(row[4 + k], 0.1 * f64::from(n), "ring, step {t}");
            }
            row.fill(0.0);
        }
        stimulus.arrive(13, &mut sums, |_| 1);
        for (k, &n) in expected(true).iter().enumerate() {
            assert_eq!(sums[1][4 + k], (0.1 * f64::from(n)) as f32);
        }
    }

    #[test]
    fn a_block_sending_catches_up_on_counts_not_drawn_yet() {
        // Drawn at arrival up to step 5 (the counts of steps 1 and 2), then sent from
        // step 6 on: step 6 sends the counts of steps 3 to 6, in order, each at its
        // arrival step (6 to 9).
        let mut stimulus = drive();
        let mut stream = stimulus.rng.clone();
        let mut sums = vec![[0f32; BLOCK_LEN]; 2];
        for t in 0..6 {
            stimulus.arrive(t, &mut sums, |_| 0);
        }
        let sampler = PoissonSampler::new(MEAN);
        let mut counts = vec![0u32; N];
        for _ in 1..=2 {
            sampler.sample_many(&mut stream, &mut counts);
        }
        let mut ring = Ring::new(BLOCK_LEN, 8, 2, false);
        stimulus.apply(6, &mut ring, |_| 0);
        for t in 6..10 {
            sampler.sample_many(&mut stream, &mut counts);
            let (mut spikes, _) = ring.step_mut(t);
            let row = spikes.channel(0);
            for (k, &n) in counts.iter().enumerate() {
                assert_eq!(row[4 + k], 0.1 * f64::from(n), "step {t}");
            }
            row.fill(0.0);
        }
    }
}
