use network::prelude::*;
use network::units::number;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population pre = Cell[2];
    population post = Cell[2];
    connect e2i = pre -> post: all_to_all, via static_synapse { weight: 100 pA, delay: 1 ms };
}

fn main() {
    let mut net = Net::build(Seed(1)).unwrap();
    // A connection's receptor is fixed once its synapses are made.
    net.set_e2i().receptor_type(number(1.0)).unwrap();
}
