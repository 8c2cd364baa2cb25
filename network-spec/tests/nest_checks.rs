//! The tables against NEST 3.10 itself (`conformance/model_checks.py` asked NEST and
//! wrote `conformance/reference/model_checks.json`; `conformance/check_fresh.sh`
//! regenerates it in CI): every declared default equals NEST's `GetDefaults`, a parameter
//! NEST holds as an integer is declared an integer, and each model's checks accept
//! exactly the probe values NEST accepts.

use network_spec::infinite::{self, NestOutcome, INFINITE_REFUSALS};
use network_spec::rate::RateModel;
use network_spec::{devices::DEVICES, BaseModel, ParamInfo, ParamKind, Resolution, SynapseModel};
use serde_json::Value;

fn reference() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../conformance/reference/model_checks.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("the reference is committed"))
        .expect("valid JSON")
}

/// The parameter table of the model NEST calls `name`.
fn table(name: &str) -> Option<&'static [ParamInfo]> {
    BaseModel::from_name(name)
        .map(BaseModel::parameters)
        .or_else(|| SynapseModel::from_name(name).map(SynapseModel::parameters))
        .or_else(|| RateModel::from_name(name).map(RateModel::parameters))
        .or_else(|| {
            DEVICES
                .iter()
                .find(|d| d.name == name)
                .map(|d| d.parameters)
        })
}

/// A number from the reference, where infinities are written as strings.
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::String(s) if s == "inf" => Some(f64::INFINITY),
        Value::String(s) if s == "-inf" => Some(f64::NEG_INFINITY),
        _ => v.as_f64(),
    }
}

#[test]
fn every_declared_default_is_nests() {
    let reference = reference();
    let defaults = reference["defaults"].as_object().unwrap();
    let mut wrong = Vec::new();
    let mut compared = 0;
    for (model, nest) in defaults {
        let table = table(model).unwrap_or_else(|| panic!("{model}: asked NEST, not declared"));
        for p in table {
            let Some(value) = nest.get(p.name) else {
                continue; // not one of NEST's (the engine's own, e.g. a port list's length)
            };
            let nest_default = match (p.kind, value) {
                (ParamKind::List, Value::Array(items)) => match items.first() {
                    Some(first) => number(first),
                    None => Some(f64::NAN), // an empty list: NaN in the table
                },
                (_, v) => number(v),
            };
            let Some(nest_default) = nest_default else {
                continue;
            };
            compared += 1;
            let same = p.default == nest_default || (p.default.is_nan() && nest_default.is_nan());
            if !same {
                wrong.push(format!(
                    "{model}.{}: declared {}, NEST {nest_default}",
                    p.name, p.default
                ));
            }
            if value.is_i64() && p.kind != ParamKind::Integer && p.kind != ParamKind::Flag {
                wrong.push(format!(
                    "{model}.{}: NEST holds an integer, declared {:?}",
                    p.name, p.kind
                ));
            }
        }
    }
    assert!(compared > 400, "only {compared} defaults compared");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Whether NEST accepted a probe: its `SetStatus` (or `CopyModel` and `Connect`) took the
/// value and a step of simulation did not stop on a parameter check. A run the integrator
/// could not follow (a numerical instability, a step size shrinking without end) took the
/// value; GSL aborting the process on it did not.
fn nest_accepts(on_set: &str, on_run: &str) -> bool {
    on_set == "ok" && matches!(on_run, "ok" | "NumericalInstability" | "timeout")
}

/// Where the checks refuse values NEST 3.10 takes without complaint, on purpose: values
/// whose dynamics NEST computes but no model means (a trace decaying with a time
/// constant <= 0, weights scaled by a zero `Wmax`, a negative trace, more available
/// release sites than sites). `(model, parameter, why)`; a porting user meets these as
/// errors naming the rule (docs/fidelity.md lists them).
const STRICTER_THAN_NEST: &[(&str, &str, &str)] = &[
    (
        "stdp_synapse",
        "tau_plus",
        "a trace's time constant must be > 0",
    ),
    (
        "stdp_synapse_hom",
        "tau_plus",
        "a trace's time constant must be > 0",
    ),
    (
        "stdp_triplet_synapse",
        "tau_plus",
        "a trace's time constant must be > 0",
    ),
    (
        "stdp_triplet_synapse",
        "tau_plus_triplet",
        "a trace's time constant must be > 0",
    ),
    (
        "vogels_sprekeler_synapse",
        "tau",
        "a trace's time constant must be > 0",
    ),
    ("stdp_synapse", "Wmax", "weights are divided by Wmax"),
    (
        "stdp_synapse_hom",
        "Wmax",
        "weights are divided by Wmax, which has their sign",
    ),
    (
        "stdp_synapse_hom",
        "Kplus",
        "a trace is >= 0, as stdp_synapse checks",
    ),
    (
        "stdp_pl_synapse_hom",
        "Kplus",
        "a trace is >= 0, as stdp_synapse checks",
    ),
    (
        "quantal_stp_synapse",
        "n",
        "a count of release sites is >= 0 and at least a",
    ),
    (
        "quantal_stp_synapse",
        "a",
        "available release sites are at most n",
    ),
    (
        "gif_cond_exp",
        "gsl_error_tol",
        "a tolerance must be > 0 (NEST's GSL aborts below 0)",
    ),
];

#[test]
fn every_check_accepts_what_nest_accepts() {
    let reference = reference();
    let res = Resolution::default();
    let mut disagreements = Vec::new();
    let mut stricter_seen = std::collections::BTreeSet::new();
    let mut infinite_refused = std::collections::BTreeMap::new();
    let probes = reference["probes"].as_array().unwrap();
    for probe in probes {
        let [kind, model, param, value, on_set, on_run] = probe.as_array().unwrap().as_slice()
        else {
            panic!("a probe is [kind, model, parameter, value, on set, on run]: {probe}");
        };
        let (model, param) = (model.as_str().unwrap(), param.as_str().unwrap());
        let value = number(value).unwrap();
        let values = [(param, value)];
        let ours = match kind.as_str().unwrap() {
            "neuron" => BaseModel::from_name(model)
                .unwrap()
                .validate(model, &values),
            "synapse" => SynapseModel::from_name(model).unwrap().validate(
                model,
                &values,
                Some(1.0),
                None,
                &res,
            ),
            "rate" => RateModel::from_name(model)
                .unwrap()
                .validate(model, &values),
            other => panic!("probe of a {other}"),
        };
        let nest = nest_accepts(on_set.as_str().unwrap(), on_run.as_str().unwrap());
        let stricter = STRICTER_THAN_NEST
            .iter()
            .find(|(m, p, _)| *m == model && *p == param);
        if nest && ours.is_err() && stricter.is_some() {
            stricter_seen.insert((model, param));
            continue;
        }
        if let (true, Err(e)) = (nest && value == f64::INFINITY, &ours) {
            // Refused with what NEST computes (network_spec::infinite), that reason in
            // the error; the test below holds each reason against NEST's outcome.
            match infinite::refusal(model, param) {
                Some(r) if e.to_string().contains(r.why) => {
                    *infinite_refused.entry(r.nest).or_insert(0) += 1;
                }
                _ => disagreements.push(format!(
                    "{model}.{param} = inf: NEST accepts, refused here without the reason \
                     in network_spec::infinite: {e}"
                )),
            }
            continue;
        }
        if ours.is_ok() != nest {
            disagreements.push(format!(
                "{model}.{param} = {value}: NEST {} ({on_set}, {on_run}), here {}",
                if nest { "accepts" } else { "refuses" },
                match ours {
                    Ok(()) => "accepted".to_string(),
                    Err(e) => format!("refused: {e}"),
                }
            ));
        }
    }
    assert!(probes.len() > 1000, "only {} probes", probes.len());
    eprintln!(
        "{} probes; refusals of +inf that NEST takes, by NEST's outcome: {:?}; {} disagreements",
        probes.len(),
        infinite_refused,
        disagreements.len()
    );
    for (model, param, why) in STRICTER_THAN_NEST {
        assert!(
            stricter_seen.contains(&(*model, *param)),
            "{model}.{param} is listed as stricter than NEST ({why}) but no probe shows it: drop it from the list"
        );
    }
    assert!(
        disagreements.is_empty(),
        "{} of {} probes disagree:\n{}",
        disagreements.len(),
        probes.len(),
        disagreements.join("\n")
    );
}

/// Every reasoned refusal of +inf says what NEST 3.10 computes with it, as
/// `conformance/inf_params.py` measured (its verdicts: "nan", "frozen", "finite"); no
/// refusal is of a finite verdict, and the accepted time constants, capacitances,
/// escape-rate widths and tolerances each have a conformance case.
#[test]
fn every_infinite_refusal_says_what_nest_computes() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../conformance/reference/inf_params.json"
    );
    let reference: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the reference is committed"))
            .expect("valid JSON");
    let pairs = reference["pairs"].as_array().unwrap();
    let verdict = |model: &str, param: &str| {
        pairs
            .iter()
            .find(|p| p["model"] == model && p["param"] == param)
            .map(|p| p["verdict"].as_str().unwrap().to_string())
    };
    let mut wrong = Vec::new();
    for r in INFINITE_REFUSALS {
        let expected = match r.nest {
            NestOutcome::Nan => "nan",
            NestOutcome::Frozen => "frozen",
        };
        match verdict(r.model, r.param) {
            Some(v) if v == expected => {}
            other => wrong.push(format!(
                "{}.{} = inf: listed as {:?}, NEST's verdict {other:?}",
                r.model, r.param, r.nest
            )),
        }
    }
    // Accepted here where NEST's dynamics are finite: the trace time constants.
    let mut accepted_finite = 0;
    for p in pairs {
        let (model, param) = (p["model"].as_str().unwrap(), p["param"].as_str().unwrap());
        if p["verdict"] == "finite" && param.starts_with("tau_minus") {
            assert!(infinite::refusal(model, param).is_none());
            accepted_finite += 1;
        }
    }
    assert_eq!(
        accepted_finite, 48,
        "tau_minus and tau_minus_triplet of every neuron"
    );
    // Every synaptic, adaptation or threshold time constant, capacitance, escape-rate
    // width and error tolerance whose +inf gives finite dynamics in NEST and is accepted
    // here has its NEST-generated conformance case `<model>_<param>_inf`
    // (conformance/cases_infinite.py), replayed bit for bit by
    // network-core/tests/conformance.rs.
    const WITH_CASE: &[&str] = &[
        "tau_syn_ex",
        "tau_syn_in",
        "tau_1",
        "tau_2",
        "tau_w",
        "gsl_error_tol",
        "Delta_V",
        "C_m",
    ];
    let reference_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../conformance/reference");
    let mut with_case = 0;
    for p in pairs {
        let (model, param) = (p["model"].as_str().unwrap(), p["param"].as_str().unwrap());
        if p["verdict"] == "finite" && WITH_CASE.contains(&param) {
            let stricter = STRICTER_THAN_NEST
                .iter()
                .any(|(m, q, _)| *m == model && *q == param);
            if stricter || infinite::refusal(model, param).is_some() {
                continue;
            }
            let case = format!("{reference_dir}/{model}_{param}_inf.json");
            if std::path::Path::new(&case).exists() {
                with_case += 1;
            } else {
                wrong.push(format!(
                    "{model}.{param} = inf: accepted, but no conformance case {case}"
                ));
            }
        }
    }
    assert_eq!(
        with_case, 47,
        "the accepted time constants, capacitances, widths and tolerances at +inf"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
