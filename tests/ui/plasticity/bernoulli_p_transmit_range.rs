use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population a = Cell[10];
    connect a -> a: all_to_all, via bernoulli_synapse { weight: 5 pA, p_transmit: 1.5 };
}

fn main() {}
