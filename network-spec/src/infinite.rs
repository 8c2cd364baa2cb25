//! Parameters NEST 3.10 accepts as +inf but the engine refuses, each with what NEST then
//! computes (measured by `conformance/inf_params.py`, whose verdicts are committed in
//! `conformance/reference/inf_params.json`; `tests/nest_checks.rs` compares the two).
//!
//! Where NEST's result with +inf is finite and meaningful and the engine reproduces it
//! (the postsynaptic STDP traces' `tau_minus`, `tau_minus_triplet`: traces that never
//! decay; the synaptic and threshold time constants of the exactly integrated
//! `iaf_psc_exp`, `iaf_psc_exp_htum`, `mat2_psc_exp`, `amat2_psc_exp`; the synaptic
//! time constants of the RKF45-integrated `iaf_cond_*`, `aeif_*`, `hh_*` models and of
//! the `gif_*` models, `tau_w` and `gsl_error_tol` of the `aeif_*` models, `Delta_V` of
//! the `gif_*` models and `C_m` of the delta models, each with a conformance case
//! `<model>_<param>_inf` in `conformance/cases_infinite.py`), the models' checks accept
//! +inf and no entry is here: every +inf NEST 3.10 computes finite dynamics with is
//! accepted.

use crate::{Error, Result};

/// What NEST 3.10 computes with the parameter at +inf, driven by a DC current and spikes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NestOutcome {
    /// NaN in the state after the first step: refused for good.
    Nan,
    /// No dynamics: the membrane potential (or rate) never moves whatever the input:
    /// refused for good.
    Frozen,
}

/// One parameter the engine refuses at +inf although NEST takes it.
#[derive(Debug, Clone, Copy)]
pub struct InfiniteRefusal {
    /// NEST's model name.
    pub model: &'static str,
    /// NEST's parameter name.
    pub param: &'static str,
    /// What NEST computes with it.
    pub nest: NestOutcome,
    /// The reason given in the error, with the fix.
    pub why: &'static str,
}

/// Every parameter refused at +inf although NEST 3.10 takes it.
pub const INFINITE_REFUSALS: &[InfiniteRefusal] = &[
    InfiniteRefusal {
        model: "iaf_psc_alpha",
        param: "tau_m",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_m` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_psc_alpha",
        param: "tau_syn_ex",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_syn_ex` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_psc_alpha",
        param: "tau_syn_in",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_syn_in` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_psc_exp",
        param: "tau_m",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_m` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_psc_delta",
        param: "tau_m",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_m` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_psc_alpha_multisynapse",
        param: "tau_m",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_m` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_psc_exp_multisynapse",
        param: "tau_m",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_m` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_cond_beta",
        param: "tau_rise_ex",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_rise_ex` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_cond_beta",
        param: "tau_decay_ex",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_decay_ex` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_cond_beta",
        param: "tau_rise_in",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_rise_in` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_cond_beta",
        param: "tau_decay_in",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_decay_in` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_psc_exp_htum",
        param: "tau_m",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_m` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "mat2_psc_exp",
        param: "tau_m",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_m` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "amat2_psc_exp",
        param: "tau_m",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_m` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "amat2_psc_exp",
        param: "tau_syn_ex",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_syn_ex` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "amat2_psc_exp",
        param: "tau_syn_in",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_syn_in` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "amat2_psc_exp",
        param: "tau_v",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_v` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "gif_psc_exp",
        param: "C_m",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: gif_psc_exp's propagators divide by C_m and multiply by tau_m = C_m/g_L = inf (0 * inf), and V_m becomes NaN on the first step; give a large finite value",
    },
    InfiniteRefusal {
        model: "gif_cond_exp",
        param: "g_L",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: the leak current g_L * (V_m - E_L) is inf * 0 at rest, and V_m becomes NaN on the first step; give a large finite value",
    },
    InfiniteRefusal {
        model: "pp_psc_delta",
        param: "tau_m",
        nest: NestOutcome::Nan,
        why: "NEST 3.10 takes it but computes NaN: its propagators for `tau_m` multiply a factor that is 0 at +inf by one that is infinite (0 * inf), and V_m becomes NaN on the first step; for a slow time constant give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_psc_alpha",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_psc_exp",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_psc_alpha_multisynapse",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_psc_exp_multisynapse",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_cond_exp",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_cond_alpha",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_cond_beta",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "aeif_cond_exp",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "aeif_cond_alpha",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "aeif_psc_exp",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "aeif_psc_alpha",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "aeif_cond_beta_multisynapse",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "hh_psc_alpha",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "hh_cond_exp_traub",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "iaf_psc_exp_htum",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "mat2_psc_exp",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "amat2_psc_exp",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "gif_cond_exp",
        param: "C_m",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: every current is divided by C_m = inf, so neither I_e nor synaptic input changes it; give a large finite value",
    },
    InfiniteRefusal {
        model: "gif_psc_exp",
        param: "g_L",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but V_m never moves: its propagators with tau_m = C_m/g_L = 0 hold V_m at E_L whatever the input; give a large finite value",
    },
    InfiniteRefusal {
        model: "lin_rate_ipn",
        param: "tau",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but the rate never moves from its initial value: input and noise are scaled by h/tau = 0; give a large finite value",
    },
    InfiniteRefusal {
        model: "tanh_rate_ipn",
        param: "tau",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but the rate never moves from its initial value: input and noise are scaled by h/tau = 0; give a large finite value",
    },
    InfiniteRefusal {
        model: "threshold_lin_rate_ipn",
        param: "tau",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but the rate never moves from its initial value: input and noise are scaled by h/tau = 0; give a large finite value",
    },
    InfiniteRefusal {
        model: "sigmoid_rate_ipn",
        param: "tau",
        nest: NestOutcome::Frozen,
        why: "NEST 3.10 takes it but the rate never moves from its initial value: input and noise are scaled by h/tau = 0; give a large finite value",
    },
];

/// The refusal of `param` = +inf on `model`, if the engine refuses it.
pub fn refusal(model: &str, param: &str) -> Option<&'static InfiniteRefusal> {
    INFINITE_REFUSALS
        .iter()
        .find(|r| r.model == model && r.param == param)
}

/// The error for the first parameter of `values` that is +inf where `model` refuses it.
pub fn check<'a>(
    entity: &str,
    model: &str,
    values: impl IntoIterator<Item = (&'a str, f64)>,
) -> Result<()> {
    for (name, v) in values {
        if v == f64::INFINITY {
            if let Some(r) = refusal(model, name) {
                return Err(Error::invalid(
                    entity,
                    name,
                    v,
                    format!("must be finite: {}", r.why),
                ));
            }
        }
    }
    Ok(())
}
