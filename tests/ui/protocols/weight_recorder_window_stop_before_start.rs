use network::prelude::*;

network! {
    pub struct Net;
    resolution = 0.1 ms;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    connect e2e = cells -> cells: all_to_all, via static_synapse { weight: 10 pA, delay: 1 ms };
    record wr = weight_recorder { start: 20 ms } <- e2e;
    protocol {
        simulate 10 ms;
        // NEST requires start <= stop: start is 20 ms.
        set wr.stop = 10 ms;
        simulate 10 ms;
    }
}

fn main() {}
