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
    /// Synaptic conductance of receptor port `k` (1-based, NEST's `g_k`) of a
    /// conductance-based multisynapse model (nS).
    g_port(u16),
    /// Excitatory synaptic conductance of a conductance-based model (nS).
    g_ex,
    /// Inhibitory synaptic conductance of a conductance-based model (nS, positive).
    g_in,
    /// Spike-adaptation current of an adaptive exponential model (pA).
    w,
    /// Sodium activation `m` of a Hodgkin-Huxley model (pure number).
    Act_m,
    /// Sodium inactivation `h` of a Hodgkin-Huxley model (pure number).
    Inact_h,
    /// Potassium activation `n` of a Hodgkin-Huxley model (pure number).
    Act_n,
    /// Recovery variable of `izhikevich` (mV).
    U_m,
    /// Adaptive threshold of `mat2_psc_exp` and `amat2_psc_exp` (mV, absolute).
    V_th,
    /// Voltage-dependent threshold component of `amat2_psc_exp` (mV).
    V_th_v,
    /// Spike-frequency-adaptation threshold: `gif_psc_exp`'s moving threshold, or
    /// `pp_psc_delta`'s adaptive threshold relative to rest (mV).
    E_sfa,
    /// Spike-triggered current of `gif_psc_exp` (pA).
    I_stc,
    /// Rate of a rate neuron (a pure number).
    rate,
    /// Input noise of a rate neuron in the last step, `sigma · ξ` (a pure number).
    noise,
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
            Recordable::g_port(k) => format!("g_{k}").into(),
            Recordable::g_ex => "g_ex".into(),
            Recordable::g_in => "g_in".into(),
            Recordable::w => "w".into(),
            Recordable::Act_m => "Act_m".into(),
            Recordable::Inact_h => "Inact_h".into(),
            Recordable::Act_n => "Act_n".into(),
            Recordable::U_m => "U_m".into(),
            Recordable::V_th => "V_th".into(),
            Recordable::V_th_v => "V_th_v".into(),
            Recordable::E_sfa => "E_sfa".into(),
            Recordable::I_stc => "I_stc".into(),
            Recordable::rate => "rate".into(),
            Recordable::noise => "noise".into(),
        }
    }

    /// Parses a NEST recordable name (`I_syn_k` or `g_k` with a port `k >= 1`).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "V_m" => Some(Recordable::V_m),
            "I_syn_ex" => Some(Recordable::I_syn_ex),
            "I_syn_in" => Some(Recordable::I_syn_in),
            "I_syn" => Some(Recordable::I_syn),
            "g_ex" => Some(Recordable::g_ex),
            "g_in" => Some(Recordable::g_in),
            "w" => Some(Recordable::w),
            "Act_m" => Some(Recordable::Act_m),
            "Inact_h" => Some(Recordable::Inact_h),
            "Act_n" => Some(Recordable::Act_n),
            "U_m" => Some(Recordable::U_m),
            "V_th" => Some(Recordable::V_th),
            "V_th_v" => Some(Recordable::V_th_v),
            "E_sfa" => Some(Recordable::E_sfa),
            "I_stc" => Some(Recordable::I_stc),
            "rate" => Some(Recordable::rate),
            "noise" => Some(Recordable::noise),
            _ => {
                let port = |digits: &str| {
                    if digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
                        return None;
                    }
                    digits.parse::<u16>().ok()
                };
                if let Some(digits) = name.strip_prefix("I_syn_") {
                    port(digits).map(Recordable::I_syn_port)
                } else {
                    port(name.strip_prefix("g_")?).map(Recordable::g_port)
                }
            }
        }
    }

    /// The unit of its values, as NEST writes it (`mV`, `pA`, `nS`; `1` for a pure
    /// number), for axis labels.
    pub fn unit(self) -> &'static str {
        match self {
            Recordable::I_syn_ex
            | Recordable::I_syn_in
            | Recordable::I_syn
            | Recordable::I_syn_port(_)
            | Recordable::w
            | Recordable::I_stc => "pA",
            Recordable::V_m
            | Recordable::U_m
            | Recordable::V_th
            | Recordable::V_th_v
            | Recordable::E_sfa => "mV",
            Recordable::g_ex | Recordable::g_in | Recordable::g_port(_) => "nS",
            Recordable::Act_m
            | Recordable::Inact_h
            | Recordable::Act_n
            | Recordable::rate
            | Recordable::noise => "1",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_names_parse_as_nest_writes_them() {
        assert_eq!(Recordable::from_name("g_2"), Some(Recordable::g_port(2)));
        assert_eq!(
            Recordable::from_name("I_syn_3"),
            Some(Recordable::I_syn_port(3))
        );
        assert_eq!(Recordable::from_name("g_ex"), Some(Recordable::g_ex));
        for bad in ["g_0", "g_01", "g_", "g_x", "I_syn_0"] {
            assert_eq!(Recordable::from_name(bad), None, "{bad}");
        }
        assert_eq!(Recordable::g_port(12).name(), "g_12");
        assert_eq!(Recordable::g_port(1).unit(), "nS");
    }
}
