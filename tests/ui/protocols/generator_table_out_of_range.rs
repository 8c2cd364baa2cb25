use network::prelude::*;

network! {
    pub struct Net;
    resolution = 0.1 ms;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    stimulate copies = mip_generator { rate: 100 Hz, p_copy: 0.5 } -> cells via static_synapse { weight: 5 pA, delay: 1 ms };
    protocol {
        simulate 10 ms;
        // NEST refuses a copy probability above 1.
        set copies.p_copy = 1.5;
        simulate 10 ms;
    }
}

fn main() {}
