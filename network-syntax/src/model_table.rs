//! The neuron and synapse models the language knows: the registry and parameter tables
//! of the vocabulary crate (the one table per model that the engine and the docs use
//! too), and the language's cell-class presets.

pub use network_spec::registry::{BaseModel, SynapseModel, Transmitter, TRANSMITTERS};

/// A cell class and the parameters its preset sets (the reference workflow's values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellClass {
    /// Excitatory: positive weights.
    Excitatory,
    /// Inhibitory: negative weights.
    Inhibitory,
}

impl CellClass {
    /// Every class, as `(excitatory)` and `(inhibitory)` presets and `class:` values.
    pub const ALL: [CellClass; 2] = [CellClass::Excitatory, CellClass::Inhibitory];

    /// By name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
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
