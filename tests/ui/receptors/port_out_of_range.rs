use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha_multisynapse { tau_syn: [2, 100, 5, 50] ms };
    population cells = Cell[10];
    connect cells -> cells: all_to_all, via static_synapse { weight: 5 pA, receptor: 5 };
}

fn main() {}
