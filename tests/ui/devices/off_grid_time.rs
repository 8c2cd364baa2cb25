use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    stimulate dc = dc_generator { amplitude: 10 pA, start: 10.05 ms } -> cells;
}

fn main() {}
