//! The parameter table of a model: names as NEST spells them, physical dimension and
//! default. One table per model serves validation, loaders by name and documentation.

/// The physical dimension of a parameter, with the NEST unit it is stored in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// Time, in ms.
    Time,
    /// Voltage, in mV.
    Voltage,
    /// Current, in pA.
    Current,
    /// Capacitance, in pF.
    Capacitance,
    /// Rate, in 1/s (Hz).
    Rate,
    /// A pure number or a flag (0/1).
    Dimensionless,
}

impl Dimension {
    /// The NEST unit of this dimension.
    pub fn unit(self) -> &'static str {
        match self {
            Dimension::Time => "ms",
            Dimension::Voltage => "mV",
            Dimension::Current => "pA",
            Dimension::Capacitance => "pF",
            Dimension::Rate => "Hz",
            Dimension::Dimensionless => "",
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
    /// NEST's default value in NEST units.
    pub default: f64,
    /// One line of documentation.
    pub doc: &'static str,
    /// Whether the parameter is a list (e.g. `tau_syn`, one value per receptor port);
    /// `default` is then the value of each element NEST starts with.
    pub list: bool,
}

/// Shorthand for the parameter tables.
pub(crate) const fn param(
    name: &'static str,
    dimension: Dimension,
    default: f64,
    doc: &'static str,
) -> ParamInfo {
    ParamInfo {
        name,
        dimension,
        default,
        doc,
        list: false,
    }
}

/// Shorthand for a list parameter, e.g. `tau_syn`; `default` is each element's default.
pub(crate) const fn list_param(
    name: &'static str,
    dimension: Dimension,
    default: f64,
    doc: &'static str,
) -> ParamInfo {
    ParamInfo {
        list: true,
        ..param(name, dimension, default, doc)
    }
}

/// Implements `NeuronModel::set` and `NeuronModel::get` for parameters stored as fields
/// named as NEST names them; flags are read and written as 0/1.
macro_rules! named_params {
    ($($field:ident),* $(; flags: $($flag:ident),*)? $(; lists: $($list:ident),*)?) => {
        fn set(&mut self, entity: &str, name: &str, value: f64) -> $crate::error::Result<()> {
            match name {
                $( stringify!($field) => self.$field = value, )*
                $($( stringify!($flag) => self.$flag = value != 0.0, )*)?
                $($( stringify!($list) => {
                    return Err($crate::models::multisynapse::list_given_one_value(entity, value))
                } )*)?
                _ => return Err($crate::models::unknown_parameter::<Self>(entity, name)),
            }
            Ok(())
        }

        fn get(&self, name: &str) -> Option<f64> {
            match name {
                $( stringify!($field) => Some(self.$field), )*
                $($( stringify!($flag) => Some(f64::from(u8::from(self.$flag))), )*)?
                _ => None,
            }
        }

        $(
        fn set_list(&mut self, entity: &str, name: &str, values: &[f64]) -> $crate::error::Result<()> {
            match name {
                $( stringify!($list) => self.$list = values.to_vec(), )*
                _ => return Err($crate::models::unknown_parameter::<Self>(entity, name)),
            }
            Ok(())
        }

        fn get_list(&self, name: &str) -> Option<Vec<f64>> {
            match name {
                $( stringify!($list) => Some(self.$list.clone()), )*
                _ => None,
            }
        }
        )?
    };
}

pub(crate) use named_params;
