use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha(inhibitry);
}

fn main() {}
