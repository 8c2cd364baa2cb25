//! The neuron models the language knows: network-core's models and their parameter
//! tables (the one table per model that the engine and the docs use too).

use network_core::models::ParamInfo;
use network_core::{IafPscAlpha, IafPscDelta, IafPscExp, NeuronModel};

/// A NEST neuron model of network-core.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseModel {
    /// `iaf_psc_alpha`
    IafPscAlpha,
    /// `iaf_psc_exp`
    IafPscExp,
    /// `iaf_psc_delta`
    IafPscDelta,
}

impl BaseModel {
    /// Every model, for lookups and suggestions.
    pub const ALL: [BaseModel; 3] = [
        BaseModel::IafPscAlpha,
        BaseModel::IafPscExp,
        BaseModel::IafPscDelta,
    ];

    /// NEST's name.
    pub fn name(self) -> &'static str {
        match self {
            BaseModel::IafPscAlpha => IafPscAlpha::NAME,
            BaseModel::IafPscExp => IafPscExp::NAME,
            BaseModel::IafPscDelta => IafPscDelta::NAME,
        }
    }

    /// The Rust type of its parameters in network-core.
    pub fn rust_type(self) -> &'static str {
        match self {
            BaseModel::IafPscAlpha => "IafPscAlpha",
            BaseModel::IafPscExp => "IafPscExp",
            BaseModel::IafPscDelta => "IafPscDelta",
        }
    }

    /// The parameter table.
    pub fn parameters(self) -> &'static [ParamInfo] {
        match self {
            BaseModel::IafPscAlpha => IafPscAlpha::PARAMETERS,
            BaseModel::IafPscExp => IafPscExp::PARAMETERS,
            BaseModel::IafPscDelta => IafPscDelta::PARAMETERS,
        }
    }

    /// What a multimeter can record from it.
    pub fn recordables(self) -> &'static [network_core::Recordable] {
        match self {
            BaseModel::IafPscAlpha => IafPscAlpha::RECORDABLES,
            BaseModel::IafPscExp => IafPscExp::RECORDABLES,
            BaseModel::IafPscDelta => IafPscDelta::RECORDABLES,
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
