use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_exp_multisynapse where { transmitters: [AMPA, NMDA] };
    population cells = Cell[10];
    connect cells -> cells: all_to_all, via static_synapse { weight: -5 pA, receptor: GABA_B };
}

fn main() {}
