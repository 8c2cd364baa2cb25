//! The one lowering: a checked [`Description`] becomes a [`Plan`], the ordered list of
//! engine operations that build it, with every decision made (which calls, with which
//! arguments, in which order).
//!
//! Three consumers read a plan and decide nothing: the `network!` macro prints each
//! step as Rust tokens, the loader (`network-load`) executes each step on the engine's
//! builder, and the exporter writes each step as PyNEST. The macro and the loader
//! therefore build the same network by construction. [`Plan::canonical`] prints a plan
//! as stable text, whose hash identifies the description in every output's provenance.
//!
//! ```
//! let text = "neuron Cell = iaf_psc_alpha;
//!     population cells = Cell[10] in box([0, 0] mm, [1, 1] mm);
//!     record spikes = spike_recorder <- cells within circle(radius: 0.2 mm);";
//! let description = network_syntax::parse(text.parse().unwrap()).unwrap();
//! let plan = network_syntax::lowering::lower(&description);
//! use network_syntax::lowering::Step;
//! assert!(matches!(plan.steps[0], Step::Model(_)));
//! assert!(matches!(plan.steps[2], Step::Within(_)));
//! assert!(matches!(plan.steps[3], Step::SpikeRecorder(_)));
//! ```

mod canonical;
mod protocol;
mod rate;

pub use protocol::{joins, paired, rate_indices, total_time, Action, RecorderType};
pub use rate::{RateConnect, RateMultimeter, RatePopulation, RateStep};

use crate::description::*;
/// A device's activity window (the vocabulary's type; the language sets start and stop).
pub use network_spec::Window;

/// A description lowered to engine operations.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The grid's resolution, ms.
    pub resolution: f64,
    /// The seed written in the description (`seed = ..;`, 42 when not written).
    pub seed: u64,
    /// Directory of recorder files (NEST's kernel `data_path`), set before any device.
    pub data_path: Option<String>,
    /// Prefix of recorder file names (NEST's `data_prefix`).
    pub data_prefix: Option<String>,
    /// NEST's kernel `min_delay` and `max_delay` (ms), when set.
    pub delay_extrema: Option<(f64, f64)>,
    /// The operations, in the order the engine executes them (which is the order of
    /// the random streams, so it decides the network drawn from a seed).
    pub steps: Vec<Step>,
    /// The Rust expressions (`{expr} unit`) that [`NumDesc::Runtime`] and
    /// [`ValueDesc::Runtime`] refer to by index.
    pub exprs: Vec<RuntimeExpr>,
    /// The names of the run-time sizes (`[dyn name]`), each once, in order of first use.
    pub runtime_sizes: Vec<String>,
    /// The `protocol` block: what runs after the build, in order (empty without one).
    pub protocol: Vec<Action>,
}

/// One engine operation.
// A plan is made once per build, so the size of the variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A neuron model variant (NEST's `CopyModel`, the engine's `Model::variant`) with
    /// its firing ranges; defined once, before the populations, for each variant a
    /// population uses.
    Model(NeuronDesc),
    /// A population of a model defined by an earlier [`Step::Model`].
    Population(Population),
    /// The neurons of a population inside a mask, bound to a selection slot that later
    /// steps name in [`Target::Selection`].
    Within(Within),
    /// A spike recorder.
    SpikeRecorder(SpikeRecorder),
    /// A multimeter (or voltmeter).
    Multimeter(Multimeter),
    /// A weight recorder on connections made by earlier steps.
    WeightRecorder(WeightRecorder),
    /// A stimulation device and its connections.
    Generator(Generator),
    /// A projection between two populations.
    Connect(Connect),
    /// An operation on rate neurons (`rate.rs`).
    Rate(RateStep),
}

/// A population.
#[derive(Debug, Clone, PartialEq)]
pub struct Population {
    /// Index into `Description::populations` (for its documentation) and the index
    /// by which later steps name it.
    pub index: usize,
    /// Its name (the engine's population name and the generated field).
    pub name: String,
    /// The model variant's name, defined by an earlier [`Step::Model`].
    pub model: String,
    /// Number of neurons.
    pub size: Size,
    /// Positions, mm, for a spatial population.
    pub layout: Option<Layout>,
    /// Initial state and parameters per neuron (NEST units), set in this order after
    /// the population is made.
    pub initial: Vec<(&'static str, Value)>,
}

/// A mask selection, bound to a slot.
#[derive(Debug, Clone, PartialEq)]
pub struct Within {
    /// The slot, numbered from 0 in plan order.
    pub slot: usize,
    /// The population's index.
    pub population: usize,
    /// The mask.
    pub mask: MaskDesc,
    /// Where the mask is placed, mm.
    pub center: [f64; 3],
}

/// The neurons a device reaches.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// All neurons of a population (by index).
    All(usize),
    /// Neurons `start..end` of a population.
    Range {
        /// The population's index.
        population: usize,
        /// First index.
        start: usize,
        /// One past the last index.
        end: usize,
    },
    /// These neurons of a population (increasing indices).
    List {
        /// The population's index.
        population: usize,
        /// The indices.
        indices: Vec<u32>,
    },
    /// The selection bound by the [`Step::Within`] (used once) or the protocol's
    /// [`Action::Within`] with this slot.
    Selection(usize),
}

/// Where a spike recorder writes.
#[derive(Debug, Clone, PartialEq)]
pub enum RecordTo {
    /// In memory only.
    Memory,
    /// Also NEST's ASCII file, in `directory` (`None`: the network's `data_path`).
    Ascii {
        /// The directory.
        directory: Option<String>,
    },
}

/// A spike recorder.
#[derive(Debug, Clone, PartialEq)]
pub struct SpikeRecorder {
    /// Index into `Description::wiring` (for its documentation).
    pub wiring: usize,
    /// Its name.
    pub name: String,
    /// Its window.
    pub window: Window,
    /// Where it writes.
    pub record_to: RecordTo,
    /// The recorded neurons.
    pub targets: Vec<Target>,
    /// The generators it records themselves, by name (made by earlier
    /// [`Step::Generator`]s).
    pub generators: Vec<String>,
    /// NEST's `time_in_steps`.
    pub time_in_steps: bool,
}

/// A weight recorder (NEST's `weight_recorder`, set on the connections' synapse models).
#[derive(Debug, Clone, PartialEq)]
pub struct WeightRecorder {
    /// Index into `Description::wiring` (for its documentation).
    pub wiring: usize,
    /// Its name.
    pub name: String,
    /// Its window.
    pub window: Window,
    /// Where it writes.
    pub record_to: RecordTo,
    /// NEST's `time_in_steps`.
    pub time_in_steps: bool,
    /// The fields of the recorded connections, made by earlier [`Step::Connect`]s.
    pub connections: Vec<String>,
    /// Populations whose neurons it keeps as senders (empty: all).
    pub senders: Vec<usize>,
    /// Populations whose neurons it keeps as targets (empty: all).
    pub targets: Vec<usize>,
}

/// A multimeter.
#[derive(Debug, Clone, PartialEq)]
pub struct Multimeter {
    /// Index into `Description::wiring` (for its documentation).
    pub wiring: usize,
    /// Its name.
    pub name: String,
    /// Sampling interval, ms.
    pub interval: f64,
    /// Offset of the first sample, ms.
    pub offset: f64,
    /// What it records.
    pub record_from: Vec<Recordable>,
    /// Its window.
    pub window: Window,
    /// The recorded neurons.
    pub targets: Vec<Target>,
    /// NEST's `time_in_steps`.
    pub time_in_steps: bool,
}

/// A stimulation device.
#[derive(Debug, Clone, PartialEq)]
pub struct Generator {
    /// Index into `Description::wiring` (for its documentation).
    pub wiring: usize,
    /// Its name.
    pub name: String,
    /// Kind and parameters.
    pub stimulus: StimulusDesc,
    /// Its window.
    pub window: Window,
    /// The stimulated neurons.
    pub targets: Vec<Target>,
    /// The (static) synapse to them.
    pub synapse: Synapse,
}

/// A synapse as the engine makes it: `new(weight, delay)` or `variant(name, weight,
/// delay)`, a receptor port, then the written parameters over the model's defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Synapse {
    /// The NEST model.
    pub base: SynapseModel,
    /// The variant's name (`synapse ampa = static_synapse ..`), `None` for the model itself.
    pub variant: Option<String>,
    /// Weight, pA (mV onto iaf_psc_delta).
    pub weight: ValueDesc,
    /// Delay, ms.
    pub delay: ValueDesc,
    /// NEST's `receptor_type` (from 1), when a port is named.
    pub receptor: Option<u16>,
    /// Parameters besides weight and delay, NEST units.
    pub params: Vec<(&'static str, f64)>,
    /// Parameters drawn for each synapse right after the build
    /// (`Network::draw_synapse_parameter`), NEST units.
    pub varied: Vec<(&'static str, Value)>,
}

impl Synapse {
    /// The name NEST knows the synapse by: the variant's or the model's.
    pub fn model_name(&self) -> &str {
        self.variant.as_deref().unwrap_or(self.base.name())
    }
}

/// A projection.
#[derive(Debug, Clone, PartialEq)]
pub struct Connect {
    /// Index into `Description::wiring` (for its documentation).
    pub wiring: usize,
    /// The field of its handle, e.g. `pvpop_to_l23pyr`.
    pub field: String,
    /// The engine's name, e.g. `pvpop -> l23pyr`.
    pub name: String,
    /// Source population index.
    pub source: usize,
    /// Target population index.
    pub target: usize,
    /// The sources: all of `source` or a slice (a [`Step::Within`] slot for a mask).
    pub sources: Target,
    /// The targets: all of `target` or a slice.
    pub targets: Target,
    /// The rule.
    pub rule: Rule,
    /// A mask (mm), around each target.
    pub mask: Option<MaskDesc>,
    /// A distance kernel.
    pub kernel: Option<Kernel>,
    /// NEST's `allow_autapses`.
    pub autapses: bool,
    /// NEST's `allow_multapses`.
    pub multapses: bool,
    /// NEST's `use_on_source`.
    pub use_on_source: bool,
    /// The synapse.
    pub synapse: Synapse,
}

/// Lowers a checked description.
pub fn lower(d: &Description) -> Plan {
    let mut steps: Vec<Step> = d
        .neurons
        .iter()
        .enumerate()
        .filter(|(i, _)| d.populations.iter().any(|p| p.model == *i))
        .map(|(_, n)| Step::Model(n.clone()))
        .collect();
    steps.splice(0..0, rate::kernel(&d.rate).map(Step::Rate));
    steps.extend(d.populations.iter().enumerate().map(|(index, p)| {
        Step::Population(Population {
            index,
            name: p.name.clone(),
            model: d.neurons[p.model].name.clone(),
            size: p.size.clone(),
            layout: p.layout.clone(),
            initial: p.initial.clone(),
        })
    }));
    steps.extend(rate::head(&d.rate).into_iter().map(Step::Rate));
    let mut slots = 0;
    for (wiring, w) in d.wiring.iter().enumerate() {
        // A recorder the protocol adds is made when the protocol reaches it.
        if d.added_in_protocol(wiring) {
            continue;
        }
        // Masks are applied in the order of the targets, just before their device or
        // connection (sources, then targets).
        let ends;
        let targets = match w {
            Wiring::Recorder(r) => &r.targets[..],
            Wiring::Stimulator(s) => &s.targets[..],
            Wiring::Projection(p) => {
                ends = [
                    TargetDesc {
                        population: p.source,
                        select: p.source_select.clone(),
                    },
                    TargetDesc {
                        population: p.target,
                        select: p.target_select.clone(),
                    },
                ];
                &ends[..]
            }
        };
        let targets: Vec<Target> = targets
            .iter()
            .map(|t| target(t, &mut slots, |w| steps.push(Step::Within(w))))
            .collect();
        steps.push(match w {
            Wiring::Recorder(r) => recorder(d, wiring, r, targets).into(),
            Wiring::Stimulator(s) => Step::Generator(Generator {
                wiring,
                name: s.name.clone(),
                stimulus: s.kind.clone(),
                window: window(s.window),
                targets,
                synapse: synapse(&s.synapse),
            }),
            Wiring::Projection(p) => Step::Connect(Connect {
                wiring,
                field: p.field.clone(),
                name: p.name.clone(),
                source: p.source,
                target: p.target,
                sources: targets[0].clone(),
                targets: targets[1].clone(),
                rule: p.rule,
                mask: p.mask.clone(),
                kernel: p.kernel.clone(),
                autapses: p.autapses,
                multapses: p.multapses,
                use_on_source: p.use_on_source,
                synapse: synapse(&p.synapse),
            }),
        });
    }
    steps.extend(rate::tail(&d.rate).into_iter().map(Step::Rate));
    Plan {
        resolution: d.resolution,
        seed: d.seed,
        data_path: d.data_path.clone(),
        data_prefix: d.data_prefix.clone(),
        delay_extrema: d.delay_extrema,
        steps,
        exprs: d.exprs.clone(),
        runtime_sizes: d.runtime_sizes().into_iter().map(String::from).collect(),
        protocol: protocol::lower(d, slots),
    }
}

/// A target; a mask selection is handed to `bind` as a [`Within`] bound to the next slot
/// (a [`Step::Within`] of the build, an `Action::Within` of the protocol).
pub(super) fn target(t: &TargetDesc, slots: &mut usize, bind: impl FnOnce(Within)) -> Target {
    match &t.select {
        SelectDesc::All => Target::All(t.population),
        SelectDesc::Range(start, end) => Target::Range {
            population: t.population,
            start: *start,
            end: *end,
        },
        SelectDesc::List(indices) => Target::List {
            population: t.population,
            indices: indices.clone(),
        },
        SelectDesc::Within(mask, center) => {
            let slot = *slots;
            *slots += 1;
            bind(Within {
                slot,
                population: t.population,
                mask: mask.clone(),
                center: *center,
            });
            Target::Selection(slot)
        }
    }
}

/// A recorder: made by the build ([`Step`]) or between runs ([`Action::Record`]).
// A plan is made once per build, so the size of the variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Recorder {
    /// A spike recorder.
    Spikes(SpikeRecorder),
    /// A multimeter (or voltmeter).
    Multimeter(Multimeter),
    /// A weight recorder.
    Weights(WeightRecorder),
}

impl From<Recorder> for Step {
    fn from(r: Recorder) -> Step {
        match r {
            Recorder::Spikes(r) => Step::SpikeRecorder(r),
            Recorder::Multimeter(m) => Step::Multimeter(m),
            Recorder::Weights(w) => Step::WeightRecorder(w),
        }
    }
}

fn recorder(d: &Description, wiring: usize, r: &RecorderDesc, targets: Vec<Target>) -> Recorder {
    let window = window(r.window);
    let name = r.name.clone();
    let record_to = |ascii: &Option<String>| match ascii {
        None => RecordTo::Memory,
        Some(dir) => RecordTo::Ascii {
            directory: (!dir.is_empty()).then(|| dir.clone()),
        },
    };
    match &r.kind {
        RecorderKind::Spikes { ascii } => Recorder::Spikes(SpikeRecorder {
            wiring,
            name,
            window,
            record_to: record_to(ascii),
            targets,
            generators: r.generators.clone(),
            time_in_steps: r.time_in_steps,
        }),
        RecorderKind::Weights {
            ascii,
            connections,
            senders,
            targets,
        } => Recorder::Weights(WeightRecorder {
            wiring,
            name,
            window,
            record_to: record_to(ascii),
            time_in_steps: r.time_in_steps,
            connections: connections
                .iter()
                .map(|&c| match &d.wiring[c] {
                    Wiring::Projection(p) => p.field.clone(),
                    _ => unreachable!("the checker resolved a connection"),
                })
                .collect(),
            senders: senders.clone(),
            targets: targets.clone(),
        }),
        RecorderKind::Multimeter {
            interval,
            offset,
            record_from,
        } => Recorder::Multimeter(Multimeter {
            wiring,
            name,
            interval: *interval,
            offset: *offset,
            // The checker accepted every name.
            record_from: record_from
                .iter()
                .map(|r| Recordable::from_name(r).expect("a checked recordable"))
                .collect(),
            window,
            targets,
            time_in_steps: r.time_in_steps,
        }),
    }
}

/// A device's window: stop infinite when the description gives none, as in NEST.
fn window((start, stop): (f64, Option<f64>)) -> Window {
    Window::new(start, stop.unwrap_or(f64::INFINITY))
}

fn synapse(s: &SynapseDesc) -> Synapse {
    Synapse {
        base: s.base,
        variant: (s.model != s.base.name()).then(|| s.model.clone()),
        weight: s.weight.clone(),
        delay: s.delay.clone(),
        receptor: (s.receptor != 0).then_some(s.receptor),
        params: s.params.clone(),
        varied: s.varied.clone(),
    }
}

impl Plan {
    /// The population steps, in order (a population's index is its position here).
    pub fn populations(&self) -> impl Iterator<Item = &Population> {
        self.steps.iter().filter_map(|s| match s {
            Step::Population(p) => Some(p),
            _ => None,
        })
    }

    /// The synapse variants the plan uses (`synapse ampa = static_synapse ..`), each
    /// once, in order of first use, with their model.
    pub fn synapse_variants(&self) -> Vec<(&str, SynapseModel)> {
        let mut out: Vec<(&str, SynapseModel)> = Vec::new();
        for s in &self.steps {
            let syn = match s {
                Step::Generator(g) => &g.synapse,
                Step::Connect(c) => &c.synapse,
                _ => continue,
            };
            if let Some(v) = &syn.variant {
                if !out.iter().any(|(name, _)| name == v) {
                    out.push((v, syn.base));
                }
            }
        }
        out
    }
}
