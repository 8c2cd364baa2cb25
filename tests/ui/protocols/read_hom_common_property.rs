use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha { tau_minus: 20 ms };
    population pre = Cell[2];
    population post = Cell[2];
    connect plastic = pre -> post: all_to_all, via stdp_synapse_hom { weight: 100 pA, delay: 1 ms };
    protocol {
        simulate 10 ms;
        // NEST's connections of a `_hom` model report their weight and trace, not lambda.
        read learned = plastic { weight, lambda };
        simulate 10 ms;
    }
}

fn main() {}
