use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10] on grid([5, 2], extent: [1, 1] mm)
    mask local = circle(radius: 0.2 mm);
    record spikes = spike_recorder <- cells within local;
}

fn main() {
    let _ = Net::build(Seed(1)).map(|net| net.spikes(&net.spikes).len());
}
