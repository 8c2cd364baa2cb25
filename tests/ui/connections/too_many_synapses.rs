use network::prelude::*;

network! {
    pub struct Huge;
    neuron Cell = iaf_psc_alpha;
    population sources = Cell[10];
    population targets = Cell[1000000000];
    connect sources -> targets: fixed_indegree(1000000000000000);
}

fn main() {}
