//! A spike recorder on a generator itself (NEST's `nest.Connect(generator, recorder)`):
//! the recorder is one more target of the generator, which draws its train with the
//! same code as for a neuron (`BlockStimulus`), into a ring of one neuron with weight 1
//! and no delay, so each step's value is the number of spikes the generator sent the
//! recorder. A generator that draws per target (Poisson, gamma and dead-time
//! superpositions, the thinned copies of a `mip_generator`, individual sinusoidal
//! trains) gives the recorder a train of its own, drawn from a stream keyed by
//! generator and recorder, so the recorded train is independent of the threads, the
//! ranks and the neurons the generator drives; a shared train (spike lists, pulse
//! packets, a `mip_generator`'s parent, `individual_spike_trains: false`) is the one
//! every target receives. A recorder connected between runs to a shared train starts
//! from that train's state at that moment (`shared_clock`).

use super::ring::Ring;
use super::stimulus::{due_spikes, BlockStimulus, StimulusKind};
use crate::rng::Stream;

/// The stream index of the train generator's recorder `recorder` draws (disjoint from
/// the per-block indices `population << 32 | block` and the shared `u64::MAX`).
pub(crate) fn tap_key(recorder: usize) -> u64 {
    (1 << 63) | recorder as u64
}

/// One generator's train as one spike recorder receives it.
#[derive(Debug, Clone)]
pub(crate) struct GeneratorTap {
    /// The generator's index (creation order).
    pub generator: usize,
    /// The recorder's index (creation order).
    pub recorder: usize,
    /// The generator's drive with the recorder as its one target.
    pub stimulus: BlockStimulus,
    /// One neuron, one spike channel, one slot: what the drive sent in this step.
    ring: Ring,
}

impl GeneratorTap {
    /// The tap of `kind` (a spike-emitting generator's) for `recorder`, drawing from
    /// `rng`.
    pub fn new(generator: usize, recorder: usize, kind: &StimulusKind, rng: Stream) -> Self {
        let mut stimulus = BlockStimulus::new(kind.clone(), vec![0], vec![1.0], vec![0], rng);
        stimulus.device = generator;
        Self {
            generator,
            recorder,
            stimulus,
            ring: Ring::new(1, 1, 1, false),
        }
    }

    /// Hands `event` the offset (ms) of each spike the generator sends the recorder in
    /// step `s` (stamped `s + 1`, as the spikes it sends a neuron): a listed spike once
    /// per copy (NEST's recorder writes one event per copy and ignores `spike_weights`),
    /// with its `precise_times` offset; 0 for every other spike.
    pub fn step(&mut self, s: i64, mut event: impl FnMut(f64)) {
        let stimulus = &mut self.stimulus;
        if let StimulusKind::Spikes { spikes, window } = &stimulus.kind {
            for spike in due_spikes(spikes, *window, &mut stimulus.cursor, s) {
                for _ in 0..spike.multiplicity {
                    event(spike.offset);
                }
            }
            return;
        }
        for _ in 0..self.count(s) {
            event(0.0);
        }
    }

    /// The number of spikes a drawn train sends the recorder in step `s`.
    fn count(&mut self, s: i64) -> u32 {
        self.stimulus.apply(s, &mut self.ring, |_| 0);
        let (spikes, _) = self.ring.step_mut(s);
        let received = &mut spikes.first()[0];
        let count = *received;
        *received = 0.0;
        count as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::ListedSpike;
    use crate::engine::poisson::PoissonDrive;
    use crate::rng::{Purpose, Seed};

    /// The events of steps `0..steps`: `(stamp, offset)`.
    fn events(tap: &mut GeneratorTap, steps: i64) -> Vec<(i64, f64)> {
        let mut events = Vec::new();
        for s in 0..steps {
            tap.step(s, |offset| events.push((s + 1, offset)));
        }
        events
    }

    #[test]
    fn listed_spikes_arrive_in_the_step_before_their_stamp_with_their_multiplicity() {
        let spike = |stamp, factor, multiplicity, offset| ListedSpike {
            stamp,
            factor,
            multiplicity,
            offset,
        };
        let kind = StimulusKind::Spikes {
            spikes: vec![spike(10, 2.5, 1, 0.0), spike(25, -1.0, 3, 0.0)].into(),
            window: (0, i64::MAX),
        };
        let rng = Seed(1).stream(Purpose::Simulation, 0, tap_key(0));
        let mut tap = GeneratorTap::new(0, 0, &kind, rng);
        assert_eq!(
            events(&mut tap, 40),
            vec![(10, 0.0), (25, 0.0), (25, 0.0), (25, 0.0)]
        );
        // Precise offsets travel with their spikes; the window (5, 20] drops stamp 25.
        let kind = StimulusKind::Spikes {
            spikes: vec![spike(4, 1.0, 1, 0.03), spike(12, 1.0, 2, 0.07)].into(),
            window: (5, 20),
        };
        let rng = Seed(1).stream(Purpose::Simulation, 0, tap_key(0));
        let mut tap = GeneratorTap::new(0, 0, &kind, rng);
        assert_eq!(events(&mut tap, 40), vec![(12, 0.07), (12, 0.07)]);
    }

    #[test]
    fn a_poisson_tap_draws_its_rate() {
        // 1000 Hz at 0.1 ms: mean 0.1 per step; 100,000 steps: 10,000 +- 100 (1 sd).
        let mean = 0.1;
        let kind = StimulusKind::Poisson {
            mean,
            drive: PoissonDrive::new(mean, 1),
            window: (0, i64::MAX),
        };
        let rng = Seed(2).stream(Purpose::Simulation, 0, tap_key(3));
        let mut tap = GeneratorTap::new(0, 3, &kind, rng);
        let n = events(&mut tap, 100_000).len();
        assert!((9_500..=10_500).contains(&n), "{n}");
    }
}
