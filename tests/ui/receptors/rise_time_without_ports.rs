use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha where { transmitters: { AMPA: 2 ms } };
    population cells = Cell[10];
}

fn main() {}
