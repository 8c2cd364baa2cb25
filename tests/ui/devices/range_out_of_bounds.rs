use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    record spikes = spike_recorder <- cells[5..20];
}

fn main() {}
