use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    neuron Other = iaf_psc_alpha;
    population others = Other[5];
    connect others -> cells: one_to_one;
}

fn main() {}
