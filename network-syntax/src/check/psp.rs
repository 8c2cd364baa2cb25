//! Weights given as the height of the postsynaptic potential they cause:
//! `weight: psp(0.15 mV)`, or a distribution of heights
//! `weight: psp(normal(mean: 0.15 mV, std: 0.015 mV, min: 0 mV))`. The PSC amplitude is
//! computed for the target population's model when the connection (or stimulator) is
//! checked, from the closed forms of `network_spec::psp`; the description, and so the
//! plan, the macro's code, the loader and the PyNEST export, hold the computed number.
//!
//! The conversion is a positive factor per target (pA per mV, or 1 onto
//! `iaf_psc_delta`), so a distribution of heights becomes the same distribution of
//! amplitudes with every parameter multiplied by it. The factor uses `tau_syn_ex` for a
//! positive weight and `tau_syn_in` for a negative one (the sign of the constant, or of
//! the distribution's mean or middle), or the receptor port's `tau_syn`.

use super::Ctx;
use crate::ast::*;
use crate::description::{NeuronDesc, Value, ValueDesc};
use crate::units::Dim;
use network_spec::psp::{weight_per_mv, Input};

/// A weight written as `psp(..)`: the heights (mV) and where they were written.
#[derive(Debug, Clone)]
pub(crate) struct Psp {
    /// The PSP height, constant or drawn, mV.
    pub height: Value,
    /// The whole `psp(..)`.
    pub span: SpanRange,
}

/// Whether `e` is a `psp(..)` call.
pub(super) fn is_psp(e: &Expr) -> bool {
    matches!(e, Expr::Call(c) if c.name == "psp")
}

/// Reads `psp(height)`. Why: the height is a voltage (a current or a bare number is a
/// mistake, caught here with its span), and only a constant, `uniform` or `normal`
/// height scales into an amplitude of the same kind (a lognormal's `mu` does not).
pub(super) fn read(cx: &mut Ctx, e: &Expr) -> Option<Psp> {
    let Expr::Call(call) = e else { return None };
    let a = cx.args(call, &["height"], &["height"])?;
    let inner = a[0]?;
    let height = match inner {
        Expr::Number(q) if q.unit.is_none() => {
            cx.error(
                q.span,
                "`psp(..)` needs a unit: the height of the PSP is a voltage",
                "write e.g. `psp(0.15 mV)`",
            );
            return None;
        }
        Expr::Rust { .. } => {
            cx.error(
                inner.span(),
                "`psp(..)` takes a number or a distribution in mV, not a Rust expression",
                "compute the amplitude in Rust instead: `{my_weight()} pA`",
            );
            return None;
        }
        _ => match cx.value(inner, Dim::Voltage, "psp")? {
            ValueDesc::Known(
                v @ (Value::Constant(_) | Value::Uniform { .. } | Value::Normal { .. }),
            ) => v,
            _ => {
                cx.error(
                    inner.span(),
                    "`psp(..)` takes a constant, `uniform` or `normal` height",
                    "e.g. `psp(0.15 mV)` or `psp(normal(mean: 0.15 mV, std: 0.015 mV))`",
                );
                return None;
            }
        },
    };
    Some(Psp {
        height,
        span: call.span,
    })
}

/// The sign that picks the input of a target without receptor ports.
fn representative(v: &Value) -> f64 {
    match *v {
        Value::Constant(c) => c,
        Value::Uniform { min, max } => 0.5 * (min + max),
        Value::Normal { mean, .. } => mean,
        Value::Lognormal { .. } | Value::Expression(_) => 1.0,
    }
}

/// The amplitude factor (weight per mV of PSP) onto `target` through `receptor` (0: the
/// sign picks the input). Why an error: the PSP of a conductance-based or nonlinear
/// model depends on its state, so no fixed amplitude gives a fixed height.
pub(super) fn factor(
    cx: &mut Ctx,
    psp: &Psp,
    target: &NeuronDesc,
    population: &str,
    receptor: u16,
) -> Option<f64> {
    let input = match receptor {
        0 if representative(&psp.height) < 0.0 => Input::Inhibitory,
        0 => Input::Excitatory,
        k => Input::Port(k),
    };
    match weight_per_mv(target.base, &target.params, &target.lists, input) {
        Ok(f) if f.is_finite() && f > 0.0 => Some(f),
        Ok(f) => {
            cx.error(
                psp.span,
                format!("`{population}`: a PSP weight needs a finite positive factor, got {f}"),
                "check C_m, tau_m and tau_syn of the target",
            );
            None
        }
        Err(why) => {
            cx.error(
                psp.span,
                format!("`psp(..)` onto `{population}`: {why}"),
                "give the weight as a current (pA) or conductance (nS) instead",
            );
            None
        }
    }
}

/// The amplitudes: every parameter of the heights times `factor`.
pub(super) fn scale(psp: &Psp, factor: f64) -> ValueDesc {
    let f = factor;
    ValueDesc::Known(match psp.height.clone() {
        Value::Constant(c) => Value::Constant(c * f),
        Value::Uniform { min, max } => Value::Uniform {
            min: min * f,
            max: max * f,
        },
        Value::Normal {
            mean,
            std,
            min,
            max,
        } => Value::Normal {
            mean: mean * f,
            std: std * f,
            min: min.map(|m| m * f),
            max: max.map(|m| m * f),
        },
        v @ (Value::Lognormal { .. } | Value::Expression(_)) => v,
    })
}
