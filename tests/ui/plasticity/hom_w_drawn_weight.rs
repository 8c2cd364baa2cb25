use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population a = Cell[10];
    connect a -> a: all_to_all, via static_synapse_hom_w { weight: uniform(1 pA, 2 pA) };
}

fn main() {}
