//! Delays set between runs (NEST's `conns.set(delay=..)`): a projection's delays stored
//! again in the cheapest representation that holds them.

use super::{pack, Delays, Projection, PACKED_DELAY_SPAN, TARGET_MASK};

impl Projection {
    /// Stores new delays (steps), `delays[b][k]` for synapse `k` of block `b` (between
    /// runs, NEST's `conns.set(delay=..)`): one delay for all as [`Delays::Constant`],
    /// delays spanning fewer than [`PACKED_DELAY_SPAN`] steps packed into the synapse
    /// words, others per synapse. The projection's `min_delay` and `max_delay` become the
    /// new extremes.
    pub fn store_delays(&mut self, delays: Vec<Vec<u16>>) {
        let all = delays.iter().flatten().copied();
        let (lo, hi) = all.fold((u16::MAX, 0), |(lo, hi), d| (lo.min(d), hi.max(d)));
        if lo > hi {
            return;
        }
        for (block, new) in self.storage.blocks.iter_mut().zip(delays) {
            for word in &mut block.targets {
                *word &= TARGET_MASK;
            }
            block.delays = Vec::new();
            if lo == hi {
                continue;
            }
            if hi - lo < PACKED_DELAY_SPAN {
                for (word, d) in block.targets.iter_mut().zip(new) {
                    *word = pack(usize::from(*word), d - lo);
                }
            } else {
                block.delays = new;
            }
        }
        self.delays = if lo == hi {
            Delays::Constant(lo)
        } else if hi - lo < PACKED_DELAY_SPAN {
            Delays::Packed(lo)
        } else {
            Delays::PerSynapse
        };
        self.min_delay = lo;
        self.max_delay = hi;
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::projection;
    use super::*;
    use crate::engine::block::BLOCK_LEN;

    /// New delays are stored packed, per synapse or as one, each synapse keeping its
    /// target, and read back as given (the oracle: the delays handed in).
    #[test]
    fn stored_delays_read_back_in_every_representation() {
        let mut p = projection(20, 30, None, false, 7);
        let targets: Vec<usize> = (0..p.synapses)
            .map(|k| p.storage.blocks[0].target(k))
            .collect();
        let wide: Vec<u16> = (0..p.synapses).map(|k| 2 + (k as u16 * 37) % 300).collect();
        let narrow: Vec<u16> = (0..p.synapses).map(|k| 10 + (k as u16 % 5)).collect();
        for (delays, kind) in [
            (wide, Delays::PerSynapse),
            (narrow, Delays::Packed(10)),
            (vec![4; p.synapses], Delays::Constant(4)),
        ] {
            p.store_delays(vec![delays.clone()]);
            assert_eq!(p.delays, kind);
            let block = &p.storage.blocks[0];
            let got: Vec<u16> = (0..p.synapses).map(|k| p.delay(block, k)).collect();
            assert_eq!(got, delays);
            let now: Vec<usize> = (0..p.synapses).map(|k| block.target(k)).collect();
            assert_eq!(now, targets);
            assert_eq!(
                (p.min_delay, p.max_delay),
                (*delays.iter().min().unwrap(), *delays.iter().max().unwrap())
            );
        }
        // one delay for all: the words are the bare targets the constant path reads
        assert!(p.storage.blocks[0]
            .targets
            .iter()
            .all(|&w| usize::from(w) < BLOCK_LEN));
    }
}
