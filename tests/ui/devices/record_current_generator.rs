use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    stimulate drive = dc_generator { amplitude: 300 pA } -> cells;
    record spikes = spike_recorder <- cells, drive;
}

fn main() {}
