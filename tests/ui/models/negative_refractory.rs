use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_delta { t_ref: -1 ms };
}

fn main() {}
