//! `aeif_cond_exp`: adaptive exponential integrate-and-fire neuron with exponentially
//! decaying synaptic conductances, integrated as NEST 3.10 does (GSL's RKF45 with
//! `yp_new(gsl_error_tol, gsl_error_tol)`, spikes checked after every integrator step).
//!
//! The dynamics are [`aeif_exp`](super::aeif_exp)'s, read as conductances.

use super::aeif::{aeif_membrane, aeif_two_port_model, Drive};
pub use network_spec::models::AeifCondExp;

aeif_two_port_model!(
    AeifCondExp,
    aeif_exp,
    Drive::Conductances,
    |p, res| aeif_membrane!(p, res, p.E_ex, p.E_in)
);
