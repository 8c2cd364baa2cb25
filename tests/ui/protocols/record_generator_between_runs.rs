use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    stimulate sup = gamma_sup_generator { rate: 20 Hz, gamma_shape: 2, n_proc: 3 } -> cells via static_synapse { weight: 100 pA, delay: 1 ms };
    protocol {
        simulate 10 ms;
        // A gamma superposition keeps each target's process ages from the start of the
        // run; a poisson_generator or spike_generator could be recorded here.
        record late = spike_recorder <- sup;
        simulate 10 ms;
    }
}

fn main() {}
