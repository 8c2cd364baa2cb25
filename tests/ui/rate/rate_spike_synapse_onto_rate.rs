use network::prelude::*;

network! {
    pub struct Net;
    neuron R = tanh_rate_ipn { g: 2 };
    population r = R[4];
    connect r -> r: all_to_all via static_synapse { weight: 1 pA, delay: 1 ms };
}

fn main() {}
