use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    # the cells
    population cells = Cell[10];
    record spikes = spike_recorder <- cells;
}

fn main() {
    let _ = Net::build(Seed(1)).map(|net| net.spikes(&net.spikes).len());
}
