use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population a = Cell[10];
    synapse s = stdp_synapses { weight: 10 pA };
}

fn main() {}
