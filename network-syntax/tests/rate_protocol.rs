//! `set` of rate neurons in a `protocol` block: a parameter of the whole population or
//! the state `rate` of all, a range or a list of its neurons, and a rate multimeter's
//! window, are lowered in NEST's names and units; a name the model lacks, a unit of another dimension, a value NEST rejects,
//! a parameter on part of a population and a slice past its end are errors naming the
//! statement's population, parameter and value.

use network_syntax::description::{ProtocolStep, SelectDesc};
use network_syntax::lowering::{lower, rate_indices, Action};
use network_syntax::parse;

const NET: &str = "neuron R = threshold_lin_rate_ipn { g: 2 };
    population r = R[4];
    record m = multimeter { record_from: [rate] } <- r;";

fn errors(protocol: &str) -> Vec<String> {
    let text = format!("{NET} protocol {{ simulate 10 ms; {protocol} }}");
    match parse(text.parse().unwrap()) {
        Ok(_) => Vec::new(),
        Err(d) => d.into_iter().map(|d| d.text()).collect(),
    }
}

#[test]
fn sets_of_rate_neurons_lower_in_nest_units() {
    let text = format!(
        "{NET} protocol {{ simulate 10 ms; set r.tau = 0.02 s; set r.rectify_output = true;
         set r.alpha = 3; set r[1..3].rate = 0.5; set r[0, 3].rate = -1; set r.rate = 2;
         set m.stop = 0.5 s; simulate 5 ms; }}"
    );
    let d = parse(text.parse().unwrap())
        .unwrap_or_else(|e| panic!("{:?}", e.iter().map(|d| d.text()).collect::<Vec<_>>()));
    let set = |select, param, value| ProtocolStep::SetRate {
        population: 0,
        select,
        param,
        value,
    };
    assert_eq!(
        d.protocol[1..7],
        [
            set(SelectDesc::All, "tau", 20.0),
            set(SelectDesc::All, "rectify_output", 1.0),
            set(SelectDesc::All, "alpha", 3.0),
            set(SelectDesc::Range(1, 3), "rate", 0.5),
            set(SelectDesc::List(vec![0, 3]), "rate", -1.0),
            set(SelectDesc::All, "rate", 2.0),
        ]
    );
    assert_eq!(
        d.protocol[7],
        ProtocolStep::SetRateMultimeter {
            multimeter: 0,
            param: "stop",
            value: 500.0
        }
    );
    let plan = lower(&d);
    let Action::SetRate { select, .. } = &plan.protocol[4] else {
        panic!("{:?}", plan.protocol[4]);
    };
    assert_eq!(rate_indices(select), Some(vec![1, 2]));
    assert_eq!(rate_indices(&SelectDesc::All), None);
    // The protocol is part of the canonical text (the description hash).
    assert!(plan.canonical().contains("protocol SetRate"));
}

#[test]
fn wrong_sets_of_rate_neurons_name_population_parameter_and_value() {
    let e = errors("set r.V_th = 1;");
    assert!(
        e[0].contains("`r (threshold_lin_rate_ipn)` has no parameter `V_th`"),
        "{e:?}"
    );
    let e = errors("set r.thetta = 1;");
    assert!(e[0].contains("did you mean `theta`?"), "{e:?}");
    let e = errors("set r.tau = 5 mV;");
    assert!(e[0].contains("`tau` is a time"), "{e:?}");
    let e = errors("set r.tau = -1 ms;");
    assert!(
        e[0].contains("r") && e[0].contains("tau") && e[0].contains("-1"),
        "{e:?}"
    );
    let e = errors("set r.rectify_output = 2;");
    assert!(e[0].contains("rectify_output"), "{e:?}");
    let e = errors("set r[0..2].mu = 0.5;");
    assert!(
        e[0].contains("`mu` of rate population `r` is shared by all its neurons")
            && e[0].contains("set r.mu = ..;"),
        "{e:?}"
    );
    let e = errors("set r[2..9].rate = 0.5;");
    assert!(
        e[0].contains("2..9") && e[0].contains("indices 0..4"),
        "{e:?}"
    );
    let e = errors("set r[3, 1].rate = 0.5;");
    assert!(e[0].contains("must increase"), "{e:?}");
    let e = errors("set m.interval = 5 ms;");
    assert!(
        e[0].contains("`m` has no parameter `interval` to set between runs"),
        "{e:?}"
    );
    let e = errors("set m.stop = 5 mV;");
    assert!(e[0].contains("`stop` is a time"), "{e:?}");
}
