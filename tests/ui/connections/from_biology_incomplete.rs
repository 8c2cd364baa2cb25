use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10] in box([0, 0, 0] mm, [1, 1, 1] mm);
    connect cells -> cells: from_biology where { projection: 10 %, boutons: 40 };
}

fn main() {}
