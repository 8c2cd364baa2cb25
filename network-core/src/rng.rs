//! Reproducible random streams.
//!
//! Every random draw in the engine comes from a ChaCha8 stream keyed by the network seed,
//! the kind of draw, the entity that draws (a population, projection or device) and an
//! index (a neuron, or a fixed block of neurons). Which thread runs the draw never enters
//! the key, so results depend on the seed alone, never on the thread count.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The generator behind every stream: ChaCha8, portable and seekable.
pub type Stream = ChaCha8Rng;

/// NEST's default `rng_seed`.
pub const DEFAULT_SEED: u64 = 143_202_461;

/// The seed of a network build; all randomness derives from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Seed(pub u64);

impl Default for Seed {
    fn default() -> Self {
        Seed(DEFAULT_SEED)
    }
}

/// What a stream is used for; part of its key so that two purposes never share draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
pub enum Purpose {
    /// Random neuron positions of a population.
    Positions = 1,
    /// Source/target draws of a connection rule.
    Connect = 2,
    /// Random synaptic weights and delays of generator connections and rate
    /// connections: one stream per connection and target neuron.
    SynapseParams = 3,
    /// Draws made during simulation (Poisson and noise generators, stochastic thresholds).
    Simulation = 4,
    /// Random initial state of a population.
    InitialState = 5,
    /// Draws of stochastic synapses during simulation (`bernoulli_synapse`,
    /// `quantal_stp_synapse`): one stream per projection and target block.
    Transmission = 6,
    /// Values of a `set` between runs (`Network::set_neurons_to`): one stream per
    /// population, parameter, time of the set and neuron.
    ProtocolSet = 7,
    /// A synapse model's parameter drawn per synapse (`U: uniform(..)` where a
    /// projection is made): one stream per projection, parameter and target block.
    SynapseRule = 8,
    /// The counts of a total split over chunks of targets (`fixed_total_number`): one
    /// stream per projection and chunk.
    TargetCounts = 9,
    /// Random weights and delays of a projection's synapses onto one target block,
    /// drawn row after row (source by source, each row's targets in increasing order):
    /// one stream per projection and target block.
    SynapseDraws = 10,
}

fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Seed {
    /// The stream for `purpose` of entity `entity` at `index`.
    pub fn stream(self, purpose: Purpose, entity: u64, index: u64) -> Stream {
        let a = splitmix64(self.0 ^ splitmix64(purpose as u64));
        let b = splitmix64(a ^ splitmix64(entity.wrapping_add(0x5851_F42D_4C95_7F2D)));
        let mut key = [0u8; 32];
        let mut word = b;
        for chunk in key.chunks_mut(8) {
            word = splitmix64(word);
            chunk.copy_from_slice(&word.to_le_bytes());
        }
        let mut rng = ChaCha8Rng::from_seed(key);
        rng.set_stream(index);
        rng
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::RngExt;

    #[test]
    fn streams_differ_by_every_key_part() {
        let s = Seed(1);
        let draw = |mut r: Stream| r.random::<u64>();
        let base = draw(s.stream(Purpose::Connect, 3, 7));
        assert_eq!(base, draw(s.stream(Purpose::Connect, 3, 7)));
        assert_ne!(base, draw(Seed(2).stream(Purpose::Connect, 3, 7)));
        assert_ne!(base, draw(s.stream(Purpose::Positions, 3, 7)));
        assert_ne!(base, draw(s.stream(Purpose::Connect, 4, 7)));
        assert_ne!(base, draw(s.stream(Purpose::Connect, 3, 8)));
    }
}
