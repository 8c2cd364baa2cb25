//! A description read at run time (`network::load`) builds the same network as the
//! `network!` macro: the seed network of `examples/seed_network.rs` (built by its macro
//! invocation) against `examples/seed_network.net` (read and built at run time), with
//! the same seed, give the same positions, synapse counts and spike trains, bit for bit.

#[allow(dead_code)]
#[path = "../examples/seed_network.rs"]
mod seed_example;

use network::Seed;
use network_load::{build, parse, Inputs, Source};
use seed_example::SeedNetwork;

const NET_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/seed_network.net");
const RS_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/seed_network.rs");

/// The tokens inside `network! { .. }` of the example, as text.
fn macro_body() -> String {
    let text = std::fs::read_to_string(RS_FILE).unwrap();
    let start = text
        .find("network! {")
        .expect("the example invokes network!")
        + "network! {".len();
    let end = start + text[start..].find("\n}\n").expect("the invocation ends");
    text[start..end].to_string()
}

#[test]
fn the_file_holds_the_macro_invocation_token_for_token() {
    let file: proc_macro2::TokenStream =
        std::fs::read_to_string(NET_FILE).unwrap().parse().unwrap();
    let body: proc_macro2::TokenStream = macro_body().parse().unwrap();
    assert_eq!(file.to_string(), body.to_string());
}

/// The description `network!` checked and embedded in the type (which its export
/// reads) is the one the loader reads from the file.
#[test]
fn the_description_the_macro_embedded_is_the_file() {
    let parsed = parse(&Source::read(NET_FILE.as_ref()).unwrap()).unwrap();
    assert_eq!(SeedNetwork::description(), parsed.description);
}

#[test]
fn macro_and_loader_give_the_same_spikes() {
    let source = Source::read(NET_FILE.as_ref()).unwrap();
    let parsed = parse(&source).unwrap_or_else(|e| panic!("{e:?}"));
    for threads in [1, 2] {
        let mut by_macro = SeedNetwork::build_with_threads(Seed(7), Some(threads)).unwrap();
        let inputs = Inputs {
            threads: Some(threads),
            ..Inputs::default()
        };
        let mut loaded = build(&parsed.description, Seed(7), &inputs).unwrap();
        by_macro.simulate(4000.0).unwrap();
        loaded.network.simulate(4000.0).unwrap();

        let (m, l) = (by_macro.network(), &loaded.network);
        assert_eq!(m.populations().len(), l.populations().len());
        for (p, (a, b)) in m.populations().iter().zip(l.populations()).enumerate() {
            assert_eq!((&a.name, &a.model, a.len), (&b.name, &b.model, b.len));
            let (pa, pb) = (a.space.as_ref().unwrap(), b.space.as_ref().unwrap());
            assert_eq!(pa.positions(), pb.positions(), "positions of {}", a.name);
            assert_eq!(m.spike_count(p), l.spike_count(p), "spikes of {}", a.name);
        }
        let synapses = |n: &network::Network| {
            n.projections()
                .iter()
                .map(|p| (p.name.clone(), p.synapses))
                .collect::<Vec<_>>()
        };
        assert_eq!(synapses(m), synapses(l));

        let recorders = [
            &by_macro.corner_spikes,
            &by_macro.exc_spikes,
            &by_macro.inh_spikes,
        ];
        assert_eq!(loaded.spike_recorders.len(), recorders.len());
        let compared = m.spikes(&by_macro.exc_spikes).len();
        assert!(compared > 20, "too few spikes to compare: {compared}");
        for (h, (name, lh)) in recorders.into_iter().zip(&loaded.spike_recorders) {
            assert_eq!(m.recorder_name(h), name);
            let (a, b) = (m.spikes(h), l.spikes(lh));
            assert_eq!(a.senders(), b.senders(), "senders of {name}");
            assert_eq!(a.steps(), b.steps(), "spike times of {name}");
        }
    }
}

#[allow(dead_code)]
#[path = "../examples/brunel.rs"]
mod brunel_example;

use network::export::{self, ExportOptions};

#[test]
fn the_macro_built_network_exports_the_same_script_as_the_file() {
    let options = ExportOptions {
        time_ms: 1000.0,
        threads: 2,
    };
    let by_macro = SeedNetwork::build(Seed(42))
        .unwrap()
        .export_pynest(&options)
        .unwrap();
    let parsed = parse(&Source::read(NET_FILE.as_ref()).unwrap()).unwrap();
    let loaded = build(&parsed.description, Seed(42), &Inputs::default()).unwrap();
    let cells = export::cells(
        &parsed.description,
        &loaded.network,
        &[],
        parsed.name.as_deref().unwrap(),
        &parsed.docs,
        &options,
    )
    .unwrap();
    assert_eq!(by_macro, export::pynest(&cells));
}

/// `examples/brunel.net` is `examples/brunel.rs` with its Rust expressions written as
/// numbers: the same spikes for the same seed and sizes, and the same exported script
/// after the header (the expressions' values are exported as numbers).
#[test]
fn brunel_file_matches_the_brunel_example() {
    use brunel_example::{Brunel, BrunelSizes};
    let (ne, ni) = (160, 40);
    let mut by_macro = Brunel::build(Seed(3), BrunelSizes { ne, ni }).unwrap();
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/brunel.net");
    let parsed = parse(&Source::read(file.as_ref()).unwrap()).unwrap();
    let inputs = Inputs {
        sizes: [("ne".to_string(), ne), ("ni".to_string(), ni)].into(),
        ..Inputs::default()
    };
    let mut loaded = build(&parsed.description, Seed(3), &inputs).unwrap();
    let options = ExportOptions::default();
    let script = |s: String| s[s.find("synapses = {}").unwrap()..].to_string();
    let cells = export::cells(
        &parsed.description,
        &loaded.network,
        &[],
        "Brunel",
        &[],
        &options,
    )
    .unwrap();
    assert_eq!(
        script(by_macro.export_pynest(&options).unwrap()),
        script(export::pynest(&cells))
    );

    by_macro.simulate(200.0).unwrap();
    loaded.network.simulate(200.0).unwrap();
    let (a, b) = (
        by_macro.spikes(&by_macro.e_spikes),
        loaded.network.spikes(&loaded.spike_recorders[0].1),
    );
    assert!(a.len() > 100, "too few spikes to compare: {}", a.len());
    assert_eq!(a.senders(), b.senders());
    assert_eq!(a.steps(), b.steps());
}

/// Invokes `network!` on the tokens and keeps them as text for the loader.
macro_rules! network_and_text {
    ($($description:tt)*) => {
        network::network! { $($description)* }
        const TEXT: &str = stringify!($($description)*);
    };
}

network_and_text! {
    pub struct PlasticPorts;
    neuron Parrot = parrot_neuron;
    neuron Cell = iaf_psc_alpha { I_e: 300 pA, tau_minus: 30 ms }
        where { firing: { resting: 0..5 Hz, active: 5..60 Hz } };
    neuron Pyr = iaf_psc_alpha_multisynapse { tau_syn: [2, 40] ms, I_e: 300 pA };
    population pre = Parrot[40];
    population cells = Cell[20];
    population pyr = Pyr[20];
    synapse depressing = tsodyks2_synapse { U: 0.6, tau_rec: 150 ms };
    stimulate drive = poisson_generator { rate: 20 Hz } -> pre via static_synapse { weight: 1 pA, delay: 1 ms };
    connect learn = pre -> cells: fixed_indegree(8),
        via stdp_synapse { weight: uniform(50 pA, 150 pA), delay: 1.5 ms, lambda: 0.05, Wmax: 300 pA };
    connect short = pre -> cells: fixed_indegree(4), via depressing { weight: 100 pA };
    connect fast = pre -> pyr: fixed_indegree(8), via static_synapse { weight: 100 pA, receptor: 1 };
    connect slow = pre -> pyr: fixed_indegree(4), via static_synapse { weight: 20 pA, receptor: 2 };
    record spikes = spike_recorder <- cells;
    record currents = multimeter { interval: 1 ms, record_from: [V_m, I_syn_1, I_syn_2] } <- pyr[0..2];
}

#[test]
fn macro_and_loader_agree_on_plastic_synapses_parrots_and_receptor_ports() {
    let parsed = parse(&Source::new("plastic.net", TEXT)).unwrap_or_else(|e| panic!("{e:?}"));
    let mut by_macro = PlasticPorts::build_with_threads(Seed(3), Some(2)).unwrap();
    let inputs = Inputs {
        threads: Some(2),
        ..Inputs::default()
    };
    let mut loaded = build(&parsed.description, Seed(3), &inputs).unwrap();
    by_macro.simulate(500.0).unwrap();
    loaded.network.simulate(500.0).unwrap();
    let (m, l) = (by_macro.network(), &loaded.network);
    for (p, info) in m.populations().iter().enumerate() {
        assert_eq!(
            m.spike_count(p),
            l.spike_count(p),
            "spikes of {}",
            info.name
        );
    }
    assert!(
        m.spike_count(1) > 10,
        "too few spikes: {}",
        m.spike_count(1)
    );
    let fields = [
        &by_macro.learn,
        &by_macro.short,
        &by_macro.fast,
        &by_macro.slow,
    ];
    for (h, (name, lh)) in fields.into_iter().zip(&loaded.projections) {
        assert_eq!(m.weights(h), l.weights(lh), "weights of {name}");
    }
    let (a, b) = (
        m.samples(&by_macro.currents),
        l.samples(&loaded.multimeters[0].1),
    );
    assert_eq!(a.record_from(), b.record_from());
    for r in a.record_from() {
        assert_eq!(a.values(*r), b.values(*r), "{}", r.name());
    }
    let firing = |n: &network::Network| n.report().populations[1].firing.clone();
    assert_eq!(firing(m), firing(l));
    assert!(firing(l).is_some());
}

/// The provenance hash comes from the description's canonical form (its lowering),
/// not from how its text was spaced or by whom it was read: the macro and the loader
/// record the same `description_sha256` for the seed network and for the plastic one.
#[test]
fn macro_and_loader_record_the_same_description_hash() {
    let parsed = parse(&Source::read(NET_FILE.as_ref()).unwrap()).unwrap();
    let by_macro = SeedNetwork::build(Seed(5)).unwrap();
    let loaded = build(&parsed.description, Seed(5), &Inputs::default()).unwrap();
    let hash = |n: &network::Network| n.provenance().description_sha256;
    assert_eq!(hash(by_macro.network()), hash(&loaded.network));
    let canonical = network_syntax::lowering::lower(&parsed.description).canonical();
    assert_eq!(SeedNetwork::CANONICAL, canonical);

    let parsed = parse(&Source::new("plastic.net", TEXT)).unwrap();
    let by_macro = PlasticPorts::build(Seed(5)).unwrap();
    let loaded = build(&parsed.description, Seed(5), &Inputs::default()).unwrap();
    assert_eq!(hash(by_macro.network()), hash(&loaded.network));
    assert_ne!(
        hash(by_macro.network()),
        hash(SeedNetwork::build(Seed(5)).unwrap().network())
    );
}

/// The memory estimate the `network!` macro prints on its type (evaluated by the
/// compiler) is the loader's (`network check`) for the same text, part by part: the seed
/// network (spatial populations, generators) and the plastic one (drawn weights, STDP
/// and Tsodyks state per synapse, three receptor ports).
#[test]
fn macro_and_loader_give_the_same_memory_estimate() {
    let seed = parse(&Source::read(NET_FILE.as_ref()).unwrap()).unwrap();
    let plastic = parse(&Source::new("plastic.net", TEXT)).unwrap();
    for (parsed, parts, estimate) in [
        (
            &seed,
            SeedNetwork::MEMORY_PARTS,
            SeedNetwork::MEMORY_ESTIMATE,
        ),
        (
            &plastic,
            PlasticPorts::MEMORY_PARTS,
            PlasticPorts::MEMORY_ESTIMATE,
        ),
    ] {
        let loaded =
            network_load::memory_estimate(&parsed.description, &Inputs::default()).unwrap();
        let by_macro: Vec<(String, u64)> = parts
            .iter()
            .map(|&(name, lasting, _)| (name.to_string(), lasting))
            .collect();
        assert_eq!(by_macro, loaded.parts);
        assert_eq!(estimate, loaded.peak);
        assert!(estimate > 0);
    }
    // A hand count of the plastic network's `learn` projection: 20 targets x 8 sources,
    // each synapse a 2-byte target, an 8-byte drawn weight and STDP's trace state, and
    // one block's row starts (41 of 4 bytes).
    let learn = PlasticPorts::MEMORY_PARTS
        .iter()
        .find(|p| p.0 == "projection `learn`")
        .unwrap_or_else(|| panic!("{:?}", PlasticPorts::MEMORY_PARTS));
    assert!(learn.1 > 160 * (2 + 8) + 41 * 4, "{learn:?}");
    assert_eq!(
        learn.2,
        160 * 4 + 21 * 8 + 160 * 4,
        "drawn edges, target offsets and staged target words"
    );
}
