//! Weights, delays and probabilities as expressions of distance, through the loader:
//! the engine's values against the formulas computed here from the positions (an
//! independent oracle), and the PyNEST export run on NEST 3.10, whose `GetConnections`
//! must give the same synapses with the same weights and delays, bit for bit.
//!
//! NEST's python is found as `common/mod.rs` says (`$NEST_PYTHON`, else the repository's
//! `.venv`); without one the NEST comparison fails unless `NETWORK_SKIP_NEST=1` opts out
//! explicitly.

use network_load::export::{self, ExportOptions};
use network_load::Loaded;

mod common;
use common::{last_json, nest_python, run_python};

fn load() -> (network_load::Parsed, Loaded) {
    common::load_data("space_expressions.net")
}

/// The delay (ms) in steps of 0.1 ms, rounded to the nearest as NEST rounds it.
fn steps(d: f64) -> i64 {
    (d * 10.0).round() as i64
}

#[test]
fn weights_and_delays_follow_the_formulas() {
    let (_, loaded) = load();
    let net = &loaded.network;
    let handle = |name: &str| {
        loaded
            .projections
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, h)| *h)
            .unwrap()
    };
    let sheet = net.populations()[0].space.clone().unwrap();
    let cloud = net.populations()[1].space.clone().unwrap();

    // `near`: periodic 5 x 5 grid of 1 mm; the displacement wraps.
    let near = net.connections(&handle("near"));
    assert!(near.len() > 25, "{} synapses", near.len());
    for c in &near {
        let (s, t) = (
            sheet.positions()[c.source as usize],
            sheet.positions()[c.target as usize],
        );
        let mut d = [t.x - s.x, t.y - s.y];
        for x in &mut d {
            // Nearest image on the 1 mm torus.
            if *x > 0.5 {
                *x -= 1.0;
            } else if *x < -0.5 {
                *x += 1.0;
            }
        }
        let r = (d[0] * d[0] + d[1] * d[1]).sqrt();
        let w = 2.0 * (-r / 0.15).exp() + 0.5 * (d[0] / 0.2).cos();
        assert!((c.weight - w).abs() < 1e-12, "{c:?}: {w}");
        assert_eq!(steps(c.delay), steps(0.5 + r / 0.3), "{c:?}");
    }

    // `lifted`: every pair of the 3D box, autapses included.
    let lifted = net.connections(&handle("lifted"));
    assert_eq!(lifted.len(), 30 * 30);
    for c in &lifted {
        let (s, t) = (
            cloud.positions()[c.source as usize],
            cloud.positions()[c.target as usize],
        );
        let d = t - s;
        let w = if d.z > 0.0 {
            10.0 * d.z
        } else {
            (-d.x / 1e-3).max(5.0)
        };
        assert!((c.weight - w).abs() < 1e-9 * w.abs().max(1.0), "{c:?}: {w}");
        assert_eq!(steps(c.delay), steps(1.0 + 2.0 * d.norm_squared()), "{c:?}");
    }

    // `sparse`: the normal weight is clipped into [10, 30] pA.
    let sparse = net.connections(&handle("sparse"));
    assert!(!sparse.is_empty());
    assert!(sparse.iter().all(|c| (10.0..=30.0).contains(&c.weight)));
    assert!(sparse.iter().any(|c| c.weight != sparse[0].weight));
}

/// NEST's synapses of a projection: `(source, target) -> (weight, delay)`, indices
/// within the populations.
type Synapses = std::collections::BTreeMap<(u32, u32), (f64, f64)>;

#[test]
fn nest_computes_the_same_weights_and_delays() {
    let Some(python) = nest_python("space_expressions") else {
        return;
    };
    let (parsed, loaded) = load();
    let options = ExportOptions {
        time_ms: 10.0,
        threads: 1,
    };
    let cells = export::cells(
        &parsed.description,
        &loaded.network,
        &[],
        "space_expressions",
        &parsed.docs,
        &options,
    )
    .unwrap();
    let mut script = export::pynest(&cells);
    // Every synapse of each projection, by index within its populations.
    script.push_str(
        "\nimport json as _json\n_out = {}\n\
         for _name, _s, _t in [('near', sheet, sheet), ('lifted', cloud, cloud), ('sparse', cloud, blob)]:\n\
         \x20   _c = nest.GetConnections(source=_s, target=_t).get(['source', 'target', 'weight', 'delay'], output='json')\n\
         \x20   _c = _json.loads(_c)\n\
         \x20   _out[_name] = [[a - _s[0].global_id, b - _t[0].global_id, w, d] for a, b, w, d in zip(_c['source'], _c['target'], _c['weight'], _c['delay'])]\n\
         print(_json.dumps(_out))\n",
    );
    let stdout = run_python(&python, "space_expressions", &script);
    let nest = last_json("space_expressions", &stdout);
    let of_nest = |name: &str| -> Synapses {
        nest[name]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let f = |i: usize| c[i].as_f64().unwrap();
                ((f(0) as u32, f(1) as u32), (f(2), f(3)))
            })
            .collect()
    };
    let net = &loaded.network;
    for name in ["lifted", "near"] {
        let handle = loaded
            .projections
            .iter()
            .find(|(n, _)| n == name)
            .unwrap()
            .1;
        let ours: Synapses = net
            .connections(&handle)
            .iter()
            .map(|c| ((c.source, c.target), (c.weight, c.delay)))
            .collect();
        let theirs = of_nest(name);
        assert_eq!(ours.len(), theirs.len(), "synapses of `{name}`");
        let differ: Vec<String> = ours
            .iter()
            .filter(|(pair, (w, d))| {
                let (nw, nd) = theirs[pair];
                w.to_bits() != nw.to_bits() || *d != nd
            })
            .map(|(pair, (w, d))| format!("{pair:?}: ({w}, {d}) vs NEST {:?}", theirs[pair]))
            .collect();
        assert!(
            differ.is_empty(),
            "`{name}`: {} of {} synapses differ from NEST's:\n{}",
            differ.len(),
            ours.len(),
            differ.join("\n")
        );
        eprintln!(
            "`{name}`: {} synapses, every weight and delay identical",
            ours.len()
        );
    }
    // `sparse` draws its synapses and weights at random: NEST's are in the clip range.
    let sparse = of_nest("sparse");
    assert!(!sparse.is_empty());
    assert!(sparse.values().all(|(w, _)| (10.0..=30.0).contains(w)));
}
