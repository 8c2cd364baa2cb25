use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population exc = Cell[dyn ne] in box([0, 0, 0] mm, [1, 1, 1] mm);
    population inh = Cell[10] in box([0, 0, 0] mm, [1, 1, 1] mm);
    connect exc -> inh: from_biology, via static_synapse { weight: 1 pA, delay: 1 ms }
        where { projection: 10 %, boutons: 40, axon_radius: 300 um };
}

fn main() {}
