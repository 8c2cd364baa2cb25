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

/// `exp` of the last arguments it was asked for, kept in a small table by the
/// argument's bits: a spike's row reaches targets whose windows hold postsynaptic
/// spikes from a few dozen distinct steps (a bursting network's bursts), and each step
/// gives one facilitation factor; the last argument alone ([`ExpMemo`]) is the same only
/// for consecutive targets. Returns exactly `x.exp()`: a value is reused only for the
/// same bits of `x`.
#[derive(Debug, Clone)]
pub(crate) struct ExpTable {
    arguments: [u64; TABLE_LEN],
    values: [f64; TABLE_LEN],
}

/// Entries of an [`ExpTable`] or a [`PowTable`] (a power of two).
const TABLE_LEN: usize = 256;

/// The entry of a table for an argument's bits: Fibonacci hashing, whose product's top
/// bits mix all of the argument's.
#[inline(always)]
fn slot(bits: u64) -> usize {
    (bits.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_LEN.trailing_zeros())) as usize
}

impl Default for ExpTable {
    /// A table holding `exp(0)` in every entry.
    fn default() -> Self {
        Self {
            arguments: [0.0f64.to_bits(); TABLE_LEN],
            values: [0.0f64.exp(); TABLE_LEN],
        }
    }
}

impl ExpTable {
    /// `x.exp()`.
    #[inline]
    pub fn exp(&mut self, x: f64) -> f64 {
        let bits = x.to_bits();
        let i = slot(bits);
        if self.arguments[i] != bits {
            self.arguments[i] = bits;
            self.values[i] = opaque(x).exp();
        }
        self.values[i]
    }
}

/// `base.powf(exponent)` of the last arguments it was asked for, kept in a small table
/// by the arguments' bits: synapses that start with the same weight ask for the same
/// power until their first change, and multapses (synapses between the same two
/// neurons) see the same spikes and keep equal weights; in hpc_benchmark about two of
/// three powers asked for had been asked for shortly before. Returns exactly
/// `base.powf(exponent)`: a value is reused only for the same bits of both.
#[derive(Debug, Clone)]
pub(crate) struct PowTable {
    arguments: [(u64, u64); TABLE_LEN],
    values: [f64; TABLE_LEN],
}

impl Default for PowTable {
    /// A table holding `1^1` in every entry.
    fn default() -> Self {
        Self {
            arguments: [(1.0f64.to_bits(), 1.0f64.to_bits()); TABLE_LEN],
            values: [1.0f64.powf(1.0); TABLE_LEN],
        }
    }
}

impl PowTable {
    /// `base.powf(exponent)`.
    #[inline]
    pub fn powf(&mut self, base: f64, exponent: f64) -> f64 {
        let bits = (base.to_bits(), exponent.to_bits());
        let i = slot(bits.0 ^ bits.1.rotate_left(32));
        if self.arguments[i] != bits {
            self.arguments[i] = bits;
            self.values[i] = opaque(base).powf(exponent);
        }
        self.values[i]
    }
}

/// The memos of one delivery call of an STDP projection: the presynaptic trace's decay
/// between spikes, the facilitation's decay to a postsynaptic spike and its power of
/// the weight.
#[derive(Debug, Clone, Default)]
pub(crate) struct TraceMemo {
    pub kplus: ExpMemo,
    pub facilitation: ExpTable,
    pub power: PowTable,
}

#[cfg(test)]
mod tests {
    use super::{ExpMemo, ExpTable, PowTable, TABLE_LEN};

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
        let mut memo = PowTable::default();
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
        pairs.extend((0..4 * TABLE_LEN).map(|k| (40.0 + (k % 300) as f64 / 7.0, 0.4)));
        pairs.extend((0..TABLE_LEN).map(|k| (45.6, 0.1 * (k % 9) as f64)));
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
        let mut table = ExpTable::default();
        // Arguments that differ in their last bit, repeat out of order, and many more
        // than the table holds (so that entries are replaced).
        let mut xs = vec![0.0, -0.0, -1.5, -1.5000000000000002, f64::NAN, -700.0, 3.0];
        xs.extend((0..4 * TABLE_LEN).map(|k| -0.1 * (k % 700) as f64 / 20.0));
        xs.extend(xs.clone().iter().rev());
        for x in xs {
            let got = table.exp(x);
            assert!(
                got.to_bits() == x.exp().to_bits() || (got.is_nan() && x.is_nan()),
                "exp({x}) = {got}"
            );
        }
    }
}
