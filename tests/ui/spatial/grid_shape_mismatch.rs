use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population sheet = Cell[99] on grid([10, 10], extent: [1, 1] mm);
}

fn main() {}
