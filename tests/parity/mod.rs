//! What the parity tests share: the `.net` files of `network-load/tests/data/`, written
//! again with `network!` in a test file, give the loader's results bit for bit (the
//! loader is checked against NEST 3.10 by the loader's own tests, so it is the oracle).

#![allow(dead_code)] // each test file uses its part

use network::export::syntax::Description;
use network::export::{self, ExportOptions};
use network::prelude::Seed;
use network::{Network, Samples, SpikeEvents, SpikeRecorderHandle};
use network_load::{build, parse, Inputs, Loaded, Source};

/// The loader's test data.
pub const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/network-load/tests/data/");

/// The tokens of the invocation of `network!` in `source` (a test file's text) that
/// declares `name`.
fn macro_body(source: &str, name: &str) -> proc_macro2::TokenStream {
    let at = source.find(&format!("pub struct {name};")).unwrap();
    let start = source[..at].rfind("network! {").unwrap() + "network! {".len();
    let end = start + source[start..].find("\n}\n").unwrap();
    source[start..end].parse().unwrap()
}

/// Each `(file, name)`: the file's tokens are those of the `network!` invocation that
/// declares `name` in `source`.
pub fn files_hold_the_macro_invocations(source: &str, files: &[(&str, &str)]) {
    for (file, name) in files {
        let tokens: proc_macro2::TokenStream = std::fs::read_to_string(format!("{DATA}{file}"))
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(
            tokens.to_string(),
            macro_body(source, name).to_string(),
            "{file}"
        );
    }
}

/// The description `network!` checked and embedded in its type (`Net::description()`,
/// which the type's export reads) is the one the loader reads from `file`, which holds
/// the same tokens: every name, value and unit.
pub fn same_description(embedded: Description, file: &str) {
    let parsed = parse(&Source::read(format!("{DATA}{file}").as_ref()).unwrap())
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(embedded, parsed.description, "{file}");
}

/// The description in `file`, built by the loader with `seed`.
pub fn load(file: &str, seed: u64) -> Loaded {
    let parsed = parse(&Source::read(format!("{DATA}{file}").as_ref()).unwrap())
        .unwrap_or_else(|e| panic!("{e:?}"));
    build(&parsed.description, Seed(seed), &Inputs::default()).unwrap()
}

/// The script the loader's network exports (as `network export` writes it).
pub fn exported(file: &str, loaded: &Loaded, options: &ExportOptions) -> String {
    let parsed = parse(&Source::read(format!("{DATA}{file}").as_ref()).unwrap()).unwrap();
    let cells = export::cells(
        &parsed.description,
        &loaded.network,
        &[],
        parsed.name.as_deref().unwrap(),
        &parsed.docs,
        options,
    )
    .unwrap();
    export::pynest(&cells)
}

/// Every value of two multimeters' samples, bit for bit; returns how many.
pub fn same_samples(a: &Samples, b: &Samples, name: &str) -> usize {
    assert_eq!(a.record_from(), b.record_from(), "{name}");
    assert_eq!(a.senders(), b.senders(), "senders of {name}");
    assert_eq!(a.steps(), b.steps(), "times of {name}");
    let mut n = 0;
    for &var in a.record_from() {
        let (x, y) = (a.values(var).unwrap(), b.values(var).unwrap());
        assert_eq!(x.len(), y.len(), "{name}: {}", var.name());
        for (p, q) in x.iter().zip(y) {
            assert_eq!(p.to_bits(), q.to_bits(), "{name}: {}", var.name());
        }
        n += x.len();
    }
    n
}

/// The same spikes in two recorders (at least `min_spikes`); returns how many.
pub fn same_spikes(a: &SpikeEvents, b: &SpikeEvents, min_spikes: usize, name: &str) -> usize {
    assert!(a.len() >= min_spikes, "{name}: {} spikes", a.len());
    assert_eq!(a.senders(), b.senders(), "senders of {name}");
    assert_eq!(a.steps(), b.steps(), "spike times of {name}");
    a.len()
}

/// The loader's handle of the device `name` in one of [`Loaded`]'s lists.
pub fn named<'a, H>(list: &'a [(String, H)], name: &str) -> &'a H {
    &list
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("the loader made no `{name}`"))
        .1
}

/// The macro's spike recorder `h` against the loader's recorder `name`: at least
/// `min_spikes`, the same senders and times; returns how many.
pub fn same_spikes_as(
    min_spikes: usize,
    m: &Network,
    h: &SpikeRecorderHandle,
    loaded: &Loaded,
    name: &str,
) -> usize {
    let b = loaded.network.spikes(named(&loaded.spike_recorders, name));
    same_spikes(m.spikes(h), b, min_spikes, name)
}

/// The macro's multimeter `h` against the loader's multimeter `name`, bit for bit and
/// not empty; returns how many values.
pub fn same_samples_as(
    m: &Network,
    h: &network::MultimeterHandle,
    loaded: &Loaded,
    name: &str,
) -> usize {
    let b = loaded.network.samples(named(&loaded.multimeters, name));
    let n = same_samples(m.samples(h), b, name);
    assert!(n > 0, "{name}: no samples");
    n
}

/// The macro's spike recorders, multimeters and projections (in the description's
/// order) against the loader's: the same spikes (at least `min_spikes` per recorder),
/// samples and synapses (weights and delays bit for bit). Returns (spikes, samples,
/// synapses) compared.
pub fn same_network(
    min_spikes: usize,
    m: &Network,
    spikes: &[&network::SpikeRecorderHandle],
    meters: &[&network::MultimeterHandle],
    projections: &[&network::ProjectionHandle],
    loaded: &Loaded,
) -> (usize, usize, usize) {
    let l = &loaded.network;
    assert_eq!(spikes.len(), loaded.spike_recorders.len());
    let mut n_spikes = 0;
    for (h, (name, lh)) in spikes.iter().zip(&loaded.spike_recorders) {
        n_spikes += same_spikes(m.spikes(h), l.spikes(lh), min_spikes, name);
    }
    assert_eq!(meters.len(), loaded.multimeters.len());
    let mut n_samples = 0;
    for (h, (name, lh)) in meters.iter().zip(&loaded.multimeters) {
        n_samples += same_samples(m.samples(h), l.samples(lh), name);
    }
    assert_eq!(projections.len(), loaded.projections.len());
    assert_eq!(m.projections().len(), l.projections().len());
    let mut n_synapses = 0;
    for (h, (name, lh)) in projections.iter().zip(&loaded.projections) {
        let (a, b) = (m.connections(h), l.connections(lh));
        assert!(!a.is_empty(), "{name}");
        assert_eq!(a.len(), b.len(), "synapses of {name}");
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(
                x.weight.to_bits(),
                y.weight.to_bits(),
                "{name}: {x:?} vs {y:?}"
            );
            assert_eq!(x, y, "{name}");
        }
        n_synapses += a.len();
    }
    (n_spikes, n_samples, n_synapses)
}

/// The macro-built network's script against the loader's for the same file and seed.
pub fn same_script(script: String, file: &str, seed: u64) -> String {
    let options = ExportOptions::default();
    assert_eq!(
        script,
        exported(file, &load(file, seed), &options),
        "{file}"
    );
    script
}
