//! Every kernel kind's values against NEST 3.10's own (`conformance/kernels.py` writes
//! `conformance/reference/kernels.json`): issue 17 found that a kernel reading its scale
//! as a rate passed every test, because the property tests used `Kernel::value` itself
//! as the oracle.

use network_core::spatial::Kernel;
use serde_json::Value;

fn kernel(kind: &str, p: &Value) -> Kernel {
    let f = |k: &str| p[k].as_f64().unwrap_or_else(|| panic!("{kind}: {k}"));
    match kind {
        "constant" => Kernel::Constant { p: f("p") },
        "linear" => Kernel::Linear {
            p0: f("p0"),
            slope: f("slope"),
        },
        "exponential" => Kernel::Exponential {
            p0: f("p0"),
            beta: f("beta"),
        },
        "gaussian" => Kernel::Gaussian {
            p0: f("p0"),
            mean: f("mean"),
            std: f("std"),
        },
        "gamma" => Kernel::Gamma {
            p0: f("p0"),
            kappa: f("kappa"),
            theta: f("theta"),
        },
        "gaussian2d" => Kernel::Gaussian2d {
            p0: f("p0"),
            mean_x: f("mean_x"),
            mean_y: f("mean_y"),
            std_x: f("std_x"),
            std_y: f("std_y"),
            rho: f("rho"),
        },
        "gabor" => Kernel::Gabor {
            p0: f("p0"),
            theta: f("theta"),
            gamma: f("gamma"),
            std: f("std"),
            lam: f("lam"),
            psi: f("psi"),
        },
        other => panic!("kernel kind {other} not in the engine"),
    }
}

#[test]
fn every_kernel_matches_nest_at_every_distance() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../conformance/reference/kernels.json"
    );
    let data: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut kinds = std::collections::BTreeSet::new();
    let (mut compared, mut identical) = (0, 0);
    for k in data["kernels"].as_array().unwrap() {
        let kind = k["kind"].as_str().unwrap();
        kinds.insert(kind.to_string());
        let engine = kernel(kind, &k["params"]);
        let distances = k["distances"].as_array().unwrap();
        let values = k["values"].as_array().unwrap();
        assert_eq!(distances.len(), values.len(), "{kind}");
        for (d, want) in distances.iter().zip(values) {
            let (d, want) = (d.as_f64().unwrap(), want.as_f64().unwrap());
            let got = engine.value(d);
            compared += 1;
            identical += usize::from(got.to_bits() == want.to_bits());
            // The same formula on the same libm, NEST's gaussian ordering its operations
            // differently: an ulp or two of the exponent's argument, which exp turns
            // into a relative error of that many ulps times |ln value|.
            let scale = want.abs().max(f64::MIN_POSITIVE);
            let tolerance = 4.0 * f64::EPSILON * scale * (1.0 + scale.ln().abs());
            assert!(
                (got - want).abs() <= tolerance,
                "{kind} {}: engine {got:e}, NEST {want:e} at {d} mm",
                k["params"]
            );
        }
    }
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["constant", "exponential", "gamma", "gaussian", "linear"],
        "every distance kernel kind of the language is in the reference"
    );
    println!("{compared} kernel values compared, {identical} bit-identical");
    assert!(compared >= 40);
}

/// The per-axis kernels (`gaussian2d`, `gabor`) at target offsets `(x, y)` from the
/// source: NEST reads `nest.spatial.distance.x` = |x| and `.y` = |y|, and the distance
/// `sqrt(x² + y²)`.
#[test]
fn per_axis_kernels_match_nest_at_every_offset() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../conformance/reference/kernels.json"
    );
    let data: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut kinds = std::collections::BTreeSet::new();
    let (mut compared, mut identical) = (0, 0);
    for k in data["kernels_xy"].as_array().unwrap() {
        let kind = k["kind"].as_str().unwrap();
        kinds.insert(kind.to_string());
        let engine = kernel(kind, &k["params"]);
        assert!(engine.per_axis(), "{kind}");
        for (p, want) in k["points"]
            .as_array()
            .unwrap()
            .iter()
            .zip(k["values"].as_array().unwrap())
        {
            let (x, y) = (p[0].as_f64().unwrap(), p[1].as_f64().unwrap());
            let want = want.as_f64().unwrap();
            let got = engine.value_at((x * x + y * y).sqrt(), x.abs(), y.abs());
            compared += 1;
            identical += usize::from(got.to_bits() == want.to_bits());
            let scale = want.abs().max(f64::MIN_POSITIVE);
            let tolerance = 4.0 * f64::EPSILON * scale * (1.0 + scale.ln().abs());
            assert!(
                (got - want).abs() <= tolerance,
                "{kind} {}: engine {got:e}, NEST {want:e} at ({x}, {y}) mm",
                k["params"]
            );
        }
    }
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["gabor", "gaussian2d"]
    );
    println!("{compared} per-axis kernel values compared, {identical} bit-identical");
    assert!(compared >= 40);
}
