//! A `noise_generator`'s `dt`, `frequency` and `phase` set in a `protocol` block: the
//! loader checks them (a `dt` off the time grid is an error at its line, as NEST's
//! `StepMultipleRequired`), runs them, and exports them as NEST's `noise.set(..)`;
//! NEST 3.10 runs the exported script and holds the values set (read back with
//! `GetStatus`). The modulation they produce is compared with NEST's in
//! network-core/tests/noise_generator.rs.

use network_core::Seed;
use network_load::{build, parse, Inputs, Source};

mod common;
use common::{last_json, nest_python, pynest_script, run_python};

const NET: &str = "
    resolution = 0.1 ms;
    seed = 3;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[20];
    stimulate noise = noise_generator { mean: 450 pA, std: 50 pA, std_mod: 20 pA, frequency: 5 Hz } -> cells;
    record spikes = spike_recorder <- cells;
    protocol {
        simulate 50 ms;
        set noise.frequency = 20 Hz;
        set noise.phase = 45 deg;
        set noise.dt = DT;
        simulate 50 ms;
    }
";

fn source(dt: &str) -> Source {
    Source::new("noise_sets.net", NET.replace("DT", dt))
}

#[test]
fn a_dt_off_the_grid_is_an_error_at_its_line() {
    let errors = parse(&source("0.25 ms")).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].message,
        "`dt` = 0.25 ms of `noise` is not a positive multiple of the resolution (0.1 ms)"
    );
    assert_eq!(errors[0].line, 12);
    let errors = parse(&source("0 ms")).unwrap_err();
    assert_eq!(
        errors[0].message,
        "`dt` = 0 ms of `noise` is shorter than one step"
    );
}

#[test]
fn the_sets_run_and_export_to_values_nest_holds() {
    let parsed = parse(&source("0.5 ms")).unwrap_or_else(|e| panic!("{e:?}"));
    let mut loaded = build(&parsed.description, Seed(3), &Inputs::default()).unwrap();
    loaded.run_protocol().unwrap();
    assert!(loaded.network.spikes(&loaded.spike_recorders[0].1).len() > 10);
    let script = pynest_script(&parsed, &loaded, "noise_sets");
    for set in [
        "noise.set(frequency=20.0)",
        "noise.set(phase=45.0)",
        "noise.set(dt=0.5)",
    ] {
        assert!(script.contains(set), "{set} missing from:\n{script}");
    }
    let Some(python) = nest_python("protocol_noise") else {
        return;
    };
    let probe = format!(
        "{script}\nimport json\nprint(json.dumps({{k: noise.get(k) for k in ['frequency', 'phase', 'dt']}}))\n"
    );
    let held = last_json("noise_sets", &run_python(&python, "noise_sets", &probe));
    assert_eq!(held["frequency"], 20.0);
    assert_eq!(held["phase"], 45.0);
    assert_eq!(held["dt"], 0.5);
}
