use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[dyn n];
}

fn main() {
    // The sizes are a required argument of `build`.
    let _ = Net::build(Seed(1));
}
