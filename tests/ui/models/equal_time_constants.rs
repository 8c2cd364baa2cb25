use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = mat2_psc_exp { tau_m: 1 ms };
}

fn main() {}
