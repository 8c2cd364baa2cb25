//! `iaf_cond_alpha`: leaky integrate-and-fire neuron with alpha-shaped synaptic
//! conductances, integrated as NEST 3.10 does (GSL's RKF45 with `y_new(1e-3, 0)`, the
//! integration step carried from step to step).
//!
//! An alpha conductance is a beta conductance whose rise and decay times are both
//! `tau_syn`: NEST's `iaf_cond_alpha_dynamics` is `iaf_cond_beta_dynamics` term by term
//! then, and its normalisation `e/tau_syn` is the beta normalisation's limit. The
//! model is built by [`iaf_cond_beta`](super::iaf_cond_beta)'s machinery.

use super::iaf_cond_beta::{beta_conductance_model, BetaTimes};
pub use network_spec::models::IafCondAlpha;

beta_conductance_model!(IafCondAlpha, |p| BetaTimes {
    rise_ex: p.tau_syn_ex,
    decay_ex: p.tau_syn_ex,
    rise_in: p.tau_syn_in,
    decay_in: p.tau_syn_in,
});
