use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population a = Cell[10];
    synapse std = tsodyks_synapse { weight: 10 pA, x: 0.8, y: 0.3 };
    connect a -> a: all_to_all, via std;
}

fn main() {}
