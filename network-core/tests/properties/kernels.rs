//! Synapse counts per distance bin against the kernel (Bernstein bounds).

use super::masks::{inside, layer, layered, Layered};
use super::*;

fn kernel() -> impl Strategy<Value = Kernel> {
    prop_oneof![
        (0.2..1.0f64).prop_map(|p| Kernel::Constant { p }),
        (0.5..1.5f64, -3.0..-0.5f64).prop_map(|(p0, slope)| Kernel::Linear { p0, slope }),
        (0.3..2.0f64, 0.05..0.5f64).prop_map(|(p0, beta)| Kernel::Exponential { p0, beta }),
        (0.3..2.0f64, 0.0..0.2f64, 0.05..0.3f64).prop_map(|(p0, mean, std)| Kernel::Gaussian {
            p0,
            mean,
            std
        }),
    ]
}

/// Observed and expected synapse counts per distance bin, with the variance of each.
#[derive(Default)]
struct Bins {
    observed: [f64; BINS],
    expected: [f64; BINS],
    variance: [f64; BINS],
}

impl Bins {
    fn bin(d: f64, max: f64) -> usize {
        ((d / max * BINS as f64) as usize).min(BINS - 1)
    }

    fn check(&self, what: &str) -> Result<(), TestCaseError> {
        for b in 0..BINS {
            check_count(
                &format!("{what}, distance bin {b}"),
                self.observed[b],
                self.expected[b],
                self.variance[b],
            )?;
        }
        Ok(())
    }
}

proptest! {
    #![proptest_config(config(STAT_CASES))]

    /// `pairwise_bernoulli` with a kernel (and a mask or not): per distance bin, the
    /// number of synapses is a sum of independent Bernoulli(p·kernel(d)) over the pairs.
    #[test]
    fn pairwise_bernoulli_follows_its_kernel(
        l in layered(),
        k in kernel(),
        p in 0.3..1.0f64,
        masked in any::<bool>(),
    ) {
        let l = Layered { n_sources: 400, n_targets: 300, same: false, grid: false, ..l };
        let src = layer(&l, l.n_sources, 0);
        let tgt = layer(&l, l.n_targets, 1);
        let mut spec = ConnSpec::new(Rule::PairwiseBernoulli(p)).with_kernel(k.clone());
        if masked {
            spec.mask = Some(l.mask.clone());
        }
        let ends = Endpoints {
            n_sources: 400,
            n_targets: 300,
            same: SameNeurons::None,
            source_space: Some(&src),
            target_space: Some(&tgt),
        };
        let bt = connect("p", &spec, &ends, Seed(l.seed), 9).unwrap();
        let max = (l.dims as f64).sqrt();
        let mut bins = Bins::default();
        let mut connected = vec![false; 400 * 300];
        for (s, t) in bt.edges() {
            connected[t as usize * 400 + s as usize] = true;
        }
        for t in 0..300 {
            for s in 0..400 {
                if masked && !inside(&spec, &src, &tgt, s, t) {
                    prop_assert!(!connected[t * 400 + s]);
                    continue;
                }
                let d = src.distance(&tgt.positions()[t], &src.positions()[s]);
                let q = (p * k.value(d)).clamp(0.0, 1.0);
                let b = Bins::bin(d, max);
                bins.expected[b] += q;
                bins.variance[b] += q * (1.0 - q);
                bins.observed[b] += f64::from(u8::from(connected[t * 400 + s]));
            }
        }
        bins.check("pairwise_bernoulli")?;
    }

    /// `fixed_indegree` and `fixed_outdegree` with a kernel and multapses: each of the
    /// `k` draws of a neuron picks a partner with probability proportional to the
    /// kernel at its distance, among the candidates inside the mask.
    #[test]
    fn degree_rules_sample_by_their_kernel(
        l in layered(),
        k in kernel(),
        outdegree in any::<bool>(),
        masked in any::<bool>(),
        autapses in any::<bool>(),
    ) {
        let n = 300;
        let degree = 40;
        let l = Layered { n_sources: n, n_targets: n, same: true, grid: false, ..l };
        let space = layer(&l, n, 0);
        let rule = if outdegree { Rule::FixedOutdegree(degree) } else { Rule::FixedIndegree(degree) };
        let mut spec = spec_of(rule, autapses, true).with_kernel(k.clone());
        if masked {
            spec.mask = Some(l.mask.clone());
        }
        let ends = Endpoints {
            n_sources: n,
            n_targets: n,
            same: SameNeurons::Identity,
            source_space: Some(&space),
            target_space: Some(&space),
        };
        let drawn = connect("p", &spec, &ends, Seed(l.seed), 11);
        let max = (l.dims as f64).sqrt();
        let mut bins = Bins::default();
        // Per centre neuron: the candidates' weights, summed per bin.
        for c in 0..n {
            let mut weight = [0.0; BINS];
            for j in 0..n {
                let (s, t) = if outdegree { (c, j) } else { (j, c) };
                if (!autapses && j == c) || (masked && !inside(&spec, &space, &space, s, t)) {
                    continue;
                }
                let d = space.distance(&space.positions()[c], &space.positions()[j]);
                weight[Bins::bin(d, max)] += k.value(d).max(0.0);
            }
            let total: f64 = weight.iter().sum();
            if total == 0.0 {
                // No candidate with a positive weight: the rule must refuse.
                prop_assert!(refused(&drawn), "{:?}", drawn);
                return Ok(());
            }
            for (b, w) in weight.iter().enumerate() {
                let q = w / total;
                bins.expected[b] += degree as f64 * q;
                bins.variance[b] += degree as f64 * q * (1.0 - q);
            }
        }
        let bt = drawn.unwrap();
        check_flags(&bt, &spec, &ends)?;
        for (s, t) in bt.edges() {
            let (s, t) = (s as usize, t as usize);
            if masked {
                prop_assert!(inside(&spec, &space, &space, s, t));
            }
            let d = space.distance(&space.positions()[t], &space.positions()[s]);
            bins.observed[Bins::bin(d, max)] += 1.0;
        }
        bins.check(rule.name())?;
    }
}
