use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha {};
    population pre = Cell[2];
    population post = Cell[2];
    // U is drawn for each synapse; NEST rejects a U above 1, which this range reaches.
    connect dep = pre -> post: all_to_all, via tsodyks2_synapse { weight: 100 pA, U: uniform(0.5, 1.5) };
}

fn main() {}
