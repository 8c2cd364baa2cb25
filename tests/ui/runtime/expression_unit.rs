use network::prelude::*;

const J: f64 = 2.0;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    connect cells -> cells: fixed_indegree(2), via static_synapse { weight: 1 pA, delay: {J} mV };
}

fn main() {}
