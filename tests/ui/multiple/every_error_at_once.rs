use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha { C_m: 200 mV, tau_n: 10 ms };
    population cells = Cell[10];
    record spikes = spike_recorder { start: 100 ms, stop: 50 ms } <- cels;
    connect cells -> cells: fixed_indegree(20), no multapses;
}

fn main() {}
