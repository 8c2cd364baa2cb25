//! Physical dimensions and units: each dimension has the NEST unit values are stored in,
//! and each unit a user may write has a dimension and a factor to that NEST unit, so
//! values are converted once, when a description is checked. A bare number is already
//! in NEST's unit.

/// The physical dimension of a parameter or value, with the NEST unit it is stored in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Time, ms.
    Time,
    /// Voltage, mV.
    Voltage,
    /// Current, pA.
    Current,
    /// Capacitance, pF.
    Capacitance,
    /// Conductance, nS.
    Conductance,
    /// Rate, Hz (1/s).
    Rate,
    /// Length, mm.
    Length,
    /// Angle, degrees.
    Angle,
    /// Neurons per volume, per mm³.
    Density,
    /// A percentage.
    Percent,
    /// A pure number (or a flag, 0/1).
    Number,
}

impl Dimension {
    /// The NEST unit, as written after numbers (empty for a pure number).
    pub fn unit(self) -> &'static str {
        match self {
            Dimension::Time => "ms",
            Dimension::Voltage => "mV",
            Dimension::Current => "pA",
            Dimension::Capacitance => "pF",
            Dimension::Conductance => "nS",
            Dimension::Rate => "Hz",
            Dimension::Length => "mm",
            Dimension::Angle => "deg",
            Dimension::Density => "per mm3",
            Dimension::Percent => "%",
            Dimension::Number => "",
        }
    }

    /// A name for messages, e.g. `a time`.
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Time => "a time",
            Dimension::Voltage => "a voltage",
            Dimension::Current => "a current",
            Dimension::Capacitance => "a capacitance",
            Dimension::Conductance => "a conductance",
            Dimension::Rate => "a rate",
            Dimension::Length => "a length",
            Dimension::Angle => "an angle",
            Dimension::Density => "a density",
            Dimension::Percent => "a percentage",
            Dimension::Number => "a pure number",
        }
    }

    /// Units a user may write for this dimension, for messages (`no unit` for a pure
    /// number).
    pub fn examples(self) -> String {
        let units: Vec<&str> = UNITS.iter().filter(|u| u.1 == self).map(|u| u.0).collect();
        if units.is_empty() {
            "no unit".into()
        } else {
            units.join(", ")
        }
    }
}

/// Every unit a user may write: name, dimension, factor to the NEST unit.
pub const UNITS: &[(&str, Dimension, f64)] = &[
    ("ms", Dimension::Time, 1.0),
    ("s", Dimension::Time, 1000.0),
    ("us", Dimension::Time, 1e-3),
    ("mV", Dimension::Voltage, 1.0),
    ("V", Dimension::Voltage, 1000.0),
    ("uV", Dimension::Voltage, 1e-3),
    ("pA", Dimension::Current, 1.0),
    ("nA", Dimension::Current, 1e3),
    ("uA", Dimension::Current, 1e6),
    ("pF", Dimension::Capacitance, 1.0),
    ("nF", Dimension::Capacitance, 1e3),
    ("uF", Dimension::Capacitance, 1e6),
    ("pS", Dimension::Conductance, 1e-3),
    ("nS", Dimension::Conductance, 1.0),
    ("uS", Dimension::Conductance, 1e3),
    ("Hz", Dimension::Rate, 1.0),
    ("kHz", Dimension::Rate, 1e3),
    ("um", Dimension::Length, 1e-3),
    ("mm", Dimension::Length, 1.0),
    ("cm", Dimension::Length, 10.0),
    ("m", Dimension::Length, 1e3),
    ("deg", Dimension::Angle, 1.0),
    ("per mm3", Dimension::Density, 1.0),
    ("per um3", Dimension::Density, 1e9),
    ("%", Dimension::Percent, 1.0),
];

/// The dimension and factor of a unit, or the closest known unit's name.
pub fn lookup(name: &str) -> Result<(Dimension, f64), Option<&'static str>> {
    UNITS
        .iter()
        .find(|u| u.0 == name)
        .map(|u| (u.1, u.2))
        .ok_or_else(|| {
            let names: Vec<&str> = UNITS.iter().map(|u| u.0).collect();
            crate::error::closest(name, &names)
        })
}
