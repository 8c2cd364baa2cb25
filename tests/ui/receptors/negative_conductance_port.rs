use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = aeif_cond_beta_multisynapse {
        E_rev: [0, -80] mV, tau_rise: [0.2, 0.5] ms, tau_decay: [2, 8] ms,
    };
    population cells = Cell[10];
    connect cells -> cells: fixed_indegree(2),
        via static_synapse { weight: -5 nS, delay: 1 ms, receptor: 2 };
}

fn main() {}
