use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population a = Cell[10];
    connect a -> a: all_to_all, via tsodyks2_synapse { weight: 10 pA, U: 1.5 };
}

fn main() {}
