//! The code under fuzzing, shared by the cargo-fuzz targets (`fuzz_targets/`) and the
//! corpus replay test of the root crate (`tests/fuzz_corpus.rs`).
//!
//! Both entry points must return normally for every input: a bad description or a bad
//! parameter is an `Err`, never a panic.

use arbitrary::Arbitrary;
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

fn model<M: NeuronModel + Default>(params: &[(u8, Num)]) -> network_core::Result<Model<M>> {
    let mut m = M::default();
    for &(k, v) in params.iter().take(8) {
        let info = &M::PARAMETERS[usize::from(k) % M::PARAMETERS.len()];
        m.set("model", info.name, v.v())?;
    }
    Model::variant("model", m)
}

fn add_population(
    b: &mut NetworkBuilder,
    name: &str,
    p: &PopulationInput,
) -> network_core::Result<()> {
    let size = usize::from(p.size % 2100);
    let layout = p.layout.as_ref().map(layout);
    let handle = match (&p.model, layout) {
        (ModelKind::Alpha, None) => b.population(
            name,
            &model::<IafPscAlpha>(&p.params)?,
            network_core::Dyn(size),
        ),
        (ModelKind::Exp, None) => b.population(
            name,
            &model::<IafPscExp>(&p.params)?,
            network_core::Dyn(size),
        ),
        (ModelKind::Delta, None) => b.population(
            name,
            &model::<IafPscDelta>(&p.params)?,
            network_core::Dyn(size),
        ),
        (ModelKind::Alpha, Some(l)) => b.spatial_population(
            name,
            &model::<IafPscAlpha>(&p.params)?,
            network_core::Dyn(size),
            &l,
        ),
        (ModelKind::Exp, Some(l)) => b.spatial_population(
            name,
            &model::<IafPscExp>(&p.params)?,
            network_core::Dyn(size),
            &l,
        ),
        (ModelKind::Delta, Some(l)) => b.spatial_population(
            name,
            &model::<IafPscDelta>(&p.params)?,
            network_core::Dyn(size),
            &l,
        ),
    }?;
    if let Some(v) = p.initial_v_m {
        b.initial_v_m(&handle.all(), value(v))?;
    }
    Ok(())
}

fn coords(v: [Num; 3], three_d: bool) -> Vec<f64> {
    let v = v.map(Num::v);
    if three_d {
        v.to_vec()
    } else {
        v[..2].to_vec()
    }
}

fn layout(l: &LayoutInput) -> Layout {
    match l {
        LayoutInput::FreeUniform {
            lower_left,
            upper_right,
            three_d,
            edge_wrap,
        } => Layout::FreeUniform {
            lower_left: coords(*lower_left, *three_d),
            upper_right: coords(*upper_right, *three_d),
            edge_wrap: *edge_wrap,
        },
        LayoutInput::FreeList {
            positions,
            extent,
            three_d,
            edge_wrap,
        } => Layout::FreeList {
            positions: positions
                .iter()
                .take(2100)
                .map(|p| coords(*p, *three_d))
                .collect(),
            extent: extent.map(|e| coords(e, *three_d)),
            edge_wrap: *edge_wrap,
        },
        LayoutInput::Grid {
            shape,
            extent,
            center,
            three_d,
            edge_wrap,
        } => Layout::Grid {
            shape: shape[..if *three_d { 3 } else { 2 }]
                .iter()
                .map(|&s| usize::from(s % 32))
                .collect(),
            extent: extent.map(|e| coords(e, *three_d)),
            center: center.map(|c| coords(c, *three_d)),
            edge_wrap: *edge_wrap,
        },
    }
}

fn value(v: ValueInput) -> Value {
    match v {
        ValueInput::Constant(c) => Value::Constant(c.v()),
        ValueInput::Uniform { min, max } => Value::Uniform {
            min: min.v(),
            max: max.v(),
        },
        ValueInput::Normal {
            mean,
            std,
            min,
            max,
        } => Value::Normal {
            mean: mean.v(),
            std: std.v(),
            min: min.map(Num::v),
            max: max.map(Num::v),
        },
        ValueInput::Lognormal { mu, sigma } => Value::Lognormal {
            mu: mu.v(),
            sigma: sigma.v(),
        },
    }
}

fn mask(m: &AnchoredMask) -> Mask {
    let shape = match m.shape {
        MaskInput::Circle(radius) => MaskShape::Circle { radius: radius.v() },
        MaskInput::Rectangle(lower_left, upper_right, azimuth_angle) => MaskShape::Rectangle {
            lower_left: lower_left.map(Num::v),
            upper_right: upper_right.map(Num::v),
            azimuth_angle: azimuth_angle.v(),
        },
        MaskInput::Ellipse(major_axis, minor_axis, azimuth_angle) => MaskShape::Ellipse {
            major_axis: major_axis.v(),
            minor_axis: minor_axis.v(),
            azimuth_angle: azimuth_angle.v(),
        },
        MaskInput::Sphere(radius) => MaskShape::Sphere { radius: radius.v() },
        MaskInput::Box(lower_left, upper_right, azimuth_angle, polar_angle) => MaskShape::Box {
            lower_left: lower_left.map(Num::v),
            upper_right: upper_right.map(Num::v),
            azimuth_angle: azimuth_angle.v(),
            polar_angle: polar_angle.v(),
        },
        MaskInput::Ellipsoid(major_axis, minor_axis, polar_axis, azimuth_angle, polar_angle) => {
            MaskShape::Ellipsoid {
                major_axis: major_axis.v(),
                minor_axis: minor_axis.v(),
                polar_axis: polar_axis.v(),
                azimuth_angle: azimuth_angle.v(),
                polar_angle: polar_angle.v(),
            }
        }
        MaskInput::Doughnut(inner_radius, outer_radius) => MaskShape::Doughnut {
            inner_radius: inner_radius.v(),
            outer_radius: outer_radius.v(),
        },
    };
    let mask = Mask::new(shape);
    match m.anchor {
        Some(a) => mask.with_anchor(a.map(Num::v)),
        None => mask,
    }
}

fn kernel(k: &KernelInput) -> Kernel {
    match *k {
        KernelInput::Constant(p) => Kernel::Constant { p: p.v() },
        KernelInput::Linear(p0, slope) => Kernel::Linear {
            p0: p0.v(),
            slope: slope.v(),
        },
        KernelInput::Exponential(p0, beta) => Kernel::Exponential {
            p0: p0.v(),
            beta: beta.v(),
        },
        KernelInput::Gaussian(p0, mean, std) => Kernel::Gaussian {
            p0: p0.v(),
            mean: mean.v(),
            std: std.v(),
        },
    }
}

fn add_connection(
    b: &mut NetworkBuilder,
    name: &str,
    c: &ConnectionInput,
    n: usize,
) -> network_core::Result<()> {
    if n == 0 {
        return Ok(());
    }
    let rule = match c.rule {
        RuleInput::AllToAll => Rule::AllToAll,
        RuleInput::OneToOne => Rule::OneToOne,
        RuleInput::FixedIndegree(k) => Rule::FixedIndegree(usize::from(k)),
        RuleInput::FixedOutdegree(k) => Rule::FixedOutdegree(usize::from(k)),
        RuleInput::FixedTotalNumber(k) => Rule::FixedTotalNumber(k as usize),
        RuleInput::PairwiseBernoulli(p) => Rule::PairwiseBernoulli(p.v()),
    };
    let mut spec = ConnSpec::new(rule);
    spec.allow_autapses = c.allow_autapses;
    spec.allow_multapses = c.allow_multapses;
    spec.mask = c.mask.as_ref().map(mask);
    spec.kernel = c.kernel.as_ref().map(kernel);
    spec.use_on_source = c.use_on_source;
    let source = b.population_handle(usize::from(c.source) % n);
    let target = b.population_handle(usize::from(c.target) % n);
    let (Some(source), Some(target)) = (source, target) else {
        return Ok(());
    };
    let synapse = StaticSynapse::new(value(c.weight), value(c.delay));
    b.connect(name, &source, &target, &spec, &synapse)?;
    Ok(())
}

fn selections(
    b: &NetworkBuilder,
    inputs: &[SelectionInput],
    n: usize,
) -> network_core::Result<Vec<Selection>> {
    let mut out = Vec::new();
    if n == 0 {
        return Ok(out);
    }
    for s in inputs.iter().take(3) {
        let pop = |p: u8| b.population_handle(usize::from(p) % n);
        let selection = match s {
            SelectionInput::All(p) => pop(*p).map(|h| h.all()),
            SelectionInput::Range(p, lo, hi) => {
                pop(*p).map(|h| h.range(usize::from(*lo)..usize::from(*hi)))
            }
            SelectionInput::Indices(p, list) => pop(*p).map(|h| {
                h.indices(
                    &list
                        .iter()
                        .take(64)
                        .map(|&i| u32::from(i))
                        .collect::<Vec<_>>(),
                )
            }),
            SelectionInput::Within(p, m, center) => match pop(*p) {
                Some(h) => Some(b.within(&h, &mask(m), center.map(Num::v))?),
                None => None,
            },
        };
        out.extend(selection);
    }
    Ok(out)
}

fn window(w: WindowInput) -> Window {
    Window {
        start: w.start.v(),
        stop: w.stop.v(),
        origin: w.origin.v(),
    }
}

fn add_stimulus(
    b: &mut NetworkBuilder,
    name: &str,
    s: &StimulusInput,
    n: usize,
) -> network_core::Result<()> {
    let targets = selections(b, &s.targets, n)?;
    let synapse = StaticSynapse::new(value(s.weight), value(s.delay));
    match &s.generator {
        GeneratorInput::Dc(amplitude, w) => b.dc_generator(
            name,
            DcGenerator {
                amplitude: amplitude.v(),
                window: window(*w),
            },
            &targets,
            &synapse,
        ),
        GeneratorInput::Poisson(rate, w) => b.poisson_generator(
            name,
            PoissonGenerator {
                rate: rate.v(),
                window: window(*w),
            },
            &targets,
            &synapse,
        ),
        GeneratorInput::Spikes {
            times,
            weights,
            multiplicities,
            allow_offgrid_times,
            window: w,
        } => b.spike_generator(
            name,
            SpikeGenerator {
                spike_times: times.iter().take(64).map(|t| t.v()).collect(),
                spike_weights: weights.iter().take(64).map(|w| w.v()).collect(),
                spike_multiplicities: multiplicities.iter().take(64).copied().collect(),
                allow_offgrid_times: *allow_offgrid_times,
                window: window(*w),
            },
            &targets,
            &synapse,
        ),
        GeneratorInput::Noise([mean, std, dt, std_mod, frequency, phase], w) => b.noise_generator(
            name,
            NoiseGenerator {
                mean: mean.v(),
                std: std.v(),
                dt: dt.v(),
                std_mod: std_mod.v(),
                frequency: frequency.v(),
                phase: phase.v(),
                window: window(*w),
            },
            &targets,
            &synapse,
        ),
    }?;
    Ok(())
}

fn add_recorder(
    b: &mut NetworkBuilder,
    name: &str,
    r: &RecorderInput,
    n: usize,
) -> network_core::Result<()> {
    match r {
        RecorderInput::Spikes(w, sources) => {
            let sources = selections(b, sources, n)?;
            let params = SpikeRecorder {
                window: window(*w),
                ..SpikeRecorder::default()
            };
            b.spike_recorder(name, params, &sources)?;
        }
        RecorderInput::Multimeter {
            interval,
            offset,
            record_from,
            window: w,
            targets,
        } => {
            let targets = selections(b, targets, n)?;
            let all = [Recordable::V_m, Recordable::I_syn_ex, Recordable::I_syn_in];
            let record_from: Vec<Recordable> = record_from
                .iter()
                .take(3)
                .map(|&k| all[usize::from(k) % all.len()])
                .collect();
            let mut params = Multimeter::new(interval.v(), &record_from);
            params.offset = offset.v();
            params.window = window(*w);
            b.multimeter(name, params, &targets)?;
        }
    }
    Ok(())
}
