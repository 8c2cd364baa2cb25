//! The validated description: every name resolved, every value in NEST units, ready to
//! be lowered into builder calls (by the macro) or run directly (by a loader).

pub use crate::model_table::{BaseModel, CellClass, SynapseModel};
/// The vocabulary a description is written in.
pub use network_spec::{Kernel, Layout, Mask, MaskShape, Recordable, Rule, Value};
pub use protocol::{ProtocolStep, SetValue};

mod protocol;

/// A checked network.
#[derive(Debug, Clone, PartialEq)]
pub struct Description {
    /// Resolution, ms.
    pub resolution: f64,
    /// Default seed.
    pub seed: u64,
    /// Directory of recorder files (`data_path = "out";`, NEST's kernel `data_path`).
    pub data_path: Option<String>,
    /// Prefix of recorder file names (`data_prefix = "run1-";`).
    pub data_prefix: Option<String>,
    /// NEST's kernel `min_delay` and `max_delay` (ms), when set.
    pub delay_extrema: Option<(f64, f64)>,
    /// Neuron model variants.
    pub neurons: Vec<NeuronDesc>,
    /// Populations, in creation order.
    pub populations: Vec<PopulationDesc>,
    /// Devices and connections in source order (the order of their random streams).
    pub wiring: Vec<Wiring>,
    /// The Rust expressions (`{expr} unit`) that values refer to by index.
    pub exprs: Vec<RuntimeExpr>,
    /// The `protocol` block's statements, in order (empty when there is none).
    pub protocol: Vec<ProtocolStep>,
    /// The rate neurons, their populations, connections and multimeters, and the
    /// kernel's waveform-relaxation settings.
    pub rate: crate::rate::RateDesc,
}

impl Description {
    /// Whether wiring entry `index` is a recorder a `protocol` block adds between runs
    /// (made when the protocol reaches it, not when the network is built).
    pub fn added_in_protocol(&self, index: usize) -> bool {
        self.protocol
            .iter()
            .any(|s| matches!(s, ProtocolStep::Record { wiring } if *wiring == index))
    }

    /// The names of the run-time sizes (`[dyn name]`), each once, in order of first use.
    pub fn runtime_sizes(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for p in &self.populations {
            if let Size::Runtime(name) = &p.size {
                if !out.contains(&name.as_str()) {
                    out.push(name);
                }
            }
        }
        out
    }
}

/// A Rust expression written in braces (`{J_EX} pA`), evaluated when the network is
/// built; its unit was checked at compile time and becomes `factor`.
#[derive(Debug, Clone)]
pub struct RuntimeExpr {
    /// The expression.
    pub tokens: proc_macro2::TokenStream,
    /// Multiplies the value into NEST's unit (1 when written in it).
    pub factor: f64,
    /// Whether it is a count (`usize`) rather than an `f64`.
    pub integer: bool,
    /// Where it was written.
    pub span: crate::SpanRange,
}

impl RuntimeExpr {
    /// An expression from its tokens' text (as the macro embeds it, [`crate::embed`]),
    /// with no place in a source text. At run time the tokens are a record only (the
    /// generated code computed the value): text that proc_macro2's own lexer did not read
    /// would leave them empty rather than fail the export (none is known: rustc's text of
    /// `$crate` from a `macro_rules!` around `network!` reads as `$` and `crate`).
    pub fn from_text(text: &str, factor: f64, integer: bool) -> Self {
        Self {
            tokens: text.parse().unwrap_or_default(),
            factor,
            integer,
            span: crate::SpanRange::call_site(),
        }
    }
}

impl PartialEq for RuntimeExpr {
    fn eq(&self, other: &Self) -> bool {
        self.tokens.to_string() == other.tokens.to_string()
            && self.factor == other.factor
            && self.integer == other.integer
    }
}

/// A number known at compile time, or a Rust expression evaluated at build time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumDesc {
    /// In NEST units.
    Const(f64),
    /// Index into `Description::exprs`.
    Runtime(usize),
}

/// A population size.
#[derive(Debug, Clone, PartialEq)]
pub enum Size {
    /// Known at compile time (a const generic of the handle).
    Fixed(usize),
    /// `[dyn name]`: the field `name` of the generated sizes struct, given to `build`.
    Runtime(String),
}

impl Size {
    /// The size when known at compile time.
    pub fn fixed(&self) -> Option<usize> {
        match self {
            Size::Fixed(n) => Some(*n),
            Size::Runtime(_) => None,
        }
    }
}

impl std::fmt::Display for Size {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Size::Fixed(n) => write!(f, "{n}"),
            Size::Runtime(name) => write!(f, "`{name}` (given at build time)"),
        }
    }
}

/// A neuron model variant.
#[derive(Debug, Clone, PartialEq)]
pub struct NeuronDesc {
    /// The variant's name (NEST's `CopyModel` name).
    pub name: String,
    /// The NEST model.
    pub base: BaseModel,
    /// Parameters set by the description (preset first, then explicit), NEST units.
    pub params: Vec<(&'static str, f64)>,
    /// List parameters (`tau_syn` of a multisynapse model, one value per receptor port),
    /// NEST units.
    pub lists: Vec<(&'static str, Vec<f64>)>,
    /// The transmitter of each receptor port of a multisynapse model, in port order
    /// (port `k` is `ports[k − 1]`); empty when the ports are only numbered.
    pub ports: Vec<String>,
    /// Declared cell class.
    pub class: Option<CellClass>,
    /// Declared firing-rate ranges (`firing: { resting: 1..5 Hz, .. }`), for the report.
    pub firing: Option<network_spec::FiringRanges>,
    /// Metadata as `key: value` text, for documentation.
    pub meta: Vec<(String, String)>,
    /// Doc comments.
    pub docs: Vec<String>,
}

impl NeuronDesc {
    /// The number of receptor ports: the length of `tau_syn` (NEST's default is one
    /// port), 0 for a model without ports.
    pub fn receptor_ports(&self) -> usize {
        if !self.base.has_receptor_ports() {
            return 0;
        }
        self.lists
            .iter()
            .find(|(name, _)| *name == self.base.port_list())
            .map_or(1, |(_, taus)| taus.len())
    }

    /// What a multimeter can record from this neuron.
    pub fn recordables(&self) -> Vec<network_spec::Recordable> {
        self.base.recordables(self.receptor_ports())
    }
}

/// A population.
#[derive(Debug, Clone, PartialEq)]
pub struct PopulationDesc {
    /// Its name (a field of the generated type).
    pub name: String,
    /// Index into `Description::neurons`.
    pub model: usize,
    /// Number of neurons.
    pub size: Size,
    /// Positions, for a spatial population.
    pub layout: Option<Layout>,
    /// Initial state and parameters per neuron (`with { .. }`), NEST units, as written.
    pub initial: Vec<(&'static str, Value)>,
    /// Metadata as `key: value` text.
    pub meta: Vec<(String, String)>,
    /// Doc comments.
    pub docs: Vec<String>,
}

impl PopulationDesc {
    /// Spatial dimensions (2 or 3), `None` when not spatial.
    pub fn dims(&self) -> Option<usize> {
        self.layout.as_ref().map(Layout::dims)
    }
}

/// A mask (the vocabulary's shape and anchor, mm and degrees) with what the description
/// adds: its name and, for a `within` selection, where it is placed.
#[derive(Debug, Clone, PartialEq)]
pub struct MaskDesc {
    /// The shape and anchor.
    pub mask: Mask,
    /// Where a `within` selection places it, mm (`None` for the origin).
    pub center: Option<[f64; 3]>,
    /// Its name, if declared by a `mask` statement.
    pub name: Option<String>,
}

/// The neurons a device reaches.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetDesc {
    /// Index into `Description::populations`.
    pub population: usize,
    /// Which of them.
    pub select: SelectDesc,
}

/// A selection within a population.
#[derive(Debug, Clone, PartialEq)]
pub enum SelectDesc {
    /// All neurons.
    All,
    /// Indices `start..end`.
    Range(usize, usize),
    /// These indices, increasing.
    List(Vec<u32>),
    /// Those inside a mask centred at a point (mm).
    Within(MaskDesc, [f64; 3]),
}

/// A weight or delay: a value known when the description is checked (constant or
/// random), or a Rust expression evaluated when the network is built.
#[derive(Clone, PartialEq)]
pub enum ValueDesc {
    /// Known, in NEST units.
    Known(Value),
    /// A Rust expression, index into `Description::exprs`.
    Runtime(usize),
}

impl ValueDesc {
    /// A constant, in NEST units.
    pub fn constant(v: f64) -> Self {
        ValueDesc::Known(Value::Constant(v))
    }
}

/// Prints the known value as the value itself (`Constant(1.0)`), as the canonical text
/// (and so the description hash) always has.
impl std::fmt::Debug for ValueDesc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ValueDesc::Known(v) => v.fmt(f),
            ValueDesc::Runtime(i) => f.debug_tuple("Runtime").field(i).finish(),
        }
    }
}

/// A synapse: weight (pA, or mV onto iaf_psc_delta), delay (ms) and, for a plastic
/// model, its other parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct SynapseDesc {
    /// The NEST model name or a variant's name.
    pub model: String,
    /// The NEST model.
    pub base: SynapseModel,
    /// Parameters besides weight and delay set by the description, NEST units.
    pub params: Vec<(&'static str, f64)>,
    /// Parameters drawn for each synapse (`U: uniform(0.2, 0.6)`, NEST's
    /// `syn_spec={"U": nest.random.uniform(..)}`), NEST units: a random term each.
    pub varied: Vec<(&'static str, Value)>,
    /// Weight.
    pub weight: ValueDesc,
    /// Delay, ms.
    pub delay: ValueDesc,
    /// NEST's `receptor_type`: the receptor port of a multisynapse target (1-based), 0
    /// when the weight's sign picks the input.
    pub receptor: u16,
}

/// A device or connection, in source order.
// A description is built once per macro call, so the size of its variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Wiring {
    /// A recorder.
    Recorder(RecorderDesc),
    /// A stimulator.
    Stimulator(StimulatorDesc),
    /// A projection.
    Projection(Box<ProjectionDesc>),
}

/// A spike recorder, voltmeter or multimeter.
#[derive(Debug, Clone, PartialEq)]
pub struct RecorderDesc {
    /// Its name.
    pub name: String,
    /// What it records.
    pub kind: RecorderKind,
    /// Window start and stop, ms (stop `None` for never).
    pub window: (f64, Option<f64>),
    /// The recorded neurons (one or more selections, `<- exc, inh`; none for a weight
    /// recorder, which names connections).
    pub targets: Vec<TargetDesc>,
    /// The generators a spike recorder records themselves (`<- drive`), by name:
    /// stimulators declared before it that send spikes.
    pub generators: Vec<String>,
    /// NEST's `time_in_steps`.
    pub time_in_steps: bool,
    /// Doc comments.
    pub docs: Vec<String>,
}

/// Recorder kinds.
#[derive(Debug, Clone, PartialEq)]
pub enum RecorderKind {
    /// Spikes, optionally also written to ASCII files in a directory.
    Spikes {
        /// `to: ascii` (an empty string: the network's `data_path`) or `to: "dir"`.
        ascii: Option<String>,
    },
    /// Sampled state variables.
    Multimeter {
        /// Interval, ms.
        interval: f64,
        /// Offset, ms.
        offset: f64,
        /// NEST recordable names.
        record_from: Vec<String>,
    },
    /// NEST's `weight_recorder` on connections declared before it.
    Weights {
        /// As for spikes.
        ascii: Option<String>,
        /// The recorded connections (indices into `Description::wiring`).
        connections: Vec<usize>,
        /// `senders`: populations whose neurons it keeps (empty: all).
        senders: Vec<usize>,
        /// `targets`: populations whose neurons it keeps (empty: all).
        targets: Vec<usize>,
    },
}

/// A stimulation device.
#[derive(Debug, Clone, PartialEq)]
pub struct StimulatorDesc {
    /// Its name.
    pub name: String,
    /// Kind and parameters.
    pub kind: StimulusDesc,
    /// Window start and stop, ms.
    pub window: (f64, Option<f64>),
    /// The stimulated neurons (one or more selections).
    pub targets: Vec<TargetDesc>,
    /// The synapse to them.
    pub synapse: SynapseDesc,
    /// Doc comments.
    pub docs: Vec<String>,
}

/// Stimulator kinds with NEST's parameters and units.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub enum StimulusDesc {
    Dc {
        amplitude: NumDesc,
    },
    Poisson {
        rate: NumDesc,
    },
    Spikes {
        spike_times: Vec<f64>,
        spike_weights: Vec<f64>,
        /// Copies of each spike (NEST's multiplicity); empty: one each.
        spike_multiplicities: Vec<u32>,
        allow_offgrid_times: bool,
        precise_times: bool,
        shift_now_spikes: bool,
    },
    /// `step_current_generator`: times (ms, absolute) and amplitudes (pA).
    StepCurrent {
        amplitude_times: Vec<f64>,
        amplitude_values: Vec<f64>,
        allow_offgrid_times: bool,
    },
    /// `inhomogeneous_poisson_generator`: times (ms, absolute) and rates (Hz).
    InhomogeneousPoisson {
        rate_times: Vec<f64>,
        rate_values: Vec<f64>,
        allow_offgrid_times: bool,
    },
    /// `sinusoidal_poisson_generator`: Hz, Hz, Hz, degrees.
    SinusoidalPoisson {
        rate: f64,
        amplitude: f64,
        frequency: f64,
        phase: f64,
        individual_spike_trains: bool,
    },
    /// `mip_generator`: Hz and a probability.
    Mip {
        rate: f64,
        p_copy: f64,
    },
    /// `pulsepacket_generator`, with NEST's parameters as its table declares them (the
    /// table's window unused: the window is the stimulator's).
    Pulsepacket(network_spec::PulsepacketGenerator),
    /// `gamma_sup_generator` (as `Pulsepacket`).
    GammaSup(network_spec::GammaSupGenerator),
    /// `ppd_sup_generator` (as `Pulsepacket`).
    PpdSup(network_spec::PpdSupGenerator),
    /// `sinusoidal_gamma_generator` (as `Pulsepacket`).
    SinusoidalGamma(network_spec::SinusoidalGammaGenerator),
    /// `ac_generator`: pA, pA, Hz, degrees.
    Ac {
        amplitude: f64,
        offset: f64,
        frequency: f64,
        phase: f64,
    },
    Noise {
        mean: f64,
        std: f64,
        dt: f64,
        std_mod: f64,
        frequency: f64,
        phase: f64,
    },
}

impl StimulusDesc {
    /// NEST's model name.
    pub fn nest_model(&self) -> &'static str {
        match self {
            StimulusDesc::Dc { .. } => "dc_generator",
            StimulusDesc::Poisson { .. } => "poisson_generator",
            StimulusDesc::Spikes { .. } => "spike_generator",
            StimulusDesc::StepCurrent { .. } => "step_current_generator",
            StimulusDesc::InhomogeneousPoisson { .. } => "inhomogeneous_poisson_generator",
            StimulusDesc::SinusoidalPoisson { .. } => "sinusoidal_poisson_generator",
            StimulusDesc::Mip { .. } => "mip_generator",
            StimulusDesc::Pulsepacket(_) => "pulsepacket_generator",
            StimulusDesc::GammaSup(_) => "gamma_sup_generator",
            StimulusDesc::PpdSup(_) => "ppd_sup_generator",
            StimulusDesc::SinusoidalGamma(_) => "sinusoidal_gamma_generator",
            StimulusDesc::Ac { .. } => "ac_generator",
            StimulusDesc::Noise { .. } => "noise_generator",
        }
    }

    /// Whether the generator sends current (dc, step current, ac, noise), not spikes.
    pub fn emits_current(&self) -> bool {
        matches!(
            self,
            StimulusDesc::Dc { .. }
                | StimulusDesc::StepCurrent { .. }
                | StimulusDesc::Ac { .. }
                | StimulusDesc::Noise { .. }
        )
    }
}

/// A projection.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectionDesc {
    /// Field name of its handle.
    pub field: String,
    /// Engine name, e.g. `pvpop -> l23pyr`.
    pub name: String,
    /// Source population index.
    pub source: usize,
    /// Target population index.
    pub target: usize,
    /// Which sources: all, or a slice (NEST's `pre[0:100]`).
    pub source_select: SelectDesc,
    /// Which targets.
    pub target_select: SelectDesc,
    /// The rule.
    pub rule: Rule,
    /// A mask.
    pub mask: Option<MaskDesc>,
    /// A kernel.
    pub kernel: Option<Kernel>,
    /// `allow_autapses`.
    pub autapses: bool,
    /// `allow_multapses`.
    pub multapses: bool,
    /// `use_on_source`.
    pub use_on_source: bool,
    /// The synapse.
    pub synapse: SynapseDesc,
    /// The wiring derived from biology, if asked for.
    pub derived: Option<Derived>,
    /// Metadata as text.
    pub meta: Vec<(String, String)>,
    /// Doc comments.
    pub docs: Vec<String>,
}

/// The numbers of `from_biology` wiring.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Derived {
    /// Projection percentage P.
    pub projection_percent: f64,
    /// Boutons per axon.
    pub boutons: f64,
    /// Synapses per connected pair.
    pub redundancy: f64,
    /// Axon radius, mm.
    pub axon_radius: f64,
    /// max(1, round(P/100 · N_src/N_tgt · boutons/redundancy)).
    pub indegree: usize,
    /// boutons.
    pub outdegree: usize,
}
