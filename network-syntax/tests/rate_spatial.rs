//! Rate populations in space in the checks (issue 12): a layout on a rate population and
//! a rate connection by a spiking rule with a mask and weights and delays of distance
//! are accepted as NEST accepts them, and the mistakes NEST refuses are errors naming
//! the statement, the value and the fix: a mask on rate populations without positions,
//! a delay on `rate_connection_instantaneous`, a weight of distance on a rule that does
//! not connect layers, `use_on_source` without a mask.

use network_syntax::description::{Layout, Rule, Value};
use network_syntax::parse;
use network_syntax::rate::{RateRuleDesc, RateSynapseDesc};
use proc_macro2::TokenStream;

fn errors(text: &str) -> Vec<String> {
    let tokens: TokenStream = text.parse().expect("the text lexes");
    match parse(tokens) {
        Ok(_) => Vec::new(),
        Err(d) => d.into_iter().map(|d| d.text()).collect(),
    }
}

const LAYERS: &str = "neuron r = tanh_rate_ipn { sigma: 0 };
    population a = r[9] on grid(shape: [3, 3], extent: [1, 1] mm, periodic);
    population b = r[4] on grid(shape: [2, 2], extent: [1, 1] mm);
    population plain = r[4];";

#[test]
fn a_spatial_rate_network_is_accepted() {
    let text = format!(
        "{LAYERS}
        connect a -> b: pairwise_bernoulli(1.0) in circle(radius: 0.4 mm), use_on_source
            via rate_connection_delayed {{ weight: 0.8 - distance / 1 mm, delay: 0.5 ms + 2 ms * distance / 1 mm }};
        connect b -> a: fixed_indegree(2) in circle(radius: 0.45 mm), no multapses
            via rate_connection_instantaneous {{ weight: uniform(0.1, 0.2) }};"
    );
    let d = parse(text.parse().unwrap())
        .unwrap_or_else(|e| panic!("{:?}", e.iter().map(|d| d.text()).collect::<Vec<_>>()));
    assert!(matches!(
        d.rate.populations[0].layout,
        Some(Layout::Grid { ref shape, edge_wrap: true, .. }) if shape == &[3, 3]
    ));
    assert!(d.rate.populations[2].layout.is_none());
    let c = &d.rate.connections;
    let RateRuleDesc::Spec(spec) = &c[0].rule else {
        panic!("{:?}", c[0].rule)
    };
    assert_eq!(spec.rule, Rule::PairwiseBernoulli(1.0));
    assert!(spec.mask.is_some() && spec.use_on_source && spec.multapses);
    let RateSynapseDesc::Delayed { weight, delay } = &c[0].synapse else {
        panic!("{:?}", c[0].synapse)
    };
    assert!(matches!(weight, Value::Expression(_)) && matches!(delay, Value::Expression(_)));
    let RateRuleDesc::Spec(spec) = &c[1].rule else {
        panic!("{:?}", c[1].rule)
    };
    assert_eq!(spec.rule, Rule::FixedIndegree(2));
    assert!(!spec.multapses);
    assert!(matches!(
        c[1].synapse,
        RateSynapseDesc::Instantaneous {
            weight: Value::Uniform { .. }
        }
    ));
}

#[test]
fn a_mask_on_rate_populations_without_positions_names_the_population() {
    let e = errors(&format!(
        "{LAYERS}
        connect plain -> plain: pairwise_bernoulli(1.0) in circle(radius: 0.4 mm)
            via rate_connection_delayed {{ weight: 0.5, delay: 1 ms }};"
    ));
    assert!(
        e.iter()
            .any(|m| m.contains("a mask needs spatial populations")
                && m.contains("`plain` has no positions")
                && m.contains("on grid(..)")),
        "{e:?}"
    );
}

#[test]
fn a_delay_on_an_instantaneous_spatial_connection_is_refused() {
    let e = errors(&format!(
        "{LAYERS}
        connect a -> b: pairwise_bernoulli(1.0) in circle(radius: 0.4 mm)
            via rate_connection_instantaneous {{ weight: 0.5, delay: 1 ms + distance * 1 ms / 1 mm }};"
    ));
    assert!(
        e.iter()
            .any(|m| m.contains("`rate_connection_instantaneous` has no delay (`a` -> `b`)")),
        "{e:?}"
    );
}

#[test]
fn a_weight_of_distance_needs_a_rule_between_layers() {
    let e = errors(&format!(
        "{LAYERS}
        connect a -> b: all_to_all via rate_connection_delayed {{ weight: distance / 1 mm, delay: 1 ms }};"
    ));
    assert!(
        e.iter().any(|m| m.contains("a weight of distance needs")),
        "{e:?}"
    );
    let e = errors(&format!(
        "{LAYERS}
        connect a -> plain: pairwise_bernoulli(1.0) via rate_connection_delayed {{ weight: distance / 1 mm, delay: 1 ms }};"
    ));
    assert!(
        e.iter()
            .any(|m| m.contains("reads positions") && m.contains("`plain` has none")),
        "{e:?}"
    );
}

#[test]
fn use_on_source_needs_a_mask_and_a_delay_a_step() {
    let e = errors(&format!(
        "{LAYERS}
        connect a -> b: pairwise_bernoulli(1.0), use_on_source via rate_connection_instantaneous {{ weight: 0.5 }};"
    ));
    assert!(
        e.iter()
            .any(|m| m.contains("`use_on_source` applies to `pairwise_bernoulli` with a mask")),
        "{e:?}"
    );
    let e = errors(&format!(
        "{LAYERS}
        connect a -> b: fixed_outdegree(1) via rate_connection_delayed {{ weight: 0.5, delay: 0.01 ms }};"
    ));
    assert!(
        e.iter()
            .any(|m| m.contains("the delay 0.01 ms is shorter than the resolution")),
        "{e:?}"
    );
}
