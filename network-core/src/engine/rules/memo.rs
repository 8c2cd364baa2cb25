//! Memos of the plastic rules' `exp` and `pow`: values kept for arguments with the
//! same bits, so that the synapses of one delivery call compute each factor once and
//! get the numbers NEST's per-synapse calls give.

/// `x`, hidden from the optimiser, so that a memo's function call stays behind its
/// test: `exp` and `pow` have no side effects, and LLVM otherwise computes them on
/// every call and selects the kept value afterwards (measured: twice the calls of
/// `pow` in `stdp_pl_synapse_hom`'s delivery).
#[inline(always)]
fn opaque(x: f64) -> f64 {
    std::hint::black_box(x)
}

/// `exp` of the last argument it was asked for, kept: a row's synapses share the
/// presynaptic spike times, so their traces decay by the same factor (and targets that
/// spiked at the same time give the same facilitation factor). Returns exactly
/// `x.exp()`: the value is reused only for the same bits of `x`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ExpMemo {
    x: f64,
    value: f64,
}

impl Default for ExpMemo {
    /// A memo holding `exp(0)`.
    fn default() -> Self {
        Self {
            x: 0.0,
            value: 0.0f64.exp(),
        }
    }
}

impl ExpMemo {
    /// `x.exp()`.
    #[inline]
    pub fn exp(&mut self, x: f64) -> f64 {
        if x.to_bits() != self.x.to_bits() {
            self.x = x;
            self.value = opaque(x).exp();
        }
        self.value
    }
}

/// `exp` of the last arguments it was asked for, kept in a table by the argument's
/// bits: a spike's row reaches targets whose windows hold postsynaptic spikes from a
/// few dozen distinct steps (a bursting network's bursts), and each step gives one
/// facilitation factor; the last argument alone ([`ExpMemo`]) is the same only for
/// consecutive targets. Returns exactly `x.exp()`: a value is reused only for the same
/// bits of `x`.
#[derive(Debug, Clone)]
pub(crate) struct ExpTable {
    slots: Slots,
    entries: Box<[(u64, f64)]>,
}

impl ExpTable {
    /// A table of `slots.len()` entries, each holding `exp(0)`.
    fn new(slots: Slots) -> Self {
        Self {
            slots,
            entries: vec![(0.0f64.to_bits(), 0.0f64.exp()); slots.len()].into(),
        }
    }

    /// `x.exp()`.
    #[inline]
    pub fn exp(&mut self, x: f64) -> f64 {
        let bits = x.to_bits();
        let entry = &mut self.entries[self.slots.of(bits)];
        if entry.0 != bits {
            *entry = (bits, opaque(x).exp());
        }
        entry.1
    }
}

/// `base.powf(exponent)` of the last arguments it was asked for, kept in a table by the
/// arguments' bits: synapses that start with the same weight ask for the same power
/// until their first change, and multapses (synapses between the same two neurons) see
/// the same spikes and keep equal weights; in hpc_benchmark about two of three powers
/// asked for had been asked for shortly before. Returns exactly `base.powf(exponent)`:
/// a value is reused only for the same bits of both.
#[derive(Debug, Clone)]
pub(crate) struct PowTable {
    slots: Slots,
    entries: Box<[(u64, u64, f64)]>,
}

impl PowTable {
    /// A table of `slots.len()` entries, each holding `1^1`.
    fn new(slots: Slots) -> Self {
        let one = 1.0f64.to_bits();
        Self {
            slots,
            entries: vec![(one, one, 1.0f64.powf(1.0)); slots.len()].into(),
        }
    }

    /// `base.powf(exponent)`.
    #[inline]
    pub fn powf(&mut self, base: f64, exponent: f64) -> f64 {
        let (b, e) = (base.to_bits(), exponent.to_bits());
        let entry = &mut self.entries[self.slots.of(b ^ e.rotate_left(32))];
        if (entry.0, entry.1) != (b, e) {
            *entry = (b, e, opaque(base).powf(exponent));
        }
        entry.2
    }
}

/// The number of entries of a table (a power of two) and the entry of an argument's
/// bits: Fibonacci hashing, whose product's top bits mix all of the argument's.
#[derive(Debug, Clone, Copy)]
struct Slots {
    bits: u32,
}

impl Slots {
    /// Entries for a delivery call that updates about `synapses` synapses: one per 16
    /// of them, at least 16 and at most [`MOST_SLOTS`], so that filling the table costs
    /// a small part of the call (a network with short slices calls once per block,
    /// projection and slice).
    fn for_work(synapses: usize) -> Self {
        let len = (synapses / 16).clamp(16, MOST_SLOTS).next_power_of_two();
        Self {
            bits: len.trailing_zeros(),
        }
    }

    fn len(self) -> usize {
        1 << self.bits
    }

    #[inline(always)]
    fn of(self, bits: u64) -> usize {
        (bits.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as usize
    }
}

/// The most entries of a table (measured in hpc_benchmark at scale 1: 256, 1,024 and
/// 4,096 entries took 6.70, 6.45 and 6.24 s).
const MOST_SLOTS: usize = 4096;

/// The memos of one delivery call of an STDP projection: the presynaptic trace's decay
/// between spikes, the facilitation's decay to a postsynaptic spike and its power of
/// the weight.
#[derive(Debug, Clone)]
pub(crate) struct TraceMemo {
    pub kplus: ExpMemo,
    pub facilitation: ExpTable,
    pub power: PowTable,
}

impl TraceMemo {
    /// The memos of a call that updates about `synapses` synapses.
    pub fn for_work(synapses: usize) -> Self {
        let slots = Slots::for_work(synapses);
        Self {
            kplus: ExpMemo::default(),
            facilitation: ExpTable::new(slots),
            power: PowTable::new(slots),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ExpMemo, ExpTable, PowTable, Slots, MOST_SLOTS};

    #[test]
    fn exp_memo_returns_exp_of_each_argument() {
        let mut memo = ExpMemo::default();
        let xs = [
            0.0,
            0.0,
            -0.0,
            -1.5,
            -1.5,
            -1.5000000000000002,
            3.0,
            f64::NAN,
            -1.5,
            0.0,
            -700.0,
        ];
        for x in xs {
            let got = memo.exp(x);
            assert!(
                got.to_bits() == x.exp().to_bits() || (got.is_nan() && x.is_nan()),
                "exp({x}) = {got}"
            );
        }
    }

    #[test]
    fn pow_table_returns_the_power_of_each_pair() {
        let mut memo = PowTable::new(Slots::for_work(1000));
        let next = f64::from_bits(45.6f64.to_bits() + 1);
        let mut pairs = vec![
            (1.0, 1.0),
            (45.6, 0.4),
            (45.6, 0.4),
            (45.6, 0.5),
            (0.4, 45.6),
            (next, 0.4),
            (0.0, 0.4),
            (-0.0, 0.4),
            (45.6, 0.4),
            (f64::NAN, 0.4),
        ];
        // More pairs than the table holds (entries replaced), then all again backwards.
        pairs.extend((0..4 * MOST_SLOTS).map(|k| (40.0 + (k % 300) as f64 / 7.0, 0.4)));
        pairs.extend((0..MOST_SLOTS).map(|k| (45.6, 0.1 * (k % 9) as f64)));
        pairs.extend(pairs.clone().iter().rev());
        for (b, e) in pairs {
            let got = memo.powf(b, e);
            assert!(
                got.to_bits() == b.powf(e).to_bits() || (got.is_nan() && b.is_nan()),
                "{b}^{e} = {got}"
            );
        }
    }

    #[test]
    fn exp_table_returns_exp_of_each_argument() {
        let mut table = ExpTable::new(Slots::for_work(1000));
        // Arguments that differ in their last bit, repeat out of order, and many more
        // than the table holds (so that entries are replaced).
        let mut xs = vec![0.0, -0.0, -1.5, -1.5000000000000002, f64::NAN, -700.0, 3.0];
        xs.extend((0..4 * MOST_SLOTS).map(|k| -0.1 * (k % 700) as f64 / 20.0));
        xs.extend(xs.clone().iter().rev());
        for x in xs {
            let got = table.exp(x);
            assert!(
                got.to_bits() == x.exp().to_bits() || (got.is_nan() && x.is_nan()),
                "exp({x}) = {got}"
            );
        }
    }

    #[test]
    fn tables_grow_with_the_work_within_bounds() {
        assert_eq!(Slots::for_work(0).len(), 16);
        assert_eq!(Slots::for_work(16 * 100).len(), 128);
        assert_eq!(Slots::for_work(usize::MAX).len(), MOST_SLOTS);
        let slots = Slots::for_work(16 * 100);
        assert!((0..10_000u64).all(|k| slots.of(k.wrapping_mul(0x1234_5678_9abc)) < 128));
    }
}
