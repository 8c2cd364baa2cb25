use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha { C_m: 200 pF, C_m: 250 pF };
}

fn main() {}
