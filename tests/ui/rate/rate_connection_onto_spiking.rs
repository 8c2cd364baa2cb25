use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    connect cells -> cells: all_to_all via rate_connection_delayed { weight: 0.5, delay: 1 ms };
}

fn main() {}
