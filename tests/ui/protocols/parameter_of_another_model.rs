use network::prelude::*;
use network::units::nS;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    neuron Cond = iaf_cond_exp;
    population exc = Cell[3];
    population cond = Cond[3];
}

fn main() {
    let mut net = Net::build(Seed(1)).unwrap();
    net.set_cond().g_L(nS(20.0)).unwrap();
    // g_L belongs to iaf_cond_exp: the population's model decides.
    net.set_exc().g_L(nS(20.0)).unwrap();
}
