use network::prelude::*;
use network::units::pA;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    connect e2e = cells -> cells: all_to_all, via static_synapse { weight: 10 pA, delay: 1 ms };
    record wr = weight_recorder <- e2e;
}

fn main() {
    let mut net = Net::build(Seed(1)).unwrap();
    // A window time is a time (ms), not a current.
    net.set_wr().start(pA(50.0)).unwrap();
}
