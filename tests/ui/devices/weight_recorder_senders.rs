use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population pre = Cell[2];
    population post = Cell[3];
    population other = Cell[4];
    connect learn = pre -> post: all_to_all, via stdp_synapse { weight: 50 pA, delay: 1.5 ms };
    connect side = other -> post: all_to_all, via static_synapse { weight: 5 pA, delay: 1 ms };
    record weights = weight_recorder { senders: [pre, other] } <- learn;
}

fn main() {}
