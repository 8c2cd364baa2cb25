use network::prelude::*;
use network::units::ms;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha { tau_minus: 20 ms };
    population pre = Cell[2];
    population post = Cell[2];
    connect plastic = pre -> post: all_to_all, via stdp_synapse { weight: 100 pA, delay: 1 ms, Wmax: 200 pA };
}

fn main() {
    let mut net = Net::build(Seed(1)).unwrap();
    // Wmax is a weight: pA onto iaf_psc_alpha.
    net.set_plastic().Wmax(ms(120.0)).unwrap();
}
