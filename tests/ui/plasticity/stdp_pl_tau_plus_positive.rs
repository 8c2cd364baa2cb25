use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population a = Cell[10];
    connect a -> a: all_to_all, via stdp_pl_synapse_hom { weight: 5 pA, tau_plus: 0 ms };
}

fn main() {}
