use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    connect cells -> cells: pairwise_bernoulli(1.5);
}

fn main() {}
