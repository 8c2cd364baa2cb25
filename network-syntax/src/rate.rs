//! The checked description of NEST's rate neurons (`lin_rate_ipn`, `tanh_rate_ipn`,
//! `threshold_lin_rate_ipn`, `sigmoid_rate_ipn`): their variants, populations, rate
//! connections, multimeters and the kernel's waveform-relaxation settings. They live
//! beside the spiking description because NEST keeps the two apart: rate neurons
//! exchange rates through `rate_connection_*`, never spikes (`check/rate.rs` reports
//! a connection that mixes them).

pub use network_spec::rate::RateModel;
use network_spec::{Kernel, Layout, Recordable, Rule, Value};

/// Everything rate-based a description declares, each list in source order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RateDesc {
    /// The kernel's waveform-relaxation settings written (`use_wfr = false;`), NEST
    /// names and units (ms; flags 0/1), in the order NEST must receive them
    /// (`use_wfr` first: setting it resets `wfr_comm_interval`).
    pub kernel: Vec<(&'static str, f64)>,
    /// Rate neuron variants.
    pub neurons: Vec<RateNeuronDesc>,
    /// Rate populations.
    pub populations: Vec<RatePopulationDesc>,
    /// Rate connections.
    pub connections: Vec<RateConnectionDesc>,
    /// Multimeters on rate populations.
    pub multimeters: Vec<RateMultimeterDesc>,
}

impl RateDesc {
    /// Whether the description has no rate neurons (nor settings).
    pub fn is_empty(&self) -> bool {
        self.kernel.is_empty() && self.neurons.is_empty() && self.populations.is_empty()
    }
}

/// A rate neuron variant (`neuron R = tanh_rate_ipn { g: 2 };`).
#[derive(Debug, Clone, PartialEq)]
pub struct RateNeuronDesc {
    /// The variant's name.
    pub name: String,
    /// The NEST model.
    pub model: RateModel,
    /// The parameters written, NEST names and units (flags 0/1), in source order.
    pub params: Vec<(&'static str, f64)>,
    /// Doc comments.
    pub docs: Vec<String>,
}

/// A population of rate neurons.
#[derive(Debug, Clone, PartialEq)]
pub struct RatePopulationDesc {
    /// Its name (a field of the generated type).
    pub name: String,
    /// Index into [`RateDesc::neurons`].
    pub neuron: usize,
    /// Number of neurons.
    pub size: usize,
    /// Positions (`on grid(..)`, `in box(..)`, `at positions(..)`), mm; `None` when the
    /// population is not spatial.
    pub layout: Option<Layout>,
    /// Doc comments.
    pub docs: Vec<String>,
}

/// A rate connection by one of the spiking connections' rules, with the spatial options
/// NEST's `conn_spec` takes (`Connect(a, b, {"rule": "pairwise_bernoulli", "p": 1.0,
/// "mask": {..}}, ..)`).
#[derive(Debug, Clone, PartialEq)]
pub struct RateSpecDesc {
    /// The rule.
    pub rule: Rule,
    /// A mask.
    pub mask: Option<crate::description::MaskDesc>,
    /// A kernel (`p` of distance).
    pub kernel: Option<Kernel>,
    /// `allow_autapses`.
    pub autapses: bool,
    /// `allow_multapses`.
    pub multapses: bool,
    /// `use_on_source`.
    pub use_on_source: bool,
}

/// Which sources of a rate connection reach which targets.
#[derive(Debug, Clone, PartialEq)]
pub enum RateRuleDesc {
    /// NEST's `all_to_all`.
    AllToAll,
    /// NEST's `one_to_one` (equal sizes).
    OneToOne,
    /// `pairs([[s, t], ..])`: these (source, target) indices, in this order (NEST:
    /// one `Connect(pre[s], post[t])` per pair).
    Pairs(Vec<(u32, u32)>),
    /// Any rule of the spiking connections, with a mask, a kernel and the flags (the
    /// rules that draw, and the spatial ones between rate populations with positions).
    Spec(Box<RateSpecDesc>),
}

impl RateRuleDesc {
    /// NEST's name.
    pub fn name(&self) -> &'static str {
        match self {
            RateRuleDesc::AllToAll => "all_to_all",
            RateRuleDesc::OneToOne => "one_to_one",
            RateRuleDesc::Pairs(_) => "pairs",
            RateRuleDesc::Spec(s) => s.rule.name(),
        }
    }
}

/// A rate connection model with its parameters: numbers, or with a [`RateRuleDesc::Spec`]
/// rule between layers, expressions of distance or positions.
#[derive(Debug, Clone, PartialEq)]
pub enum RateSynapseDesc {
    /// `rate_connection_delayed`: weight (a pure number), delay (ms).
    Delayed {
        /// The weight.
        weight: Value,
        /// The delay, ms.
        delay: Value,
    },
    /// `rate_connection_instantaneous`: weight (a pure number).
    Instantaneous {
        /// The weight.
        weight: Value,
    },
}

impl RateSynapseDesc {
    /// NEST's name of the connection model.
    pub fn name(&self) -> &'static str {
        match self {
            RateSynapseDesc::Delayed { .. } => "rate_connection_delayed",
            RateSynapseDesc::Instantaneous { .. } => "rate_connection_instantaneous",
        }
    }

    /// The weight.
    pub fn weight(&self) -> &Value {
        match self {
            RateSynapseDesc::Delayed { weight, .. } | RateSynapseDesc::Instantaneous { weight } => {
                weight
            }
        }
    }

    /// The delay (ms), `None` for an instantaneous connection.
    pub fn delay(&self) -> Option<&Value> {
        match self {
            RateSynapseDesc::Delayed { delay, .. } => Some(delay),
            RateSynapseDesc::Instantaneous { .. } => None,
        }
    }
}

/// A rate connection between two rate populations.
#[derive(Debug, Clone, PartialEq)]
pub struct RateConnectionDesc {
    /// The engine's name, e.g. `r -> s`.
    pub name: String,
    /// Source: index into [`RateDesc::populations`].
    pub source: usize,
    /// Target: index into [`RateDesc::populations`].
    pub target: usize,
    /// The rule.
    pub rule: RateRuleDesc,
    /// The connection model and its parameters.
    pub synapse: RateSynapseDesc,
}

/// A multimeter on a rate population.
#[derive(Debug, Clone, PartialEq)]
pub struct RateMultimeterDesc {
    /// Its name (a field of the generated type).
    pub name: String,
    /// Index into [`RateDesc::populations`].
    pub population: usize,
    /// The recorded neurons' indices, `None` for all.
    pub indices: Option<Vec<u32>>,
    /// `rate`, `noise`.
    pub record_from: Vec<Recordable>,
    /// Sampling interval, ms.
    pub interval: f64,
    /// Offset of the sampling grid, ms.
    pub offset: f64,
    /// The window `(start, stop)`, ms (`None`: never stops).
    pub window: (f64, Option<f64>),
    /// NEST's `time_in_steps`.
    pub time_in_steps: bool,
    /// Doc comments.
    pub docs: Vec<String>,
}
