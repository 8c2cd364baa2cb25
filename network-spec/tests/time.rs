//! The time grid's accessors and on-grid checks against hand-computed values (the
//! survivors of `scripts/mutants.sh time`: nothing in network-spec read `ms` or
//! `tics_per_step`, tested a time that rounds onto the grid, or an open window's end).
//! NEST counts 1000 tics per ms.

use network_spec::time::Resolution;

#[test]
fn a_resolution_reads_back_in_ms_and_tics() {
    for (h, tics) in [(0.1, 100), (0.25, 250), (1.0, 1000), (0.001, 1)] {
        let r = Resolution::new(h).unwrap();
        assert_eq!(r.ms(), h);
        assert_eq!(r.tics_per_step(), tics, "{h} ms");
    }
}

#[test]
fn a_time_between_tics_is_not_on_the_grid() {
    let r = Resolution::default();
    // 1.0000004 ms rounds to 1000 tics, a whole number of steps, but is not 1 ms.
    assert!(r.grid_steps("device", "start", 1.0000004).is_err());
    assert_eq!(r.grid_steps("device", "start", 1.0).unwrap(), 10);
    assert_eq!(
        r.grid_steps("device", "start", 0.30000000000000004)
            .unwrap(),
        3
    );
}

#[test]
fn an_open_window_ends_beyond_any_simulated_step() {
    let r = Resolution::default();
    let end = r
        .grid_steps_or_inf("device", "stop", f64::INFINITY)
        .unwrap();
    // A year at 0.1 ms is 3.2e11 steps; the open end lies far beyond, with room to add.
    assert!(end >= i64::MAX / 4, "{end}");
    assert!(end.checked_add(end).is_some());
    assert_eq!(r.grid_steps_or_inf("device", "stop", 5.0).unwrap(), 50);
}

/// A step count's delays by hand: at 0.1 ms, 15 steps are the delays from 1.45 ms
/// (rounded half up) to just below 1.55 ms; at 0.25 ms, 3 steps from 0.625 to 0.875 ms.
#[test]
fn delay_interval_holds_the_delays_that_round_to_its_steps() {
    let r = Resolution::new(0.1).unwrap();
    let (a, b) = r.delay_interval(15);
    assert!(
        (a - 1.45).abs() < 1e-12 && (b - 1.55).abs() < 1e-12,
        "{a} {b}"
    );
    assert_eq!(r.delay_steps(a), 15);
    assert_eq!(r.delay_steps(b.next_down()), 15);
    assert_eq!(r.delay_steps(b), 16);
    let r = Resolution::new(0.25).unwrap();
    assert_eq!(r.delay_interval(3), (0.625, 0.875));
}
