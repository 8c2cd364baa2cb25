use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_exp { tau_syn_ex: 2 ms };
    population a = Cell[10];
    connect a -> a: all_to_all, via tsodyks_synapse { weight: 10 pA, tau_psc: 3 ms };
}

fn main() {}
