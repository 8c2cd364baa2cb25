use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alfa { C_m: 200 pF };
}

fn main() {}
