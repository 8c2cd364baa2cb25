use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha_multisynapse { tau_syn: [2, 0, 5] ms };
    population cells = Cell[10];
}

fn main() {}
