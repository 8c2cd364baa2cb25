use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population pre = Cell[2];
    population post = Cell[3];
    connect learn = pre -> post: all_to_all, via stdp_synapse { weight: 50 pA, delay: 1.5 ms };
    record weights = weight_recorder <- learn;
    record early = weight_recorder { stop: 100 ms } <- learn;
}

fn main() {}
