//! NEST's plastic synapse models: `stdp_synapse` (pair-based, weight-dependent STDP),
//! `tsodyks_synapse` and `tsodyks2_synapse` (short-term facilitation and depression),
//! with NEST 3.10's parameter names, defaults and checks, and the [`Synapse`] a
//! projection is made with.

use super::{delay_steps, StaticSynapse, Value};
use crate::error::{Error, Result};
use crate::models::{Dimension::*, ParamInfo};
use crate::time::Resolution;

const fn param(
    name: &'static str,
    dimension: crate::models::Dimension,
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

/// The error for a parameter name a synapse model does not have, with a suggestion.
fn unknown(entity: &str, name: &str, table: &[ParamInfo]) -> Error {
    let mut names: Vec<&str> = table.iter().map(|p| p.name).collect();
    names.extend(["weight", "delay"]);
    Error::unknown_parameter(entity, name, &names)
}

fn finite(entity: &str, table: &[ParamInfo], get: impl Fn(&str) -> Option<f64>) -> Result<()> {
    for p in table {
        if let Some(v) = get(p.name) {
            if !v.is_finite() {
                return Err(Error::invalid(entity, p.name, v, "must be finite"));
            }
        }
    }
    Ok(())
}

fn in_unit_interval(entity: &str, name: &str, v: f64) -> Result<()> {
    if (0.0..=1.0).contains(&v) {
        Ok(())
    } else {
        Err(Error::invalid(entity, name, v, "must be in [0, 1]"))
    }
}

fn positive(entity: &str, name: &str, v: f64) -> Result<()> {
    if v > 0.0 {
        Ok(())
    } else {
        Err(Error::invalid(entity, name, v, "must be > 0 ms"))
    }
}

fn not_negative(entity: &str, name: &str, v: f64) -> Result<()> {
    if v >= 0.0 {
        Ok(())
    } else {
        Err(Error::invalid(
            entity,
            name,
            v,
            "must be >= 0 ms (0 disables it)",
        ))
    }
}

/// Implements `new`, `variant` and `set`/`get` by NEST name for a synapse struct whose fields are named as NEST
/// names its parameters (weight and delay are `Value`s and set as constants).
macro_rules! synapse_params {
    ($($field:ident),*) => {
        /// This model with this weight and delay (ms) and NEST's other defaults.
        pub fn new(weight: impl Into<Value>, delay: impl Into<Value>) -> Self {
            Self {
                weight: weight.into(),
                delay: delay.into(),
                ..Self::default()
            }
        }

        /// A named variant (NEST's CopyModel); set the other fields on the result.
        pub fn variant(name: &str, weight: impl Into<Value>, delay: impl Into<Value>) -> Self {
            Self {
                model: name.into(),
                ..Self::new(weight, delay)
            }
        }

        /// Sets a parameter by its NEST name (`weight` and `delay` become constants).
        pub fn set(&mut self, entity: &str, name: &str, value: f64) -> Result<()> {
            match name {
                "weight" => self.weight = Value::Constant(value),
                "delay" => self.delay = Value::Constant(value),
                $( stringify!($field) => self.$field = value, )*
                _ => return Err(unknown(entity, name, Self::PARAMETERS)),
            }
            Ok(())
        }

        /// Reads a parameter (not weight or delay) by its NEST name.
        pub fn get(&self, name: &str) -> Option<f64> {
            match name {
                $( stringify!($field) => Some(self.$field), )*
                _ => None,
            }
        }
    };
}

/// NEST's `stdp_synapse`: pair-based STDP with the weight dependence of Gütig et al.
/// (2003). A presynaptic spike at `t` first facilitates the weight for each postsynaptic
/// spike since the previous presynaptic spike, then depresses it by the postsynaptic
/// trace at `t − delay` (the whole delay counts as dendritic delay), and then sends it.
/// Weights stay between 0 and `Wmax` (same sign as the weight).
#[allow(non_snake_case)]
#[derive(Debug, Clone, PartialEq)]
pub struct StdpSynapse {
    /// The model name: `stdp_synapse` or the variant's own.
    pub model: String,
    /// Initial weight (pA, or mV onto `iaf_psc_delta`); must have the sign of `Wmax`.
    pub weight: Value,
    /// Delay (ms); also the dendritic delay of the STDP rule.
    pub delay: Value,
    /// Time constant of the presynaptic trace Kplus (ms).
    pub tau_plus: f64,
    /// Step size of the weight change.
    pub lambda: f64,
    /// Asymmetry: depression relative to facilitation.
    pub alpha: f64,
    /// Weight-dependence exponent of facilitation (0: additive, 1: multiplicative).
    pub mu_plus: f64,
    /// Weight-dependence exponent of depression.
    pub mu_minus: f64,
    /// Maximum weight (pA, or mV), with the sign of the weight.
    pub Wmax: f64,
    /// Initial presynaptic trace (>= 0).
    pub Kplus: f64,
}

impl Default for StdpSynapse {
    /// NEST's defaults.
    fn default() -> Self {
        Self {
            model: Self::NAME.into(),
            weight: Value::Constant(1.0),
            delay: Value::Constant(1.0),
            tau_plus: 20.0,
            lambda: 0.01,
            alpha: 1.0,
            mu_plus: 1.0,
            mu_minus: 1.0,
            Wmax: 100.0,
            Kplus: 0.0,
        }
    }
}

impl StdpSynapse {
    /// NEST's name.
    pub const NAME: &'static str = "stdp_synapse";
    /// The parameters besides weight and delay, with NEST's defaults. `Wmax` has the
    /// dimension of the weight (pA, or mV onto `iaf_psc_delta`).
    pub const PARAMETERS: &'static [ParamInfo] = &[
        param(
            "tau_plus",
            Time,
            20.0,
            "time constant of the presynaptic trace",
        ),
        param(
            "lambda",
            Dimensionless,
            0.01,
            "step size of the weight change",
        ),
        param(
            "alpha",
            Dimensionless,
            1.0,
            "depression relative to facilitation",
        ),
        param(
            "mu_plus",
            Dimensionless,
            1.0,
            "weight dependence of facilitation",
        ),
        param(
            "mu_minus",
            Dimensionless,
            1.0,
            "weight dependence of depression",
        ),
        param("Wmax", Current, 100.0, "maximum weight (the weight's unit)"),
        param("Kplus", Dimensionless, 0.0, "initial presynaptic trace"),
    ];

    synapse_params!(tau_plus, lambda, alpha, mu_plus, mu_minus, Wmax, Kplus);

    /// NEST's checks (`Kplus >= 0`; a constant weight with the sign of `Wmax`), plus
    /// `tau_plus > 0` and `Wmax != 0`, which NEST leaves unchecked although they give
    /// infinite or undefined weights.
    pub fn validate(&self, entity: &str, res: &Resolution) -> Result<()> {
        base(entity, &self.weight, &self.delay, res)?;
        finite(entity, Self::PARAMETERS, |n| self.get(n))?;
        positive(entity, "tau_plus", self.tau_plus)?;
        if self.Wmax == 0.0 {
            return Err(Error::invalid(
                entity,
                "Wmax",
                self.Wmax,
                "must not be 0 (weights are scaled by it); give the largest weight",
            ));
        }
        if self.Kplus < 0.0 {
            return Err(Error::invalid(entity, "Kplus", self.Kplus, "must be >= 0"));
        }
        if let Some(w) = self.weight.constant() {
            self.check_weight(entity, w)?;
        }
        Ok(())
    }

    /// NEST's check of one synapse's weight: the same sign as `Wmax` (0 counts as
    /// positive).
    pub fn check_weight(&self, entity: &str, weight: f64) -> Result<()> {
        if (weight >= 0.0) == (self.Wmax >= 0.0) {
            Ok(())
        } else {
            Err(Error::invalid(
                entity,
                "weight",
                weight,
                format!("weight and Wmax ({}) must have the same sign", self.Wmax),
            ))
        }
    }
}

/// NEST's `tsodyks_synapse`: short-term depression and facilitation after Tsodyks,
/// Uziel and Markram (2000), with a decaying amount of transmitter `y` in the cleft
/// (time constant `tau_psc`). Each spike sends `u·x·weight`.
#[allow(non_snake_case)]
#[derive(Debug, Clone, PartialEq)]
pub struct TsodyksSynapse {
    /// The model name: `tsodyks_synapse` or the variant's own.
    pub model: String,
    /// Weight (pA, or mV onto `iaf_psc_delta`): the efficacy when all resources are used.
    pub weight: Value,
    /// Delay (ms).
    pub delay: Value,
    /// Increase of the release probability `u` per spike, in [0, 1].
    pub U: f64,
    /// Time constant of the synaptic current (ms); NEST's documentation asks for the
    /// target neuron's synaptic time constant.
    pub tau_psc: f64,
    /// Time constant of facilitation (ms); 0 disables it.
    pub tau_fac: f64,
    /// Time constant of recovery from depression (ms).
    pub tau_rec: f64,
    /// Initial fraction of resources in the recovered state.
    pub x: f64,
    /// Initial fraction of resources in the active state (`x + y <= 1`).
    pub y: f64,
    /// Initial release probability, in [0, 1].
    pub u: f64,
}

impl Default for TsodyksSynapse {
    /// NEST's defaults.
    fn default() -> Self {
        Self {
            model: Self::NAME.into(),
            weight: Value::Constant(1.0),
            delay: Value::Constant(1.0),
            U: 0.5,
            tau_psc: 3.0,
            tau_fac: 0.0,
            tau_rec: 800.0,
            x: 1.0,
            y: 0.0,
            u: 0.0,
        }
    }
}

impl TsodyksSynapse {
    /// NEST's name.
    pub const NAME: &'static str = "tsodyks_synapse";
    /// The parameters besides weight and delay, with NEST's defaults.
    pub const PARAMETERS: &'static [ParamInfo] = &[
        param(
            "U",
            Dimensionless,
            0.5,
            "increase of u per spike, in [0, 1]",
        ),
        param(
            "tau_psc",
            Time,
            3.0,
            "time constant of the synaptic current",
        ),
        param(
            "tau_fac",
            Time,
            0.0,
            "time constant of facilitation (0: none)",
        ),
        param("tau_rec", Time, 800.0, "time constant of recovery"),
        param("x", Dimensionless, 1.0, "initial recovered resources"),
        param("y", Dimensionless, 0.0, "initial active resources"),
        param("u", Dimensionless, 0.0, "initial release probability"),
    ];

    synapse_params!(U, tau_psc, tau_fac, tau_rec, x, y, u);

    /// NEST's checks (`x + y <= 1`, `U` and `u` in [0, 1], `tau_psc > 0`, `tau_rec > 0`,
    /// `tau_fac >= 0`), plus `tau_psc != tau_rec`, where NEST's propagator divides by zero.
    pub fn validate(&self, entity: &str, res: &Resolution) -> Result<()> {
        base(entity, &self.weight, &self.delay, res)?;
        finite(entity, Self::PARAMETERS, |n| self.get(n))?;
        if self.x + self.y > 1.0 {
            return Err(Error::invalid(
                entity,
                "x",
                self.x,
                format!("x + y must be <= 1 (y = {})", self.y),
            ));
        }
        in_unit_interval(entity, "U", self.U)?;
        positive(entity, "tau_psc", self.tau_psc)?;
        positive(entity, "tau_rec", self.tau_rec)?;
        not_negative(entity, "tau_fac", self.tau_fac)?;
        in_unit_interval(entity, "u", self.u)?;
        if self.tau_psc == self.tau_rec {
            return Err(Error::invalid(
                entity,
                "tau_psc",
                self.tau_psc,
                "must differ from tau_rec (the model divides by tau_psc - tau_rec)",
            ));
        }
        Ok(())
    }
}

/// NEST's `tsodyks2_synapse`: short-term depression and facilitation after Tsodyks and
/// Markram (1997) and Fuhrmann et al. (2002), without a synaptic time constant. Each
/// spike sends `x·u·weight`.
#[allow(non_snake_case)]
#[derive(Debug, Clone, PartialEq)]
pub struct Tsodyks2Synapse {
    /// The model name: `tsodyks2_synapse` or the variant's own.
    pub model: String,
    /// Weight (pA, or mV onto `iaf_psc_delta`).
    pub weight: Value,
    /// Delay (ms).
    pub delay: Value,
    /// Increase of the release probability `u` per spike, in [0, 1].
    pub U: f64,
    /// Initial release probability, in [0, 1] (NEST's default: 0.5, the default `U`).
    pub u: f64,
    /// Initial fraction of the weight available.
    pub x: f64,
    /// Time constant of recovery from depression (ms).
    pub tau_rec: f64,
    /// Time constant of facilitation (ms); 0 disables it.
    pub tau_fac: f64,
}

impl Default for Tsodyks2Synapse {
    /// NEST's defaults.
    fn default() -> Self {
        Self {
            model: Self::NAME.into(),
            weight: Value::Constant(1.0),
            delay: Value::Constant(1.0),
            U: 0.5,
            u: 0.5,
            x: 1.0,
            tau_rec: 800.0,
            tau_fac: 0.0,
        }
    }
}

impl Tsodyks2Synapse {
    /// NEST's name.
    pub const NAME: &'static str = "tsodyks2_synapse";
    /// The parameters besides weight and delay, with NEST's defaults.
    pub const PARAMETERS: &'static [ParamInfo] = &[
        param(
            "U",
            Dimensionless,
            0.5,
            "increase of u per spike, in [0, 1]",
        ),
        param("u", Dimensionless, 0.5, "initial release probability"),
        param(
            "x",
            Dimensionless,
            1.0,
            "initial fraction of the weight available",
        ),
        param("tau_rec", Time, 800.0, "time constant of recovery"),
        param(
            "tau_fac",
            Time,
            0.0,
            "time constant of facilitation (0: none)",
        ),
    ];

    synapse_params!(U, u, x, tau_rec, tau_fac);

    /// NEST's checks: `U` and `u` in [0, 1], `tau_rec > 0`, `tau_fac >= 0`.
    pub fn validate(&self, entity: &str, res: &Resolution) -> Result<()> {
        base(entity, &self.weight, &self.delay, res)?;
        finite(entity, Self::PARAMETERS, |n| self.get(n))?;
        in_unit_interval(entity, "U", self.U)?;
        in_unit_interval(entity, "u", self.u)?;
        positive(entity, "tau_rec", self.tau_rec)?;
        not_negative(entity, "tau_fac", self.tau_fac)
    }
}

fn base(entity: &str, weight: &Value, delay: &Value, res: &Resolution) -> Result<()> {
    weight.validate(entity, "weight")?;
    delay.validate(entity, "delay")?;
    if let Some(d) = delay.constant() {
        delay_steps(entity, d, res)?;
    }
    Ok(())
}

/// The synapse a projection is made with: static or plastic.
#[derive(Debug, Clone, PartialEq)]
pub enum Synapse {
    /// `static_synapse` (or a variant).
    Static(StaticSynapse),
    /// `stdp_synapse` (or a variant).
    Stdp(StdpSynapse),
    /// `tsodyks_synapse` (or a variant).
    Tsodyks(TsodyksSynapse),
    /// `tsodyks2_synapse` (or a variant).
    Tsodyks2(Tsodyks2Synapse),
}

impl Synapse {
    /// The model name (NEST's or the variant's).
    pub fn model(&self) -> &str {
        match self {
            Synapse::Static(s) => &s.model,
            Synapse::Stdp(s) => &s.model,
            Synapse::Tsodyks(s) => &s.model,
            Synapse::Tsodyks2(s) => &s.model,
        }
    }

    /// The name, weight and delay, as a static synapse (what is stored the same way for
    /// every model).
    pub fn base(&self) -> StaticSynapse {
        let (model, weight, delay) = match self {
            Synapse::Static(s) => return s.clone(),
            Synapse::Stdp(s) => (&s.model, s.weight, s.delay),
            Synapse::Tsodyks(s) => (&s.model, s.weight, s.delay),
            Synapse::Tsodyks2(s) => (&s.model, s.weight, s.delay),
        };
        StaticSynapse {
            model: model.clone(),
            weight,
            delay,
            receptor_type: 0,
        }
    }

    /// NEST's `receptor_type`: the receptor port fed (0: the weight's sign picks the
    /// channel). Plastic synapses feed port 0.
    pub fn receptor_type(&self) -> u16 {
        match self {
            Synapse::Static(s) => s.receptor_type,
            _ => 0,
        }
    }

    /// Checks every parameter as NEST does; `entity` names the projection.
    pub fn validate(&self, entity: &str, res: &Resolution) -> Result<()> {
        match self {
            Synapse::Static(s) => s.validate(entity, res),
            Synapse::Stdp(s) => s.validate(entity, res),
            Synapse::Tsodyks(s) => s.validate(entity, res),
            Synapse::Tsodyks2(s) => s.validate(entity, res),
        }
    }
}

macro_rules! into_synapse {
    ($($ty:ident => $variant:ident),*) => {$(
        impl From<$ty> for Synapse {
            fn from(s: $ty) -> Self {
                Synapse::$variant(s)
            }
        }
        impl From<&$ty> for Synapse {
            fn from(s: &$ty) -> Self {
                Synapse::$variant(s.clone())
            }
        }
    )*};
}

into_synapse!(StaticSynapse => Static, StdpSynapse => Stdp, TsodyksSynapse => Tsodyks,
    Tsodyks2Synapse => Tsodyks2);

impl From<&Synapse> for Synapse {
    fn from(s: &Synapse) -> Self {
        s.clone()
    }
}
