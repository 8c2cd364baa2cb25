use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    record spikes = spike_recorder <- cells;
    stimulate spikes = dc_generator { amplitude: 10 pA } -> cells;
}

fn main() {}
