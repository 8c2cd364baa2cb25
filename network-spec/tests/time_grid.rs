//! The time grid at its edges against NEST 3.10 (`conformance/time_grid.py` writes
//! `conformance/reference/time_grid.json`; `conformance/check_fresh.sh` regenerates it):
//! a device time 1e-9 ms off the grid (exactly the on-grid tolerance), negative and
//! off-grid device times, `min_delay`/`max_delay` on and between grid points, and
//! off-grid spike times. These are the survivors of `scripts/mutants.sh time` (issue 17):
//! the unit tests' hand-computed values never reached an on-grid `min_delay`, a spike
//! time a few tics past a grid point, or a time exactly at the tolerance.
//!
//! NEST's values are milliseconds on the 0.1 ms grid; the expected step is the value
//! times 10, rounded (a hand conversion, not the engine's).

use network_spec::time::Resolution;
use serde_json::Value;

fn reference() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../conformance/reference/time_grid.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn resolution(r: &Value) -> Resolution {
    let h = r["resolution"].as_f64().unwrap();
    assert_eq!(h, 0.1, "the steps below are tenths of a ms");
    Resolution::new(h).unwrap()
}

/// NEST's time in ms on the 0.1 ms grid, in steps.
fn steps(nest_ms: &Value) -> i64 {
    (nest_ms.as_f64().unwrap() * 10.0).round() as i64
}

#[test]
fn device_times_are_accepted_and_refused_as_nest_does() {
    let r = reference();
    let res = resolution(&r);
    let cases = r["device_start"].as_array().unwrap();
    assert!(cases.len() >= 8);
    for case in cases {
        let ms = case["ms"].as_f64().unwrap();
        let got = res.grid_steps("dc", "start", ms);
        match &case["nest_ms"] {
            Value::Null => {
                let e = got.expect_err(&format!("NEST refuses start {ms:e}"));
                // The reason named: negative times, or off the grid.
                let reason = if ms < 0.0 {
                    "is negative: use a time >= 0 ms"
                } else {
                    "must be a multiple of the resolution 0.1 ms"
                };
                assert!(e.to_string().contains(reason), "start {ms:e}: {e}");
            }
            nest => {
                let got = got.unwrap_or_else(|e| panic!("NEST takes start {ms:e}: {e}"));
                assert_eq!(got, steps(nest), "start {ms:e}");
                assert_eq!(
                    res.step_to_ms(got).to_bits(),
                    nest.as_f64().unwrap().to_bits(),
                    "start {ms:e} reads back as NEST's"
                );
            }
        }
    }
}

#[test]
fn min_delay_rounds_down_and_max_delay_up_as_nest_does() {
    let r = reference();
    let res = resolution(&r);
    for case in r["delays"].as_array().unwrap() {
        let (lo, hi) = (case["min"].as_f64().unwrap(), case["max"].as_f64().unwrap());
        assert_eq!(
            res.delay_extrema_steps(lo, hi),
            (steps(&case["nest_min"]), steps(&case["nest_max"])),
            "min_delay {lo}, max_delay {hi}"
        );
    }
}

#[test]
fn offgrid_spike_times_move_to_nests_steps() {
    let r = reference();
    let res = resolution(&r);
    let spikes = &r["offgrid_spikes"];
    let times = spikes["ms"].as_array().unwrap();
    let nest = spikes["nest_ms"].as_array().unwrap();
    assert_eq!(times.len(), nest.len());
    for (t, want) in times.iter().zip(nest) {
        let t = t.as_f64().unwrap();
        // As NEST's spike_generator: a time within half a tic of the grid is on it,
        // any other is stamped at the end of its step.
        let got = res
            .tic_grid_steps(t)
            .unwrap_or_else(|| res.ms_stamp_steps(t));
        assert_eq!(got, steps(want), "spike at {t} ms");
        assert_eq!(
            res.step_to_ms(got).to_bits(),
            want.as_f64().unwrap().to_bits(),
            "spike at {t} ms reads back as NEST's"
        );
    }
}
