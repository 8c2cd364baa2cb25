use network::prelude::*;
use network::units::number;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha { tau_minus: 20 ms };
    population pre = Cell[2];
    population post = Cell[2];
    connect plastic = pre -> post: all_to_all, via stdp_synapse_hom { weight: 100 pA, delay: 1 ms };
}

fn main() {
    let mut net = Net::build(Seed(1)).unwrap();
    // NEST keeps lambda of a `_hom` model in the model, not in each connection.
    net.set_plastic().lambda(number(0.02)).unwrap();
}
