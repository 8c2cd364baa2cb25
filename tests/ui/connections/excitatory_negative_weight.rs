use network::prelude::*;

network! {
    pub struct Net;
    neuron Pyr = iaf_psc_alpha where { class: excitatory };
    population pyr = Pyr[10];
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    connect pyr -> cells: all_to_all, via static_synapse { weight: normal(mean: -1 pA, std: 0.5 pA), delay: 1 ms };
}

fn main() {}
