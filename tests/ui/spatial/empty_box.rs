use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10] in box([0, 0, 0] mm, [1, 0, 1] mm);
}

fn main() {}
