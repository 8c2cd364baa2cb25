//! The parameters of every neuron model, one file per model: its
//! [`parameters!`](crate::parameters) block and NEST's checks (the dynamics live in the
//! engine, `network_core::models`).

mod aeif_cond_alpha;
mod aeif_cond_beta_multisynapse;
mod aeif_cond_exp;
mod aeif_psc_alpha;
mod aeif_psc_delta;
mod aeif_psc_exp;
mod amat2_psc_exp;
pub mod cond;
mod gif_cond_exp;
mod gif_psc_exp;
mod hh_cond_exp_traub;
mod hh_psc_alpha;
mod iaf_cond_alpha;
mod iaf_cond_beta;
mod iaf_cond_exp;
mod iaf_psc_alpha;
mod iaf_psc_alpha_multisynapse;
mod iaf_psc_delta;
mod iaf_psc_exp;
mod iaf_psc_exp_htum;
mod iaf_psc_exp_multisynapse;
mod izhikevich;
mod mat2_psc_exp;
mod parrot_neuron;
pub mod ports;
mod pp_psc_delta;
mod sfa;

pub use aeif_cond_alpha::AeifCondAlpha;
pub use aeif_cond_beta_multisynapse::{AeifCondBetaMultisynapse, MAX_BETA_PORTS};
pub use aeif_cond_exp::AeifCondExp;
pub use aeif_psc_alpha::AeifPscAlpha;
pub use aeif_psc_delta::AeifPscDelta;
pub use aeif_psc_exp::AeifPscExp;
pub use amat2_psc_exp::Amat2PscExp;
pub use gif_cond_exp::GifCondExp;
pub use gif_psc_exp::GifPscExp;
pub use hh_cond_exp_traub::HhCondExpTraub;
pub use hh_psc_alpha::HhPscAlpha;
pub use iaf_cond_alpha::IafCondAlpha;
pub use iaf_cond_beta::IafCondBeta;
pub use iaf_cond_exp::IafCondExp;
pub use iaf_psc_alpha::IafPscAlpha;
pub use iaf_psc_alpha_multisynapse::IafPscAlphaMultisynapse;
pub use iaf_psc_delta::IafPscDelta;
pub use iaf_psc_exp::IafPscExp;
pub use iaf_psc_exp_htum::IafPscExpHtum;
pub use iaf_psc_exp_multisynapse::IafPscExpMultisynapse;
pub use izhikevich::Izhikevich;
pub use mat2_psc_exp::Mat2PscExp;
pub use parrot_neuron::ParrotNeuron;
pub use pp_psc_delta::PpPscDelta;

use crate::error::{Error, Result};
use crate::params::{positive, positive_inf_ok};

/// NEST's checks shared by the leaky integrate-and-fire models: capacitance and membrane
/// time constant positive, refractory time not negative, reset below threshold. NEST
/// holds both potentials relative to `E_L` and compares them there, so an infinite
/// `E_L` (which makes both infinite alike) fails the comparison.
#[allow(non_snake_case)]
pub fn check_integrate_and_fire(
    entity: &str,
    C_m: f64,
    tau_m: f64,
    t_ref: f64,
    E_L: f64,
    V_reset: f64,
    V_th: f64,
) -> Result<()> {
    positive_inf_ok(entity, "C_m", C_m)?;
    positive(entity, "tau_m", tau_m)?;
    if t_ref < 0.0 {
        return Err(Error::invalid(entity, "t_ref", t_ref, "must be >= 0 ms"));
    }
    if E_L.is_infinite() {
        return Err(Error::invalid(
            entity,
            "E_L",
            E_L,
            "must be finite (V_reset and V_th are held relative to it, as in NEST)",
        ));
    }
    if V_reset - E_L >= V_th - E_L {
        return Err(Error::invalid(
            entity,
            "V_reset",
            V_reset,
            format!("must be below V_th ({V_th} mV)"),
        ));
    }
    Ok(())
}

/// NEST's check that a period (ms) is at least one simulation step (its
/// `RefractoryCounts < 1` error). NEST rounds such periods up to whole steps, so any
/// period of at least one tic (0.001 ms) qualifies at every resolution.
pub fn at_least_one_step(entity: &str, name: &str, t: f64) -> Result<()> {
    if crate::time::ms_to_tics(t) >= 1 {
        Ok(())
    } else {
        Err(Error::invalid(
            entity,
            name,
            t,
            "must be at least one time step (0.001 ms or more)",
        ))
    }
}

/// NEST's check that time constant `tau` differs from each of `others` (the exact
/// propagators divide by their differences).
pub fn different_time_constants(
    entity: &str,
    tau: (&str, f64),
    others: &[(&str, f64)],
) -> Result<()> {
    for &(name, other) in others {
        if tau.1 == other {
            return Err(Error::invalid(
                entity,
                tau.0,
                tau.1,
                format!(
                    "must differ from {name} ({other} ms); see NEST's documentation of the model"
                ),
            ));
        }
    }
    Ok(())
}
