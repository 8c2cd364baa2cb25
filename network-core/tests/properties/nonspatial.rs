//! Every rule without space: exact degrees, totals and flags.

use super::*;

#[derive(Debug, Clone)]
struct Flat {
    n_sources: usize,
    n_targets: usize,
    same: bool,
    autapses: bool,
    multapses: bool,
    rule: Rule,
    seed: u64,
}

fn flat() -> impl Strategy<Value = Flat> {
    (
        1usize..120,
        1usize..120,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        0u8..6,
        0usize..140,
        prop_oneof![Just(0.0), Just(1.0), 0.0..1.0f64],
        any::<u64>(),
    )
        .prop_map(|(ns, nt, same, autapses, multapses, kind, k, p, seed)| {
            let nt = if same { ns } else { nt };
            let rule = match kind {
                0 => Rule::AllToAll,
                1 => Rule::OneToOne,
                2 => Rule::FixedIndegree(k),
                3 => Rule::FixedOutdegree(k),
                4 => Rule::FixedTotalNumber(k * 20),
                _ => Rule::PairwiseBernoulli(p),
            };
            Flat {
                n_sources: ns,
                n_targets: nt,
                same,
                autapses,
                multapses,
                rule,
                seed,
            }
        })
}

proptest! {
    #![proptest_config(config(NONSPATIAL_CASES))]

    /// Every rule without space: it succeeds exactly when the request can be met, and
    /// then gives exact degrees and totals and respects the flags.
    #[test]
    fn rules_without_space(c in flat()) {
        let spec = spec_of(c.rule, c.autapses, c.multapses);
        let ends = Endpoints {
            n_sources: c.n_sources,
            n_targets: c.n_targets,
            same: SameNeurons::of(c.same),
            source_space: None,
            target_space: None,
        };
        let drawn = connect("p", &spec, &ends, Seed(c.seed), 3);
        let self_ex = c.same && !c.autapses;
        let (ns, nt) = (c.n_sources, c.n_targets);
        // Partners of one neuron and allowed pairs, the neuron itself excluded.
        let sources_per_target = ns - usize::from(self_ex);
        let targets_per_source = nt - usize::from(self_ex);
        let pairs = ns * nt - if self_ex { ns } else { 0 };
        let feasible = |k: usize, m: usize| k == 0 || (m > 0 && (c.multapses || k <= m));
        match c.rule {
            Rule::AllToAll => {
                let bt = drawn.unwrap();
                check_flags(&bt, &spec, &ends)?;
                for t in 0..nt {
                    let mut s = bt.sources_of(t).to_vec();
                    s.sort_unstable();
                    let all: Vec<u32> =
                        (0..ns as u32).filter(|&i| !(self_ex && i as usize == t)).collect();
                    prop_assert_eq!(s, all);
                }
            }
            Rule::OneToOne => {
                if ns != nt {
                    prop_assert!(matches!(drawn, Err(Error::InvalidParameter { .. })), "{:?}", drawn);
                } else {
                    let bt = drawn.unwrap();
                    let expected: Vec<(u32, u32)> = if self_ex {
                        Vec::new()
                    } else {
                        (0..nt as u32).map(|i| (i, i)).collect()
                    };
                    prop_assert_eq!(bt.edges().collect::<Vec<_>>(), expected);
                }
            }
            Rule::FixedIndegree(k) => {
                if feasible(k, sources_per_target) {
                    let bt = drawn.unwrap();
                    check_flags(&bt, &spec, &ends)?;
                    prop_assert!((0..nt).all(|t| bt.sources_of(t).len() == k));
                } else {
                    prop_assert!(refused(&drawn), "{:?}", drawn);
                }
            }
            Rule::FixedOutdegree(k) => {
                if feasible(k, targets_per_source) {
                    let bt = drawn.unwrap();
                    check_flags(&bt, &spec, &ends)?;
                    prop_assert!(outdegrees(&bt, ns).iter().all(|&d| d == k));
                } else {
                    prop_assert!(refused(&drawn), "{:?}", drawn);
                }
            }
            Rule::FixedTotalNumber(n) => {
                if feasible(n, pairs) {
                    let bt = drawn.unwrap();
                    check_flags(&bt, &spec, &ends)?;
                    prop_assert_eq!(bt.len(), n);
                } else {
                    prop_assert!(drawn.is_err(), "{} of {} pairs drawn", n, pairs);
                }
            }
            Rule::PairwiseBernoulli(p) => {
                let bt = drawn.unwrap();
                // Never a repeated pair, whatever the flag says.
                check_flags(&bt, &spec_of(c.rule, c.autapses, false), &ends)?;
                match p {
                    0.0 => prop_assert!(bt.is_empty()),
                    1.0 => prop_assert_eq!(bt.len(), pairs),
                    _ => check_count(
                        "pairwise_bernoulli total",
                        bt.len() as f64,
                        pairs as f64 * p,
                        pairs as f64 * p * (1.0 - p),
                    )?,
                }
            }
        }
    }
}
