use network::prelude::*;
use network::units::pA;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population exc = Cell[3];
}

fn main() {
    let mut net = Net::build(Seed(1)).unwrap();
    // iaf_psc_alpha has no parameter `I_x`.
    net.set_exc().I_x(pA(376.0)).unwrap();
}
