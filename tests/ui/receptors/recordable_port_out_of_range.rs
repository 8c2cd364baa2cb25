use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha_multisynapse { tau_syn: [2, 100] ms };
    population cells = Cell[10];
    record m = multimeter { record_from: [V_m, I_syn_3] } <- cells;
}

fn main() {}
