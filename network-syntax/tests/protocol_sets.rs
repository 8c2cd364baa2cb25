//! The protocol's `set TARGET { .. }` (values per neuron, mask selections) and `record`
//! between runs in the language: how they lower, and each mistake reported at its
//! tokens with what would be valid.

use network_syntax::description::{ProtocolStep, Value};
use network_syntax::lowering::{lower, Action, Recorder, RecorderType, Step, Target};
use network_syntax::parse;
use proc_macro2::TokenStream;

const BASE: &str = "
    neuron Cell = iaf_psc_alpha;
    population sheet = Cell[20] on grid([5, 4], extent: [1, 1] mm);
    population plain = Cell[10];
    record spikes = spike_recorder <- sheet within circle(radius: 0.3 mm);
    connect e2p = sheet -> plain: all_to_all, via static_synapse { weight: 5 pA, delay: 1 ms };
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
fn a_block_set_lowers_to_one_selection_and_values_per_neuron() {
    let d = check(
        "protocol {
            simulate 10 ms;
            set sheet within circle(radius: 0.4 mm) { V_m: -70 mV + 5 mV * x / 1 mm, I_e: 376 pA };
            set plain { V_th: uniform(-55 mV, -50 mV) };
            set plain[2..4].V_m = normal(mean: -65 mV, std: 1 mV);
            simulate 10 ms;
        }",
    )
    .unwrap();
    let plan = lower(&d);
    // The build's mask selection (the recorder's) takes slot 0; the protocol's the next.
    let built = plan
        .steps
        .iter()
        .filter(|s| matches!(s, Step::Within(_)))
        .count();
    assert_eq!(built, 1);
    let Action::Within(w) = &plan.protocol[1] else {
        panic!("{:?}", plan.protocol[1])
    };
    assert_eq!((w.slot, w.population), (1, 0));
    let Action::SetNeurons {
        target: Target::Selection(1),
        param: "V_m",
        value: Value::Expression(_),
    } = &plan.protocol[2]
    else {
        panic!("{:?}", plan.protocol[2])
    };
    // The second parameter of the block reuses the selection.
    assert_eq!(
        plan.protocol[3],
        Action::SetNeurons {
            target: Target::Selection(1),
            param: "I_e",
            value: Value::Constant(376.0)
        }
    );
    // Random terms are expressions drawn per neuron.
    let random = |a: &Action, population: Target, name: &str| match a {
        Action::SetNeurons {
            target,
            param,
            value: Value::Expression(e),
        } => *target == population && *param == name && !e.is_spatial(),
        _ => false,
    };
    assert!(
        random(&plan.protocol[4], Target::All(1), "V_th"),
        "{:?}",
        plan.protocol[4]
    );
    let slice = Target::Range {
        population: 1,
        start: 2,
        end: 4,
    };
    assert!(
        random(&plan.protocol[5], slice, "V_m"),
        "{:?}",
        plan.protocol[5]
    );
    assert!(plan.canonical().contains("protocol Within"));
}

#[test]
fn a_recorder_added_between_runs_is_made_by_the_protocol_not_the_build() {
    let d = check(
        "protocol {
            simulate 10 ms;
            record late = multimeter { interval: 0.5 ms, record_from: [V_m] } <- sheet within circle(radius: 0.3 mm);
            record more = spike_recorder <- plain[0..3];
            record weights = weight_recorder <- e2p;
            set late.stop = 15 ms;
            simulate 10 ms;
        }",
    )
    .unwrap();
    assert!(matches!(d.protocol[1], ProtocolStep::Record { .. }));
    let plan = lower(&d);
    let named = |n: &str| {
        plan.steps.iter().any(|s| match s {
            Step::Multimeter(m) => m.name == n,
            Step::SpikeRecorder(r) => r.name == n,
            Step::WeightRecorder(w) => w.name == n,
            _ => false,
        })
    };
    assert!(named("spikes") && !named("late") && !named("more") && !named("weights"));
    assert!(matches!(&plan.protocol[1], Action::Within(w) if w.slot == 1));
    assert!(matches!(
        &plan.protocol[2],
        Action::Record(Recorder::Multimeter(m)) if m.name == "late" && m.targets == [Target::Selection(1)] && m.interval == 0.5
    ));
    assert!(matches!(&plan.protocol[3], Action::Record(Recorder::Spikes(r)) if r.name == "more"));
    assert!(
        matches!(&plan.protocol[4], Action::Record(Recorder::Weights(w)) if w.connections == ["e2p"])
    );
    assert!(matches!(
        &plan.protocol[5],
        Action::SetRecorder { name, kind: RecorderType::Multimeter, param: "stop", .. } if name == "late"
    ));
}

#[test]
fn mistakes_in_sets_and_records_name_what_is_valid() {
    let e = error("protocol { simulate 10 ms; set plain { V_m: -70 mV + 5 mV * x / 1 mm }; }");
    assert!(e.contains("reads positions, but `plain` has none"), "{e}");
    let e = error("protocol { simulate 10 ms; set sheet { V_m: -70 mV + 5 mV * z / 1 mm }; }");
    assert!(e.contains("reads the z coordinate"), "{e}");
    let e = error("protocol { simulate 10 ms; set sheet { I_e: 5 mV * x / 1 mm }; }");
    assert!(e.contains("I_e"), "{e}");
    let e = error("protocol { simulate 10 ms; set sheet { I_x: 5 pA }; }");
    assert!(e.contains("no parameter `I_x`") && e.contains("I_e"), "{e}");
    let e = error("protocol { simulate 10 ms; set sheet { I_e: 5 pA, I_e: 6 pA }; }");
    assert!(e.contains("duplicate parameter `I_e`"), "{e}");
    let e = error("protocol { simulate 10 ms; set sheet { }; }");
    assert!(e.contains("changes nothing"), "{e}");
    let e =
        error("protocol { simulate 10 ms; set plain within circle(radius: 1 mm) { I_e: 5 pA }; }");
    assert!(e.contains("no positions"), "{e}");
    let e = error("protocol { simulate 10 ms; set sheet within circle(radius: 1 mm).I_e = 5 pA; }");
    assert!(e.contains("expected `{` after the mask selection"), "{e}");
    let e = error("protocol { simulate 10 ms; set e2p { weight: 5 pA }; }");
    assert!(e.contains("not a population"), "{e}");
    let e = error(
        "protocol { simulate 10 ms; set late.stop = 5 ms; record late = spike_recorder <- plain; }",
    );
    assert!(e.contains("cannot find `late`"), "{e}");
    let e = error("protocol { simulate 10 ms; record spikes = spike_recorder <- plain; }");
    assert!(e.contains("duplicate name `spikes`"), "{e}");
    let e = error(
        "protocol { simulate 10 ms; record m = multimeter { record_from: [V_x] } <- plain; }",
    );
    assert!(e.contains("not a recordable") && e.contains("V_m"), "{e}");
}

#[test]
fn a_weight_recorders_window_set_between_runs_lowers_to_its_setter() {
    let d = check(
        "connect e2q = sheet -> plain: all_to_all, via static_synapse { weight: 1 pA, delay: 1 ms };
        record built = weight_recorder { start: 20 ms } <- e2q;
        protocol {
            simulate 10 ms;
            set built.stop = 209 ms;
            record weights = weight_recorder <- e2p;
            simulate 10 ms;
            set weights.start = 259 ms;
            set built.origin = 100 ms;
            simulate 10 ms;
        }",
    )
    .unwrap();
    let plan = lower(&d);
    let set = |i: usize| match &plan.protocol[i] {
        Action::SetRecorder {
            name,
            kind,
            param,
            value,
        } => (name.as_str(), *kind, *param, *value),
        a => panic!("{a:?}"),
    };
    assert_eq!(set(1), ("built", RecorderType::Weights, "stop", 209.0));
    assert_eq!(set(4), ("weights", RecorderType::Weights, "start", 259.0));
    assert_eq!(set(5), ("built", RecorderType::Weights, "origin", 100.0));
}

#[test]
fn a_recorders_window_set_between_runs_is_checked_as_nest_checks_it() {
    const WR: &str = "record wr = weight_recorder { start: 20 ms, stop: 100 ms } <- e2p;";
    let e = error(&format!(
        "{WR} protocol {{ simulate 10 ms; set wr.start = 5 pA; }}"
    ));
    assert!(e.contains("start") && e.contains("pA"), "{e}");
    let e = error(&format!(
        "{WR} protocol {{ simulate 10 ms; set wr.begin = 5 ms; }}"
    ));
    assert!(
        e.contains("no parameter `begin`") && e.contains("start"),
        "{e}"
    );
    let e = error(&format!(
        "{WR} protocol {{ simulate 10 ms; set wr.stop = 50.05 ms; }}"
    ));
    assert!(
        e.contains("`wr.stop` = 50.05 ms is not on the time grid"),
        "{e}"
    );
    let e = error(&format!(
        "{WR} protocol {{ simulate 10 ms; set wr.origin = -10 ms; }}"
    ));
    assert!(e.contains("`wr.origin` = -10 ms is negative"), "{e}");
    // The declared window: start 20 ms.
    let e = error(&format!(
        "{WR} protocol {{ simulate 10 ms; set wr.stop = 10 ms; }}"
    ));
    assert!(
        e.contains("`wr.stop` = 10 ms is before its `start` (20 ms)"),
        "{e}"
    );
    // The window as earlier sets left it: stop 100 ms, then 150 ms.
    let e = error(&format!(
        "{WR} protocol {{ simulate 10 ms; set wr.start = 120 ms; simulate 10 ms; }}"
    ));
    assert!(
        e.contains("`wr.start` = 120 ms is after its `stop` (100 ms)"),
        "{e}"
    );
    check(&format!(
        "{WR} protocol {{ simulate 10 ms; set wr.stop = 150 ms; set wr.start = 120 ms; simulate 10 ms; }}"
    ))
    .unwrap();
    // The same checks for a spike recorder and a multimeter.
    let e = error("protocol { simulate 10 ms; set spikes.start = 0.25 ms; }");
    assert!(
        e.contains("`spikes.start` = 0.25 ms is not on the time grid"),
        "{e}"
    );
    let e = error(
        "protocol { simulate 10 ms; record m = multimeter { record_from: [V_m] } <- plain; set m.start = 30 ms; set m.stop = 20 ms; }",
    );
    assert!(
        e.contains("`m.stop` = 20 ms is before its `start` (30 ms)"),
        "{e}"
    );
}

#[test]
fn a_spike_recorder_on_a_generator_between_runs_takes_any_spike_train() {
    let d = check(
        "stimulate drive = poisson_generator { rate: 100 Hz } -> plain via static_synapse { weight: 1 pA, delay: 1 ms };
        stimulate listed = spike_generator { spike_times: [5, 15] ms } -> plain via static_synapse { weight: 1 pA, delay: 1 ms };
        protocol {
            simulate 10 ms;
            record late = spike_recorder <- drive, listed;
            simulate 10 ms;
        }",
    )
    .unwrap();
    let plan = lower(&d);
    assert!(matches!(
        &plan.protocol[1],
        Action::Record(Recorder::Spikes(r)) if r.generators == ["drive", "listed"] && r.targets.is_empty()
    ));
    // A train shared by all targets too (the engine hands the recorder the train as it
    // stands: `Network::add_record_generator`).
    let d = check(
        "stimulate copies = mip_generator { rate: 20 Hz, p_copy: 0.5 } -> plain via static_synapse { weight: 1 pA, delay: 1 ms };
        stimulate packets = pulsepacket_generator { pulse_times: [5, 15] ms, activity: 3, sdev: 0.5 ms } -> plain via static_synapse { weight: 1 pA, delay: 1 ms };
        protocol { simulate 10 ms; record late = spike_recorder <- copies, packets; simulate 10 ms; }",
    )
    .unwrap();
    let plan = lower(&d);
    assert!(matches!(
        &plan.protocol[1],
        Action::Record(Recorder::Spikes(r)) if r.generators == ["copies", "packets"]
    ));
}

const GENERATORS: &str = "
    stimulate wave = ac_generator { amplitude: 100 pA, frequency: 10 Hz } -> plain;
    stimulate steps = step_current_generator { amplitude_times: [10, 20] ms, amplitude_values: [300, 0] pA } -> plain;
    stimulate packets = pulsepacket_generator { pulse_times: [5] ms, activity: 3, sdev: 0.5 ms } -> plain via static_synapse { weight: 5 pA, delay: 1 ms };
    stimulate copies = mip_generator { rate: 100 Hz, p_copy: 0.5 } -> plain via static_synapse { weight: 5 pA, delay: 1 ms };
    stimulate sine = sinusoidal_poisson_generator { rate: 100 Hz, amplitude: 50 Hz, frequency: 5 Hz } -> plain via static_synapse { weight: 5 pA, delay: 1 ms };
";

#[test]
fn a_table_generators_parameters_set_between_runs_lower_in_nest_units() {
    let d = check(&format!(
        "{GENERATORS}
        protocol {{
            simulate 10 ms;
            set wave.phase = 90 deg;
            set wave.frequency = 0.05 kHz;
            set steps.amplitude_times = [30, 40, 50] ms;
            set steps.amplitude_values = [1, 2, 3] nA;
            set packets.activity = 5;
            set copies.p_copy = 0.25;
            set sine.rate = 200 Hz;
            simulate 10 ms;
        }}"
    ))
    .unwrap();
    let plan = lower(&d);
    let sets: Vec<_> = plan
        .protocol
        .iter()
        .filter_map(|a| match a {
            Action::SetGenerator { name, values } => Some((name.as_str(), values.clone())),
            _ => None,
        })
        .collect();
    use network_syntax::description::SetValue::{List, Number};
    assert_eq!(
        sets,
        [
            ("wave", vec![("phase", Number(90.0))]),
            ("wave", vec![("frequency", Number(50.0))]),
            // NEST's one `SetStatus` of both lists.
            (
                "steps",
                vec![
                    ("amplitude_times", List(vec![30.0, 40.0, 50.0])),
                    ("amplitude_values", List(vec![1000.0, 2000.0, 3000.0]))
                ]
            ),
            ("packets", vec![("activity", Number(5.0))]),
            ("copies", vec![("p_copy", Number(0.25))]),
            ("sine", vec![("rate", Number(200.0))]),
        ]
    );
}

#[test]
fn a_table_generators_mistakes_between_runs_are_nests() {
    let e = |body: &str| {
        error(&format!(
            "{GENERATORS} protocol {{ simulate 10 ms; {body} simulate 10 ms; }}"
        ))
    };
    let unknown = e("set wave.phase_shift = 10 deg;");
    assert!(
        unknown.contains("no parameter `phase_shift`") && unknown.contains("phase"),
        "{unknown}"
    );
    let dimension = e("set wave.offset = 10 mV;");
    assert!(dimension.contains("offset"), "{dimension}");
    let alone = e("set steps.amplitude_times = [30, 40, 50] ms;");
    assert!(
        alone.contains("without `steps.amplitude_values`"),
        "{alone}"
    );
    let apart = e("set steps.amplitude_values = [1, 2] nA; simulate 5 ms;");
    assert!(apart.contains("without `steps.amplitude_times`"), "{apart}");
    let lengths =
        e("set steps.amplitude_times = [30, 40, 50] ms; set steps.amplitude_values = [1, 2] nA;");
    assert!(lengths.contains("amplitude"), "{lengths}");
    let range = e("set copies.p_copy = 1.5;");
    assert!(range.contains("p_copy"), "{range}");
    let flag = e("set sine.individual_spike_trains = false;");
    assert!(flag.contains("SetDefaults"), "{flag}");
}
