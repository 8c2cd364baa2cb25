//! The time flags set between runs (issue 13): `allow_offgrid_times` of a
//! `spike_generator`, a `step_current_generator` and an `inhomogeneous_poisson_generator`,
//! and a `spike_generator`'s `precise_times`, each set together with the times it
//! governs (one NEST `SetStatus`). The loader's run against the exported script run on
//! NEST 3.10: the membrane potentials bit for bit, the steps a Poisson burst fills
//! compared with NEST's; and the checker's refusals of what NEST refuses.

use network_core::{Recordable, Seed};
use network_load::{build, parse, Inputs, Source};

mod common;
use common::{last_json, nest_python, pynest_script, run_python};

const NET: &str = "
    resolution = 0.1 ms;
    seed = 1;
    neuron Cell = iaf_psc_alpha;
    neuron Parrot = parrot_neuron;
    population cells = Cell[3];
    population parrots = Parrot[1];
    stimulate offgrid = spike_generator { spike_times: [2, 4] ms } -> cells[0..1] via static_synapse { weight: 60 pA, delay: 1 ms };
    stimulate precise = spike_generator { spike_times: [3] ms } -> cells[1..2] via static_synapse { weight: 60 pA, delay: 1 ms };
    stimulate steps = step_current_generator { amplitude_times: [1, 3] ms, amplitude_values: [100, 0] pA } -> cells[2..3];
    stimulate burst = inhomogeneous_poisson_generator { rate_times: [1] ms, rate_values: [0] Hz } -> parrots;
    record vm = multimeter { interval: 0.1 ms, record_from: [V_m] } <- cells;
    record relayed = spike_recorder <- parrots;
    protocol {
        simulate 10 ms;
        CHANGES
        simulate 10 ms;
    }
";

/// Each flag with the times it governs, off the grid of 0.1 ms.
const CHANGES: &str = "
        set offgrid.allow_offgrid_times = true;
        set offgrid.spike_times = [12.05, 14.33] ms;
        set precise.precise_times = true;
        set precise.spike_times = [13.33, 15.01] ms;
        set steps.allow_offgrid_times = true;
        set steps.amplitude_times = [12.05, 16.33] ms;
        set steps.amplitude_values = [200, 0] pA;
        set burst.allow_offgrid_times = true;
        set burst.rate_times = [12.05, 14.03] ms;
        set burst.rate_values = [200000, 0] Hz;
";

fn source(changes: &str) -> Source {
    Source::new("time_flags.net", NET.replace("CHANGES", changes))
}

/// The first error of `changes`, its message and line.
fn refused(changes: &str) -> (String, usize) {
    let errors = parse(&source(changes)).unwrap_err();
    (errors[0].message.clone(), errors[0].line)
}

#[test]
fn flags_without_their_times_are_refused_as_nest_refuses_them() {
    for (changes, words) in [
        // NEST: "Options can only be set together with spike times or if no spike times
        // have been set." (the same value too).
        (
            "set offgrid.allow_offgrid_times = true;",
            "can only be set together with `spike_times`",
        ),
        (
            "set precise.precise_times = false;",
            "can only be set together with `spike_times`",
        ),
        // NEST: "Option precise_times cannot be set to true when either
        // allow_offgrid_times or shift_now_spikes is set to true."
        (
            "set offgrid.allow_offgrid_times = true; set offgrid.precise_times = true; set offgrid.spike_times = [12] ms;",
            "`precise_times` = true is invalid: cannot be true while `allow_offgrid_times` is true",
        ),
        // NEST: "allow_offgrid_times can only be changed before amplitude_times have been
        // set, or together with amplitude_times and amplitude_values."
        (
            "set steps.allow_offgrid_times = false;",
            "can only be changed before `amplitude_times` have been set",
        ),
        // NEST: "Option can only be set together with rate times or if no rate times
        // have been set." (a change of the flag only).
        (
            "set burst.allow_offgrid_times = true;",
            "can only be changed together with `rate_times`",
        ),
        ("set burst.allow_offgrid_times = 1;", "is `true` or `false`"),
        // Times off the grid without the flag: NEST's "Time point 12.05 is not
        // representable in current resolution."
        (
            "set steps.amplitude_times = [12.05] ms; set steps.amplitude_values = [5] pA;",
            "12.05",
        ),
    ] {
        let (message, line) = refused(changes);
        assert!(message.contains(words), "{changes}: {message}");
        assert_eq!(line, 16, "{changes}: {message}");
    }
    // NEST takes the inhomogeneous generator's flag set to the value it has.
    parse(&source("set burst.allow_offgrid_times = false;")).unwrap();
    // And a flag on a generator without times, alone.
    parse(&source(
        "set offgrid.spike_times = []; simulate 1 ms; set offgrid.precise_times = true;",
    ))
    .unwrap();
}

#[test]
fn flags_set_between_runs_give_nest_s_potentials_and_burst() {
    let parsed = parse(&source(CHANGES)).unwrap_or_else(|e| panic!("{e:?}"));
    let mut loaded = build(&parsed.description, Seed(1), &Inputs::default()).unwrap();
    let script = pynest_script(&parsed, &loaded, "time_flags");
    for line in [
        "offgrid.set(allow_offgrid_times=True, spike_times=[12.05, 14.33])",
        "precise.set(precise_times=True, spike_times=[13.33, 15.01])",
        "steps.set(allow_offgrid_times=True, amplitude_times=[12.05, 16.33], amplitude_values=[200.0, 0.0])",
        "burst.set(allow_offgrid_times=True, rate_times=[12.05, 14.03], rate_values=[200000.0, 0.0])",
    ] {
        assert!(script.contains(line), "{line}\n{script}");
    }
    loaded.run_protocol().unwrap();
    let samples = loaded.network.samples(&loaded.multimeters[0].1);
    let ours = samples.values(Recordable::V_m).unwrap();
    assert_eq!(ours.len(), 3 * 200);
    let relayed = loaded.network.spikes(&loaded.spike_recorders[0].1);
    let mut our_steps: Vec<i64> = relayed
        .times()
        .iter()
        .map(|t| (t * 10.0).round() as i64)
        .collect();
    our_steps.dedup();
    // The burst's rate holds from 12.05 ms rounded up (12.1) to 14.03 ms rounded up
    // (14.1): 20 steps of spikes, relayed by the parrot 1 ms later.
    assert_eq!(our_steps, (131..=150).collect::<Vec<_>>());
    let Some(python) = nest_python("time_flags") else {
        return;
    };
    let probe = format!(
        "{script}\nimport json\nev = vm.events\nsp = relayed.events\nprint(json.dumps({{'senders': ev['senders'].tolist(), 'times': ev['times'].tolist(), 'V_m': ev['V_m'].tolist(), 'spikes': sp['times'].tolist()}}))\n"
    );
    let nest = last_json("time_flags", &run_python(&python, "time_flags", &probe));
    let theirs: Vec<f64> = serde_json::from_value(nest["V_m"].clone()).unwrap();
    let times: Vec<f64> = serde_json::from_value(nest["times"].clone()).unwrap();
    let senders: Vec<u32> = serde_json::from_value(nest["senders"].clone()).unwrap();
    // NEST withholds the last min_delay slice (1 ms: 10 samples per neuron) until a next
    // `Simulate` (docs/fidelity.md).
    assert_eq!(theirs.len(), ours.len() - 3 * 10);
    for ((v, t), s) in theirs.iter().zip(&times).zip(&senders) {
        let k = (t * 10.0).round() as usize - 1;
        let a = ours[k * 3 + (*s as usize - 1)];
        assert_eq!(
            a.to_bits(),
            v.to_bits(),
            "V_m of node {s} at {t} ms: {a} vs {v}"
        );
    }
    // At 200 kHz a step of 0.1 ms draws 20 spikes on average: NEST leaves one of the 20
    // steps empty with probability 20·e^-20 < 5e-8 (the false-alarm rate), and draws
    // none outside them.
    let spikes: Vec<f64> = serde_json::from_value(nest["spikes"].clone()).unwrap();
    let mut nest_steps: Vec<i64> = spikes.iter().map(|t| (t * 10.0).round() as i64).collect();
    nest_steps.dedup();
    assert_eq!(nest_steps, our_steps);
}
