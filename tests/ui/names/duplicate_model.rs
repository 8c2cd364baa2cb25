use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    neuron Cell = iaf_psc_exp;
}

fn main() {}
