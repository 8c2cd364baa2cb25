//! Per-neuron spike statistics kept by the engine for every spike, recorded or not:
//! a count, the last spike's step, and running sums of the inter-spike intervals and
//! their squares (in steps). Updated once per slice from the gathered spikes, so the
//! cost is a few arithmetic operations per spike.

/// The spike statistics of one population's neurons.
#[derive(Debug, Clone)]
pub(crate) struct NeuronStats {
    /// Spikes per neuron.
    pub counts: Vec<u32>,
    /// Step of each neuron's last spike; `-1` before its first.
    last: Vec<i64>,
    /// Sum of each neuron's inter-spike intervals (steps).
    isi_sum: Vec<f64>,
    /// Sum of their squares (steps²).
    isi_sq: Vec<f64>,
}

/// Inter-spike-interval moments of one neuron (steps).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct IsiMoments {
    /// Number of intervals (spikes - 1).
    pub n: u32,
    /// Mean interval (steps).
    pub mean: f64,
    /// Standard deviation of the intervals (steps; population form, divided by n).
    pub std: f64,
}

impl NeuronStats {
    pub fn new(len: usize) -> Self {
        Self {
            counts: vec![0; len],
            last: vec![-1; len],
            isi_sum: vec![0.0; len],
            isi_sq: vec![0.0; len],
        }
    }

    /// Adds one slice's spikes `(step, neuron index)`, sorted by step.
    pub fn add(&mut self, spikes: &[(i64, u32)]) {
        for &(step, i) in spikes {
            let i = i as usize;
            self.counts[i] = self.counts[i].saturating_add(1);
            let last = self.last[i];
            if last >= 0 {
                let isi = (step - last) as f64;
                self.isi_sum[i] += isi;
                self.isi_sq[i] += isi * isi;
            }
            self.last[i] = step;
        }
    }

    /// The neuron's interval moments, `None` with fewer than two intervals (a CV of
    /// one interval is meaningless).
    pub fn isi(&self, i: usize) -> Option<IsiMoments> {
        let n = self.counts[i].checked_sub(1)?;
        if n < 2 {
            return None;
        }
        let mean = self.isi_sum[i] / f64::from(n);
        let var = (self.isi_sq[i] / f64::from(n) - mean * mean).max(0.0);
        Some(IsiMoments {
            n,
            mean,
            std: var.sqrt(),
        })
    }

    /// Number of neurons.
    pub fn len(&self) -> usize {
        self.counts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_interval_moments() {
        let mut s = NeuronStats::new(3);
        s.add(&[(10, 0), (10, 2), (20, 0)]);
        s.add(&[(40, 0), (41, 2), (70, 0)]);
        assert_eq!(s.counts, vec![4, 0, 2]);
        // Neuron 0: intervals 10, 20, 30: mean 20, variance (100 + 0 + 100) / 3.
        let m = s.isi(0).unwrap();
        assert_eq!(m.n, 3);
        assert!((m.mean - 20.0).abs() < 1e-12);
        assert!((m.std - (200.0f64 / 3.0).sqrt()).abs() < 1e-12);
        assert_eq!(s.isi(1), None);
        assert_eq!(s.isi(2), None, "one interval has no CV");
    }
}
