//! A dense Poisson drive's counts drawn ahead of [`BlockStimulus::apply`]: while its
//! block's delivery waits for memory, a chunk at a time, from the generator's stream in
//! the order `apply` would draw them (`engine::population` calls [`BlockStimulus::draw_ahead`]
//! between delivered rows).

use super::{BlockStimulus, StimulusKind};
use crate::engine::poisson::{sends_in, PoissonDrive, PoissonSampler, DRAW_CHUNK};

/// The sampler of a dense Poisson drive, with the weight and delay every target shares:
/// one count per target and step, added as one row of the ring. `None` for a drive that
/// is superposed or whose synapses differ.
#[inline]
pub(super) fn dense_drive(
    drive: &PoissonDrive,
    shared: Option<(f64, u16)>,
) -> Option<(&PoissonSampler, (f64, u16))> {
    match (drive, shared) {
        (PoissonDrive::PerTarget(sampler), Some(shared)) => Some((sampler, shared)),
        _ => None,
    }
}

impl BlockStimulus {
    /// Starts drawing ahead of [`Self::apply`] (or, `at_arrival`, of
    /// [`Self::arrive`]) the counts that call draws first in step `s`, when this is a
    /// dense Poisson drive active then: their draws need no memory but the generator's
    /// stream, so a block makes them while its delivery waits for memory
    /// ([`Self::draw_ahead`]). The counts and the stream's order are those the call
    /// would draw. Returns whether there is anything to draw. Counts begun already (by
    /// the walk of delivery at arrival, before the block's own delivery) go on from
    /// where they stand.
    pub fn begin_drawing_ahead(&mut self, s: i64, at_arrival: bool) -> bool {
        if !self.is_dense() {
            self.drawn_ahead = None;
            return false;
        }
        let Some(sent) = self.first_drawn_in(s, at_arrival) else {
            self.drawn_ahead = None;
            return false;
        };
        if matches!(self.drawn_ahead, Some((begun, _)) if begun == sent) {
            return true;
        }
        self.drawn_ahead = match &self.kind {
            StimulusKind::Poisson { window, .. } if sends_in(*window, sent) => Some((sent, 0)),
            _ => None,
        };
        self.drawn_ahead.is_some()
    }

    /// Draws the next chunk of the counts begun by [`Self::begin_drawing_ahead`];
    /// returns false once they are all drawn (or none were begun).
    #[inline(always)]
    pub fn draw_ahead(&mut self) -> bool {
        let (Some((_, drawn)), StimulusKind::Poisson { drive, .. }) =
            (self.drawn_ahead.as_mut(), &self.kind)
        else {
            return false;
        };
        let Some((sampler, _)) = dense_drive(drive, self.shared) else {
            return false;
        };
        let end = (*drawn + DRAW_CHUNK).min(self.counts.len());
        if *drawn == end {
            return false;
        }
        sampler.sample_chunk(&mut self.rng, &mut self.counts[*drawn..end]);
        *drawn = end;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::Ring;
    use super::*;
    use crate::engine::block::BLOCK_LEN;
    use crate::rng::{Purpose, Seed};

    /// A dense Poisson drive of `n` consecutive targets, weight 2.5, delay 3 steps.
    fn dense_stimulus(n: usize, seed: u64) -> BlockStimulus {
        let kind = StimulusKind::Poisson {
            mean: 1.7789,
            drive: PoissonDrive::new(1.7789, n),
            window: (-1, 1_000),
        };
        let rng = Seed(seed).stream(Purpose::Simulation, 0, 0);
        BlockStimulus::new(kind, (0..n as u32).collect(), vec![2.5; n], vec![3; n], rng)
    }

    #[test]
    fn counts_drawn_ahead_are_the_counts_apply_draws() {
        // Drawn ahead in none, some or all of its chunks (a last chunk that is partial),
        // a step's counts must be the sampler's own draws from the generator's stream in
        // order, and the next step must go on from where that stream stands.
        let n = 3 * DRAW_CHUNK + 17;
        for chunks_ahead in [0, 1, 3, 4, 9] {
            let mut stimulus = dense_stimulus(n, 21);
            let mut expected_stream = stimulus.rng.clone();
            let sampler = PoissonSampler::new(1.7789);
            let mut ring = Ring::new(BLOCK_LEN, 8, 2, false);
            for s in [4_i64, 5] {
                if s == 4 {
                    assert!(stimulus.begin_drawing_ahead(s, false));
                    let drawn = (0..chunks_ahead).filter(|_| stimulus.draw_ahead()).count();
                    assert_eq!(drawn, chunks_ahead.min(n.div_ceil(DRAW_CHUNK)));
                }
                stimulus.apply(s, &mut ring, |_| 0);
                let mut counts = vec![0u32; n];
                sampler.sample_many(&mut expected_stream, &mut counts);
                let (mut spikes, _) = ring.step_mut(s + 3);
                let row = spikes.channel(0);
                for (k, &c) in counts.iter().enumerate() {
                    assert_eq!(row[k], 2.5 * f64::from(c), "{chunks_ahead} ahead, step {s}");
                }
                assert!(row[n..].iter().all(|&v| v == 0.0));
                row.fill(0.0);
            }
            assert!(!stimulus.draw_ahead(), "nothing is left to draw");
        }
    }

    #[test]
    fn a_dense_drive_into_single_rows_is_rounded_there() {
        // Weight 0.1 (no `f32`): each value w·n is added as its nearest `f32`, and the
        // step, whose double rows nothing wrote, reads those values.
        let n = 300;
        let kind = StimulusKind::Poisson {
            mean: 1.7789,
            drive: PoissonDrive::new(1.7789, n),
            window: (-1, 1_000),
        };
        let rng = Seed(4).stream(Purpose::Simulation, 0, 0);
        let mut stimulus =
            BlockStimulus::new(kind, (0..n as u32).collect(), vec![0.1; n], vec![3; n], rng);
        let mut expected_stream = stimulus.rng.clone();
        let mut ring = Ring::new(BLOCK_LEN, 8, 2, false);
        ring.keep_single_input();
        stimulus.apply(4, &mut ring, |_| 1);
        let mut counts = vec![0u32; n];
        PoissonSampler::new(1.7789).sample_many(&mut expected_stream, &mut counts);
        let (mut spikes, _) = ring.step_mut(7);
        assert!(spikes.channel(0).iter().all(|&v| v == 0.0));
        let row = spikes.channel(1);
        let mut rounded = 0;
        for (k, &c) in counts.iter().enumerate() {
            let exact = 0.1 * f64::from(c);
            assert_eq!(row[k], f64::from(exact as f32), "target {k}, count {c}");
            rounded += usize::from(row[k] != exact);
        }
        assert!(rounded > n / 2, "{rounded}");
    }

    #[test]
    fn only_an_active_dense_drive_draws_ahead() {
        let mut stimulus = dense_stimulus(40, 3);
        assert!(
            !stimulus.begin_drawing_ahead(1_000 + 1, false),
            "outside its window"
        );
        assert!(!stimulus.draw_ahead());
        let mut dc = BlockStimulus::new(
            StimulusKind::Dc {
                amplitude: 1.0,
                window: (-1, 100),
            },
            vec![0, 1],
            vec![1.0; 2],
            vec![1; 2],
            Seed(1).stream(Purpose::Simulation, 0, 0),
        );
        assert!(!dc.begin_drawing_ahead(3, false));
        // Different weights: the drive is not one dense row.
        let kind = StimulusKind::Poisson {
            mean: 1.0,
            drive: PoissonDrive::new(1.0, 2),
            window: (-1, 100),
        };
        let rng = Seed(2).stream(Purpose::Simulation, 0, 0);
        let mut mixed = BlockStimulus::new(kind, vec![0, 1], vec![1.0, 2.0], vec![1; 2], rng);
        assert!(!mixed.begin_drawing_ahead(3, false));
    }
}
