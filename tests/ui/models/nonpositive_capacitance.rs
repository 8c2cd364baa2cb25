use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha { C_m: 0 pF };
}

fn main() {}
