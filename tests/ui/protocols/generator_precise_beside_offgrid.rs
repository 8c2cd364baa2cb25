use network::prelude::*;

network! {
    pub struct Net;
    resolution = 0.1 ms;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    stimulate listed = spike_generator { spike_times: [2, 4] ms } -> cells via static_synapse { weight: 60 pA, delay: 1 ms };
    protocol {
        simulate 10 ms;
        // NEST refuses precise_times beside allow_offgrid_times.
        set listed.allow_offgrid_times = true;
        set listed.precise_times = true;
        set listed.spike_times = [12.05] ms;
        simulate 10 ms;
    }
}

fn main() {}
