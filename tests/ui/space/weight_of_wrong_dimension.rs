use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[9] on grid([3, 3], extent: [1, 1] mm);
    connect cells -> cells: pairwise_bernoulli(1.0), via static_synapse { weight: 2 mV * exp(-distance / 150 um), delay: 1 ms };
}

fn main() {}
