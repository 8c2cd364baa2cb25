use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[9];
    connect cells -> cells: pairwise_bernoulli(p: 0.5 * exp(-distance / 100 um));
}

fn main() {}
