//! What a voltmeter or multimeter can record, by NEST's names.

use std::borrow::Cow;

/// A quantity a voltmeter or multimeter can record (NEST's names).
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Recordable {
    /// Membrane potential (mV).
    V_m,
    /// Excitatory synaptic current (pA).
    I_syn_ex,
    /// Inhibitory synaptic current (pA, negative).
    I_syn_in,
    /// Total synaptic current of a multisynapse model: the sum over its ports (pA).
    I_syn,
    /// Synaptic current of receptor port `k` (1-based, NEST's `I_syn_k`) of a
    /// multisynapse model (pA).
    I_syn_port(u16),
}

impl Recordable {
    /// The NEST name, e.g. `V_m` or `I_syn_2`.
    pub fn name(self) -> Cow<'static, str> {
        match self {
            Recordable::V_m => "V_m".into(),
            Recordable::I_syn_ex => "I_syn_ex".into(),
            Recordable::I_syn_in => "I_syn_in".into(),
            Recordable::I_syn => "I_syn".into(),
            Recordable::I_syn_port(k) => format!("I_syn_{k}").into(),
        }
    }

    /// Parses a NEST recordable name (`I_syn_k` with a port `k >= 1`).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "V_m" => Some(Recordable::V_m),
            "I_syn_ex" => Some(Recordable::I_syn_ex),
            "I_syn_in" => Some(Recordable::I_syn_in),
            "I_syn" => Some(Recordable::I_syn),
            _ => {
                let digits = name.strip_prefix("I_syn_")?;
                if digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                digits.parse().ok().map(Recordable::I_syn_port)
            }
        }
    }
}
