//! The `protocol` block and slices in the language: what is accepted (lowered to the
//! plan in order) and each mistake reported at its tokens with what would be valid.

use network_syntax::description::{ProtocolStep, SelectDesc, SetValue, Value};
use network_syntax::lowering::{lower, Action, RecorderType, Target};
use network_syntax::parse;
use proc_macro2::TokenStream;

const BASE: &str = "
    neuron Cell = iaf_psc_alpha;
    population exc = Cell[20];
    population inh = Cell[10];
    stimulate drive = dc_generator { amplitude: 300 pA } -> exc;
    stimulate noise = poisson_generator { rate: 10 Hz } -> inh via static_synapse { weight: 1 pA, delay: 1 ms };
    record spikes = spike_recorder <- exc;
    connect e2i = exc[0..10] -> inh: one_to_one, via static_synapse { weight: 50 pA, delay: 1 ms };
";

fn check(extra: &str) -> Result<network_syntax::Description, Vec<String>> {
    let tokens: TokenStream = format!("{BASE}{extra}").parse().expect("lexes");
    parse(tokens).map_err(|d| d.into_iter().map(|d| d.text()).collect())
}

fn error(extra: &str) -> String {
    let errors = check(extra).expect_err("an error");
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors[0].clone()
}

#[test]
fn a_protocol_lowers_in_order_in_nest_units() {
    let d = check(
        "protocol {
            simulate 100 ms;
            set exc.I_e = 0.376 nA;
            set exc[2, 4].V_m = -70 mV;
            set noise.rate = 2 kHz;
            set e2i.weight = 50 pA;
            set spikes.stop = 0.15 s;
            simulate 50 ms;
        }",
    )
    .unwrap();
    assert_eq!(d.protocol.len(), 7);
    assert_eq!(d.protocol[0], ProtocolStep::Simulate(100.0));
    let plan = lower(&d);
    assert_eq!(network_syntax::lowering::total_time(&plan.protocol), 150.0);
    assert_eq!(
        plan.protocol[1],
        Action::SetNeurons {
            target: Target::All(0),
            param: "I_e",
            value: Value::Constant(376.0)
        }
    );
    assert_eq!(
        plan.protocol[2],
        Action::SetNeurons {
            target: Target::List {
                population: 0,
                indices: vec![2, 4]
            },
            param: "V_m",
            value: Value::Constant(-70.0)
        }
    );
    assert!(matches!(
        &plan.protocol[3],
        Action::SetGenerator { name, values } if name == "noise" && values[..] == [("rate", SetValue::Number(2000.0))]
    ));
    assert!(
        matches!(&plan.protocol[5], Action::SetRecorder { kind: RecorderType::Spikes, value, .. } if *value == 150.0)
    );
    // The protocol is part of the description's canonical text (its hash).
    assert!(plan.canonical().contains("protocol SetWeight"));
}

#[test]
fn slices_of_connections_lower_to_ranges_and_lists() {
    let d = check("connect exc[15..] -> inh[1, 3]: all_to_all;").unwrap();
    let plan = lower(&d);
    let c = plan
        .steps
        .iter()
        .rev()
        .find_map(|s| match s {
            network_syntax::lowering::Step::Connect(c) => Some(c),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        c.sources,
        Target::Range {
            population: 0,
            start: 15,
            end: 20
        }
    );
    assert_eq!(
        c.targets,
        Target::List {
            population: 1,
            indices: vec![1, 3]
        }
    );
    let Some(network_syntax::description::Wiring::Projection(p)) = d.wiring.last() else {
        panic!()
    };
    assert_eq!(p.source_select, SelectDesc::Range(15, 20));
}

#[test]
fn mistakes_name_the_parameter_the_unit_and_what_is_valid() {
    let e = error("protocol { simulate 10 ms; set exc.I_x = 1 pA; }");
    assert!(
        e.contains("`exc (iaf_psc_alpha)` has no parameter `I_x`") && e.contains("I_e"),
        "{e}"
    );
    let e = error("protocol { simulate 10 ms; set exc.I_e = 1 mV; }");
    assert!(e.contains("I_e"), "{e}");
    let e = error("protocol { simulate 10 ms; set exc[0..5].I_x = 1 pA; }");
    assert!(e.contains("has no parameter `I_x`"), "{e}");
    let e = error("protocol { simulate 10 ms; set exc[0..5].I_e = 1 mV; }");
    assert!(e.contains("I_e"), "{e}");
    let e = error("protocol { simulate 0.05 ms; }");
    assert!(e.contains("multiple of the resolution"), "{e}");
    let e = error("protocol { simulate 10 ms; set drive.rate = 1 Hz; }");
    assert!(e.contains("`drive` has no parameter `rate`"), "{e}");
    let e = error("protocol { simulate 10 ms; set e2i.U = 0.3; }");
    assert!(e.contains("no parameter `U`"), "{e}");
    let e = error("protocol { simulate 10 ms; set e2i[0..2].weight = 1 pA; }");
    assert!(e.contains("only a population is sliced"), "{e}");
    let e = error("protocol { simulate 10 ms; set nobody.V_m = 1 mV; }");
    assert!(e.contains("cannot find `nobody`"), "{e}");
    let e = error("protocol { set exc.I_e = 1 pA; }");
    assert!(e.contains("never simulates"), "{e}");
    let e = error("protocol { simulate 10 ms; } protocol { simulate 10 ms; }");
    assert!(e.contains("one `protocol` block"), "{e}");
}

#[test]
fn slices_past_the_end_or_out_of_order_are_errors() {
    let e = error("connect exc[15..21] -> inh: all_to_all;");
    assert!(
        e.contains("not a non-empty range of `exc` (indices 0..20)"),
        "{e}"
    );
    let e = error("connect exc[3, 2] -> inh: all_to_all;");
    assert!(e.contains("must increase"), "{e}");
    let e = error("connect exc[0, 20] -> inh: all_to_all;");
    assert!(e.contains("index 20 is past the end of `exc`"), "{e}");
    // one_to_one sees the slices' sizes.
    let e = error("connect exc[0..5] -> inh[0..6]: one_to_one;");
    assert!(e.contains("one_to_one"), "{e}");
}

#[test]
fn a_mask_on_a_list_slice_is_refused_as_nest_refuses_it() {
    let text = |ends: &str| {
        format!(
            "neuron Cell = iaf_psc_alpha;
             population g = Cell[100] on grid(shape: [10, 10], extent: [1, 1] mm);
             connect {ends}: pairwise_bernoulli(1) in circle(radius: 0.25 mm);"
        )
    };
    let run = |ends: &str| parse(text(ends).parse::<TokenStream>().unwrap());
    assert!(run("g[0..30] -> g[40..70]").is_ok());
    let errors = run("g[1, 2] -> g").unwrap_err();
    assert!(
        errors[0]
            .message
            .contains("NEST keeps for a range slice only"),
        "{}",
        errors[0].message
    );
}
