//! A synapse model's parameters drawn per synapse where the connection is made
//! (`U: uniform(0.2, 0.6)`; NEST's `syn_spec={"U": nest.random.uniform(..)}`): the
//! loader's values of `data/synapse_draws.net` against their distributions in closed
//! form and against NEST 3.10 running the export (two-sample Kolmogorov-Smirnov); the
//! same seed gives the same values; what cannot be drawn is refused with the reason.

use network_core::Seed;
use network_load::{build, parse, Inputs, Loaded, Source};

mod common;
use common::{ks_two_sample, last_json, nest_python, pynest_script, run_python};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/synapse_draws.net");

fn source() -> Source {
    Source::read(FILE.as_ref()).unwrap()
}

fn load(seed: u64) -> Loaded {
    let parsed = parse(&source()).unwrap_or_else(|e| panic!("{e:?}"));
    build(&parsed.description, Seed(seed), &Inputs::default()).unwrap()
}

fn column(loaded: &Loaded, read: &str, name: &str) -> Vec<f64> {
    let (_, table, _) = loaded
        .connection_reads
        .iter()
        .find(|(n, _, _)| n == read)
        .unwrap();
    table.column(name).unwrap().to_vec()
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

#[test]
fn drawn_parameters_follow_their_distributions_and_nest_s() {
    let parsed = parse(&source()).unwrap_or_else(|e| panic!("{e:?}"));
    let fresh = build(&parsed.description, Seed(11), &Inputs::default()).unwrap();
    let script = pynest_script(&parsed, &fresh, "synapse_draws");
    assert!(
        script.contains(r#""U": nest.random.uniform(min=0.2, max=0.6)"#),
        "{script}"
    );
    let mut loaded = load(11);
    loaded.run_protocol().unwrap();
    let u = column(&loaded, "drawn", "U");
    let tau_rec = column(&loaded, "drawn", "tau_rec");
    let wmax = column(&loaded, "learned", "Wmax");
    assert_eq!(u.len(), 2000);
    assert_eq!(wmax.len(), 1000);
    // Closed forms: uniform on [0.2, 0.6) (mean 0.4, sd 0.4/sqrt(12)), normal (300, 30),
    // uniform on [50, 150); each mean within 5 standard errors.
    assert!(u.iter().all(|&x| (0.2..0.6).contains(&x)));
    let se = |sd: f64, n: usize| 5.0 * sd / (n as f64).sqrt();
    assert!(
        (mean(&u) - 0.4).abs() < se(0.4 / 12f64.sqrt(), u.len()),
        "{}",
        mean(&u)
    );
    assert!(
        (mean(&tau_rec) - 300.0).abs() < se(30.0, tau_rec.len()),
        "{}",
        mean(&tau_rec)
    );
    assert!(wmax.iter().all(|&x| (50.0..150.0).contains(&x)));
    assert!((mean(&wmax) - 100.0).abs() < se(100.0 / 12f64.sqrt(), wmax.len()));
    // Every synapse drew its own value; the constant parameters are shared.
    let mut distinct = u.clone();
    distinct.sort_by(f64::total_cmp);
    distinct.dedup();
    assert_eq!(distinct.len(), u.len());
    assert!(column(&loaded, "drawn", "tau_fac")
        .iter()
        .all(|&x| x == 0.0));
    assert!(column(&loaded, "learned", "lambda")
        .iter()
        .all(|&x| x == 0.01));
    // The seed alone decides the values.
    let mut again = load(11);
    again.run_protocol().unwrap();
    assert_eq!(column(&again, "drawn", "U"), u);
    let mut other = load(12);
    other.run_protocol().unwrap();
    assert_ne!(column(&other, "drawn", "U"), u);

    let Some(python) = nest_python("synapse_draws") else {
        return;
    };
    let probe = format!(
        "{script}\nimport json\nprint(json.dumps({{'U': drawn['U'], 'tau_rec': drawn['tau_rec'], 'Wmax': learned['Wmax']}}))\n"
    );
    let nest = last_json(
        "synapse_draws",
        &run_python(&python, "synapse_draws", &probe),
    );
    for (name, ours) in [("U", &u), ("tau_rec", &tau_rec), ("Wmax", &wmax)] {
        let theirs: Vec<f64> = serde_json::from_value(nest[name].clone()).unwrap();
        assert_eq!(theirs.len(), ours.len(), "{name}");
        // alpha = 0.001: c(alpha) = 1.949.
        let limit = 1.949 * (2.0 / ours.len() as f64).sqrt();
        let d = ks_two_sample(ours, &theirs);
        assert!(d < limit, "{name}: KS distance {d} >= {limit} against NEST");
    }
}

/// The description with `from` replaced by `to`.
fn with(from: &str, to: &str) -> Source {
    let text = std::fs::read_to_string(FILE).unwrap();
    assert!(text.contains(from));
    Source::new("synapse_draws.net", text.replace(from, to))
}

#[test]
fn what_cannot_be_drawn_per_synapse_is_refused_with_the_reason() {
    let errors = parse(&with(
        "tau_rec: normal(mean: 300 ms, std: 30 ms)",
        "tau_rec: normal(mean: 300 pA, std: 30 pA)",
    ))
    .unwrap_err();
    assert!(
        errors[0].message.contains("tau_rec"),
        "{}",
        errors[0].message
    );
    let errors = parse(&with(
        "via stdp_synapse { weight: 20 pA, delay: 1.5 ms, Wmax: uniform(50 pA, 150 pA) }",
        "via stdp_synapse_hom { weight: 20 pA, delay: 1.5 ms, tau_plus: uniform(10 ms, 30 ms) }",
    ))
    .unwrap_err();
    assert!(
        errors[0].message.contains("one value for every synapse"),
        "{}",
        errors[0].message
    );
    // A range the model rejects at its bounds is refused before anything is drawn.
    let errors = parse(&with("U: uniform(0.2, 0.6)", "U: uniform(0.5, 1.5)")).unwrap_err();
    assert!(
        errors[0].message.contains("`U` can be drawn as 1.5")
            && errors[0].message.contains("[0, 1]"),
        "{}",
        errors[0].message
    );
    assert_eq!(errors[0].line, 13);
    // NEST's check of each drawn value: an unbounded normal that draws U outside [0, 1]
    // stops the build, naming the synapse.
    let parsed = parse(&with(
        "U: uniform(0.2, 0.6)",
        "U: normal(mean: 0.5, std: 0.4)",
    ))
    .unwrap();
    let err = build(&parsed.description, Seed(11), &Inputs::default())
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.contains("dep")
            && err.contains("synapse")
            && err.contains("`U`")
            && err.contains("[0, 1]"),
        "{err}"
    );
}

/// The memory of the synapses' own rules is in the estimate made before building
/// (`network check`, `MEMORY_ESTIMATE`): the estimate grows by what the build then
/// reserves for them, the description without draws as the baseline.
#[test]
fn drawn_parameters_are_in_the_memory_estimate() {
    let estimate = |source: &Source| {
        let parsed = parse(source).unwrap_or_else(|e| panic!("{e:?}"));
        let before = network_load::memory_estimate(&parsed.description, &Inputs::default())
            .unwrap()
            .parts
            .iter()
            .map(|(_, b)| b)
            .sum::<u64>();
        let built = build(&parsed.description, Seed(11), &Inputs::default()).unwrap();
        (before, built.network.memory_estimate())
    };
    let drawn = estimate(&source());
    let fixed = estimate(&with(
        "U: uniform(0.2, 0.6), tau_rec: normal(mean: 300 ms, std: 30 ms)",
        "U: 0.4, tau_rec: 300 ms",
    ));
    let built_more = drawn.1 - fixed.1;
    assert!(built_more >= 2000 * 8, "{built_more}");
    // `learn` draws Wmax in both: only `dep`'s 2,000 synapses differ.
    assert_eq!(drawn.0 - fixed.0, built_more, "{drawn:?} {fixed:?}");
}
