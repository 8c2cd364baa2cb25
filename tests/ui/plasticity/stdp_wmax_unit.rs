use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_delta;
    population a = Cell[10];
    connect a -> a: all_to_all, via stdp_synapse { weight: 1 mV, Wmax: 100 pA };
}

fn main() {}
