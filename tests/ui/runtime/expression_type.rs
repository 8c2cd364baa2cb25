use network::prelude::*;

const COUNT: usize = 3;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    connect cells -> cells: fixed_indegree(2), via static_synapse { weight: {COUNT} pA, delay: 1 ms };
}

fn main() {}
