//! Values with their unit in the type, for the typed setters the `network!` macro
//! generates: `net.set_exc(net.exc.all()).I_e(pA(376.0))?` compiles, `.I_e(mV(1.0))`
//! does not (a current is not a voltage). Every value is held in NEST's unit.

use super::super::handles::Selection;
use super::super::runtime::Network;
use crate::error::{Error, Result};
use crate::spec::Dimension;
use std::marker::PhantomData;

/// A unit: the marker type of a [`Quantity`].
pub trait Unit: Copy {
    /// The dimension it measures (and so NEST's unit).
    const DIMENSION: Dimension;
}

macro_rules! units {
    ($($(#[$doc:meta])* $marker:ident, $dimension:ident, $ctor:ident;)*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq)]
            pub enum $marker {}

            impl Unit for $marker {
                const DIMENSION: Dimension = Dimension::$dimension;
            }

            $(#[$doc])*
            #[allow(non_snake_case)]
            pub fn $ctor(value: f64) -> Quantity<$marker> {
                Quantity::new(value)
            }
        )*
    };
}

units! {
    /// Milliseconds (time).
    Ms, Time, ms;
    /// Millivolts (voltage).
    MilliVolt, Voltage, mV;
    /// Picoamperes (current).
    PicoAmpere, Current, pA;
    /// Picofarads (capacitance).
    PicoFarad, Capacitance, pF;
    /// Nanosiemens (conductance).
    NanoSiemens, Conductance, nS;
    /// Hertz (rate).
    Hertz, Rate, Hz;
    /// Degrees (angle: a generator's phase).
    Degree, Angle, deg;
    /// A pure number.
    Number, Number, number;
}

/// A value in the unit `U` (NEST's unit of its dimension).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity<U: Unit> {
    value: f64,
    unit: PhantomData<U>,
}

impl<U: Unit> Quantity<U> {
    /// `value` in `U`.
    pub fn new(value: f64) -> Self {
        Self {
            value,
            unit: PhantomData,
        }
    }

    /// The number, in `U`.
    pub fn value(self) -> f64 {
        self.value
    }
}

/// Some neurons of a built network, to change between runs (the typed setters the
/// `network!` macro generates call it with NEST's names).
pub struct NeuronsMut<'a> {
    network: &'a mut Network,
    population: usize,
    selection: Selection,
}

impl<'a> NeuronsMut<'a> {
    /// The neurons `selection` of population `population` (its index) of `network`.
    pub fn new(network: &'a mut Network, population: usize, selection: Selection) -> Self {
        Self {
            network,
            population,
            selection,
        }
    }

    /// Refuses a selection of another population than the view's.
    fn check(&self, name: &str) -> Result<()> {
        if self.selection.population() == self.population {
            return Ok(());
        }
        let info = self.network.populations();
        let named = |p: usize| info.get(p).map_or("?", |i| i.name.as_str());
        Err(Error::invalid(
            named(self.population),
            name,
            named(self.selection.population()),
            "is given a selection of another population",
        ))
    }

    /// Sets `name` to `value` in the unit of its dimension
    /// (see [`Network::set_neurons`]).
    pub fn set<U: Unit>(&mut self, name: &str, value: Quantity<U>) -> Result<&mut Self> {
        self.check(name)?;
        self.network
            .set_neurons(&self.selection, name, value.value())?;
        Ok(self)
    }

    /// Sets flag `name` (see [`Network::set_neurons`]).
    pub fn set_flag(&mut self, name: &str, value: bool) -> Result<&mut Self> {
        self.check(name)?;
        self.network
            .set_neurons(&self.selection, name, f64::from(u8::from(value)))?;
        Ok(self)
    }
}
