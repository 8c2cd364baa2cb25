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
    /// A whole number (NEST's integer parameters, e.g. `n` of `quantal_stp_synapse`),
    /// stored as a number and checked to be whole.
    Integer,
}

impl ParamKind {
    /// The name, as the docs write it: `scalar`, `flag` or `list`.
    pub fn name(self) -> &'static str {
        match self {
            ParamKind::Scalar => "scalar",
            ParamKind::Flag => "flag",
            ParamKind::List => "list",
            ParamKind::Integer => "integer",
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

    /// Whether the parameter is a whole number (NEST writes it as an integer).
    pub fn is_integer(&self) -> bool {
        self.kind == ParamKind::Integer
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
    /// A weight or delay, constant, drawn or computed per pair.
    Value(&'a Value),
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
        FieldRef::Value(self)
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

    /// The checks that follow from the table: every number a number (not NaN), whole
    /// for an integer. Infinite values pass, as NEST accepts them (`V_th = +inf`: a
    /// neuron that never fires); the model's own checks reject those NEST rejects
    /// (`C_m = -inf`, `V_reset = +inf` above `V_th`). Flags are checked when set;
    /// lists by the model.
    fn check_table(&self, entity: &str) -> Result<()> {
        for info in Self::PARAMETERS {
            if !matches!(info.kind, ParamKind::Scalar | ParamKind::Integer) {
                continue;
            }
            let Some(v) = self.get(info.name) else {
                continue;
            };
            if info.is_integer() && !(v.is_finite() && v.fract() == 0.0) {
                return Err(Error::invalid(
                    entity,
                    info.name,
                    v,
                    "must be a whole number",
                ));
            }
            if !v.is_nan() {
                continue;
            }
            return Err(Error::invalid(
                entity,
                info.name,
                v,
                "must be a number (NaN is none)",
            ));
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

/// Rejects a value that is not > 0 where NEST's dynamics with +inf are finite and
/// reproduced here, so +inf passes: a delta model's `C_m` (currents no longer move V_m,
/// spikes still do), `gsl_error_tol` (every RKF45 step accepted), a `gif_*` model's
/// `Delta_V` (the escape rate is `lambda_0` whatever V_m). Values NEST turns into NaN or
/// no dynamics are refused before, by [`crate::infinite`].
pub fn positive_inf_ok(entity: &str, name: &str, value: f64) -> Result<()> {
    above_zero(entity, name, value, "must be > 0")
}

/// Rejects a time constant that is not > 0; +inf passes, where NEST's propagators give
/// finite dynamics with it (exp(-h/inf) = 1: a current or threshold that never decays).
pub fn positive_or_inf(entity: &str, name: &str, value: f64) -> Result<()> {
    above_zero(
        entity,
        name,
        value,
        "may be +inf (never decays), else must be > 0",
    )
}

/// Rejects a time constant of a spike trace that is not > 0; +inf passes, as in NEST
/// (1/tau = 0: the trace never decays, e.g. `tau_minus` of NEST's ArchivingNode).
pub fn trace_time_constant(entity: &str, name: &str, value: f64) -> Result<()> {
    above_zero(
        entity,
        name,
        value,
        "may be +inf (a trace that never decays), else must be > 0",
    )
}

/// The one check behind the three above: `value > 0` (+inf included, NaN refused),
/// else an error with `reason` (ending in the number, so the unit is appended).
fn above_zero(entity: &str, name: &str, value: f64, reason: &str) -> Result<()> {
    if value > 0.0 {
        Ok(())
    } else {
        Err(Error::invalid(entity, name, value, reason))
    }
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
        assert_eq!(crate::__param_unit!((Conductance)), Conductance.unit());
        assert_eq!(crate::__param_unit!((Rate)), Rate.unit());
        assert_eq!(crate::__param_unit!((Length)), Length.unit());
        assert_eq!(crate::__param_unit!((Angle)), Angle.unit());
        assert_eq!(crate::__param_unit!((Density)), Density.unit());
        assert_eq!(crate::__param_unit!((Percent)), Percent.unit());
        assert_eq!(crate::__param_unit!((list Time)), Time.unit());
        assert_eq!(crate::__param_unit!((Number)), "1");
    }
}
