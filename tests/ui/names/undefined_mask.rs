use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10] in box([0, 0, 0] mm, [1, 1, 1] mm);
    record spikes = spike_recorder <- cells within corner;
}

fn main() {}
