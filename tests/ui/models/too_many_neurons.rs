use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population small = Cell[100];
    population huge = Cell[4294967200];
}

fn main() {}
