use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_cond_exp;
    population cells = Cell[10];
    connect cells -> cells: all_to_all, via static_synapse { weight: 10 pA, delay: 1 ms };
}

fn main() {}
