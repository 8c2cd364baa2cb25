use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    stimulate sup = gamma_sup_generator { rate: 20 Hz, gamma_shape: 2.5 } -> cells via static_synapse { weight: 100 pA, delay: 1 ms };
}

fn main() {}
