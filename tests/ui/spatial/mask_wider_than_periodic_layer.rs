use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population sheet = Cell[25] on grid([5, 5], extent: [1, 1] mm, periodic);
    connect sheet -> sheet: pairwise_bernoulli(0.1) in circle(radius: 0.6 mm);
}

fn main() {}
