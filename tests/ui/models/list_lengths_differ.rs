use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = gif_psc_exp { tau_sfa: [10, 100] ms, q_sfa: [3] mV };
}

fn main() {}
