use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    stimulate dead = ppd_sup_generator { rate: 200 Hz, dead_time: 5 ms } -> cells via static_synapse { weight: 100 pA, delay: 1 ms };
}

fn main() {}
