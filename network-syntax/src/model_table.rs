//! The neuron and synapse models the language knows: network-core's models and their
//! parameter tables (the one table per model that the engine and the docs use too).

use network_core::models::ParamInfo;
use network_core::{
    IafPscAlpha, IafPscDelta, IafPscExp, NeuronModel, ParrotNeuron, Resolution, StdpSynapse,
    Tsodyks2Synapse, TsodyksSynapse, Value,
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
    /// `parrot_neuron`
    ParrotNeuron,
}

impl BaseModel {
    /// Every model, for lookups and suggestions.
    pub const ALL: [BaseModel; 4] = [
        BaseModel::IafPscAlpha,
        BaseModel::IafPscExp,
        BaseModel::IafPscDelta,
        BaseModel::ParrotNeuron,
    ];

    /// NEST's name.
    pub fn name(self) -> &'static str {
        match self {
            BaseModel::IafPscAlpha => IafPscAlpha::NAME,
            BaseModel::IafPscExp => IafPscExp::NAME,
            BaseModel::IafPscDelta => IafPscDelta::NAME,
            BaseModel::ParrotNeuron => ParrotNeuron::NAME,
        }
    }

    /// The Rust type of its parameters in network-core.
    pub fn rust_type(self) -> &'static str {
        match self {
            BaseModel::IafPscAlpha => "IafPscAlpha",
            BaseModel::IafPscExp => "IafPscExp",
            BaseModel::IafPscDelta => "IafPscDelta",
            BaseModel::ParrotNeuron => "ParrotNeuron",
        }
    }

    /// The parameter table.
    pub fn parameters(self) -> &'static [ParamInfo] {
        match self {
            BaseModel::IafPscAlpha => IafPscAlpha::PARAMETERS,
            BaseModel::IafPscExp => IafPscExp::PARAMETERS,
            BaseModel::IafPscDelta => IafPscDelta::PARAMETERS,
            BaseModel::ParrotNeuron => ParrotNeuron::PARAMETERS,
        }
    }

    /// What a multimeter can record from it.
    pub fn recordables(self) -> &'static [network_core::Recordable] {
        match self {
            BaseModel::IafPscAlpha => IafPscAlpha::RECORDABLES,
            BaseModel::IafPscExp => IafPscExp::RECORDABLES,
            BaseModel::IafPscDelta => IafPscDelta::RECORDABLES,
            BaseModel::ParrotNeuron => ParrotNeuron::RECORDABLES,
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
        fn run<M: NeuronModel + Default>(
            entity: &str,
            values: &[(&str, f64)],
        ) -> network_core::Result<()> {
            let mut m = M::default();
            for (name, v) in values {
                m.set(entity, name, *v)?;
            }
            m.validate(entity)
        }
        match self {
            BaseModel::IafPscAlpha => run::<IafPscAlpha>(entity, values),
            BaseModel::IafPscExp => run::<IafPscExp>(entity, values),
            BaseModel::IafPscDelta => run::<IafPscDelta>(entity, values),
            BaseModel::ParrotNeuron => run::<ParrotNeuron>(entity, values),
        }
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
