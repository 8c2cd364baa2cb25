use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population a = Cell[10];
    stimulate noise = poisson_generator { rate: 10 Hz } -> a via stdp_synapse { weight: 10 pA };
}

fn main() {}
