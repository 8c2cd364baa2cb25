use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha where { dendrite_extnt: 200 um };
}

fn main() {}
