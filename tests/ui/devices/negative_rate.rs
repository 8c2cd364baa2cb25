use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    stimulate noise = poisson_generator { rate: -5 Hz } -> cells via static_synapse { weight: 2 pA, delay: 1 ms };
}

fn main() {}
