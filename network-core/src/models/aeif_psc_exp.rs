//! `aeif_psc_exp`: adaptive exponential integrate-and-fire neuron with exponentially
//! decaying postsynaptic currents, integrated as NEST 3.10 does (GSL's RKF45 with
//! `yp_new(gsl_error_tol, gsl_error_tol)`, spikes checked after every integrator step).
//!
//! The dynamics are [`aeif_exp`](super::aeif_exp)'s, read as currents.

use super::aeif::{aeif_membrane, aeif_two_port_model, Drive};
pub use network_spec::models::AeifPscExp;

aeif_two_port_model!(
    AeifPscExp,
    aeif_exp,
    Drive::Currents,
    |p, res| aeif_membrane!(p, res, 0.0, 0.0)
);
