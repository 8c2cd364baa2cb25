use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = aeif_cond_beta_multisynapse where { transmitters: [AMPA, GABA_A] };
    population cells = Cell[10];
}

fn main() {}
