use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    connect cells -> cells: fixed_in_degree(2);
}

fn main() {}
