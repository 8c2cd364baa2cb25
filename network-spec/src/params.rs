//! Parameter tables: every parameter of every neuron and synapse model is declared once,
//! in a [`parameters!`](crate::parameters) block, with its NEST name, dimension, default,
//! kind and doc. The block derives the struct (fields documented with unit and default),
//! `Default`, the table ([`ParamInfo`]), access by NEST name ([`Parameters`]) and the
//! checks that follow from the table; the model's own checks are written beside it.

use crate::error::{Error, Result};
use crate::units::Dimension;
use crate::value::Value;
use std::fmt::Debug;

/// What a parameter holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamKind {
    /// A number in the unit of its dimension.
    Scalar,
    /// A boolean, written 0 or 1 (NEST's `true`/`false`).
    Flag,
    /// A list of numbers, e.g. `tau_syn`, one per receptor port.
    List,
}

impl ParamKind {
    /// The name, as the docs write it: `scalar`, `flag` or `list`.
    pub fn name(self) -> &'static str {
        match self {
            ParamKind::Scalar => "scalar",
            ParamKind::Flag => "flag",
            ParamKind::List => "list",
        }
    }
}

/// One parameter of a model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamInfo {
    /// The NEST name, e.g. `tau_syn_ex`.
    pub name: &'static str,
    /// Its dimension (and so its unit).
    pub dimension: Dimension,
    /// NEST's default value in NEST units: 0 or 1 for a flag, the first element's for a
    /// list.
    pub default: f64,
    /// Scalar, flag or list.
    pub kind: ParamKind,
    /// One line of documentation.
    pub doc: &'static str,
}

impl ParamInfo {
    /// Whether the parameter is a flag (0/1).
    pub fn is_flag(&self) -> bool {
        self.kind == ParamKind::Flag
    }

    /// Whether the parameter is a list.
    pub fn is_list(&self) -> bool {
        self.kind == ParamKind::List
    }
}

/// A parameter's storage, read by name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldRef<'a> {
    /// A number.
    Scalar(f64),
    /// A flag.
    Flag(bool),
    /// A list.
    List(&'a [f64]),
    /// A weight or delay, constant or drawn.
    Value(Value),
}

/// A parameter's storage, written by name.
#[derive(Debug)]
pub enum FieldMut<'a> {
    /// A number.
    Scalar(&'a mut f64),
    /// A flag.
    Flag(&'a mut bool),
    /// A list.
    List(&'a mut Vec<f64>),
    /// A weight or delay, constant or drawn.
    Value(&'a mut Value),
}

/// The Rust types a parameter is stored in.
pub trait Field {
    /// Read access.
    fn field(&self) -> FieldRef<'_>;
    /// Write access.
    fn field_mut(&mut self) -> FieldMut<'_>;
}

impl Field for f64 {
    fn field(&self) -> FieldRef<'_> {
        FieldRef::Scalar(*self)
    }
    fn field_mut(&mut self) -> FieldMut<'_> {
        FieldMut::Scalar(self)
    }
}

impl Field for bool {
    fn field(&self) -> FieldRef<'_> {
        FieldRef::Flag(*self)
    }
    fn field_mut(&mut self) -> FieldMut<'_> {
        FieldMut::Flag(self)
    }
}

impl Field for Vec<f64> {
    fn field(&self) -> FieldRef<'_> {
        FieldRef::List(self)
    }
    fn field_mut(&mut self) -> FieldMut<'_> {
        FieldMut::List(self)
    }
}

impl Field for Value {
    fn field(&self) -> FieldRef<'_> {
        FieldRef::Value(*self)
    }
    fn field_mut(&mut self) -> FieldMut<'_> {
        FieldMut::Value(self)
    }
}

/// The parameter side of a neuron or synapse model: its NEST name, its table, and
/// access by NEST name. Implemented by [`parameters!`](crate::parameters).
pub trait Parameters: Clone + Debug + Default + PartialEq + Send + Sync + 'static {
    /// The NEST model name, e.g. `iaf_psc_alpha`.
    const NAME: &'static str;
    /// The parameters with their units, defaults, kinds and docs, in NEST's spelling
    /// (for a synapse: besides `weight` and `delay`).
    const PARAMETERS: &'static [ParamInfo];
    /// Names accepted besides the table's (`weight` and `delay` of a synapse).
    const EXTRA_NAMES: &'static [&'static str] = &[];

    /// The storage of parameter `name`, if the model has it.
    fn field(&self, name: &str) -> Option<FieldRef<'_>>;
    /// The storage of parameter `name`, if the model has it, to write.
    fn field_mut(&mut self, name: &str) -> Option<FieldMut<'_>>;

    /// Sets a parameter by its NEST name: a number, a flag (0 or 1), or a weight or
    /// delay (which becomes a constant). `entity` names the model in errors.
    fn set(&mut self, entity: &str, name: &str, value: f64) -> Result<()> {
        match self.field_mut(name) {
            Some(FieldMut::Scalar(f)) => *f = value,
            Some(FieldMut::Flag(f)) => *f = flag(entity, name, value)?,
            Some(FieldMut::Value(f)) => *f = Value::Constant(value),
            Some(FieldMut::List(_)) => return Err(list_given_one_value(entity, name, value)),
            None => return Err(unknown::<Self>(entity, name)),
        }
        Ok(())
    }

    /// Reads a number or flag (0/1) by its NEST name (`None` for a list, a weight or a
    /// delay, or a name the model lacks).
    fn get(&self, name: &str) -> Option<f64> {
        match self.field(name)? {
            FieldRef::Scalar(v) => Some(v),
            FieldRef::Flag(f) => Some(f64::from(u8::from(f))),
            FieldRef::List(_) | FieldRef::Value(_) => None,
        }
    }

    /// Sets a list parameter, e.g. `tau_syn` (ms).
    fn set_list(&mut self, entity: &str, name: &str, values: &[f64]) -> Result<()> {
        match self.field_mut(name) {
            Some(FieldMut::List(f)) => {
                *f = values.to_vec();
                Ok(())
            }
            Some(_) => Err(Error::invalid(
                entity,
                name,
                values,
                format!("{} has no list parameter `{name}`", Self::NAME),
            )),
            None => Err(unknown::<Self>(entity, name)),
        }
    }

    /// Reads a list parameter by its NEST name.
    fn get_list(&self, name: &str) -> Option<Vec<f64>> {
        match self.field(name)? {
            FieldRef::List(v) => Some(v.to_vec()),
            _ => None,
        }
    }

    /// The checks that follow from the table: every number finite, except that a
    /// parameter whose NEST default is infinite (`V_min = -inf`) may keep that value.
    /// Flags are checked when set; lists by the model.
    fn check_table(&self, entity: &str) -> Result<()> {
        for info in Self::PARAMETERS {
            if info.kind != ParamKind::Scalar {
                continue;
            }
            let Some(v) = self.get(info.name) else {
                continue;
            };
            if v.is_finite() || v == info.default {
                continue;
            }
            let reason = if info.default.is_infinite() {
                format!("must be a number or {}", info.default)
            } else {
                "must be finite".to_string()
            };
            return Err(Error::invalid(entity, info.name, v, reason));
        }
        Ok(())
    }
}

/// The error for a parameter name model `M` does not have, with a suggestion.
pub fn unknown<M: Parameters>(entity: &str, name: &str) -> Error {
    let mut names: Vec<&str> = M::PARAMETERS.iter().map(|p| p.name).collect();
    names.extend(M::EXTRA_NAMES);
    Error::unknown_parameter(entity, name, &names)
}

/// A flag from a number: 0 is false, 1 is true, anything else an error.
pub fn flag(entity: &str, name: &str, value: f64) -> Result<bool> {
    if value == 0.0 || value == 1.0 {
        Ok(value == 1.0)
    } else {
        Err(Error::invalid(
            entity,
            name,
            value,
            "is a flag: must be 0 (false) or 1 (true)",
        ))
    }
}

/// The error for a list parameter set to a single number.
pub fn list_given_one_value(entity: &str, name: &str, value: f64) -> Error {
    Error::invalid(
        entity,
        name,
        value,
        format!(
            "{name} is a list with one value per element, e.g. one time constant per \
             receptor port: [2.0, 10.0] ms (set it with `set_list`)"
        ),
    )
}

/// The first element of a list default, for the table (NaN for an empty list).
pub const fn first(values: &[f64]) -> f64 {
    if values.is_empty() {
        f64::NAN
    } else {
        values[0]
    }
}

/// Rejects a value that is not strictly positive and finite.
pub fn positive(entity: &str, name: &str, value: f64) -> Result<()> {
    if value > 0.0 && value.is_finite() {
        Ok(())
    } else {
        Err(Error::invalid(entity, name, value, "must be > 0"))
    }
}

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
/// `NAME: list DIMENSION = [..], "doc";` for a list. `neuron` declares the parameter
/// struct of a neuron model; `synapse` adds the synapse's `model` name, `weight` and
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
                self.weight
            }
            fn weight_mut(&mut self) -> &mut $crate::Value {
                &mut self.weight
            }
            fn delay(&self) -> $crate::Value {
                self.delay
            }
            fn delay_mut(&mut self) -> &mut $crate::Value {
                &mut self.delay
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
    ((list $d:ident)) => {
        $crate::Dimension::$d
    };
    (($d:ident)) => {
        $crate::Dimension::$d
    };
}

/// The unit, as a literal for the docs (the same as [`Dimension::unit`], checked by a
/// test; `1` for a pure number).
#[doc(hidden)]
#[macro_export]
macro_rules! __param_unit {
    ((flag)) => {
        "0/1"
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

#[cfg(test)]
mod tests {
    use crate::Dimension::*;

    /// The docs' literal units (which `concat!` needs) say what `Dimension::unit` says.
    #[test]
    fn doc_units_are_the_dimensions_units() {
        assert_eq!(crate::__param_unit!((Time)), Time.unit());
        assert_eq!(crate::__param_unit!((Voltage)), Voltage.unit());
        assert_eq!(crate::__param_unit!((Current)), Current.unit());
        assert_eq!(crate::__param_unit!((Capacitance)), Capacitance.unit());
        assert_eq!(crate::__param_unit!((Rate)), Rate.unit());
        assert_eq!(crate::__param_unit!((Length)), Length.unit());
        assert_eq!(crate::__param_unit!((Angle)), Angle.unit());
        assert_eq!(crate::__param_unit!((Density)), Density.unit());
        assert_eq!(crate::__param_unit!((Percent)), Percent.unit());
        assert_eq!(crate::__param_unit!((list Time)), Time.unit());
        assert_eq!(crate::__param_unit!((Number)), "1");
    }
}
