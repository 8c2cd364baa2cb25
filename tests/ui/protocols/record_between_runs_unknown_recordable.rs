use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    protocol {
        simulate 10 ms;
        // iaf_psc_alpha has no conductance to record.
        record late = multimeter { record_from: [g_ex] } <- cells;
        simulate 10 ms;
    }
}

fn main() {}
