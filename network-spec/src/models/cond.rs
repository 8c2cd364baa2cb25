//! NEST's checks shared by the conductance-based and adaptive models NEST integrates
//! with GSL.

use crate::error::{Error, Result};
use crate::params::{positive, positive_inf_ok, positive_or_inf};

/// `iaf_cond_*`: reset below threshold, `C_m > 0`, `t_ref >= 0`, synaptic time constants
/// positive (NEST's `Parameters_::set`).
#[allow(non_snake_case)]
pub fn check_iaf_cond(
    entity: &str,
    V_reset: f64,
    V_th: f64,
    C_m: f64,
    t_ref: f64,
    tau_syn: &[(&'static str, f64)],
) -> Result<()> {
    if V_reset >= V_th {
        return Err(Error::invalid(
            entity,
            "V_reset",
            V_reset,
            format!("must be below V_th ({V_th} mV)"),
        ));
    }
    positive(entity, "C_m", C_m)?;
    if t_ref < 0.0 {
        return Err(Error::invalid(entity, "t_ref", t_ref, "must be >= 0 ms"));
    }
    for (name, tau) in tau_syn {
        positive_or_inf(entity, name, *tau)?;
    }
    Ok(())
}

/// The parameters every `aeif_*` model checks alike.
#[allow(non_snake_case)]
pub struct Aeif {
    /// Spike detection threshold (mV).
    pub V_peak: f64,
    /// Reset potential (mV).
    pub V_reset: f64,
    /// Spike initiation threshold (mV).
    pub V_th: f64,
    /// Slope factor (mV).
    pub Delta_T: f64,
    /// Membrane capacitance (pF).
    pub C_m: f64,
    /// Refractory period (ms).
    pub t_ref: f64,
    /// Adaptation time constant (ms).
    pub tau_w: f64,
    /// The integrator's error tolerance.
    pub gsl_error_tol: f64,
}

impl Aeif {
    /// NEST's `aeif_*` checks, in NEST's order: `V_reset < V_peak`, `Delta_T >= 0` and
    /// no overflow of `exp((V_peak − V_th)/Delta_T)` (a 1e20 margin), `V_peak >= V_th`,
    /// `C_m > 0`, `t_ref >= 0`, `tau_w > 0` (the synaptic time constants are the caller's),
    /// `gsl_error_tol > 0`.
    pub fn check(&self, entity: &str) -> Result<()> {
        if self.V_reset >= self.V_peak {
            return Err(Error::invalid(
                entity,
                "V_reset",
                self.V_reset,
                format!("must be below V_peak ({} mV)", self.V_peak),
            ));
        }
        if self.Delta_T < 0.0 {
            return Err(Error::invalid(
                entity,
                "Delta_T",
                self.Delta_T,
                "must be >= 0 mV",
            ));
        }
        if self.Delta_T > 0.0 {
            let max_exp_arg = (f64::MAX / 1e20).ln();
            if (self.V_peak - self.V_th) / self.Delta_T >= max_exp_arg {
                return Err(Error::invalid(
                    entity,
                    "Delta_T",
                    self.Delta_T,
                    format!(
                        "is too small for V_peak − V_th = {} mV: exp((V_peak − V_th)/Delta_T) \
                         would overflow at the spike",
                        self.V_peak - self.V_th
                    ),
                ));
            }
        }
        if self.V_peak < self.V_th {
            return Err(Error::invalid(
                entity,
                "V_peak",
                self.V_peak,
                format!("must be >= V_th ({} mV)", self.V_th),
            ));
        }
        positive_inf_ok(entity, "C_m", self.C_m)?;
        if self.t_ref < 0.0 {
            return Err(Error::invalid(
                entity,
                "t_ref",
                self.t_ref,
                "must be >= 0 ms",
            ));
        }
        positive_or_inf(entity, "tau_w", self.tau_w)?;
        positive_inf_ok(entity, "gsl_error_tol", self.gsl_error_tol)
    }
}

#[cfg(test)]
mod tests {
    use crate::models::{
        AeifCondAlpha, AeifPscDelta, HhCondExpTraub, HhPscAlpha, IafCondBeta, IafCondExp,
    };
    use crate::neuron::NeuronParams;

    /// The parameter a rejected set is reported for.
    fn rejected<M: NeuronParams>(m: &M) -> String {
        let e = m.validate("cell").expect_err("NEST rejects this set");
        e.to_string()
    }

    #[test]
    fn defaults_pass_nests_checks() {
        IafCondExp::default().validate("cell").unwrap();
        IafCondBeta::default().validate("cell").unwrap();
        AeifCondAlpha::default().validate("cell").unwrap();
        AeifPscDelta::default().validate("cell").unwrap();
        HhPscAlpha::default().validate("cell").unwrap();
        HhCondExpTraub::default().validate("cell").unwrap();
    }

    #[test]
    fn nests_bad_properties_are_rejected() {
        let m = IafCondExp {
            V_reset: -55.0,
            ..Default::default()
        };
        assert!(rejected(&m).contains("V_reset"));
        let m = IafCondBeta {
            tau_decay_in: 0.0,
            ..Default::default()
        };
        assert!(rejected(&m).contains("tau_decay_in"));
        // V_peak below V_th; Delta_T < 0; exp((V_peak − V_th)/Delta_T) beyond
        // ln(DBL_MAX/1e20) = 663.8 (50.4/0.07 = 720); gsl_error_tol 0.
        let aeif = |f: fn(&mut AeifCondAlpha)| {
            let mut m = AeifCondAlpha::default();
            f(&mut m);
            rejected(&m)
        };
        assert!(aeif(|m| m.V_peak = -51.0).contains("V_peak"));
        assert!(aeif(|m| m.Delta_T = -1.0).contains("Delta_T"));
        assert!(aeif(|m| m.Delta_T = 0.07).contains("overflow"));
        assert!(aeif(|m| m.gsl_error_tol = 0.0).contains("gsl_error_tol"));
        // Delta_T = 0 is allowed (then V_th is the threshold), and 0.08 (630) fits.
        for dt in [0.0, 0.08] {
            AeifCondAlpha {
                Delta_T: dt,
                ..Default::default()
            }
            .validate("cell")
            .unwrap();
        }
        let m = HhPscAlpha {
            g_K: -1.0,
            ..Default::default()
        };
        assert!(rejected(&m).contains("g_K"));
        let m = HhCondExpTraub {
            t_ref: -0.1,
            ..Default::default()
        };
        assert!(rejected(&m).contains("t_ref"));
    }
}
