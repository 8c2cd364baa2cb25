//! The code under fuzzing, shared by the cargo-fuzz targets (`fuzz_targets/`) and the
//! corpus replay test of the root crate (`tests/fuzz_corpus.rs`).
//!
//! Both entry points must return normally for every input: a bad description or a bad
//! parameter is an `Err`, never a panic.

mod assemble;

use arbitrary::Arbitrary;
use assemble::{add_connection, add_population, add_recorder, add_stimulus};
use network_core::connect::{ConnSpec, Rule};
use network_core::spatial::{Kernel, Layout, Mask, MaskShape};
use network_core::{
    DcGenerator, IafPscAlpha, IafPscDelta, IafPscExp, Model, Multimeter, NetworkBuilder,
    NeuronModel, NoiseGenerator, PoissonGenerator, Recordable, Resolution, Seed, Selection,
    SpikeGenerator, SpikeRecorder, StaticSynapse, Value, Window,
};

/// Parses and checks `text` as a description (the loader's path); text that does not
/// tokenize as Rust is skipped.
pub fn check_description(text: &str) {
    let Ok(tokens) = text.parse::<proc_macro2::TokenStream>() else {
        return;
    };
    let (_, _, result) = network_syntax::parse_and_check(tokens);
    if let Err(diagnostics) = result {
        for d in diagnostics {
            assert!(!d.message.is_empty(), "a diagnostic without a message");
        }
    }
}

/// Memory limit of the fuzzed builder: small, so that large requests exercise the
/// resource check instead of the machine.
pub const MEMORY_LIMIT_BYTES: u64 = 64 << 20;

/// Longest simulated time (ms) of one input, so that an input runs in milliseconds.
pub const MAX_SIMULATED_MS: f64 = 5.0;

/// A number as the fuzzer gives it: mostly small values near the useful range (so that
/// populations, devices and projections get built and deeper code runs), sometimes any
/// bit pattern (NaN, infinities, huge, negative, subnormal).
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Num {
    /// `i / 16`: -2048 to 2048 in steps of 1/16.
    Small(i16),
    /// `k · 0.1`: a time on the default grid.
    Grid(u16),
    /// Any `f64`.
    Raw(f64),
}

impl Num {
    fn v(self) -> f64 {
        match self {
            Num::Small(i) => f64::from(i) / 16.0,
            Num::Grid(k) => f64::from(k) * 0.1,
            Num::Raw(x) => x,
        }
    }
}

/// A whole network by the builder API, with arbitrary parameters.
#[derive(Arbitrary, Debug)]
pub struct NetworkInput {
    resolution: ResolutionInput,
    threads: u8,
    seed: u64,
    populations: Vec<PopulationInput>,
    connections: Vec<ConnectionInput>,
    stimuli: Vec<StimulusInput>,
    recorders: Vec<RecorderInput>,
    simulate: Vec<Num>,
}

#[derive(Arbitrary, Debug)]
enum ResolutionInput {
    Default,
    Fine,
    Coarse,
    Odd,
    Raw(Num),
}

#[derive(Arbitrary, Debug)]
enum ModelKind {
    Alpha,
    Exp,
    Delta,
}

#[derive(Arbitrary, Debug)]
struct PopulationInput {
    model: ModelKind,
    /// (parameter index in the model's table, value)
    params: Vec<(u8, Num)>,
    size: u16,
    layout: Option<LayoutInput>,
    initial_v_m: Option<ValueInput>,
}

#[derive(Arbitrary, Debug)]
enum LayoutInput {
    FreeUniform {
        lower_left: [Num; 3],
        upper_right: [Num; 3],
        three_d: bool,
        edge_wrap: bool,
    },
    FreeList {
        positions: Vec<[Num; 3]>,
        extent: Option<[Num; 3]>,
        three_d: bool,
        edge_wrap: bool,
    },
    Grid {
        shape: [u8; 3],
        extent: Option<[Num; 3]>,
        center: Option<[Num; 3]>,
        three_d: bool,
        edge_wrap: bool,
    },
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum ValueInput {
    Constant(Num),
    Uniform {
        min: Num,
        max: Num,
    },
    Normal {
        mean: Num,
        std: Num,
        min: Option<Num>,
        max: Option<Num>,
    },
    Lognormal {
        mu: Num,
        sigma: Num,
    },
}

#[derive(Arbitrary, Debug)]
enum RuleInput {
    AllToAll,
    OneToOne,
    FixedIndegree(u16),
    FixedOutdegree(u16),
    FixedTotalNumber(u32),
    PairwiseBernoulli(Num),
}

#[derive(Arbitrary, Debug)]
enum MaskInput {
    Circle(Num),
    Rectangle([Num; 2], [Num; 2], Num),
    Ellipse(Num, Num, Num),
    Sphere(Num),
    Box([Num; 3], [Num; 3], Num, Num),
    Ellipsoid(Num, Num, Num, Num, Num),
    Doughnut(Num, Num),
}

#[derive(Arbitrary, Debug)]
struct AnchoredMask {
    shape: MaskInput,
    anchor: Option<[Num; 3]>,
}

#[derive(Arbitrary, Debug)]
enum KernelInput {
    Constant(Num),
    Linear(Num, Num),
    Exponential(Num, Num),
    Gaussian(Num, Num, Num),
}

#[derive(Arbitrary, Debug)]
struct ConnectionInput {
    source: u8,
    target: u8,
    rule: RuleInput,
    allow_autapses: bool,
    allow_multapses: bool,
    mask: Option<AnchoredMask>,
    kernel: Option<KernelInput>,
    use_on_source: bool,
    weight: ValueInput,
    delay: ValueInput,
}

#[derive(Arbitrary, Debug)]
enum SelectionInput {
    All(u8),
    Range(u8, u16, u16),
    Indices(u8, Vec<u16>),
    Within(u8, AnchoredMask, [Num; 3]),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
struct WindowInput {
    start: Num,
    stop: Num,
    origin: Num,
}

#[derive(Arbitrary, Debug)]
enum GeneratorInput {
    Dc(Num, WindowInput),
    Poisson(Num, WindowInput),
    Spikes {
        times: Vec<Num>,
        weights: Vec<Num>,
        multiplicities: Vec<u32>,
        allow_offgrid_times: bool,
        window: WindowInput,
    },
    Noise([Num; 6], WindowInput),
}

#[derive(Arbitrary, Debug)]
struct StimulusInput {
    generator: GeneratorInput,
    targets: Vec<SelectionInput>,
    weight: ValueInput,
    delay: ValueInput,
}

#[derive(Arbitrary, Debug)]
enum RecorderInput {
    Spikes(WindowInput, Vec<SelectionInput>),
    Multimeter {
        interval: Num,
        offset: Num,
        record_from: Vec<u8>,
        window: WindowInput,
        targets: Vec<SelectionInput>,
    },
}

/// Builds the network described by `input` and simulates it briefly. Every error is
/// fine; a panic is a bug.
pub fn build_and_run(input: &NetworkInput) {
    let _ = try_build_and_run(input);
}

fn try_build_and_run(input: &NetworkInput) -> network_core::Result<()> {
    let resolution = match input.resolution {
        ResolutionInput::Default => Resolution::default(),
        ResolutionInput::Fine => Resolution::new(0.001)?,
        ResolutionInput::Coarse => Resolution::new(1.0)?,
        ResolutionInput::Odd => Resolution::new(0.3)?,
        ResolutionInput::Raw(h) => Resolution::new(h.v())?,
    };
    let mut b = NetworkBuilder::new(resolution, Seed(input.seed))
        .threads(usize::from(input.threads % 4))
        .memory_limit(MEMORY_LIMIT_BYTES);
    for (i, p) in input.populations.iter().take(4).enumerate() {
        // Errors here leave the population out; later references to it are errors too.
        let _ = add_population(&mut b, &format!("pop{i}"), p);
    }
    let n = b.population_info().len();
    for (i, c) in input.connections.iter().take(4).enumerate() {
        let _ = add_connection(&mut b, &format!("proj{i}"), c, n);
    }
    for (i, s) in input.stimuli.iter().take(3).enumerate() {
        let _ = add_stimulus(&mut b, &format!("stim{i}"), s, n);
    }
    for (i, r) in input.recorders.iter().take(3).enumerate() {
        let _ = add_recorder(&mut b, &format!("rec{i}"), r, n);
    }
    let mut net = b.build()?;
    let mut total = 0.0;
    for t in input.simulate.iter().take(3).map(|t| t.v()) {
        // Only the length of a run is bounded; NaN, infinities and negative times go
        // through as given.
        let t = if t.is_finite() && t > MAX_SIMULATED_MS - total {
            (MAX_SIMULATED_MS - total).max(0.0)
        } else {
            t
        };
        if net.simulate(t).is_ok() {
            total += t;
        }
    }
    Ok(())
}
