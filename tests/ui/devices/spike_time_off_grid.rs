use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    stimulate times = spike_generator { spike_times: [1, 2.9994] ms } -> cells via static_synapse { weight: 100 pA, delay: 1 ms };
}

fn main() {}
