use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    record spikes = spike_recorder { start: -100 ms } <- cells;
}

fn main() {}
