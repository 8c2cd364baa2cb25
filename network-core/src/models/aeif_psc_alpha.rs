//! `aeif_psc_alpha`: adaptive exponential integrate-and-fire neuron with alpha-shaped
//! postsynaptic currents, integrated as NEST 3.10 does (GSL's RKF45 with
//! `yp_new(gsl_error_tol, gsl_error_tol)`, spikes checked after every integrator step).
//!
//! The dynamics are [`aeif_alpha`](super::aeif_alpha)'s, read as currents.

use super::aeif::{aeif_membrane, aeif_two_port_model, Drive};
pub use network_spec::models::AeifPscAlpha;

aeif_two_port_model!(
    AeifPscAlpha,
    aeif_alpha,
    Drive::Currents,
    |p, res| aeif_membrane!(p, res, 0.0, 0.0)
);
