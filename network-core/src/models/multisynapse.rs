//! What NEST's two multisynapse models share: receptor ports (one synaptic time
//! constant each, `tau_syn`), their checks, per-port state arrays and recordables.

use super::Recordable;
use crate::error::{Error, Result};
use crate::storage::Length;

/// Checks `tau_syn` as NEST does: every element strictly positive (and finite). With
/// `tau_m` given (`iaf_psc_exp_multisynapse`), every element must also differ from it.
///
/// An empty list is valid, as in NEST: the neuron then has no receptor port and takes
/// current input only.
pub(crate) fn check_tau_syn(entity: &str, tau_syn: &[f64], tau_m: Option<f64>) -> Result<()> {
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
pub(crate) fn recordables(ports: usize) -> Vec<Recordable> {
    let mut out = vec![Recordable::V_m, Recordable::I_syn];
    out.extend((1..=ports).map(|k| Recordable::I_syn_port(k as u16)));
    out
}

/// The largest number of receptor ports (they are numbered with 16 bits).
pub const MAX_PORTS: usize = u16::MAX as usize;

/// Rejects more ports than [`MAX_PORTS`].
pub(crate) fn check_port_count(entity: &str, tau_syn: &[f64]) -> Result<()> {
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

/// The error for `tau_syn` set to a single number.
pub(crate) fn list_given_one_value(entity: &str, value: f64) -> Error {
    Error::invalid(
        entity,
        "tau_syn",
        value,
        "tau_syn is a list with one time constant per receptor port, e.g. [2.0, 10.0] ms \
         (set it with `set_list`)",
    )
}

/// One state array per receptor port, each with one entry per neuron.
pub(crate) fn port_arrays<L: Length>(len: L, ports: usize) -> Vec<L::Array<f64>> {
    (0..ports).map(|_| len.filled(0.0)).collect()
}

/// Splits per-port arrays into blocks of `block_len` neurons: `[block][port]`.
pub(crate) fn split_ports<L: Length>(
    arrays: &mut [L::Array<f64>],
    block_len: usize,
    blocks: usize,
) -> Vec<Vec<&mut [f64]>> {
    let mut out: Vec<Vec<&mut [f64]>> = (0..blocks).map(|_| Vec::new()).collect();
    for array in arrays.iter_mut() {
        for (b, chunk) in array.chunks_mut(block_len).enumerate() {
            out[b].push(chunk);
        }
    }
    out
}

/// The value of `var` for a neuron whose per-port synaptic currents are `current(k)`
/// (0-based port), or `None` if the model lacks it. `I_syn` sums the ports from 0.0 in
/// port order, as NEST's `std::accumulate`.
pub(crate) fn synaptic_recordable(
    var: Recordable,
    ports: usize,
    current: impl Fn(usize) -> f64,
) -> Option<f64> {
    match var {
        Recordable::I_syn => Some((0..ports).fold(0.0, |sum, k| sum + current(k))),
        Recordable::I_syn_port(k) if (1..=ports).contains(&usize::from(k)) => {
            Some(current(usize::from(k) - 1))
        }
        _ => None,
    }
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
        let currents = [1.5, -0.5, 2.0];
        let read = |v| synaptic_recordable(v, 3, |k| currents[k]);
        assert_eq!(read(Recordable::I_syn), Some(3.0));
        assert_eq!(read(Recordable::I_syn_port(3)), Some(2.0));
        assert_eq!(read(Recordable::I_syn_port(4)), None);
        assert_eq!(read(Recordable::I_syn_ex), None);
    }
}
