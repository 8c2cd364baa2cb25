//! Delays: whole steps as NEST rounds them, never below one step.

use super::*;

proptest! {
    #![proptest_config(config(256))]

    /// A delay becomes a whole number of steps, NEST's `floor(d/h + 0.5)`, at least
    /// one; a delay that rounds to zero steps is an error.
    #[test]
    fn delays_are_whole_steps_of_at_least_one(
        h in prop::sample::select(vec![0.001, 0.01, 0.025, 0.1, 0.125, 0.3, 0.7, 1.0]),
        d in prop_oneof![0.0..3.0f64, 0.0..200.0f64],
    ) {
        let res = Resolution::new(h).unwrap();
        match delay_steps("p", d, &res) {
            Ok(steps) => {
                prop_assert!(steps >= 1);
                prop_assert!((f64::from(steps) * h - d).abs() <= h / 2.0 + 1e-9 * d.max(1.0));
            }
            Err(e) => {
                prop_assert!(d < h / 2.0 + 1e-9 || d / h > 65535.0, "{} ms at h = {}: {}", d, h, e);
            }
        }
    }

    /// Random delays in a built network: the shortest delay, which sets the
    /// communication interval, is whole steps and at least one.
    #[test]
    fn random_delays_keep_min_delay_on_the_grid(
        h in prop::sample::select(vec![0.01, 0.1, 0.25, 1.0]),
        lo in 0.0..3.0f64,
        width in 0.01..3.0f64,
        seed in any::<u64>(),
    ) {
        let res = Resolution::new(h).unwrap();
        let mut b = NetworkBuilder::new(res, Seed(seed));
        let model = Model::nest(IafPscAlpha::default()).unwrap();
        let a = b.population("a", &model, Dyn(50)).unwrap();
        let delay = Value::Uniform { min: lo, max: lo + width };
        let result = b.connect(
            "a->a",
            &a,
            &a,
            &ConnSpec::new(Rule::FixedIndegree(20)),
            StaticSynapse::new(1.0, delay),
        );
        if lo + width < h / 2.0 {
            prop_assert!(result.is_err(), "every delay rounds to zero steps");
            return Ok(());
        }
        match result {
            // Some draw fell below half a step: an error naming the projection.
            Err(e) => prop_assert!(lo < h / 2.0 && e.to_string().contains("a->a"), "{}", e),
            Ok(_) => {
                let net = b.build().unwrap();
                let min = net.min_delay_steps();
                prop_assert!(min >= 1);
                prop_assert!(min >= res.delay_steps(lo).max(1));
                prop_assert!(min <= res.delay_steps(lo + width));
            }
        }
    }
}
