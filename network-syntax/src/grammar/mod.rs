//! The language's vocabulary as tables: statements, settings, connection rules and
//! options, layouts, masks, kernels, random values, devices and `where { .. }` keys,
//! each with its keys, units, defaults and a line of documentation.
//!
//! The checker reads its lists of names and keys from here, and
//! [`crate::reference::language_markdown`] renders the same tables as
//! `docs/language.md`, so the reference cannot drift from what the checker accepts.
//! Adding a form to the language starts with a line in one of these tables.

mod connect;
mod devices;
mod spatial;
mod statements;

pub use connect::{option_list, ConnectOption, CONNECT_OPTIONS, CONNECT_WHERE, RULES, VALUES};
pub use devices::{device, Device, DeviceParams, RECORDERS, STIMULATORS, WINDOW};
pub use spatial::{KERNELS, LAYOUTS, MASKS, NEURON_WHERE, POPULATION_WHERE};
pub use statements::{statement_words, Statement, SETTINGS, STATEMENTS};

use crate::units::Dim;

/// What a key's value is written as.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ty {
    /// A number with a unit of this dimension (a bare number is in NEST's unit).
    Quantity(Dim),
    /// A point `[x, y]` or `[x, y, z]` with a length unit.
    Point,
    /// A list `[a, b, ..]` with a unit of this dimension.
    List(Dim),
    /// `true` or `false`.
    Flag,
    /// A whole number.
    Count,
    /// A string literal.
    Text,
    /// Something described in words (the doc says how it is written).
    Form(&'static str),
}

impl Ty {
    /// The type as the reference prints it: `time (ms)`, `list of times (ms)`, `true/false`.
    pub fn describe(self) -> String {
        let unit = |d: Dim| match d.unit() {
            "" => String::new(),
            u => format!(" ({u})"),
        };
        match self {
            Ty::Quantity(d) => format!(
                "{}{}",
                d.name().trim_start_matches("a ").trim_start_matches("an "),
                unit(d)
            ),
            Ty::Point => "point (mm)".into(),
            Ty::List(d) => format!(
                "list of {}s{}",
                d.name().trim_start_matches("a ").trim_start_matches("an "),
                unit(d)
            ),
            Ty::Flag => "true/false".into(),
            Ty::Count => "whole number".into(),
            Ty::Text => "string".into(),
            Ty::Form(f) => f.into(),
        }
    }
}

/// Whether a key must be written, and what it is when it is not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Default {
    /// It must be written.
    Required,
    /// Without it, this value (as written in the language, with its unit).
    Is(&'static str),
    /// Without it, this (in words).
    Said(&'static str),
    /// Without it, the feature is off (no mask, no metadata, ...).
    Unset,
}

/// One key of a form: a named argument, a device parameter, a `where` key.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    /// The name as written (NEST's where NEST has it).
    pub name: &'static str,
    /// What its value is.
    pub ty: Ty,
    /// Whether it must be written, and its default.
    pub default: Default,
    /// What it means.
    pub doc: &'static str,
}

/// A form written as a call, `name(arg, ..)` or `name(key: value, ..)`: a rule, layout,
/// mask, kernel or random value.
#[derive(Debug, Clone, Copy)]
pub struct Form {
    /// Its name (NEST's, where NEST has it).
    pub name: &'static str,
    /// Its arguments, in positional order.
    pub keys: &'static [Key],
    /// What it is.
    pub doc: &'static str,
}

impl Form {
    /// The argument names, in positional order.
    pub fn key_names(&self) -> Vec<&'static str> {
        self.keys.iter().map(|k| k.name).collect()
    }

    /// The arguments that must be written.
    pub fn required(&self) -> Vec<&'static str> {
        self.keys
            .iter()
            .filter(|k| k.default == Default::Required)
            .map(|k| k.name)
            .collect()
    }

    /// The signature as a message or the reference shows it: `gaussian(p0, mean, std)`,
    /// or the bare name of a form without arguments.
    pub fn signature(&self) -> String {
        if self.keys.is_empty() {
            return self.name.to_string();
        }
        format!("{}({})", self.name, self.key_names().join(", "))
    }
}

/// The form named `name` in `table`.
pub fn form(table: &'static [Form], name: &str) -> Option<&'static Form> {
    table.iter().find(|f| f.name == name)
}

/// The names of a table's forms.
pub fn names(table: &[Form]) -> Vec<&'static str> {
    table.iter().map(|f| f.name).collect()
}

/// The names of a list of keys.
pub fn key_names(keys: &[Key]) -> Vec<&'static str> {
    keys.iter().map(|k| k.name).collect()
}

/// A shorthand for the tables: a key with a default.
pub(crate) const fn key(name: &'static str, ty: Ty, default: Default, doc: &'static str) -> Key {
    Key {
        name,
        ty,
        default,
        doc,
    }
}
