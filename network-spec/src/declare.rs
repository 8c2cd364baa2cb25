//! The `parameters!` macro, which declares a model's parameters once (see
//! [`params`](crate::params)), and its helpers.

/// Declares a model's parameters once; see the [module](crate::params) docs.
///
/// ```
/// network_spec::parameters! {
///     /// `my_neuron`: an example.
///     pub neuron MyNeuron = "my_neuron" {
///         C_m: Capacitance = 250.0, "membrane capacitance";
///         V_min: Voltage = f64::NEG_INFINITY, "lower bound of the membrane potential";
///         refractory_input: flag = false, "keep input arriving while refractory";
///         tau_syn: list Time = [2.0], "synaptic time constant of each receptor port";
///     }
/// }
/// use network_spec::Parameters;
/// let mut m = MyNeuron::default();
/// m.set("m", "C_m", 200.0).unwrap();
/// assert_eq!(m.C_m, 200.0);
/// assert!(m.set("m", "refractory_input", 0.5).is_err());
/// assert_eq!(MyNeuron::PARAMETERS[3].kind, network_spec::ParamKind::List);
/// ```
///
/// Each line is `NAME: DIMENSION = default, "doc";` for a number (`DIMENSION` a
/// [`Dimension`](crate::Dimension) variant), `NAME: flag = bool, "doc";` for a flag and
/// `NAME: list DIMENSION = [..], "doc";` for a list, `NAME: integer = n, "doc";` for a
/// whole number. `neuron` declares the parameter
/// struct of a neuron model; `device` that of a stimulation device, with its activity
/// `window` (NEST's `origin`, `start`, `stop`) besides the table; `synapse` adds the synapse's `model` name, `weight` and
/// `delay` ([`Value`](crate::Value)s), `new`, `variant` and `validate`. Extra fields
/// that are not NEST parameters may follow the block in `+ { field: Type = default, }`.
#[macro_export]
macro_rules! parameters {
    (
        $(#[$attr:meta])*
        $vis:vis neuron $Name:ident = $nest:literal {
            $( $param:ident : $a:ident $($b:ident)? = $default:expr, $doc:literal; )*
        }
    ) => {
        $crate::__parameters_struct! {
            $(#[$attr])* $vis $Name = $nest {
                $( $param : ($a $($b)?) = $default, $doc; )*
            } {}
        }
        $crate::__parameters_impl! {
            $Name = $nest { $( $param : ($a $($b)?) = $default, $doc; )* } {} []
        }
    };
    (
        $(#[$attr:meta])*
        $vis:vis device $Name:ident = $nest:literal {
            $( $param:ident : $a:ident $($b:ident)? = $default:expr, $doc:literal; )*
        }
    ) => {
        $crate::__parameters_struct! {
            $(#[$attr])* $vis $Name = $nest {
                $( $param : ($a $($b)?) = $default, $doc; )*
            } {
                /// The activity window (NEST's `origin`, `start`, `stop`, ms).
                window: $crate::Window = $crate::Window::default(),
            }
        }
        $crate::__parameters_impl! {
            $Name = $nest { $( $param : ($a $($b)?) = $default, $doc; )* } {} []
        }
    };
    (
        $(#[$attr:meta])*
        $vis:vis synapse $Name:ident = $nest:literal {
            $( $param:ident : $a:ident $($b:ident)? = $default:expr, $doc:literal; )*
        } $( + { $( $(#[$eattr:meta])* $efield:ident : $ety:ty = $edefault:expr ),* $(,)? } )?
    ) => {
        $crate::__parameters_struct! {
            $(#[$attr])* $vis $Name = $nest {
                $( $param : ($a $($b)?) = $default, $doc; )*
            } {
                /// The model name: NEST's, or a variant's (NEST's `CopyModel`).
                model: ::std::string::String = ::std::string::String::from($nest),
                /// Weight: pA for current-based targets (the sign picks the excitatory or
                /// inhibitory channel), mV onto `iaf_psc_delta`; NEST's default 1.
                weight: $crate::Value = $crate::Value::Constant(1.0),
                /// Delay (ms), rounded to the nearest step; at least one step; NEST's
                /// default 1 ms.
                delay: $crate::Value = $crate::Value::Constant(1.0),
                /// NEST's `receptor_type`: 0 (the default) for models without receptor
                /// ports, where the weight's sign picks the excitatory or inhibitory
                /// input; `k` in `1..=n` for receptor port `k` of a multisynapse model
                /// with `n` ports, which takes weights of either sign.
                receptor_type: u16 = 0,
                $($( $(#[$eattr])* $efield : $ety = $edefault, )*)?
            }
        }
        $crate::__parameters_impl! {
            $Name = $nest { $( $param : ($a $($b)?) = $default, $doc; )* }
            { weight, delay } ["weight", "delay"]
        }
        impl $Name {
            /// This model with this weight and delay (ms) and NEST's other defaults.
            pub fn new(weight: impl ::core::convert::Into<$crate::Value>, delay: impl ::core::convert::Into<$crate::Value>) -> Self {
                Self {
                    weight: weight.into(),
                    delay: delay.into(),
                    ..<Self as ::core::default::Default>::default()
                }
            }

            /// A named variant with these defaults (NEST's `CopyModel` + `SetDefaults`);
            /// set the other fields on the result.
            pub fn variant(name: &str, weight: impl ::core::convert::Into<$crate::Value>, delay: impl ::core::convert::Into<$crate::Value>) -> Self {
                Self {
                    model: name.into(),
                    ..Self::new(weight, delay)
                }
            }

            /// The same synapse onto receptor port `receptor_type` of a multisynapse
            /// target (NEST's `syn_spec={"receptor_type": k}`).
            pub fn receptor(self, receptor_type: u16) -> Self {
                Self {
                    receptor_type,
                    ..self
                }
            }

            /// Checks every parameter as NEST does (weight, delay, the table, then the
            /// model's own checks); `entity` names the projection.
            pub fn validate(&self, entity: &str, res: &$crate::Resolution) -> $crate::Result<()> {
                <Self as $crate::SynapseParams>::validate(self, entity, res)
            }
        }
        impl $crate::synapse::SynapseFields for $Name {
            fn model(&self) -> &str {
                &self.model
            }
            fn model_mut(&mut self) -> &mut ::std::string::String {
                &mut self.model
            }
            fn weight(&self) -> $crate::Value {
                self.weight.clone()
            }
            fn weight_mut(&mut self) -> &mut $crate::Value {
                &mut self.weight
            }
            fn delay(&self) -> $crate::Value {
                self.delay.clone()
            }
            fn delay_mut(&mut self) -> &mut $crate::Value {
                &mut self.delay
            }
            fn receptor_type(&self) -> u16 {
                self.receptor_type
            }
        }
    };
}

/// The struct, its docs and `Default` (a detail of [`parameters!`]).
#[doc(hidden)]
#[macro_export]
macro_rules! __parameters_struct {
    (
        $(#[$attr:meta])* $vis:vis $Name:ident = $nest:literal {
            $( $param:ident : $kind:tt = $default:expr, $doc:literal; )*
        } {
            $( $(#[$eattr:meta])* $efield:ident : $ety:ty = $edefault:expr, )*
        }
    ) => {
        $(#[$attr])*
        #[doc = ""]
        #[doc = concat!("NEST's `", $nest, "` parameters (NEST 3.10 names and defaults):")]
        #[doc = ""]
        #[doc = "| parameter | unit | default | kind | description |"]
        #[doc = "|---|---|---|---|---|"]
        $( #[doc = concat!("| `", stringify!($param), "` | ", $crate::__param_unit!($kind), " | ", stringify!($default), " | ", $crate::__param_kind_name!($kind), " | ", $doc, " |")] )*
        #[allow(non_snake_case)]
        #[derive(Debug, Clone, PartialEq)]
        $vis struct $Name {
            $(
                $(#[$eattr])*
                pub $efield: $ety,
            )*
            $(
                #[doc = concat!($doc, " (", $crate::__param_unit!($kind), "; NEST's default: ", stringify!($default), ").")]
                pub $param: $crate::__param_type!($kind),
            )*
        }

        impl ::core::default::Default for $Name {
            /// NEST's defaults.
            fn default() -> Self {
                Self {
                    $( $efield: $edefault, )*
                    $( $param: $crate::__param_default!($kind $default), )*
                }
            }
        }
    };
}

/// The table and [`Parameters`](crate::Parameters) (a detail of [`parameters!`]).
#[doc(hidden)]
#[macro_export]
macro_rules! __parameters_impl {
    (
        $Name:ident = $nest:literal {
            $( $param:ident : $kind:tt = $default:expr, $doc:literal; )*
        } { $($vfield:ident),* } [ $($extra:literal),* ]
    ) => {
        impl $Name {
            /// The NEST model name.
            pub const NAME: &'static str = $nest;
            /// The parameters with their units, defaults, kinds and docs.
            pub const PARAMETERS: &'static [$crate::ParamInfo] = &[
                $(
                    $crate::ParamInfo {
                        name: stringify!($param),
                        dimension: $crate::__param_dimension!($kind),
                        default: $crate::__param_table_default!($kind $default),
                        kind: $crate::__param_kind!($kind),
                        doc: $doc,
                    },
                )*
            ];

            /// Sets a parameter by its NEST name (see [`Parameters::set`](crate::Parameters::set)).
            pub fn set(&mut self, entity: &str, name: &str, value: f64) -> $crate::Result<()> {
                <Self as $crate::Parameters>::set(self, entity, name, value)
            }

            /// Reads a number or flag by its NEST name.
            pub fn get(&self, name: &str) -> ::core::option::Option<f64> {
                <Self as $crate::Parameters>::get(self, name)
            }

            /// Sets a list parameter by its NEST name.
            pub fn set_list(&mut self, entity: &str, name: &str, values: &[f64]) -> $crate::Result<()> {
                <Self as $crate::Parameters>::set_list(self, entity, name, values)
            }

            /// Reads a list parameter by its NEST name.
            pub fn get_list(&self, name: &str) -> ::core::option::Option<::std::vec::Vec<f64>> {
                <Self as $crate::Parameters>::get_list(self, name)
            }
        }

        impl $crate::Parameters for $Name {
            const NAME: &'static str = $nest;
            const PARAMETERS: &'static [$crate::ParamInfo] = $Name::PARAMETERS;
            const EXTRA_NAMES: &'static [&'static str] = &[$($extra),*];

            fn field(&self, name: &str) -> ::core::option::Option<$crate::params::FieldRef<'_>> {
                match name {
                    $( stringify!($param) => Some($crate::params::Field::field(&self.$param)), )*
                    $( stringify!($vfield) => Some($crate::params::Field::field(&self.$vfield)), )*
                    _ => None,
                }
            }

            fn field_mut(&mut self, name: &str) -> ::core::option::Option<$crate::params::FieldMut<'_>> {
                match name {
                    $( stringify!($param) => Some($crate::params::Field::field_mut(&mut self.$param)), )*
                    $( stringify!($vfield) => Some($crate::params::Field::field_mut(&mut self.$vfield)), )*
                    _ => None,
                }
            }
        }
    };
}

/// The Rust type of a parameter kind.
#[doc(hidden)]
#[macro_export]
macro_rules! __param_type {
    ((flag)) => { bool };
    ((integer)) => { f64 };
    ((list $d:ident)) => { ::std::vec::Vec<f64> };
    (($d:ident)) => { f64 };
}

/// The field's default.
#[doc(hidden)]
#[macro_export]
macro_rules! __param_default {
    ((flag) $default:expr) => {
        $default
    };
    ((list $d:ident) $default:expr) => {
        <[f64]>::to_vec(&$default)
    };
    (($d:ident) $default:expr) => {
        $default
    };
}

/// The table's default.
#[doc(hidden)]
#[macro_export]
macro_rules! __param_table_default {
    ((integer) $default:expr) => {
        $default
    };
    ((flag) $default:expr) => {
        if $default {
            1.0
        } else {
            0.0
        }
    };
    ((list $d:ident) $default:expr) => {
        $crate::params::first(&$default)
    };
    (($d:ident) $default:expr) => {
        $default
    };
}

/// The table's kind.
#[doc(hidden)]
#[macro_export]
macro_rules! __param_kind {
    ((flag)) => {
        $crate::ParamKind::Flag
    };
    ((integer)) => {
        $crate::ParamKind::Integer
    };
    ((list $d:ident)) => {
        $crate::ParamKind::List
    };
    (($d:ident)) => {
        $crate::ParamKind::Scalar
    };
}

/// The kind's name, for the docs.
#[doc(hidden)]
#[macro_export]
macro_rules! __param_kind_name {
    ((flag)) => {
        "flag"
    };
    ((integer)) => {
        "integer"
    };
    ((list $d:ident)) => {
        "list"
    };
    (($d:ident)) => {
        "scalar"
    };
}

/// The table's dimension.
#[doc(hidden)]
#[macro_export]
macro_rules! __param_dimension {
    ((flag)) => {
        $crate::Dimension::Number
    };
    ((integer)) => {
        $crate::Dimension::Number
    };
    ((list $d:ident)) => {
        $crate::Dimension::$d
    };
    (($d:ident)) => {
        $crate::Dimension::$d
    };
}

/// The unit, as a literal for the docs (the same as [`Dimension::unit`](crate::Dimension::unit), checked by a
/// test; `1` for a pure number).
#[doc(hidden)]
#[macro_export]
macro_rules! __param_unit {
    ((flag)) => {
        "0/1"
    };
    ((integer)) => {
        "1"
    };
    ((list $d:ident)) => {
        $crate::__param_unit!(($d))
    };
    ((Time)) => {
        "ms"
    };
    ((Voltage)) => {
        "mV"
    };
    ((Current)) => {
        "pA"
    };
    ((Capacitance)) => {
        "pF"
    };
    ((Conductance)) => {
        "nS"
    };
    ((Rate)) => {
        "Hz"
    };
    ((Length)) => {
        "mm"
    };
    ((Angle)) => {
        "deg"
    };
    ((Density)) => {
        "per mm3"
    };
    ((Percent)) => {
        "%"
    };
    ((Number)) => {
        "1"
    };
}
