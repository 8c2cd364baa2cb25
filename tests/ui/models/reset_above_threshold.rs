use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha { V_th: -55 mV, V_reset: -50 mV };
}

fn main() {}
