//! The registry: one line per neuron model and per synapse model. [`BaseModel`],
//! [`SynapseModel`], the dispatch macros [`with_neuron_model!`](crate::with_neuron_model)
//! and [`with_synapse_model!`](crate::with_synapse_model), and the generated model docs
//! are all derived from these two lists.

use crate::error::Result;
use crate::neuron::NeuronParams;
use crate::params::{ParamInfo, Parameters};
use crate::recordable::Recordable;
use crate::synapse::{SynapseFields, SynapseParams};
use crate::time::Resolution;
use crate::value::Value;

/// Declares the neuron registry: the enum, its lookups and `with_neuron_model!`.
macro_rules! neuron_registry {
    ($d:tt $( $(#[$attr:meta])* $Model:ident ),* $(,)?) => {
        /// A NEST neuron model the language and the engine know.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum BaseModel {
            $( $(#[$attr])* $Model, )*
        }

        impl BaseModel {
            /// Every model, in the registry's order.
            pub const ALL: &'static [BaseModel] = &[$(BaseModel::$Model),*];

            /// The Rust type of its parameters (and, in the engine, its dynamics).
            pub fn rust_type(self) -> &'static str {
                match self {
                    $( BaseModel::$Model => stringify!($Model), )*
                }
            }
        }

        /// The neuron models' parameter types, for a glob re-export (the engine and the
        /// facade put them at their roots: `network::IafPscAlpha`).
        pub mod neuron_types {
            pub use crate::models::{$($Model),*};
        }

        /// Runs `$body` with `$M` the parameter type (in the engine: the model type) of
        /// a [`BaseModel`](crate::BaseModel): the one dispatch over neuron models.
        ///
        /// ```
        /// use network_spec::{with_neuron_model, BaseModel, Parameters};
        /// let name = with_neuron_model!(BaseModel::IafPscDelta, M => M::NAME);
        /// assert_eq!(name, "iaf_psc_delta");
        /// ```
        #[macro_export]
        macro_rules! with_neuron_model {
            ($d model:expr, $d M:ident => $d body:expr) => {
                match $d model {
                    $(
                        $crate::BaseModel::$Model => {
                            type $d M = $crate::models::$Model;
                            $d body
                        }
                    )*
                }
            };
        }
    };
}

/// Declares the synapse registry: the enum, its lookups and `with_synapse_model!`.
macro_rules! synapse_registry {
    ($d:tt $( $(#[$attr:meta])* $Variant:ident = $Model:ident ),* $(,)?) => {
        /// A NEST synapse model the language and the engine know.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum SynapseModel {
            $( $(#[$attr])* $Variant, )*
        }

        impl SynapseModel {
            /// Every model, in the registry's order.
            pub const ALL: &'static [SynapseModel] = &[$(SynapseModel::$Variant),*];

            /// The Rust type of its parameters.
            pub fn rust_type(self) -> &'static str {
                match self {
                    $( SynapseModel::$Variant => stringify!($Model), )*
                }
            }
        }

        /// The synapse models' parameter types, for a glob re-export (the facade's
        /// prelude).
        pub mod synapse_types {
            pub use crate::synapse::{$($Model),*};
        }

        /// Runs `$body` with `$S` the parameter type of a
        /// [`SynapseModel`](crate::SynapseModel): the one dispatch over synapse models.
        #[macro_export]
        macro_rules! with_synapse_model {
            ($d model:expr, $d S:ident => $d body:expr) => {
                match $d model {
                    $(
                        $crate::SynapseModel::$Variant => {
                            type $d S = $crate::synapse::$Model;
                            $d body
                        }
                    )*
                }
            };
        }
    };
}

// The neuron models: one line each (the type from `models`, declared with `parameters!`).
neuron_registry! {$
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
    /// `iaf_cond_exp`
    IafCondExp,
    /// `iaf_cond_alpha`
    IafCondAlpha,
    /// `aeif_cond_exp`
    AeifCondExp,
    /// `aeif_cond_alpha`
    AeifCondAlpha,
    /// `hh_psc_alpha`
    HhPscAlpha,
    /// `iaf_cond_beta`
    IafCondBeta,
    /// `aeif_psc_exp`
    AeifPscExp,
    /// `aeif_psc_alpha`
    AeifPscAlpha,
    /// `aeif_psc_delta`
    AeifPscDelta,
    /// `hh_cond_exp_traub`
    HhCondExpTraub,
    /// `izhikevich`
    Izhikevich,
    /// `iaf_psc_exp_htum`
    IafPscExpHtum,
    /// `mat2_psc_exp`
    Mat2PscExp,
    /// `amat2_psc_exp`
    Amat2PscExp,
    /// `gif_psc_exp`
    GifPscExp,
    /// `pp_psc_delta`
    PpPscDelta,
}

// The synapse models: one line each (the variant, and the type from `synapse`).
synapse_registry! {$
    /// `static_synapse`
    Static = StaticSynapse,
    /// `stdp_synapse`
    Stdp = StdpSynapse,
    /// `tsodyks_synapse`
    Tsodyks = TsodyksSynapse,
    /// `tsodyks2_synapse`
    Tsodyks2 = Tsodyks2Synapse,
    /// `stdp_pl_synapse_hom`
    StdpPlHom = StdpPlSynapseHom,
    /// `stdp_synapse_hom`
    StdpHom = StdpSynapseHom,
    /// `static_synapse_hom_w`
    StaticHomW = StaticSynapseHomW,
    /// `bernoulli_synapse`
    Bernoulli = BernoulliSynapse,
    /// `quantal_stp_synapse`
    QuantalStp = QuantalStpSynapse,
    /// `vogels_sprekeler_synapse`
    VogelsSprekeler = VogelsSprekelerSynapse,
    /// `stdp_triplet_synapse`
    StdpTriplet = StdpTripletSynapse,
}

impl BaseModel {
    /// NEST's name.
    pub fn name(self) -> &'static str {
        with_neuron_model!(self, M => M::NAME)
    }

    /// The parameter table.
    pub fn parameters(self) -> &'static [ParamInfo] {
        with_neuron_model!(self, M => <M as Parameters>::PARAMETERS)
    }

    /// The model by NEST's name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|m| m.name() == name)
    }

    /// What a multimeter can record from it with `ports` receptor ports (ignored by
    /// models without ports).
    pub fn recordables(self, ports: usize) -> Vec<Recordable> {
        with_neuron_model!(self, M => {
            let mut m = M::default();
            if M::HAS_RECEPTOR_PORTS {
                let _ = Parameters::set_list(&mut m, "", "tau_syn", &vec![1.0; ports]);
            }
            NeuronParams::recordables(&m)
        })
    }

    /// Whether connections name a receptor port (`tau_syn` is a list, one per port)
    /// instead of the weight's sign picking excitation or inhibition.
    pub fn has_receptor_ports(self) -> bool {
        with_neuron_model!(self, M => M::HAS_RECEPTOR_PORTS)
    }

    /// NEST's `tau_syn` of a port for `transmitter` when no rise time is declared: the
    /// time to peak of the transmitter's literature current for a model whose `tau_syn`
    /// is the time to peak (alpha currents), its decay time for one whose `tau_syn` is
    /// the decay time (exponential currents).
    pub fn default_tau_syn(self, transmitter: &Transmitter) -> f64 {
        if with_neuron_model!(self, M => M::TAU_SYN_IS_DECAY_TIME) {
            transmitter.tau_decay
        } else {
            transmitter.time_to_peak()
        }
    }

    /// The dimension of a spike's weight onto it: a current (pA), a voltage jump (mV)
    /// or a conductance (nS).
    pub fn weight_dimension(self) -> crate::units::Dimension {
        with_neuron_model!(self, M => M::WEIGHT)
    }

    /// Runs the model's checks ([`NeuronParams::validate`], the same the engine runs) on
    /// the defaults with `values` set, so the compile-time check is the run-time one.
    pub fn validate(self, entity: &str, values: &[(&str, f64)]) -> Result<()> {
        self.validate_with_lists(entity, values, &[])
    }

    /// [`validate`](Self::validate) with list parameters (`tau_syn`) too.
    pub fn validate_with_lists(
        self,
        entity: &str,
        values: &[(&str, f64)],
        lists: &[(&str, Vec<f64>)],
    ) -> Result<()> {
        with_neuron_model!(self, M => {
            let mut m = M::default();
            for (name, v) in values {
                Parameters::set(&mut m, entity, name, *v)?;
            }
            for (name, v) in lists {
                Parameters::set_list(&mut m, entity, name, v)?;
            }
            NeuronParams::validate(&m, entity)
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

    /// NEST's default of list parameter `name` (`tau_syn` of a multisynapse model).
    pub fn default_list(self, name: &str) -> Option<Vec<f64>> {
        with_neuron_model!(self, M => Parameters::get_list(&M::default(), name))
    }

    /// The table entry of parameter `name`.
    pub fn parameter(self, name: &str) -> Option<&'static ParamInfo> {
        self.parameters().iter().find(|p| p.name == name)
    }

    /// Whether parameter `name` is a flag (NEST's booleans, written 0/1).
    pub fn is_flag(self, name: &str) -> bool {
        self.parameter(name).is_some_and(ParamInfo::is_flag)
    }
}

impl SynapseModel {
    /// NEST's name.
    pub fn name(self) -> &'static str {
        with_synapse_model!(self, S => <S as Parameters>::NAME)
    }

    /// The parameters besides `weight` and `delay`.
    pub fn parameters(self) -> &'static [ParamInfo] {
        with_synapse_model!(self, S => <S as Parameters>::PARAMETERS)
    }

    /// The parameters common to all synapses of a projection (NEST's common properties,
    /// set on the model, not per connection).
    pub fn common(self) -> &'static [&'static str] {
        with_synapse_model!(self, S => <S as SynapseParams>::COMMON)
    }

    /// The parameters its target neuron model must have (`tau_minus` for STDP).
    pub fn target_parameters(self) -> &'static [&'static str] {
        with_synapse_model!(self, S => <S as SynapseParams>::TARGET_PARAMETERS)
    }

    /// Whether a parameter's unit is the weight's (pA, or mV onto `iaf_psc_delta`), in
    /// any synapse model (`Wmax`).
    pub fn weight_like(name: &str) -> bool {
        Self::ALL.iter().any(
            |m| with_synapse_model!(*m, S => <S as SynapseParams>::WEIGHT_LIKE.contains(&name)),
        )
    }

    /// The model by NEST's name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|m| m.name() == name)
    }

    /// Runs the model's checks (the engine's) on the defaults with `values` set, a
    /// constant `weight` (or, when it is drawn or computed, `Wmax`, so that only the
    /// parameters are judged) and a constant `delay` (ms) if known.
    pub fn validate(
        self,
        entity: &str,
        values: &[(&str, f64)],
        weight: Option<f64>,
        delay: Option<f64>,
        res: &Resolution,
    ) -> Result<()> {
        with_synapse_model!(self, S => {
            let mut s = S::default();
            for (name, v) in values {
                Parameters::set(&mut s, entity, name, *v)?;
            }
            *s.weight_mut() = Value::Constant(weight.unwrap_or_else(|| {
                values
                    .iter()
                    .find(|(n, _)| *n == "Wmax")
                    .map_or(1.0, |v| v.1)
            }));
            if let Some(d) = delay {
                *s.delay_mut() = Value::Constant(d);
            }
            SynapseParams::validate(&s, entity, res)
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
