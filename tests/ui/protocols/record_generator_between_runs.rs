use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    stimulate copies = mip_generator { rate: 20 Hz, p_copy: 0.5 } -> cells via static_synapse { weight: 100 pA, delay: 1 ms };
    protocol {
        simulate 10 ms;
        // A mip_generator's parent train is drawn from the start of the run; a
        // generator with a train per target could be recorded here.
        record late = spike_recorder <- copies;
        simulate 10 ms;
    }
}

fn main() {}
