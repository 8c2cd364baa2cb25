//! What NEST's two multisynapse models share in the engine: per-port state arrays and
//! recordables (the ports' checks are vocabulary: `network_spec::models::ports`).

use super::Recordable;
use crate::storage::Length;

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
    fn recordables_follow_the_ports() {
        let currents = [1.5, -0.5, 2.0];
        let read = |v| synaptic_recordable(v, 3, |k| currents[k]);
        assert_eq!(read(Recordable::I_syn), Some(3.0));
        assert_eq!(read(Recordable::I_syn_port(3)), Some(2.0));
        assert_eq!(read(Recordable::I_syn_port(4)), None);
        assert_eq!(read(Recordable::I_syn_ex), None);
    }
}
