//! Connections on parts of populations (network-load/tests/data/space_selections.net):
//! index ranges, lists and mask selections as sources and targets, with masks,
//! `use_on_source` and weights and delays of distance on range slices. The PyNEST
//! export, run once on NEST 3.10, must make the same connections: for every connection
//! whose pairs are fixed, the same (source, target) pairs with bit-identical weights and
//! delays; for the drawn ones (`fixed_indegree`, `fixed_outdegree`), the same degree on
//! every target (source) of the selection, every source (target) inside the selection
//! and, with a mask, inside the mask.
//!
//! NEST's python is found as `common/mod.rs` says (`$NEST_PYTHON`, else the repository's
//! `.venv`); without one the NEST comparison fails unless `NETWORK_SKIP_NEST=1` opts out
//! explicitly.

use network_load::export::{self, ExportOptions};
use network_load::{Loaded, Parsed};
use std::collections::{BTreeMap, BTreeSet};

mod common;
use common::{last_json, nest_python, run_python};

/// The connections whose pairs do not depend on a draw.
const FIXED: [&str; 16] = [
    "ranged", "onsource", "lifted", "across", "ring", "listed", "picked", "paired", "overlap",
    "shifted", "straight", "lumped", "crossing", "matched", "cornered", "ringed",
];

/// The connections between two different, overlapping parts of one population, without
/// autapses.
const OVERLAPPING: [&str; 6] = [
    "crossing",
    "matched",
    "cornered",
    "ringed",
    "indeg_overlap",
    "outdeg_overlap",
];

fn load() -> (network_load::Parsed, Loaded) {
    common::load_data("space_selections.net")
}

/// One connection: (source, target) as indices within their populations, weight (pA),
/// delay (ms). Sorted, so multapses stay.
type Synapses = Vec<((u32, u32), (f64, f64))>;

/// The engine's synapses of each connection, by name.
fn engine(loaded: &Loaded) -> BTreeMap<String, Synapses> {
    loaded
        .projections
        .iter()
        .map(|(name, h)| {
            let mut s: Synapses = loaded
                .network
                .connections(h)
                .iter()
                .map(|c| ((c.source, c.target), (c.weight, c.delay)))
                .collect();
            s.sort_by(|a, b| a.partial_cmp(b).unwrap());
            (name.clone(), s)
        })
        .collect()
}

/// The export with, after each `Connect`, the synapses it made, as indices within the
/// populations; prints them as JSON.
fn nest(parsed: &Parsed, loaded: &Loaded) -> BTreeMap<String, Synapses> {
    let python = nest_python("space_selections").expect("checked by the caller");
    let options = ExportOptions {
        time_ms: 1.0,
        threads: 1,
    };
    let cells = export::cells(
        &parsed.description,
        &loaded.network,
        &[],
        "space_selections",
        &parsed.docs,
        &options,
    )
    .unwrap();
    let pops: Vec<String> = parsed
        .description
        .populations
        .iter()
        .map(|p| p.name.clone())
        .collect();
    // A synapse's port changes when NEST sorts its connections, so the synapses a
    // `Connect` made are the multiset difference of (source, target, weight, delay).
    let snap = format!(
        "\nimport json as _json\nimport collections as _col\n_seen, _made = _col.Counter(), {{}}\n\
         def _snap(_name):\n\
         \x20   global _seen\n\
         \x20   _c = _json.loads(nest.GetConnections().get(['source', 'target', 'weight', 'delay'], output='json'))\n\
         \x20   _now = _col.Counter(zip(_c['source'], _c['target'], _c['weight'], _c['delay'])) if _c else _col.Counter()\n\
         \x20   _pops = [{}]\n\
         \x20   def _local(_id):\n\
         \x20       for _p in _pops:\n\
         \x20           if _p[0].global_id <= _id <= _p[-1].global_id:\n\
         \x20               return _id - _p[0].global_id\n\
         \x20       raise ValueError(_id)\n\
         \x20   _made[_name] = [[_local(_s), _local(_t), _w, _d] for (_s, _t, _w, _d), _k in (_now - _seen).items() for _ in range(_k)]\n\
         \x20   _seen = _now\n",
        pops.join(", ")
    );
    let mut script = String::new();
    for cell in &cells {
        script.push_str(&cell.code);
        script.push('\n');
        if cell.code.contains("import nest") && !script.contains("def _snap") {
            script.push_str(&snap);
        }
        // The export counts each connection's synapses right after its `Connect`.
        if let Some(line) = cell
            .code
            .lines()
            .find(|l| l.starts_with("synapses[") && l.contains("n_before"))
        {
            let name = &line["synapses[".len()..line.find(']').unwrap()];
            script.push_str(&format!("_snap({name})\n"));
        }
    }
    assert!(script.contains("def _snap"), "no `import nest` cell");
    script.push_str("print(_json.dumps(_made))\n");
    let stdout = run_python(&python, "space_selections", &script);
    let made = last_json("space_selections", &stdout);
    made.as_object()
        .unwrap()
        .iter()
        .map(|(name, list)| {
            let mut s: Synapses = list
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    let f = |i: usize| c[i].as_f64().unwrap();
                    ((f(0) as u32, f(1) as u32), (f(2), f(3)))
                })
                .collect();
            s.sort_by(|a, b| a.partial_cmp(b).unwrap());
            (name.clone(), s)
        })
        .collect()
}

/// Degrees of `s` by target (`by_target`) or by source.
fn degrees(s: &Synapses, by_target: bool) -> BTreeMap<u32, usize> {
    let mut d = BTreeMap::new();
    for ((a, b), _) in s {
        *d.entry(if by_target { *b } else { *a }).or_insert(0) += 1;
    }
    d
}

fn ends(s: &Synapses, source: bool) -> BTreeSet<u32> {
    s.iter()
        .map(|((a, b), _)| if source { *a } else { *b })
        .collect()
}

#[test]
fn nest_makes_the_same_connections_on_parts_of_populations() {
    if nest_python("space_selections").is_none() {
        return;
    }
    let (parsed, loaded) = load();
    let ours = engine(&loaded);
    let theirs = nest(&parsed, &loaded);
    assert_eq!(
        ours.keys().collect::<Vec<_>>(),
        theirs.keys().collect::<Vec<_>>(),
        "connections"
    );
    let mut pairs = 0;
    for name in FIXED {
        let (a, b) = (&ours[name], &theirs[name]);
        assert!(!a.is_empty(), "`{name}` connects nothing");
        let pa: Vec<_> = a.iter().map(|x| x.0).collect();
        let pb: Vec<_> = b.iter().map(|x| x.0).collect();
        if pa != pb {
            let (sa, sb): (BTreeSet<_>, BTreeSet<_>) = (pa.iter().collect(), pb.iter().collect());
            panic!(
                "`{name}`: {} pairs here, {} in NEST; only here: {:?}; only in NEST: {:?}",
                pa.len(),
                pb.len(),
                sa.difference(&sb).take(20).collect::<Vec<_>>(),
                sb.difference(&sa).take(20).collect::<Vec<_>>()
            );
        }
        let differ: Vec<String> = a
            .iter()
            .zip(b)
            .filter(|(x, y)| x.1 .0.to_bits() != y.1 .0.to_bits() || x.1 .1 != y.1 .1)
            .map(|(x, y)| format!("{:?}: {:?} vs NEST {:?}", x.0, x.1, y.1))
            .collect();
        assert!(
            differ.is_empty(),
            "`{name}`: {} of {} synapses differ from NEST's:\n{}",
            differ.len(),
            a.len(),
            differ.join("\n")
        );
        eprintln!(
            "`{name}`: {} pairs, the same as NEST's, every weight and delay identical",
            a.len()
        );
        pairs += a.len();
    }
    eprintln!("{pairs} pairs in {} fixed connections", FIXED.len());

    // Drawn: the degrees and the selections are NEST's.
    for (name, by_target) in [
        ("indeg", true),
        ("outdeg", false),
        ("masked_in", true),
        ("indeg_overlap", true),
        ("outdeg_overlap", false),
    ] {
        let (a, b) = (&ours[name], &theirs[name]);
        assert_eq!(
            degrees(a, by_target),
            degrees(b, by_target),
            "`{name}`: degrees"
        );
        // The drawn end stays inside the selection NEST draws from.
        let (da, db) = (ends(a, by_target), ends(b, by_target));
        let range = |s: &BTreeSet<u32>| (*s.first().unwrap(), *s.last().unwrap());
        let hull = match name {
            "indeg" => (0, 39),
            "outdeg" => (5, 24),
            "indeg_overlap" => (0, 19),
            "outdeg_overlap" => (10, 29),
            _ => (0, 49),
        };
        for (who, d) in [("engine", &da), ("NEST", &db)] {
            let (lo, hi) = range(d);
            assert!(
                hull.0 <= lo && hi <= hull.1,
                "`{name}` ({who}): drawn ends {lo}..={hi} outside {hull:?}"
            );
        }
        eprintln!(
            "`{name}`: {} synapses, degrees identical to NEST's on {} neurons",
            a.len(),
            degrees(a, by_target).len()
        );
    }
    // Overlapping parts without autapses: no neuron connects to itself, here or in NEST
    // (`crossing`, `matched`, `cornered` and `ringed` are NEST's pairs, above).
    for name in OVERLAPPING {
        for (who, s) in [("engine", &ours[name]), ("NEST", &theirs[name])] {
            assert!(
                s.iter().all(|((a, b), _)| a != b),
                "`{name}` ({who}): an autapse"
            );
        }
    }
    assert_eq!(ours["crossing"].len(), 20 * 20 - 10);
    let matched: Vec<(u32, u32)> = ours["matched"].iter().map(|x| x.0).collect();
    assert_eq!(matched, [(0, 1), (5, 6), (12, 14)]);
    // indegree 19 of 20 distinct sources: a target inside the sources draws every
    // source but itself.
    for t in 10..20 {
        let sources: BTreeSet<u32> = theirs["indeg_overlap"]
            .iter()
            .filter(|x| x.0 .1 == t)
            .map(|x| x.0 .0)
            .collect();
        assert_eq!(
            sources,
            (0..20).filter(|s| *s != t).collect(),
            "NEST, target {t}"
        );
    }
    // With a mask: every source within 0.3 mm of its target on the periodic `tile`, on
    // both sides, and the weight is NEST's function of that distance.
    let tile = loaded.network.populations()[4].space.clone().unwrap();
    let pos = tile.positions();
    for (who, s) in [
        ("engine", &ours["masked_in"]),
        ("NEST", &theirs["masked_in"]),
    ] {
        for ((a, b), (w, _)) in s {
            let d = tile.distance(&pos[*a as usize], &pos[*b as usize]);
            // The edge (0.3 mm) is decided on NEST's stored positions: a rounding apart.
            assert!(
                d <= 0.3 + 1e-12,
                "`masked_in` ({who}): {a} -> {b} at {d} mm"
            );
            assert!(
                (w - (1.0 + d)).abs() < 1e-12,
                "`masked_in` ({who}): {w} at {d}"
            );
        }
    }
}

#[test]
fn the_selections_are_the_written_ones() {
    // Independent of NEST: which neurons each selection holds, from the positions.
    let (_, loaded) = load();
    let ours = engine(&loaded);
    let sheet = loaded.network.populations()[0].space.clone().unwrap();
    let pos = sheet.positions();
    let inside = |c: [f64; 2], r: f64| -> BTreeSet<u32> {
        (0..100)
            .filter(|&i| {
                let (dx, dy) = (pos[i].x - c[0], pos[i].y - c[1]);
                (dx * dx + dy * dy).sqrt() <= r
            })
            .map(|i| i as u32)
            .collect()
    };
    let (centre, aside) = (inside([0.05, 0.05], 0.15), inside([-0.25, 0.15], 0.15));
    assert_eq!((centre.len(), aside.len()), (9, 9));
    assert_eq!(ends(&ours["picked"], true), centre);
    assert_eq!(ends(&ours["paired"], true), centre);
    assert_eq!(ends(&ours["paired"], false), aside);
    // one_to_one pairs the selections in index order.
    let paired: Vec<(u32, u32)> = ours["paired"].iter().map(|x| x.0).collect();
    let expected: Vec<(u32, u32)> = centre.iter().copied().zip(aside.iter().copied()).collect();
    assert_eq!(paired, expected);
    assert_eq!(ends(&ours["indeg"], false), aside);
    assert!(ours["indeg"].iter().all(|((s, _), _)| *s < 40));
    let listed: Vec<(u32, u32)> = ours["listed"].iter().map(|x| x.0).collect();
    let expected: Vec<(u32, u32)> = [1, 4, 9, 16, 25]
        .iter()
        .flat_map(|&s| [0, 2, 4, 6].map(|t| (s, t)))
        .collect();
    assert_eq!(listed, expected);
}
