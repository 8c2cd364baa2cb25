//! `connect_selections`: connection rules on slices of populations (NEST's
//! `Connect(pre[0:100], post[50:])`). The oracles are hand-counted sets (one_to_one,
//! all_to_all), exact degrees (fixed_indegree, fixed_outdegree, whose partners stay in
//! the slices), and for a mask with p = 1 the rule on the whole populations restricted
//! to the slices (membership depends on positions alone). NEST's own sets for slices
//! are compared by `network-load/tests/nest_export.rs`.

use network_core::connect::{ConnSpec, Rule};
use network_core::spatial::{Layout, Mask};
use network_core::*;

fn builder() -> NetworkBuilder {
    NetworkBuilder::new(Resolution::new(0.1).unwrap(), Seed(11))
}

fn cells(b: &mut NetworkBuilder, name: &str, n: usize) -> PopulationHandle<Dyn> {
    b.population(name, &Model::nest(IafPscAlpha::default()).unwrap(), Dyn(n))
        .unwrap()
}

fn pairs(net: &Network, p: &ProjectionHandle) -> Vec<(u32, u32)> {
    let mut v: Vec<(u32, u32)> = net
        .connections(p)
        .iter()
        .map(|c| (c.source, c.target))
        .collect();
    v.sort_unstable();
    v
}

fn syn() -> StaticSynapse {
    StaticSynapse::new(1.0, 1.0)
}

#[test]
fn one_to_one_and_all_to_all_pair_the_slices() {
    let mut b = builder();
    let (a, c) = (cells(&mut b, "a", 20), cells(&mut b, "c", 10));
    let one = b
        .connect_selections(
            "one",
            &a.range(10..15),
            &c.indices(&[1, 3, 5, 7, 9]),
            &ConnSpec::new(Rule::OneToOne),
            syn(),
        )
        .unwrap();
    let all = b
        .connect_selections(
            "all",
            &a.indices(&[0, 19]),
            &c.range(8..10),
            &ConnSpec::new(Rule::AllToAll),
            syn(),
        )
        .unwrap();
    let own = b
        .connect_selections(
            "own",
            &a.range(2..5),
            &a.range(2..5),
            &ConnSpec::new(Rule::AllToAll).no_autapses(),
            syn(),
        )
        .unwrap();
    let net = b.build().unwrap();
    assert_eq!(
        pairs(&net, &one),
        vec![(10, 1), (11, 3), (12, 5), (13, 7), (14, 9)]
    );
    assert_eq!(pairs(&net, &all), vec![(0, 8), (0, 9), (19, 8), (19, 9)]);
    assert_eq!(
        pairs(&net, &own),
        vec![(2, 3), (2, 4), (3, 2), (3, 4), (4, 2), (4, 3)]
    );
}

#[test]
fn degree_rules_draw_inside_the_slices() {
    let mut b = builder();
    let (a, c) = (cells(&mut b, "a", 300), cells(&mut b, "c", 200));
    let indegree = b
        .connect_selections(
            "in",
            &a.range(100..150),
            &c.range(50..120),
            &ConnSpec::new(Rule::FixedIndegree(7)),
            syn(),
        )
        .unwrap();
    let outdegree = b
        .connect_selections(
            "out",
            &a.indices(&[3, 30, 299]),
            &c.range(0..40),
            &ConnSpec::new(Rule::FixedOutdegree(5)).no_multapses(),
            syn(),
        )
        .unwrap();
    let net = b.build().unwrap();
    let p = pairs(&net, &indegree);
    assert_eq!(p.len(), 70 * 7);
    assert!(p
        .iter()
        .all(|&(s, t)| (100..150).contains(&s) && (50..120).contains(&t)));
    for t in 50..120 {
        assert_eq!(p.iter().filter(|x| x.1 == t).count(), 7, "indegree of {t}");
    }
    let p = pairs(&net, &outdegree);
    assert_eq!(p.len(), 15);
    for s in [3, 30, 299] {
        let mut targets: Vec<u32> = p.iter().filter(|x| x.0 == s).map(|x| x.1).collect();
        targets.dedup();
        assert_eq!(targets.len(), 5);
        assert!(targets.iter().all(|t| *t < 40));
    }
}

#[test]
fn a_mask_sees_the_slices_positions() {
    let layout = Layout::Grid {
        shape: vec![10, 10],
        extent: Some(vec![1.0, 1.0]),
        center: None,
        edge_wrap: true,
    };
    let model = Model::nest(IafPscAlpha::default()).unwrap();
    let spec = ConnSpec::new(Rule::PairwiseBernoulli(1.0)).with_mask(Mask::circle(0.25));
    let (src, tgt): (Vec<u32>, Vec<u32>) = ((0..100).step_by(3).collect(), (40..70).collect());
    let mut b = builder();
    let g = b
        .spatial_population("g", &model, Dyn(100), &layout)
        .unwrap();
    let whole = b.connect("whole", &g, &g, &spec, syn()).unwrap();
    let part = b
        .connect_selections("part", &g.indices(&src), &g.indices(&tgt), &spec, syn())
        .unwrap();
    let ranges = b
        .connect_selections("ranges", &g.range(0..30), &g.range(40..70), &spec, syn())
        .unwrap();
    let net = b.build().unwrap();
    // NEST 3.10: `Connect(g[0:30], g[40:70], {"rule": "pairwise_bernoulli", "p": 1.0,
    // "mask": {"circular": {"radius": 0.25}}})` on this layer makes 30 synapses.
    assert_eq!(pairs(&net, &ranges).len(), 30);
    let expected: Vec<(u32, u32)> = pairs(&net, &whole)
        .into_iter()
        .filter(|(s, t)| src.contains(s) && tgt.contains(t))
        .collect();
    assert!(expected.len() > 50);
    assert_eq!(pairs(&net, &part), expected);
}

#[test]
fn bad_slices_are_errors_naming_the_projection() {
    let mut b = builder();
    let a = cells(&mut b, "a", 20);
    let e = b
        .connect_selections(
            "p",
            &a.indices(&[3, 2]),
            &a.all(),
            &ConnSpec::new(Rule::AllToAll),
            syn(),
        )
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("p:") && e.contains("increase"), "{e}");
    let e = b
        .connect_selections(
            "q",
            &a.indices(&[20]),
            &a.all(),
            &ConnSpec::new(Rule::AllToAll),
            syn(),
        )
        .unwrap_err()
        .to_string();
    assert!(e.contains("has 20 neurons"), "{e}");
}
