//! The neuron and synapse models the language knows: network-core's models and their
//! parameter tables (the one table per model that the engine and the docs use too).

use network_core::models::ParamInfo;
use network_core::{
    IafPscAlpha, IafPscAlphaMultisynapse, IafPscDelta, IafPscExp, IafPscExpMultisynapse,
    NeuronModel, ParrotNeuron, Recordable, Resolution, StdpSynapse, Tsodyks2Synapse,
    TsodyksSynapse, Value,
};

/// A NEST neuron model of network-core.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseModel {
    /// `iaf_psc_alpha`
    IafPscAlpha,
    /// `iaf_psc_exp`
    IafPscExp,
    /// `iaf_psc_delta`
    IafPscDelta,
    /// `iaf_psc_alpha_multisynapse`
    IafPscAlphaMultisynapse,
    /// `iaf_psc_exp_multisynapse`
    IafPscExpMultisynapse,
    /// `parrot_neuron`
    ParrotNeuron,
}

/// Calls `$body` with `$M` bound to the network-core type of `$model`.
macro_rules! with_model {
    ($model:expr, $M:ident => $body:expr) => {
        match $model {
            BaseModel::IafPscAlpha => {
                type $M = IafPscAlpha;
                $body
            }
            BaseModel::IafPscExp => {
                type $M = IafPscExp;
                $body
            }
            BaseModel::IafPscDelta => {
                type $M = IafPscDelta;
                $body
            }
            BaseModel::IafPscAlphaMultisynapse => {
                type $M = IafPscAlphaMultisynapse;
                $body
            }
            BaseModel::IafPscExpMultisynapse => {
                type $M = IafPscExpMultisynapse;
                $body
            }
            BaseModel::ParrotNeuron => {
                type $M = ParrotNeuron;
                $body
            }
        }
    };
}

impl BaseModel {
    /// Every model, for lookups and suggestions.
    pub const ALL: [BaseModel; 6] = [
        BaseModel::IafPscAlpha,
        BaseModel::IafPscExp,
        BaseModel::IafPscDelta,
        BaseModel::IafPscAlphaMultisynapse,
        BaseModel::IafPscExpMultisynapse,
        BaseModel::ParrotNeuron,
    ];

    /// NEST's name.
    pub fn name(self) -> &'static str {
        with_model!(self, M => M::NAME)
    }

    /// The Rust type of its parameters in network-core.
    pub fn rust_type(self) -> &'static str {
        match self {
            BaseModel::IafPscAlpha => "IafPscAlpha",
            BaseModel::IafPscExp => "IafPscExp",
            BaseModel::IafPscDelta => "IafPscDelta",
            BaseModel::IafPscAlphaMultisynapse => "IafPscAlphaMultisynapse",
            BaseModel::IafPscExpMultisynapse => "IafPscExpMultisynapse",
            BaseModel::ParrotNeuron => "ParrotNeuron",
        }
    }

    /// The parameter table.
    pub fn parameters(self) -> &'static [ParamInfo] {
        with_model!(self, M => M::PARAMETERS)
    }

    /// What a multimeter can record from it with `ports` receptor ports (ignored by
    /// models without ports).
    pub fn recordables(self, ports: usize) -> Vec<Recordable> {
        with_model!(self, M => {
            let mut m = M::default();
            if self.has_receptor_ports() {
                let _ = m.set_list("", "tau_syn", &vec![1.0; ports]);
            }
            m.recordables()
        })
    }

    /// Whether connections name a receptor port (`tau_syn` is a list, one per port)
    /// instead of the weight's sign picking excitation or inhibition.
    pub fn has_receptor_ports(self) -> bool {
        matches!(
            self,
            BaseModel::IafPscAlphaMultisynapse | BaseModel::IafPscExpMultisynapse
        )
    }

    /// NEST's `tau_syn` of a port for `transmitter` when no rise time is declared: the
    /// time to peak of the transmitter's literature current for the alpha model (where
    /// `tau_syn` is the time to peak), its decay time for the exponential one.
    pub fn default_tau_syn(self, transmitter: &Transmitter) -> f64 {
        match self {
            BaseModel::IafPscExpMultisynapse => transmitter.tau_decay,
            _ => transmitter.time_to_peak(),
        }
    }

    /// Whether a spike's weight is a voltage jump (mV) rather than a current (pA).
    pub fn weight_is_voltage(self) -> bool {
        self == BaseModel::IafPscDelta
    }

    /// The model by NEST's name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Runs the engine's own check (`NeuronModel::validate`) on the defaults with
    /// `values` set, so the compile-time check is exactly the run-time one.
    pub fn validate(self, entity: &str, values: &[(&str, f64)]) -> network_core::Result<()> {
        self.validate_with_lists(entity, values, &[])
    }

    /// [`validate`](Self::validate) with list parameters (`tau_syn`) too.
    pub fn validate_with_lists(
        self,
        entity: &str,
        values: &[(&str, f64)],
        lists: &[(&str, Vec<f64>)],
    ) -> network_core::Result<()> {
        with_model!(self, M => {
            let mut m = M::default();
            for (name, v) in values {
                m.set(entity, name, *v)?;
            }
            for (name, v) in lists {
                m.set_list(entity, name, v)?;
            }
            m.validate(entity)
        })
    }

    /// The value of parameter `name` given the values set (NEST's default otherwise).
    pub fn param(self, name: &str, values: &[(&str, f64)]) -> Option<f64> {
        values
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|v| v.1)
            .or_else(|| {
                self.parameters()
                    .iter()
                    .find(|p| p.name == name)
                    .map(|p| p.default)
            })
    }
}

/// A transmitter a multisynapse neuron can declare, with the rise and decay time
/// constants (ms) of its synaptic conductance from Hill & Tononi (2005), J Neurophysiol
/// 93:1671–1698, Table 2 (NEST's `ht_neuron` defaults `tau_rise_*`, `tau_decay_*`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transmitter {
    /// `AMPA`, `NMDA`, `GABA_A` or `GABA_B`.
    pub name: &'static str,
    /// Rise time constant (ms).
    pub tau_rise: f64,
    /// Decay time constant (ms).
    pub tau_decay: f64,
}

/// The transmitters the language knows, with Hill & Tononi's time constants.
pub const TRANSMITTERS: [Transmitter; 4] = [
    Transmitter {
        name: "AMPA",
        tau_rise: 0.5,
        tau_decay: 2.4,
    },
    Transmitter {
        name: "NMDA",
        tau_rise: 4.0,
        tau_decay: 40.0,
    },
    Transmitter {
        name: "GABA_A",
        tau_rise: 1.0,
        tau_decay: 7.0,
    },
    Transmitter {
        name: "GABA_B",
        tau_rise: 60.0,
        tau_decay: 200.0,
    },
];

impl Transmitter {
    /// By name.
    pub fn from_name(name: &str) -> Option<&'static Transmitter> {
        TRANSMITTERS.iter().find(|t| t.name == name)
    }

    /// The names, for messages.
    pub fn names() -> Vec<&'static str> {
        TRANSMITTERS.iter().map(|t| t.name).collect()
    }

    /// Time to peak (ms) of the difference of exponentials with these time constants:
    /// `τr·τd/(τd − τr) · ln(τd/τr)`. AMPA 0.99, NMDA 10.23, GABA_A 2.27, GABA_B 103.20.
    pub fn time_to_peak(&self) -> f64 {
        let (r, d) = (self.tau_rise, self.tau_decay);
        r * d / (d - r) * (d / r).ln()
    }
}

/// A NEST synapse model of network-core.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SynapseModel {
    /// `static_synapse`
    Static,
    /// `stdp_synapse`
    Stdp,
    /// `tsodyks_synapse`
    Tsodyks,
    /// `tsodyks2_synapse`
    Tsodyks2,
}

impl SynapseModel {
    /// Every model, for lookups and suggestions.
    pub const ALL: [SynapseModel; 4] = [
        SynapseModel::Static,
        SynapseModel::Stdp,
        SynapseModel::Tsodyks,
        SynapseModel::Tsodyks2,
    ];

    /// NEST's name.
    pub fn name(self) -> &'static str {
        match self {
            SynapseModel::Static => "static_synapse",
            SynapseModel::Stdp => StdpSynapse::NAME,
            SynapseModel::Tsodyks => TsodyksSynapse::NAME,
            SynapseModel::Tsodyks2 => Tsodyks2Synapse::NAME,
        }
    }

    /// The Rust type of its parameters in network-core.
    pub fn rust_type(self) -> &'static str {
        match self {
            SynapseModel::Static => "StaticSynapse",
            SynapseModel::Stdp => "StdpSynapse",
            SynapseModel::Tsodyks => "TsodyksSynapse",
            SynapseModel::Tsodyks2 => "Tsodyks2Synapse",
        }
    }

    /// The parameters besides `weight` and `delay`.
    pub fn parameters(self) -> &'static [ParamInfo] {
        match self {
            SynapseModel::Static => &[],
            SynapseModel::Stdp => StdpSynapse::PARAMETERS,
            SynapseModel::Tsodyks => TsodyksSynapse::PARAMETERS,
            SynapseModel::Tsodyks2 => Tsodyks2Synapse::PARAMETERS,
        }
    }

    /// Parameters whose unit is the weight's (pA, or mV onto iaf_psc_delta).
    pub fn weight_like(name: &str) -> bool {
        name == "Wmax"
    }

    /// The model by NEST's name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Runs the engine's own check (`validate` of the synapse type) on the defaults with
    /// `values` set, a constant `weight` (or, when it is drawn or computed, `Wmax`, so that
    /// only the parameters are judged) and a constant `delay` (ms) if known.
    pub fn validate(
        self,
        entity: &str,
        values: &[(&str, f64)],
        weight: Option<f64>,
        delay: Option<f64>,
        res: &Resolution,
    ) -> network_core::Result<()> {
        macro_rules! run {
            ($ty:ty) => {{
                let mut s = <$ty>::default();
                for (name, v) in values {
                    s.set(entity, name, *v)?;
                }
                s.weight = Value::Constant(weight.unwrap_or_else(|| {
                    values
                        .iter()
                        .find(|(n, _)| *n == "Wmax")
                        .map_or(1.0, |v| v.1)
                }));
                if let Some(d) = delay {
                    s.delay = Value::Constant(d);
                }
                s.validate(entity, res)
            }};
        }
        match self {
            SynapseModel::Static => Ok(()),
            SynapseModel::Stdp => run!(StdpSynapse),
            SynapseModel::Tsodyks => run!(TsodyksSynapse),
            SynapseModel::Tsodyks2 => run!(Tsodyks2Synapse),
        }
    }
}

/// A cell class and the parameters its preset sets (the reference workflow's values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellClass {
    /// Excitatory: positive weights.
    Excitatory,
    /// Inhibitory: negative weights.
    Inhibitory,
}

impl CellClass {
    /// By name.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "excitatory" => Some(CellClass::Excitatory),
            "inhibitory" => Some(CellClass::Inhibitory),
            _ => None,
        }
    }

    /// The name.
    pub fn name(self) -> &'static str {
        match self {
            CellClass::Excitatory => "excitatory",
            CellClass::Inhibitory => "inhibitory",
        }
    }

    /// The preset: V_th, V_reset (mV), tau_m, t_ref (ms).
    pub fn preset(self) -> [(&'static str, f64); 4] {
        match self {
            CellClass::Inhibitory => [
                ("V_th", -52.0),
                ("V_reset", -65.0),
                ("tau_m", 10.0),
                ("t_ref", 1.0),
            ],
            CellClass::Excitatory => [
                ("V_th", -50.0),
                ("V_reset", -70.0),
                ("tau_m", 20.0),
                ("t_ref", 2.0),
            ],
        }
    }
}
