use network::prelude::*;
use network::units::ms;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population pre = Cell[2];
    population post = Cell[2];
    connect e2i = pre -> post: all_to_all, via tsodyks2_synapse { weight: 100 pA, delay: 1 ms };
}

fn main() {
    let mut net = Net::build(Seed(1)).unwrap();
    // tsodyks2_synapse has `tau_rec`, not `tau_recovery`.
    net.set_e2i().tau_recovery(ms(500.0)).unwrap();
}
