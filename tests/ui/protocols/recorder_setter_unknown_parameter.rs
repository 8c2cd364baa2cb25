use network::prelude::*;
use network::units::ms;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    record spikes = spike_recorder <- cells;
}

fn main() {
    let mut net = Net::build(Seed(1)).unwrap();
    // A recorder's window is start, stop and origin.
    net.set_spikes().begin(ms(50.0)).unwrap();
}
