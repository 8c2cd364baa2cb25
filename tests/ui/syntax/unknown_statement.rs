use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    neurons Other = iaf_psc_alpha;
}

fn main() {}
