use network::prelude::*;

network! {
    pub struct Net;
    resolution = 0.1 ms;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    // NEST refuses precise_times beside shift_now_spikes or allow_offgrid_times.
    stimulate exact = spike_generator { spike_times: [0, 3.33] ms, precise_times: true, shift_now_spikes: true } -> cells via static_synapse { weight: 60 pA, delay: 1 ms };
}

fn main() {}
