use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha { tau_n: 10 ms };
}

fn main() {}
