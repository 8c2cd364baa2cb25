//! Building a checked description on the engine at run time: the builder calls that
//! `network!` generates (`network-macros/src/expand.rs`), in the same order and with the
//! same values, with every population sized at run time. The same description and seed
//! therefore give the same network and the same spikes as the macro.

use network_core::connect::{ConnSpec, Rule};
use network_core::spatial::Layout;
use network_core::{
    DcGenerator, Dyn, Error, GeneratorHandle, Model, Multimeter, MultimeterHandle, Network,
    NetworkBuilder, NeuronModel, NoiseGenerator, PoissonGenerator, PopulationHandle,
    ProjectionHandle, RecordTo, Recordable, Resolution, Result, Seed, Selection, SpikeGenerator,
    SpikeRecorder, SpikeRecorderHandle, StaticSynapse, StdpSynapse, Synapse, Tsodyks2Synapse,
    TsodyksSynapse, Value, Window,
};
use network_syntax::description::*;
use network_syntax::lower;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What a description leaves to the moment it is built.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// Threads (`None`: rayon's default); results do not depend on it.
    pub threads: Option<usize>,
    /// The run-time sizes (`[dyn name]`) by name.
    pub sizes: BTreeMap<String, usize>,
    /// The values of the description's Rust expressions (`{expr} unit`), in NEST units,
    /// in the order of `Description::exprs`; empty for a description read from a file.
    pub expressions: Vec<f64>,
    /// When set, every recorder (spike recorders and multimeters) also writes NEST's
    /// ASCII file `{directory}/{data_prefix}{name}.dat` (replacing an existing one),
    /// whatever the description says.
    pub record_to: Option<PathBuf>,
    /// The SHA-256 of the description's tokens ([`source_sha256`]), recorded in every
    /// output's provenance (as `network-load sha256:..`); `None` records nothing.
    pub source_sha256: Option<String>,
}

/// SHA-256 of a description's tokens as text (spacing and comments do not count). The
/// macro hashes the compiler's printing of its tokens, which may space them differently,
/// so the two hashes of one description need not agree.
pub fn source_sha256(text: &str) -> String {
    let tokens = text
        .parse::<proc_macro2::TokenStream>()
        .map(|t| t.to_string())
        .unwrap_or_else(|_| text.to_string());
    network_core::provenance::sha256_hex(tokens.as_bytes())
}

/// A network built from a description, with its parts by name.
pub struct Loaded {
    /// The network.
    pub network: Network,
    /// The populations, in the description's order.
    pub populations: Vec<(String, PopulationHandle<Dyn>)>,
    /// The spike recorders, in the description's order.
    pub spike_recorders: Vec<(String, SpikeRecorderHandle)>,
    /// The multimeters and voltmeters, in the description's order.
    pub multimeters: Vec<(String, MultimeterHandle)>,
    /// The stimulators, in the description's order.
    pub generators: Vec<(String, GeneratorHandle)>,
    /// The connections by field name (`pvpop_to_l23pyr`), in the description's order.
    pub projections: Vec<(String, ProjectionHandle)>,
}

/// Builds `d` from `seed`.
pub fn build(d: &Description, seed: Seed, inputs: &Inputs) -> Result<Loaded> {
    let sizes = resolve_sizes(d, &inputs.sizes)?;
    if inputs.expressions.len() != d.exprs.len() {
        return Err(Error::Name(format!(
            "the description has {} Rust expression(s) in braces but {} value(s) were given; a description read at run time must write numbers",
            d.exprs.len(),
            inputs.expressions.len()
        )));
    }
    let cx = Cx { inputs };
    let mut b = NetworkBuilder::new(Resolution::new(d.resolution)?, seed);
    if let Some(threads) = inputs.threads {
        b = b.threads(threads);
    }
    if let Some(path) = &inputs.record_to {
        b = b.data_path(path);
    } else if let Some(path) = &d.data_path {
        b = b.data_path(path);
    }
    if let Some(prefix) = &d.data_prefix {
        b = b.data_prefix(prefix);
    }
    if let Some(hash) = &inputs.source_sha256 {
        b.describe(&format!("network-load sha256:{hash}"));
    }
    let mut populations = Vec::new();
    for (p, len) in d.populations.iter().zip(sizes) {
        let handle = add_population(&mut b, &d.neurons[p.model], p, len)?;
        populations.push((p.name.clone(), handle));
    }
    let pops: Vec<&PopulationHandle<Dyn>> = populations.iter().map(|(_, h)| h).collect();
    let mut loaded = Parts::default();
    for w in &d.wiring {
        match w {
            Wiring::Recorder(r) => cx.recorder(&mut b, &pops, r, &mut loaded)?,
            Wiring::Stimulator(s) => {
                let handle = cx.stimulator(&mut b, &pops, s)?;
                loaded.generators.push((s.name.clone(), handle));
            }
            Wiring::Projection(p) => {
                let handle = cx.projection(&mut b, &pops, p)?;
                loaded.projections.push((p.field.clone(), handle));
            }
        }
    }
    Ok(Loaded {
        network: b.build()?,
        populations,
        spike_recorders: loaded.spike_recorders,
        multimeters: loaded.multimeters,
        generators: loaded.generators,
        projections: loaded.projections,
    })
}

/// The handles collected while wiring.
#[derive(Default)]
struct Parts {
    spike_recorders: Vec<(String, SpikeRecorderHandle)>,
    multimeters: Vec<(String, MultimeterHandle)>,
    generators: Vec<(String, GeneratorHandle)>,
    projections: Vec<(String, ProjectionHandle)>,
}

/// Each population's size: the written one, or the run-time size it names. A missing
/// or unused size is an error naming it.
pub fn resolve_sizes(d: &Description, given: &BTreeMap<String, usize>) -> Result<Vec<usize>> {
    let wanted = d.runtime_sizes();
    if let Some(unused) = given.keys().find(|k| !wanted.contains(&k.as_str())) {
        let reason = if wanted.is_empty() {
            "the description has no run-time size (`[dyn name]`)".to_string()
        } else {
            format!("the run-time sizes are: {}", wanted.join(", "))
        };
        return Err(Error::invalid(
            "sizes",
            unused.as_str(),
            given[unused],
            reason,
        ));
    }
    d.populations
        .iter()
        .map(|p| match &p.size {
            Size::Fixed(n) => Ok(*n),
            Size::Runtime(name) => given.get(name).copied().ok_or_else(|| {
                Error::invalid(
                    &p.name,
                    "size",
                    format!("[dyn {name}]"),
                    format!("give the run-time size `{name}` when building (on the command line: `--size {name}=1000`)"),
                )
            }),
        })
        .collect()
}

fn add_population(
    b: &mut NetworkBuilder,
    n: &NeuronDesc,
    p: &PopulationDesc,
    len: usize,
) -> Result<PopulationHandle<Dyn>> {
    network_core::spec::with_neuron_model!(n.base, M => population::<M>(b, n, p, len))
}

/// `Model::variant(name, M { params.., lists.., ..Default })?.with_firing(..)?` and the
/// population, as expanded.
fn population<M: NeuronModel + Default>(
    b: &mut NetworkBuilder,
    n: &NeuronDesc,
    p: &PopulationDesc,
    len: usize,
) -> Result<PopulationHandle<Dyn>> {
    let mut params = M::default();
    for (name, value) in &n.params {
        params.set(&n.name, name, *value)?;
    }
    for (name, values) in &n.lists {
        params.set_list(&n.name, name, values)?;
    }
    let mut model = Model::variant(&n.name, params)?;
    if let Some(firing) = n.firing {
        model = model.with_firing(firing)?;
    }
    match &p.layout {
        Some(l) => b.spatial_population(&p.name, &model, Dyn(len), &layout(l)),
        None => b.population(&p.name, &model, Dyn(len)),
    }
}

/// The engine's layout of a description's layout.
pub fn layout(l: &LayoutDesc) -> Layout {
    match l {
        LayoutDesc::FreeUniform {
            lower_left,
            upper_right,
            periodic,
        } => Layout::FreeUniform {
            lower_left: lower_left.clone(),
            upper_right: upper_right.clone(),
            edge_wrap: *periodic,
        },
        LayoutDesc::FreeList {
            positions,
            extent,
            periodic,
        } => Layout::FreeList {
            positions: positions.clone(),
            extent: extent.clone(),
            edge_wrap: *periodic,
        },
        LayoutDesc::Grid {
            shape,
            extent,
            center,
            periodic,
        } => Layout::Grid {
            shape: shape.clone(),
            extent: extent.clone(),
            center: center.clone(),
            edge_wrap: *periodic,
        },
    }
}

/// The values supplied for a description.
struct Cx<'a> {
    inputs: &'a Inputs,
}

impl Cx<'_> {
    fn expression(&self, index: usize) -> f64 {
        self.inputs.expressions[index]
    }

    fn amount(&self, n: NumDesc) -> f64 {
        match n {
            NumDesc::Const(v) => v,
            NumDesc::Runtime(i) => self.expression(i),
        }
    }

    fn value(&self, v: &ValueDesc) -> Value {
        lower::value(v).unwrap_or_else(|| match v {
            ValueDesc::Runtime(i) => Value::Constant(self.expression(*i)),
            _ => unreachable!("lower::value covers every other kind"),
        })
    }

    /// `Ty::new(w, d)` or `Ty::variant(model, w, d)`, `.receptor(k)` for a port, then
    /// the written parameters over it (`Ty { params.., ..base }`), as expanded.
    fn synapse(&self, s: &SynapseDesc) -> Result<Synapse> {
        let (w, dl) = (self.value(&s.weight), self.value(&s.delay));
        let named = s.model != s.base.name();
        macro_rules! plastic {
            ($ty:ident, $variant:ident) => {{
                let mut syn = if named {
                    $ty::variant(&s.model, w, dl)
                } else {
                    $ty::new(w, dl)
                };
                for (name, value) in &s.params {
                    syn.set(&s.model, name, *value)?;
                }
                Synapse::$variant(syn)
            }};
        }
        Ok(match s.base {
            SynapseModel::Static => {
                let mut syn = if named {
                    StaticSynapse::variant(&s.model, w, dl)
                } else {
                    StaticSynapse::new(w, dl)
                };
                if s.receptor != 0 {
                    syn = syn.receptor(s.receptor);
                }
                Synapse::Static(syn)
            }
            SynapseModel::Stdp => plastic!(StdpSynapse, Stdp),
            SynapseModel::Tsodyks => plastic!(TsodyksSynapse, Tsodyks),
            SynapseModel::Tsodyks2 => plastic!(Tsodyks2Synapse, Tsodyks2),
        })
    }

    /// The selections of a device's targets, in order (masks are applied in order, as
    /// the expansion binds them).
    fn selections(
        &self,
        b: &NetworkBuilder,
        pops: &[&PopulationHandle<Dyn>],
        targets: &[TargetDesc],
    ) -> Result<Vec<Selection>> {
        targets
            .iter()
            .map(|t| {
                let pop = pops[t.population];
                match &t.select {
                    SelectDesc::All => Ok(pop.all()),
                    SelectDesc::Range(a, z) => Ok(pop.range(*a..*z)),
                    SelectDesc::Within(m, center) => b.within(pop, &lower::mask(m), *center),
                }
            })
            .collect()
    }

    fn recorder(
        &self,
        b: &mut NetworkBuilder,
        pops: &[&PopulationHandle<Dyn>],
        r: &RecorderDesc,
        parts: &mut Parts,
    ) -> Result<()> {
        let sel = self.selections(b, pops, std::slice::from_ref(&r.target))?;
        let window = window(r.window);
        match &r.kind {
            RecorderKind::Spikes { ascii } => {
                let record_to = match (&self.inputs.record_to, ascii) {
                    // The run's directory is the builder's data_path.
                    (Some(_), _) => RecordTo::ascii(),
                    (None, Some(dir)) if dir.is_empty() => RecordTo::ascii(),
                    (None, Some(dir)) => RecordTo::Ascii {
                        directory: Some(PathBuf::from(dir)),
                    },
                    (None, None) => RecordTo::Memory,
                };
                let params = SpikeRecorder { window, record_to };
                let handle = b.spike_recorder(&r.name, params, &sel)?;
                parts.spike_recorders.push((r.name.clone(), handle));
            }
            RecorderKind::Multimeter {
                interval,
                offset,
                record_from,
            } => {
                let record_from = record_from
                    .iter()
                    .map(|name| {
                        Recordable::from_name(name).ok_or_else(|| {
                            Error::invalid(&r.name, "record_from", name, "not a recordable")
                        })
                    })
                    .collect::<Result<_>>()?;
                let record_to = match self.inputs.record_to {
                    Some(_) => RecordTo::ascii(),
                    None => RecordTo::Memory,
                };
                let params = Multimeter {
                    interval: *interval,
                    offset: *offset,
                    record_from,
                    window,
                    record_to,
                };
                let handle = b.multimeter(&r.name, params, &sel)?;
                parts.multimeters.push((r.name.clone(), handle));
            }
        }
        Ok(())
    }

    fn stimulator(
        &self,
        b: &mut NetworkBuilder,
        pops: &[&PopulationHandle<Dyn>],
        s: &StimulatorDesc,
    ) -> Result<GeneratorHandle> {
        let sel = self.selections(b, pops, &s.targets)?;
        let window = window(s.window);
        let syn = match self.synapse(&s.synapse)? {
            Synapse::Static(syn) => syn,
            other => {
                return Err(Error::invalid(
                    &s.name,
                    "synapse",
                    other.model(),
                    "a stimulator connects with a static synapse",
                ))
            }
        };
        match &s.kind {
            StimulusDesc::Dc { amplitude } => {
                let params = DcGenerator {
                    amplitude: self.amount(*amplitude),
                    window,
                };
                b.dc_generator(&s.name, params, &sel, &syn)
            }
            StimulusDesc::Poisson { rate } => {
                let params = PoissonGenerator {
                    rate: self.amount(*rate),
                    window,
                };
                b.poisson_generator(&s.name, params, &sel, &syn)
            }
            StimulusDesc::Spikes {
                spike_times,
                spike_weights,
                allow_offgrid_times,
            } => {
                let params = SpikeGenerator {
                    spike_times: spike_times.clone(),
                    spike_weights: spike_weights.clone(),
                    spike_multiplicities: Vec::new(),
                    allow_offgrid_times: *allow_offgrid_times,
                    window,
                };
                b.spike_generator(&s.name, params, &sel, &syn)
            }
            StimulusDesc::Noise {
                mean,
                std,
                dt,
                std_mod,
                frequency,
                phase,
            } => {
                let params = NoiseGenerator {
                    mean: *mean,
                    std: *std,
                    dt: *dt,
                    std_mod: *std_mod,
                    frequency: *frequency,
                    phase: *phase,
                    window,
                };
                b.noise_generator(&s.name, params, &sel, &syn)
            }
        }
    }

    fn projection(
        &self,
        b: &mut NetworkBuilder,
        pops: &[&PopulationHandle<Dyn>],
        p: &ProjectionDesc,
    ) -> Result<ProjectionHandle> {
        let mut spec = ConnSpec::new(rule(p.rule));
        if let Some(m) = &p.mask {
            spec = spec.with_mask(lower::mask(m));
        }
        if let Some(k) = &p.kernel {
            spec = spec.with_kernel(lower::kernel(k));
        }
        if !p.autapses {
            spec = spec.no_autapses();
        }
        if !p.multapses {
            spec = spec.no_multapses();
        }
        if p.use_on_source {
            spec = spec.on_source();
        }
        let syn = self.synapse(&p.synapse)?;
        let (src, tgt) = (pops[p.source], pops[p.target]);
        b.connect(&p.name, src, tgt, &spec, syn)
    }
}

/// The engine's rule.
pub fn rule(r: RuleDesc) -> Rule {
    match r {
        RuleDesc::AllToAll => Rule::AllToAll,
        RuleDesc::OneToOne => Rule::OneToOne,
        RuleDesc::FixedIndegree(k) => Rule::FixedIndegree(k),
        RuleDesc::FixedOutdegree(k) => Rule::FixedOutdegree(k),
        RuleDesc::FixedTotalNumber(k) => Rule::FixedTotalNumber(k),
        RuleDesc::PairwiseBernoulli(p) => Rule::PairwiseBernoulli(p),
    }
}

fn window((start, stop): (f64, Option<f64>)) -> Window {
    Window::new(start, stop.unwrap_or(f64::INFINITY))
}
