use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_exp;
    population cells = Cell[10];
    connect cells -> cells: all_to_all, via static_synapse { weight: psp(5 pA), delay: 1 ms };
}

fn main() {}
