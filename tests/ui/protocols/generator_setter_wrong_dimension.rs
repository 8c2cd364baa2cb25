use network::prelude::*;
use network::units::pA;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    stimulate drive = poisson_generator { rate: 100 Hz } -> cells via static_synapse { weight: 5 pA, delay: 1 ms };
}

fn main() {
    let mut net = Net::build(Seed(1)).unwrap();
    // A Poisson generator's rate is a rate (Hz), not a current.
    net.set_drive().rate(pA(20.0)).unwrap();
}
