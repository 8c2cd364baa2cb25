use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_exp { tau_m: -5 ms };
}

fn main() {}
