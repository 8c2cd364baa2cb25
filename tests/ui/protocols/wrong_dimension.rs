use network::prelude::*;
use network::units::mV;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population exc = Cell[3];
}

fn main() {
    let mut net = Net::build(Seed(1)).unwrap();
    // I_e is a current (pA), not a voltage.
    net.set_exc().I_e(mV(376.0)).unwrap();
}
