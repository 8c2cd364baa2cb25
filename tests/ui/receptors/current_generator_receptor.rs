use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_exp_multisynapse { tau_syn: [2, 100] ms };
    population cells = Cell[10];
    stimulate dc = dc_generator { amplitude: 100 pA } -> cells via static_synapse { receptor: 1 };
}

fn main() {}
