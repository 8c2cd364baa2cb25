use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population pre = Cell[2];
    population post = Cell[2];
    connect e2i = pre -> post: all_to_all, via tsodyks2_synapse { weight: 100 pA, delay: 1 ms };
    protocol {
        simulate 10 ms;
        // tsodyks2_synapse has `tau_rec`, not `tau_recovery`.
        set e2i.tau_recovery = 500 ms;
        simulate 10 ms;
    }
}

fn main() {}
