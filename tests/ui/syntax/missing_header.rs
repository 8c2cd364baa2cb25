use network::prelude::*;

network! {
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
}

fn main() {}
