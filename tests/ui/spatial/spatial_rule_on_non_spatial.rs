use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    connect cells -> cells: fixed_indegree(2) in sphere(radius: 1 mm);
}

fn main() {}
