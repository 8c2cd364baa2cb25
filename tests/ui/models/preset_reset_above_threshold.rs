use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha(excitatory) { V_th: -75 mV };
}

fn main() {}
