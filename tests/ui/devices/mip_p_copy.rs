use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    stimulate copies = mip_generator { rate: 50 Hz, p_copy: 1.5 } -> cells via static_synapse { weight: 100 pA, delay: 1 ms };
}

fn main() {}
