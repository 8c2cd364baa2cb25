use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[9] on grid([3, 3], extent: [1, 1] mm);
    connect cells -> cells: fixed_indegree(2) with p = gamma(kappa: 2, theta: 2 ms);
}

fn main() {}
