//! Weights given as the peak of the postsynaptic potential (PSP) they cause at rest:
//! the PSC amplitude (pA) whose PSP peaks at a given height (mV) for a current-based
//! leaky integrate-and-fire target, as the Potjans–Diesmann microcircuit and Brunel's
//! network define their weights.
//!
//! # The closed forms
//!
//! Below threshold the membrane obeys `C_m dV/dt = −C_m V / τ_m + I(t)` (V measured from
//! rest), so a spike at `t = 0` with weight `J` gives `V = (J / C_m) ∫₀ᵗ k(s) e^{−(t−s)/τ_m} ds`
//! for the current's kernel `k`. With `a = 1/τ_s − 1/τ_m`:
//!
//! * **Exponential current** (`iaf_psc_exp`, `iaf_psc_exp_multisynapse`), `k(s) = e^{−s/τ_s}`:
//!   `V(t) = J/C_m · (e^{−t/τ_m} − e^{−t/τ_s}) / a`. `V' = 0` at `t* = ln(τ_m/τ_s) / a`;
//!   writing `r = τ_s/τ_m` and `ρ = τ_m τ_s / (τ_m − τ_s)` (so `1/a = ρ`), the peak is
//!   `V(t*) = J ρ / C_m · (r^{τ_s/(τ_m−τ_s)} − r^{τ_m/(τ_m−τ_s)})`.
//!   For `τ_m = τ_s = τ`: `V = J t e^{−t/τ} / C_m`, peak `J τ / (e C_m)` at `t = τ`.
//! * **Alpha current** (`iaf_psc_alpha`, `iaf_psc_alpha_multisynapse`; NEST normalises it
//!   to peak at `J` when `t = τ_s`), `k(s) = (e/τ_s) s e^{−s/τ_s}`:
//!   `V(t) = J e / (C_m τ_s a²) · (e^{−t/τ_m} − e^{−t/τ_s} (1 + a t))`.
//!   `V' = 0` gives `e^{a t} = 1 + (τ_m/τ_s) a t`: with `x = a t` and `κ = τ_m/τ_s`, the
//!   root `x ≠ 0` of `e^x = 1 + κ x` (positive for `κ > 1`, negative for `κ < 1`; the
//!   Lambert-W branch the other root lies on), found by Newton's method from the side
//!   where the convex `e^x − 1 − κ x` is positive, so the iteration is monotone.
//!   For `τ_m = τ_s = τ`: `V = J e t² e^{−t/τ} / (2 τ C_m)`, peak `2 J τ / (e C_m)` at `2τ`.
//! * **Delta current** (`iaf_psc_delta`): the weight is the voltage jump itself, in mV.
//!
//! Checked against a hand computation (Brunel's `J_ex = 20.68015524367846 pA` for 0.1 mV),
//! the microcircuit reference's conversion (87.8 pA for 0.15 mV) and NEST's own traces.

use crate::registry::BaseModel;

/// The time course of the postsynaptic current a spike causes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PscShape {
    /// `J e^{−t/τ_s}`.
    Exp,
    /// `J (e/τ_s) t e^{−t/τ_s}` (peak `J` at `τ_s`).
    Alpha,
    /// A jump of `J` mV in the membrane potential.
    Delta,
}

impl PscShape {
    /// The current's shape for the neuron models a PSP weight is defined for:
    /// current-based leaky integrate-and-fire models with a linear membrane.
    pub fn of(model: BaseModel) -> Option<PscShape> {
        match model {
            BaseModel::IafPscExp | BaseModel::IafPscExpMultisynapse => Some(PscShape::Exp),
            BaseModel::IafPscAlpha | BaseModel::IafPscAlphaMultisynapse => Some(PscShape::Alpha),
            BaseModel::IafPscDelta => Some(PscShape::Delta),
            _ => None,
        }
    }
}

/// The models a PSP weight is defined for, by NEST name, for messages.
pub const PSP_MODELS: &[&str] = &[
    "iaf_psc_exp",
    "iaf_psc_alpha",
    "iaf_psc_delta",
    "iaf_psc_exp_multisynapse",
    "iaf_psc_alpha_multisynapse",
];

/// The peak PSP (mV) at rest caused by a PSC of amplitude 1 pA of `shape`, for a
/// membrane of time constant `tau_m` (ms) and capacitance `c_m` (pF) and a synaptic
/// time constant `tau_syn` (ms); 1 (mV per mV) for [`PscShape::Delta`].
pub fn peak_per_unit_weight(shape: PscShape, tau_m: f64, c_m: f64, tau_syn: f64) -> f64 {
    match shape {
        PscShape::Delta => 1.0,
        PscShape::Exp if tau_m == tau_syn => tau_m / (std::f64::consts::E * c_m),
        PscShape::Exp => {
            let r = tau_syn / tau_m;
            let rho = tau_m * tau_syn / (tau_m - tau_syn);
            rho / c_m * (r.powf(tau_syn / (tau_m - tau_syn)) - r.powf(tau_m / (tau_m - tau_syn)))
        }
        PscShape::Alpha if tau_m == tau_syn => 2.0 * tau_m / (std::f64::consts::E * c_m),
        PscShape::Alpha => {
            let a = 1.0 / tau_syn - 1.0 / tau_m;
            let t = alpha_root(tau_m / tau_syn) / a;
            let v = (-t / tau_m).exp() - (-t / tau_syn).exp() * (1.0 + a * t);
            std::f64::consts::E / (c_m * tau_syn * a * a) * v
        }
    }
}

/// The root `x ≠ 0` of `e^x = 1 + κ x` (`κ > 0`, `κ ≠ 1`).
fn alpha_root(kappa: f64) -> f64 {
    // Start where the convex h(x) = e^x − 1 − κx is positive, beyond the root: Newton's
    // iterates then approach it monotonically.
    let mut x = if kappa > 1.0 {
        2.0 * kappa.ln() + 2.0
    } else {
        -2.0 / kappa
    };
    for _ in 0..200 {
        let h = x.exp_m1() - kappa * x;
        let next = x - h / (x.exp() - kappa);
        if next == x || !next.is_finite() {
            break;
        }
        let step = (next - x).abs();
        x = next;
        if step <= 1e-16 * x.abs() {
            break;
        }
    }
    x
}

/// The weight (pA; mV for [`PscShape::Delta`]) whose PSP peaks at `psp` mV.
pub fn weight_for_psp(psp: f64, shape: PscShape, tau_m: f64, c_m: f64, tau_syn: f64) -> f64 {
    psp / peak_per_unit_weight(shape, tau_m, c_m, tau_syn)
}

/// Which synaptic time constant of the target a PSP weight uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// `tau_syn_ex` (a weight > 0 onto a model whose sign picks the input).
    Excitatory,
    /// `tau_syn_in` (a weight < 0).
    Inhibitory,
    /// Receptor port `k` (1-based) of a multisynapse model: `tau_syn[k − 1]`.
    Port(u16),
}

/// The weight (pA, or mV onto `iaf_psc_delta`) per mV of peak PSP onto a neuron of
/// `model` with the parameters `values` and list parameters `lists` set (NEST's defaults
/// otherwise), through `input`; or why it is not defined.
pub fn weight_per_mv(
    model: BaseModel,
    values: &[(&str, f64)],
    lists: &[(&str, Vec<f64>)],
    input: Input,
) -> Result<f64, String> {
    let Some(shape) = PscShape::of(model) else {
        return Err(format!(
            "a PSP weight is defined for current-based LIF targets ({}), not {}",
            PSP_MODELS.join(", "),
            model.name()
        ));
    };
    if shape == PscShape::Delta {
        return Ok(1.0);
    }
    let get = |name: &str| model.param(name, values).unwrap_or(f64::NAN);
    let tau_syn = match input {
        Input::Excitatory | Input::Inhibitory if model.has_receptor_ports() => {
            return Err(format!(
                "{} takes its inputs on receptor ports: name the port (`receptor: k`) so that its tau_syn is known",
                model.name()
            ))
        }
        Input::Excitatory => get("tau_syn_ex"),
        Input::Inhibitory => get("tau_syn_in"),
        Input::Port(k) => {
            let taus = lists
                .iter()
                .rev()
                .find(|(n, _)| *n == "tau_syn")
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| model.default_list("tau_syn").unwrap_or_default());
            match taus.get(usize::from(k).wrapping_sub(1)) {
                Some(t) => *t,
                None => {
                    return Err(format!(
                        "{} has {} receptor port(s), not port {k}",
                        model.name(),
                        taus.len()
                    ))
                }
            }
        }
    };
    Ok(1.0 / peak_per_unit_weight(shape, get("tau_m"), get("C_m"), tau_syn))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Brunel's J_ex (brunel_alpha_nest.py): 0.1 mV onto iaf_psc_alpha with C_m 250 pF,
    /// tau_m 20 ms, tau_syn 0.5 ms is 20.68015524367846 pA (NEST's example script).
    #[test]
    fn brunel_alpha_weight() {
        let j = weight_for_psp(0.1, PscShape::Alpha, 20.0, 250.0, 0.5);
        assert!((j - 20.68015524367846).abs() < 1e-11, "{j}");
    }

    /// The microcircuit's 0.15 mV onto iaf_psc_exp (C_m 250 pF, tau_m 10 ms, tau_syn
    /// 0.5 ms), by hand: ρ = 5/9.5, r = 0.05, peak per pA = ρ/250 · (r^{1/19} − r^{20/19}).
    #[test]
    fn microcircuit_exp_weight() {
        let rho: f64 = 5.0 / 9.5;
        let per_pa = rho / 250.0 * (0.05f64.powf(1.0 / 19.0) - 0.05f64.powf(20.0 / 19.0));
        let j = weight_for_psp(0.15, PscShape::Exp, 10.0, 250.0, 0.5);
        assert!((j - 0.15 / per_pa).abs() < 1e-12 * j);
        assert!((j - 87.81).abs() < 0.01, "{j}");
    }

    /// Equal time constants: the limits `τ/(e C)` and `2τ/(e C)` agree with the general
    /// forms just beside them.
    #[test]
    fn equal_time_constants_are_the_limits() {
        for shape in [PscShape::Exp, PscShape::Alpha] {
            let at = peak_per_unit_weight(shape, 5.0, 100.0, 5.0);
            let near = peak_per_unit_weight(shape, 5.0, 100.0, 5.0 * (1.0 + 1e-5));
            assert!((at - near).abs() < 1e-4 * at, "{shape:?}: {at} vs {near}");
        }
    }

    /// τ_s > τ_m: the other root of e^x = 1 + κx, and a peak below J/C · min(τ) bound.
    #[test]
    fn slow_synapse_fast_membrane() {
        let p = peak_per_unit_weight(PscShape::Alpha, 2.0, 100.0, 8.0);
        // Numerical maximum of the closed-form trace on a fine grid.
        let a: f64 = 1.0 / 8.0 - 1.0 / 2.0;
        let v = |t: f64| {
            std::f64::consts::E / (100.0 * 8.0 * a * a)
                * ((-t / 2.0).exp() - (-t / 8.0).exp() * (1.0 + a * t))
        };
        let best = (1..200_000).map(|i| v(i as f64 * 1e-4)).fold(0.0, f64::max);
        assert!((p - best).abs() < 1e-9 * best, "{p} vs {best}");
    }

    #[test]
    fn models_and_ports() {
        let w = weight_per_mv(BaseModel::IafPscDelta, &[], &[], Input::Excitatory).unwrap();
        assert_eq!(w, 1.0);
        let lists = [("tau_syn", vec![0.5, 2.0])];
        let p2 = weight_per_mv(
            BaseModel::IafPscExpMultisynapse,
            &[],
            &lists,
            Input::Port(2),
        );
        let direct = 1.0 / peak_per_unit_weight(PscShape::Exp, 10.0, 250.0, 2.0);
        assert_eq!(p2.unwrap(), direct);
        assert!(weight_per_mv(
            BaseModel::IafPscExpMultisynapse,
            &[],
            &lists,
            Input::Port(3)
        )
        .is_err());
        assert!(weight_per_mv(BaseModel::IafCondExp, &[], &[], Input::Excitatory).is_err());
    }
}
