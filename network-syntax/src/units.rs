//! Units: each written unit has a dimension and a factor to NEST's unit of that
//! dimension, so values are converted once, at compile time. A bare number is already in
//! NEST's unit.

use network_core::models::Dimension;

/// The dimension of a value in the language (the models' dimensions and a few more).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    /// Time, ms.
    Time,
    /// Voltage, mV.
    Voltage,
    /// Current, pA.
    Current,
    /// Capacitance, pF.
    Capacitance,
    /// Rate, Hz.
    Rate,
    /// Length, mm.
    Length,
    /// Angle, degrees.
    Angle,
    /// Neurons per volume, per mm³.
    Density,
    /// A percentage.
    Percent,
    /// A pure number.
    Number,
}

impl Dim {
    /// The NEST unit, as written after numbers.
    pub fn unit(self) -> &'static str {
        match self {
            Dim::Time => "ms",
            Dim::Voltage => "mV",
            Dim::Current => "pA",
            Dim::Capacitance => "pF",
            Dim::Rate => "Hz",
            Dim::Length => "mm",
            Dim::Angle => "deg",
            Dim::Density => "per mm3",
            Dim::Percent => "%",
            Dim::Number => "",
        }
    }

    /// A name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Dim::Time => "a time",
            Dim::Voltage => "a voltage",
            Dim::Current => "a current",
            Dim::Capacitance => "a capacitance",
            Dim::Rate => "a rate",
            Dim::Length => "a length",
            Dim::Angle => "an angle",
            Dim::Density => "a density",
            Dim::Percent => "a percentage",
            Dim::Number => "a pure number",
        }
    }

    /// Units a user may write for this dimension.
    pub fn examples(self) -> String {
        let units: Vec<&str> = UNITS.iter().filter(|u| u.1 == self).map(|u| u.0).collect();
        if units.is_empty() {
            "no unit".into()
        } else {
            units.join(", ")
        }
    }
}

impl From<Dimension> for Dim {
    fn from(d: Dimension) -> Self {
        match d {
            Dimension::Time => Dim::Time,
            Dimension::Voltage => Dim::Voltage,
            Dimension::Current => Dim::Current,
            Dimension::Capacitance => Dim::Capacitance,
            Dimension::Rate => Dim::Rate,
            _ => Dim::Number,
        }
    }
}

/// Every unit: name, dimension, factor to the NEST unit.
pub const UNITS: &[(&str, Dim, f64)] = &[
    ("ms", Dim::Time, 1.0),
    ("s", Dim::Time, 1000.0),
    ("us", Dim::Time, 1e-3),
    ("mV", Dim::Voltage, 1.0),
    ("V", Dim::Voltage, 1000.0),
    ("uV", Dim::Voltage, 1e-3),
    ("pA", Dim::Current, 1.0),
    ("nA", Dim::Current, 1e3),
    ("uA", Dim::Current, 1e6),
    ("pF", Dim::Capacitance, 1.0),
    ("nF", Dim::Capacitance, 1e3),
    ("uF", Dim::Capacitance, 1e6),
    ("Hz", Dim::Rate, 1.0),
    ("kHz", Dim::Rate, 1e3),
    ("um", Dim::Length, 1e-3),
    ("mm", Dim::Length, 1.0),
    ("cm", Dim::Length, 10.0),
    ("m", Dim::Length, 1e3),
    ("deg", Dim::Angle, 1.0),
    ("per mm3", Dim::Density, 1.0),
    ("per um3", Dim::Density, 1e9),
    ("%", Dim::Percent, 1.0),
];

/// The dimension and factor of a unit, or the closest known unit's name.
pub fn lookup(name: &str) -> Result<(Dim, f64), Option<&'static str>> {
    UNITS
        .iter()
        .find(|u| u.0 == name)
        .map(|u| (u.1, u.2))
        .ok_or_else(|| {
            let names: Vec<&str> = UNITS.iter().map(|u| u.0).collect();
            network_core::error::closest(name, &names)
        })
}
