use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[9] on grid([3, 3], extent: [1, 1] mm);
    connect cells -> cells: pairwise_bernoulli(p: 0.5 mm * exp(-distance / 100 um));
}

fn main() {}
