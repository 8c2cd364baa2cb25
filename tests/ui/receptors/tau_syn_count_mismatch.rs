use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_exp_multisynapse { tau_syn: [2] ms } where { transmitters: [AMPA, NMDA] };
    population cells = Cell[10];
}

fn main() {}
