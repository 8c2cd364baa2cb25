use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_exp_multisynapse { tau_m: 10 ms, tau_syn: [2, 10] ms };
    population cells = Cell[10];
}

fn main() {}
