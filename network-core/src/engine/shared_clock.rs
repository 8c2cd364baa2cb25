//! The train a generator shares with all its targets, kept at now whatever the ranks
//! and threads: a `mip_generator`'s parent, a `pulsepacket_generator`'s packets, a
//! sinusoidal Poisson or gamma train with `individual_spike_trains: false`. Every block
//! holding targets of such a generator carries its own copy of the shared stream and
//! drive state, all advancing in lockstep; the clock is one more copy, with one target
//! whose spikes nobody receives, stepped on rank 0 beside the recorders' taps
//! (`generator_tap`). A spike recorder connected between runs takes the clock's state
//! at that moment (`SharedClock::tap`), so it receives what every target receives from
//! then on, even where rank 0 holds none of the generator's targets or it has none.
//! Cost: the draws of one target per step and generator (one parent count and its
//! copies, one packet draw per slice, one count or hazard draw).

use super::generator_tap::GeneratorTap;
use super::rate_drive::RateDrive;
use super::ring::Ring;
use super::stimulus::{BlockStimulus, StimulusKind};
use crate::rng::Stream;

/// The stream index of a generator's clock: its one target's own draws (a
/// `mip_generator`'s copies; disjoint from the block indices `population << 32 | block`,
/// the shared `u64::MAX` and the recorders' `tap_key`s, whose recorder index is below
/// `2^63 − 2`).
pub(crate) const CLOCK_KEY: u64 = u64::MAX - 1;

/// Whether `kind` sends one train to all its targets, drawn from the shared stream.
pub(crate) fn shares_train(kind: &StimulusKind) -> bool {
    match kind {
        StimulusKind::Rate { drive, .. } => match drive {
            RateDrive::Mip { .. } | RateDrive::Pulses(_) => true,
            RateDrive::Sine { individual, .. } => !individual,
            RateDrive::SinusoidalGamma(g) => !g.individual,
            RateDrive::Piecewise { .. } | RateDrive::GammaSup(_) | RateDrive::PpdSup(_) => false,
        },
        _ => false,
    }
}

/// One shared-train generator's state at now.
#[derive(Debug, Clone)]
pub(crate) struct SharedClock {
    /// The generator's index (creation order).
    pub generator: usize,
    /// The generator's drive with one target, in lockstep with every block's copy.
    pub stimulus: BlockStimulus,
    /// One neuron, one spike channel, one slot: cleared every step.
    ring: Ring,
}

impl SharedClock {
    /// The clock of generator `generator` of stimulus `kind` as built (its shared stream
    /// at the start), its target drawing from `rng`; `None` unless `kind` shares its
    /// train (`shares_train`).
    pub fn new(generator: usize, kind: &StimulusKind, rng: Stream) -> Option<Self> {
        if !shares_train(kind) {
            return None;
        }
        let mut stimulus = BlockStimulus::new(kind.clone(), vec![0], vec![1.0], vec![0], rng);
        stimulus.device = generator;
        Some(Self {
            generator,
            stimulus,
            ring: Ring::new(1, 1, 1, false),
        })
    }

    /// Advances the shared state through step `s` (every step, as the blocks do).
    pub fn step(&mut self, s: i64) {
        self.stimulus.apply(s, &mut self.ring, |_| 0);
        let (spikes, _) = self.ring.step_mut(s);
        spikes.first()[0] = 0.0;
    }

    /// The tap of a spike recorder `recorder` connected now: the shared state as it
    /// stands, with the recorder as its one target, drawing its own copies (a
    /// `mip_generator`'s) from `rng`.
    pub fn tap(&self, recorder: usize, rng: Stream) -> GeneratorTap {
        GeneratorTap::new(self.generator, recorder, &self.stimulus.kind, rng)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::generator_tap::tap_key;
    use crate::engine::train_drive::PulsePackets;
    use crate::rng::{Purpose, Seed};

    fn rate(drive: RateDrive, seed: u64) -> StimulusKind {
        StimulusKind::Rate {
            drive,
            h: 0.1,
            tics_per_step: 100,
            shared: Box::new(Seed(seed).stream(Purpose::Simulation, 0, u64::MAX)),
            window: (0, i64::MAX),
        }
    }

    #[test]
    fn only_trains_shared_by_all_targets_get_a_clock() {
        let rng = || Seed(1).stream(Purpose::Simulation, 0, CLOCK_KEY);
        let mip = rate(
            RateDrive::Mip {
                mean: 0.01,
                p_copy: 0.5,
            },
            1,
        );
        let piecewise = RateDrive::Piecewise {
            changes: vec![(1, 100.0)].into(),
            next: 0,
            rate: 0.0,
        };
        assert!(SharedClock::new(0, &mip, rng()).is_some());
        assert!(SharedClock::new(0, &rate(piecewise, 1), rng()).is_none());
    }

    /// The number of spikes `tap` receives in step `s`.
    fn sent(tap: &mut GeneratorTap, s: i64) -> u32 {
        let mut n = 0;
        tap.step(s, |_| n += 1);
        n
    }

    #[test]
    fn a_tap_from_the_clock_receives_the_packets_a_target_built_at_the_start_receives() {
        // Packets every 5 ms of 20 spikes, sdev 1 ms; slices of 10 steps (1 ms).
        let centres: Vec<f64> = (1..40).map(|k| 5.0 * f64::from(k)).collect();
        let kind = rate(
            RateDrive::Pulses(PulsePackets::new(centres, 20, 1.0, 100)),
            7,
        );
        let rng = |key| Seed(7).stream(Purpose::Simulation, 0, key);
        let mut built = GeneratorTap::new(0, 0, &kind, rng(tap_key(0)));
        let mut clock = SharedClock::new(0, &kind, rng(CLOCK_KEY)).unwrap();
        built.stimulus.begin_run(0.0, 10);
        clock.stimulus.begin_run(0.0, 10);
        for s in 0..1000 {
            sent(&mut built, s);
            clock.step(s);
        }
        // A second run, with a recorder connected in between.
        let mut late = clock.tap(1, rng(tap_key(1)));
        for stimulus in [&mut built.stimulus, &mut clock.stimulus, &mut late.stimulus] {
            stimulus.begin_run(100.0, 10);
        }
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for s in 1000..2000 {
            clock.step(s);
            a.push(sent(&mut built, s));
            b.push(sent(&mut late, s));
        }
        assert!(a.iter().sum::<u32>() > 300, "{}", a.iter().sum::<u32>());
        assert_eq!(a, b);
    }
}
