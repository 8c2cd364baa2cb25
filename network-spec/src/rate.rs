//! NEST's rate neurons with input noise (`rate_neuron_ipn`: `lin_rate_ipn`,
//! `tanh_rate_ipn`, `threshold_lin_rate_ipn`, `sigmoid_rate_ipn`), the rate connections
//! that join them (`rate_connection_delayed`, `rate_connection_instantaneous`) and the
//! kernel's waveform-relaxation settings, declared once with
//! [`parameters!`](crate::parameters). The dynamics live in the engine
//! (`network_core::models::rate`).
//!
//! A rate neuron's `rate` obeys `tau · dX = (−lambda · X + mu + φ(input)) dt + sqrt(tau)
//! · sigma dW` (NEST's stochastic exponential Euler step); `φ` is the model's
//! nonlinearity. Rates and weights are pure numbers.

use crate::error::{Error, Result};
use crate::params::{positive, Parameters};
use crate::recordable::Recordable;

/// Declares one rate model: the parameters every `rate_neuron_ipn` has, then the
/// nonlinearity's.
macro_rules! rate_neuron {
    ($(#[$attr:meta])* $Name:ident = $nest:literal { $($extra:tt)* }) => {
        crate::parameters! {
            $(#[$attr])*
            pub neuron $Name = $nest {
                tau: Time = 10.0, "time constant of the rate dynamics";
                lambda: Number = 1.0, "passive decay rate (0: no decay, Euler-Maruyama)";
                sigma: Number = 1.0, "standard deviation of the input noise";
                mu: Number = 0.0, "mean input";
                rectify_rate: Number = 0.0, "lowest rate when rectify_output is set";
                linear_summation: flag = true, "apply the nonlinearity to the summed input (1) or to each input rate (0)";
                rectify_output: flag = false, "keep the rate at or above rectify_rate";
                mult_coupling: flag = false, "multiply excitatory and inhibitory input by the model's coupling factors of the rate";
                $($extra)*
                rate: Number = 0.0, "initial rate";
            }
        }
    };
}

rate_neuron! {
    /// Parameters of `lin_rate_ipn`, named and defaulted as in NEST 3.10: nonlinearity
    /// `φ(h) = g·h`; with `mult_coupling`, excitatory input is multiplied by
    /// `g_ex·(theta_ex − rate)` and inhibitory input by `g_in·(theta_in + rate)`.
    LinRateIpn = "lin_rate_ipn" {
        g: Number = 1.0, "gain of the nonlinearity";
        g_ex: Number = 1.0, "linear factor of the multiplicative excitatory coupling";
        g_in: Number = 1.0, "linear factor of the multiplicative inhibitory coupling";
        theta_ex: Number = 0.0, "offset of the multiplicative excitatory coupling";
        theta_in: Number = 0.0, "offset of the multiplicative inhibitory coupling";
    }
}

rate_neuron! {
    /// Parameters of `tanh_rate_ipn`, named and defaulted as in NEST 3.10: nonlinearity
    /// `φ(h) = tanh(g·(h − theta))`.
    TanhRateIpn = "tanh_rate_ipn" {
        g: Number = 1.0, "gain of the nonlinearity";
        theta: Number = 0.0, "inflection point of the nonlinearity";
    }
}

rate_neuron! {
    /// Parameters of `threshold_lin_rate_ipn`, named and defaulted as in NEST 3.10:
    /// nonlinearity `φ(h) = min(max(g·(h − theta), 0), alpha)`.
    ThresholdLinRateIpn = "threshold_lin_rate_ipn" {
        g: Number = 1.0, "gain of the nonlinearity";
        theta: Number = 0.0, "threshold of the nonlinearity";
        alpha: Number = f64::INFINITY, "saturation of the nonlinearity";
    }
}

rate_neuron! {
    /// Parameters of `sigmoid_rate_ipn`, named and defaulted as in NEST 3.10:
    /// nonlinearity `φ(h) = g / (1 + exp(−beta·(h − theta)))`.
    SigmoidRateIpn = "sigmoid_rate_ipn" {
        g: Number = 1.0, "gain of the nonlinearity";
        beta: Number = 1.0, "slope of the nonlinearity";
        theta: Number = 0.0, "inflection point of the nonlinearity";
    }
}

crate::parameters! {
    /// `rate_connection_delayed`: a rate neuron's rate reaches its target `delay` later,
    /// multiplied by `weight` (its sign picks the excitatory or inhibitory input).
    pub neuron RateConnectionDelayed = "rate_connection_delayed" {
        weight: Number = 1.0, "weight (the sign picks excitatory or inhibitory input)";
        delay: Time = 1.0, "delay, rounded to the nearest step; at least one step";
    }
}

crate::parameters! {
    /// `rate_connection_instantaneous`: a rate neuron's rate reaches its target in the
    /// same step, multiplied by `weight`; NEST computes it by waveform relaxation
    /// ([`WaveformRelaxation`]).
    pub neuron RateConnectionInstantaneous = "rate_connection_instantaneous" {
        weight: Number = 1.0, "weight (the sign picks excitatory or inhibitory input)";
    }
}

crate::parameters! {
    /// NEST's kernel settings of waveform relaxation, the iteration that solves
    /// instantaneous rate connections within each communication interval.
    pub neuron WaveformRelaxation = "kernel" {
        use_wfr: flag = true, "iterate instantaneous rate connections (1), or take the last step's rates with a communication interval of one step (0)";
        wfr_comm_interval: Time = 1.0, "communication interval of instantaneous connections (at least the resolution)";
        wfr_tol: Number = 0.0001, "the iteration ends when no rate changes by more than this";
        wfr_max_iterations: integer = 15.0, "iterations per interval at most";
        wfr_interpolation_order: integer = 3.0, "interpolation order of gap junctions (unused by rate neurons)";
    }
}

/// What every `rate_neuron_ipn` model shares: its common parameters and NEST's checks.
pub trait RateParams: Parameters + Default + Clone + Send + Sync + 'static {
    /// The time constant `tau` (ms).
    fn tau(&self) -> f64;
    /// The passive decay rate `lambda`.
    fn lambda(&self) -> f64;
    /// The noise amplitude `sigma`.
    fn sigma(&self) -> f64;
    /// The mean input `mu`.
    fn mu(&self) -> f64;
    /// The lowest rate `rectify_rate`.
    fn rectify_rate(&self) -> f64;
    /// Whether the nonlinearity applies to the summed input.
    fn linear_summation(&self) -> bool;
    /// Whether the rate is kept at or above `rectify_rate`.
    fn rectify_output(&self) -> bool;
    /// Whether input is multiplied by the coupling factors.
    fn mult_coupling(&self) -> bool;
    /// The initial rate.
    fn initial_rate(&self) -> f64;

    /// NEST's checks (`tau > 0`, `lambda >= 0`, `sigma >= 0`, `rectify_rate >= 0`)
    /// after the table's; `entity` names the population.
    fn validate(&self, entity: &str) -> Result<()> {
        self.check_table(entity)
            .and_then(|()| {
                crate::infinite::check(entity, Self::NAME, crate::neuron::infinite_values(self))
            })
            .and_then(|()| check_common(self, entity))
            .map_err(|e| e.with_units(Self::PARAMETERS))
    }
}

fn check_common<P: RateParams>(p: &P, entity: &str) -> Result<()> {
    positive(entity, "tau", p.tau())?;
    for (name, v, what) in [
        ("lambda", p.lambda(), "passive decay rate"),
        ("sigma", p.sigma(), "noise parameter"),
        ("rectify_rate", p.rectify_rate(), "rectifying rate"),
    ] {
        if v < 0.0 {
            return Err(Error::invalid(
                entity,
                name,
                v,
                format!("must be >= 0 (NEST: the {what} must not be negative)"),
            ));
        }
    }
    Ok(())
}

macro_rules! impl_rate_params {
    ($($Name:ident),*) => {$(
        impl RateParams for $Name {
            fn tau(&self) -> f64 { self.tau }
            fn lambda(&self) -> f64 { self.lambda }
            fn sigma(&self) -> f64 { self.sigma }
            fn mu(&self) -> f64 { self.mu }
            fn rectify_rate(&self) -> f64 { self.rectify_rate }
            fn linear_summation(&self) -> bool { self.linear_summation }
            fn rectify_output(&self) -> bool { self.rectify_output }
            fn mult_coupling(&self) -> bool { self.mult_coupling }
            fn initial_rate(&self) -> f64 { self.rate }
        }
    )*};
}
impl_rate_params!(LinRateIpn, TanhRateIpn, ThresholdLinRateIpn, SigmoidRateIpn);

/// The recordables of every rate model, in NEST's order.
pub const RATE_RECORDABLES: &[Recordable] = &[Recordable::noise, Recordable::rate];

/// A NEST rate neuron model the engine knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RateModel {
    /// `lin_rate_ipn`
    LinRateIpn,
    /// `tanh_rate_ipn`
    TanhRateIpn,
    /// `threshold_lin_rate_ipn`
    ThresholdLinRateIpn,
    /// `sigmoid_rate_ipn`
    SigmoidRateIpn,
}

/// Runs `$body` with `$M` the parameter type of a [`RateModel`](crate::rate::RateModel).
#[macro_export]
macro_rules! with_rate_model {
    ($model:expr, $M:ident => $body:expr) => {
        match $model {
            $crate::rate::RateModel::LinRateIpn => {
                type $M = $crate::rate::LinRateIpn;
                $body
            }
            $crate::rate::RateModel::TanhRateIpn => {
                type $M = $crate::rate::TanhRateIpn;
                $body
            }
            $crate::rate::RateModel::ThresholdLinRateIpn => {
                type $M = $crate::rate::ThresholdLinRateIpn;
                $body
            }
            $crate::rate::RateModel::SigmoidRateIpn => {
                type $M = $crate::rate::SigmoidRateIpn;
                $body
            }
        }
    };
}

impl RateModel {
    /// Every rate model.
    pub const ALL: &'static [RateModel] = &[
        RateModel::LinRateIpn,
        RateModel::TanhRateIpn,
        RateModel::ThresholdLinRateIpn,
        RateModel::SigmoidRateIpn,
    ];

    /// NEST's name.
    pub fn name(self) -> &'static str {
        with_rate_model!(self, M => M::NAME)
    }

    /// The parameter table.
    pub fn parameters(self) -> &'static [crate::ParamInfo] {
        with_rate_model!(self, M => M::PARAMETERS)
    }

    /// The model by NEST's name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|m| m.name() == name)
    }

    /// Runs NEST's checks on the defaults with `values` set.
    pub fn validate(self, entity: &str, values: &[(&str, f64)]) -> Result<()> {
        with_rate_model!(self, M => {
            let mut m = M::default();
            for (name, v) in values {
                m.set(entity, name, *v)?;
            }
            RateParams::validate(&m, entity)
        })
    }
}

/// The rate connection models.
pub const RATE_CONNECTIONS: &[(&str, &[crate::ParamInfo])] = &[
    (
        RateConnectionDelayed::NAME,
        RateConnectionDelayed::PARAMETERS,
    ),
    (
        RateConnectionInstantaneous::NAME,
        RateConnectionInstantaneous::PARAMETERS,
    ),
];

impl WaveformRelaxation {
    /// NEST's checks of the kernel settings at resolution `h_ms`: `wfr_comm_interval`
    /// at least the resolution, `wfr_tol >= 0`, `wfr_max_iterations > 0`,
    /// `wfr_interpolation_order` 0, 1 or 3.
    pub fn validate(&self, h_ms: f64) -> Result<()> {
        self.check_table("kernel")?;
        if self.wfr_comm_interval < h_ms {
            return Err(Error::invalid(
                "kernel",
                "wfr_comm_interval",
                self.wfr_comm_interval,
                format!("must be >= the resolution {h_ms} ms"),
            ));
        }
        if self.wfr_tol < 0.0 {
            return Err(Error::invalid(
                "kernel",
                "wfr_tol",
                self.wfr_tol,
                "must be >= 0",
            ));
        }
        if self.wfr_max_iterations <= 0.0 {
            return Err(Error::invalid(
                "kernel",
                "wfr_max_iterations",
                self.wfr_max_iterations,
                "must be > 0",
            ));
        }
        if ![0.0, 1.0, 3.0].contains(&self.wfr_interpolation_order) {
            return Err(Error::invalid(
                "kernel",
                "wfr_interpolation_order",
                self.wfr_interpolation_order,
                "must be 0, 1 or 3",
            ));
        }
        Ok(())
    }
}
