//! Dimensions of expressions of space as exponents of NEST's base units, so that a
//! product or a power has one (`mm/ms` is a speed), and a name for messages.

use crate::units::Dim;

/// Exponents of a dimension: length, time, current, voltage, rate, angle, percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Dims([i8; 7]);

pub(super) const NONE: Dims = Dims([0; 7]);

impl Dims {
    pub(super) fn of(d: Dim) -> Dims {
        let mut e = [0; 7];
        match d {
            Dim::Length => e[0] = 1,
            Dim::Time => e[1] = 1,
            Dim::Current => e[2] = 1,
            Dim::Voltage => e[3] = 1,
            Dim::Capacitance => e = [0, 1, 1, -1, 0, 0, 0],
            Dim::Conductance => e = [0, 0, 1, -1, 0, 0, 0],
            Dim::Rate => e[4] = 1,
            Dim::Angle => e[5] = 1,
            Dim::Density => e[0] = -3,
            Dim::Percent => e[6] = 1,
            Dim::Number => {}
        }
        Dims(e)
    }

    pub(super) fn combine(self, other: Dims, sign: i8) -> Dims {
        let mut e = self.0;
        for (a, b) in e.iter_mut().zip(other.0) {
            *a += sign * b;
        }
        Dims(e)
    }

    pub(super) fn times(self, n: i8) -> Dims {
        Dims(self.0.map(|a| a * n))
    }

    /// A name for messages: `a length`, or the units' product.
    pub(super) fn name(self) -> String {
        const ALL: [Dim; 11] = [
            Dim::Number,
            Dim::Length,
            Dim::Time,
            Dim::Current,
            Dim::Voltage,
            Dim::Capacitance,
            Dim::Conductance,
            Dim::Rate,
            Dim::Angle,
            Dim::Density,
            Dim::Percent,
        ];
        if let Some(d) = ALL.iter().find(|d| Dims::of(**d) == self) {
            return d.name().to_string();
        }
        let units = ["mm", "ms", "pA", "mV", "Hz", "deg", "%"];
        let parts: Vec<String> = self
            .0
            .iter()
            .zip(units)
            .filter(|(e, _)| **e != 0)
            .map(|(e, u)| {
                if *e == 1 {
                    u.to_string()
                } else {
                    format!("{u}^{e}")
                }
            })
            .collect();
        format!("a quantity in {}", parts.join("·"))
    }
}
