use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    stimulate sine = ac_generator { amplitude: 100 pA, frequency: 10 mV } -> cells;
}

fn main() {}
