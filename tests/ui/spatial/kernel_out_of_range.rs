use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[9] on grid([3, 3], extent: [1, 1] mm);
    connect cells -> cells: pairwise_bernoulli(0.5)
        with p = gaussian2d(std_x: 0.2 mm, std_y: 0.1 mm, rho: 1.5);
}

fn main() {}
