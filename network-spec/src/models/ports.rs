//! Receptor ports of NEST's multisynapse models: one synaptic time constant each
//! (`tau_syn`), their checks and recordables.

use crate::error::{Error, Result};
use crate::recordable::Recordable;

/// Checks `tau_syn` as NEST does: every element strictly positive (and finite). With
/// `tau_m` given (`iaf_psc_exp_multisynapse`), every element must also differ from it.
///
/// An empty list is valid, as in NEST: the neuron then has no receptor port and takes
/// current input only.
pub fn check_tau_syn(entity: &str, tau_syn: &[f64], tau_m: Option<f64>) -> Result<()> {
    for (k, &tau) in tau_syn.iter().enumerate() {
        if !(tau > 0.0 && tau.is_finite()) {
            return Err(Error::invalid(
                entity,
                "tau_syn",
                tau_syn,
                format!(
                    "every synaptic time constant must be > 0 ms, but port {} has {tau} ms",
                    k + 1
                ),
            ));
        }
        if tau_m == Some(tau) {
            return Err(Error::invalid(
                entity,
                "tau_syn",
                tau_syn,
                format!(
                    "port {} has tau_syn = tau_m = {tau} ms; NEST requires membrane and synapse \
                     time constants to differ for this model: change one of them slightly",
                    k + 1
                ),
            ));
        }
    }
    Ok(())
}

/// The recordables of a multisynapse model with `ports` receptor ports, in NEST's order:
/// `V_m`, the total `I_syn`, then `I_syn_1 ..= I_syn_n`.
pub fn recordables(ports: usize) -> Vec<Recordable> {
    let mut out = vec![Recordable::V_m, Recordable::I_syn];
    out.extend((1..=ports).map(|k| Recordable::I_syn_port(k as u16)));
    out
}

/// The largest number of receptor ports (they are numbered with 16 bits).
pub const MAX_PORTS: usize = u16::MAX as usize;

/// Rejects more ports than [`MAX_PORTS`].
pub fn check_port_count(entity: &str, tau_syn: &[f64]) -> Result<()> {
    if tau_syn.len() > MAX_PORTS {
        return Err(Error::invalid(
            entity,
            "tau_syn",
            tau_syn.len(),
            format!("at most {MAX_PORTS} receptor ports are supported"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tau_syn_checks_name_the_port() {
        assert!(check_tau_syn("m", &[], None).is_ok());
        let e = check_tau_syn("m", &[2.0, 0.0], None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("port 2") && e.contains("tau_syn"), "{e}");
        let e = check_tau_syn("m", &[2.0, 10.0], Some(10.0))
            .unwrap_err()
            .to_string();
        assert!(e.contains("port 2") && e.contains("tau_m"), "{e}");
        assert!(check_tau_syn("m", &[2.0, 10.0], None).is_ok());
    }

    #[test]
    fn recordables_follow_the_ports() {
        assert_eq!(
            recordables(2),
            [
                Recordable::V_m,
                Recordable::I_syn,
                Recordable::I_syn_port(1),
                Recordable::I_syn_port(2)
            ]
        );
    }
}
