use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10] in box([0, 0, 0] mm, [1, 1, 1] mm);
    mask disc = circle(radius: 0.5 mm);
    connect cells -> cells: fixed_indegree(2) in disc;
}

fn main() {}
