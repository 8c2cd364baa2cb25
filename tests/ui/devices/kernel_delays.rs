use network::prelude::*;

network! {
    pub struct Net;
    min_delay = 0.5 ms;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
}

fn main() {}
