use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    record v = multimeter { interval: 1 ms, record_from: [V_th] } <- cells;
}

fn main() {}
