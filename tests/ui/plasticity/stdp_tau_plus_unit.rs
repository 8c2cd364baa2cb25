use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population a = Cell[10];
    synapse learn = stdp_synapse { weight: 10 pA, tau_plus: 20 mV };
    connect a -> a: all_to_all, via learn;
}

fn main() {}
