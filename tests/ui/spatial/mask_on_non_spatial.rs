use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    record spikes = spike_recorder <- cells within sphere(radius: 1 mm);
}

fn main() {}
