use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha { tau_minus: 0 ms };
    population a = Cell[10];
    connect a -> a: all_to_all, via stdp_synapse { weight: 10 pA };
}

fn main() {}
