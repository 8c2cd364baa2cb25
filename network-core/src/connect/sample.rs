//! Drawing indices: k distinct out of n, and weighted draws with or without repeats.
//! Every algorithm here terminates for every valid input (no unbounded redraw loops).

use rand::RngExt;

use crate::rng::Stream;

/// Per-thread buffers reused across targets, so that a draw allocates nothing.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// Candidate indices (spatial rules).
    pub cands: Vec<u32>,
    /// Candidates as `(neuron << 32) | index entry` keys.
    pub keys: Vec<u64>,
    /// Working space of the index query.
    pub entries: Vec<u32>,
    /// Weights of the candidates.
    pub weights: Vec<f64>,
    /// Picks as positions into `cands`/`weights`.
    pub picks: Vec<u32>,
    cum: Vec<f64>,
    perm: Vec<u32>,
    mark: Vec<u32>,
    stamp: u32,
}

impl Scratch {
    /// Starts a new generation of marks over `n` slots; all slots are unmarked.
    fn new_marks(&mut self, n: usize) {
        if self.mark.len() < n {
            self.mark.resize(n, 0);
        }
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.mark.fill(0);
            self.stamp = 1;
        }
    }

    /// Marks slot `i`; returns whether it was unmarked.
    fn mark(&mut self, i: usize) -> bool {
        let fresh = self.mark[i] != self.stamp;
        self.mark[i] = self.stamp;
        fresh
    }
}

/// Appends to `scratch.picks` `k` distinct indices in `0..n` (k <= n), in draw order:
/// redraws of repeats while at most half the range is taken, a partial Fisher–Yates
/// shuffle otherwise.
pub(crate) fn distinct(rng: &mut Stream, n: usize, k: usize, s: &mut Scratch) {
    debug_assert!(k <= n);
    if 2 * k <= n {
        s.new_marks(n);
        let mut got = 0;
        while got < k {
            let i = rng.random_range(0..n);
            if s.mark(i) {
                s.picks.push(i as u32);
                got += 1;
            }
        }
    } else {
        s.perm.clear();
        s.perm.extend(0..n as u32);
        for i in 0..k {
            let j = rng.random_range(i..n);
            s.perm.swap(i, j);
            s.picks.push(s.perm[i]);
        }
    }
}

/// Appends to `scratch.picks` `k` indices into `scratch.weights`, each drawn with
/// probability proportional to its weight among those not yet drawn when `distinct`,
/// among all otherwise. Needs at least one positive weight, and at least `k` when
/// `distinct`; weights must be finite and >= 0.
pub(crate) fn weighted(rng: &mut Stream, k: usize, distinct: bool, s: &mut Scratch) {
    let Scratch {
        weights,
        cum,
        picks,
        ..
    } = s;
    let (mut total, mut last) = cumulate(weights, cum, |_| false);
    if !distinct {
        for _ in 0..k {
            picks.push(draw(rng, cum, total, last) as u32);
        }
        return;
    }
    let n = s.weights.len();
    s.new_marks(n);
    let mut taken = 0.0;
    let mut got = 0;
    while got < k {
        let i = draw(rng, &s.cum, total, last);
        if !s.mark(i) {
            continue;
        }
        s.picks.push(i as u32);
        got += 1;
        taken += s.weights[i];
        // Once the taken mass would make redraws likely, drop it from the table: this
        // is the same distribution as redrawing (successive sampling), in bounded time.
        if got < k && taken > 0.5 * total {
            let (mark, stamp) = (&s.mark, s.stamp);
            (total, last) = cumulate(&s.weights, &mut s.cum, |j| mark[j] == stamp);
            taken = 0.0;
        }
    }
}

/// Fills `cum` with prefix sums of the weights, skipping `removed` ones; returns the
/// total and the index of the last positive weight.
fn cumulate(weights: &[f64], cum: &mut Vec<f64>, removed: impl Fn(usize) -> bool) -> (f64, usize) {
    cum.clear();
    let mut total = 0.0;
    let mut last = 0;
    for (j, w) in weights.iter().enumerate() {
        if *w > 0.0 && !removed(j) {
            total += w;
            last = j;
        }
        cum.push(total);
    }
    (total, last)
}

fn draw(rng: &mut Stream, cum: &[f64], total: f64, last: usize) -> usize {
    let u = rng.random::<f64>() * total;
    cum.partition_point(|c| *c <= u).min(last)
}
