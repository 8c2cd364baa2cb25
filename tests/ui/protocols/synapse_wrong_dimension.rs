use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha { tau_minus: 20 ms };
    population pre = Cell[2];
    population post = Cell[2];
    connect plastic = pre -> post: all_to_all, via stdp_synapse { weight: 100 pA, delay: 1 ms, Wmax: 200 pA };
    protocol {
        simulate 10 ms;
        // Wmax is a weight: pA onto iaf_psc_alpha.
        set plastic.Wmax = 120 ms;
        simulate 10 ms;
    }
}

fn main() {}
