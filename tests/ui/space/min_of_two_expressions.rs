use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[9] on grid([3, 3], extent: [1, 1] mm);
    connect cells -> cells: fixed_indegree(2) with p = min(exp(-distance / 0.1 mm), dx / 1 mm);
}

fn main() {}
