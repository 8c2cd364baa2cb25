use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    connect cells -> cells: all_to_all, via static_synapse { weight: 5 pA, receptor: 1 };
}

fn main() {}
